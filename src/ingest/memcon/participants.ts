/**
 * The PARTICIPANTS field as lists print it: one person per line ("Warren Christopher,
 * Secretary of State", "President Boris Yeltsin", "D. Zarechnak (Interpreter)"), grouped
 * under side headings ("U.S. Side", "RUSSIA:"), with long roles wrapped onto the next line
 * and lone role lines ("Notetaker") applying to the name below.
 */
import type { Participant } from '../../model/index.ts';
import { MEMCON } from './patterns.ts';

/** Side headings folded to one name per delegation. */
const SIDE_NAMES: [RegExp, string][] = [
  [/^(?:U\.?\s?S\.?(?:A\.?)?|United\s+States|American|US)$/i, 'United States'],
  [/^(?:Russian?|Russian\s+Federation|RF)$/i, 'Russia'],
  [/^(?:Soviet|USSR|U\.S\.S\.R\.|Soviet\s+Union|Union\s+of\s+Soviet\s+Socialist\s+Republics)$/i, 'Soviet Union'],
  [/^(?:Chinese|China|PRC|P\.R\.C\.)$/i, 'China'],
];

/** A line indented this much deeper than the list's entries continues the entry above. */
const CONTINUATION_INDENT = 2;

/** Suffixes after a comma that belong to the name, not the role. */
const NAME_SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;

function knownSide(text: string): string | undefined {
  const clean = text.replace(MEMCON.spaces, ' ').trim();
  return SIDE_NAMES.find(([pattern]) => pattern.test(clean))?.[1];
}

export function sideName(heading: string): string {
  return knownSide(heading) ?? heading.replace(MEMCON.spaces, ' ').trim();
}

export function parseParticipants(value: string): Participant[] {
  const participants: Participant[] = [];
  let side: string | undefined;
  let pendingRole: string | undefined;
  for (const entry of joinWrapped(value.split('\n'))) {
    const sideHeading = MEMCON.sideHeading.exec(entry);
    if ((sideHeading && !MEMCON.titlePrefix.test(entry)) || knownSide(entry)) {
      side = sideName(sideHeading?.[1] ?? sideHeading?.[2] ?? entry);
      continue;
    }
    if (MEMCON.loneRole.test(entry)) {
      pendingRole = entry.replace(MEMCON.trailingColon, '').trim();
      continue;
    }
    for (const part of entry.split(';')) {
      const participant = parseEntry(part.trim());
      if (!participant) continue;
      if (pendingRole) participant.role = participant.role ? `${participant.role}; ${pendingRole}` : pendingRole;
      if (side) participant.side = side;
      participants.push(participant);
      pendingRole = undefined;
    }
  }
  return participants;
}

/** "Name, Role", "Title Name", "Name (Role)" → a participant; undefined for an empty entry. */
export function parseEntry(entry: string): Participant | undefined {
  if (!entry) return undefined;
  let text = entry;
  let role: string | undefined;
  const parenthetical = MEMCON.parentheticalRole.exec(text);
  if (parenthetical && parenthetical[1]) [text, role] = [parenthetical[1], parenthetical[2]!.trim()];
  const [first = '', ...rest] = text.split(',').map((part) => part.trim());
  const suffix = rest[0] && NAME_SUFFIX.test(rest[0]) ? rest.shift() : undefined;
  let name = suffix ? `${first}, ${suffix}` : first;
  const afterComma = rest.join(', ');
  if (afterComma) role = role ? `${afterComma} (${role})` : afterComma;
  const titled = MEMCON.titlePrefix.exec(name);
  const titleAlone = MEMCON.titleAlone.exec(name);
  if (titleAlone) {
    // "The President": the title is the role, and the name as written is all the list gives.
    role = role ? `${titleAlone[1]}; ${role}` : titleAlone[1];
  } else if (titled) {
    name = titled[2]!.trim();
    role = role ? `${titled[1]}; ${role}` : titled[1]!.replace(MEMCON.spaces, ' ');
  }
  if (!name) return undefined;
  const participant: Participant = { name };
  if (role) participant.role = role;
  return participant;
}

/**
 * Re-joins a role or name that wrapped onto the next line: the line is indented deeper than
 * the entries, starts in lower case, or the line above ends mid-phrase ("and", a comma).
 */
function joinWrapped(rawLines: string[]): string[] {
  const entries: string[] = [];
  const filled = rawLines.filter((raw) => raw.trim() !== '');
  const entryIndent = Math.min(...filled.map(indentOf));
  for (const raw of filled) {
    const line = raw.trim();
    const previous = entries.at(-1);
    const deeper = indentOf(raw) >= entryIndent + CONTINUATION_INDENT;
    if (previous !== undefined && (deeper || MEMCON.continuation.test(line) || MEMCON.wrappedLineEnd.test(previous))) {
      entries[entries.length - 1] = `${previous} ${line}`;
    } else {
      entries.push(line);
    }
  }
  return entries;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
