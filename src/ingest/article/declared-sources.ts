/**
 * The sources an article says it relies on: "Source: Rosbalt", "reports RIA Novosti",
 * "according to the National Security Archive", "stored in the National Security Archive at
 * George Washington University". Outlet cues (Source:, reports, writes) take any proper name;
 * cues that also introduce people or months ("according to", "stored in") only take names
 * shaped like an organisation, so "according to Yeltsin" and "published in April" are not
 * sources.
 */
import type { DeclaredSource } from '../../model/index.ts';

/** A proper name: capitalised words (any script), joined by lower-case connectors. */
const NAME_WORD = "\\p{Lu}(?:[\\p{L}\\p{M}'’&-]|\\.(?=\\p{L}))*";
/** A proper name on one line: capitalised words (any script), joined by lower-case connectors. */
const NAME = `(?:the[ \\t]+)?${NAME_WORD}(?:[ \\t]+(?:(?:of|at|for|and|on|de|del|du|für|the)[ \\t]+)*${NAME_WORD})*`;

const SOURCE_PATTERNS = {
  /** A line of its own: "Source: Rosbalt", "Источник: РИА Новости". */
  sourceLine: /^[ \t]*(Sources?|Источники?|Quelle|Джерело|Източник)[ \t]*:[ \t]*(\S[^\n]*?)[ \t.]*$/gimu,
  /** Verbs with which articles cite an outlet: any proper name after them is a source. */
  outletCue: new RegExp(
    `(?<!\\p{L})(reports?|reported(?: by)?|writes|wrote|[Cc]iting|cited by|as reported by|сообщает|сообщают|сообщило|сообщила|пишет|передает|передаёт|со ссылкой на)\\s+(${NAME})`,
    'gu',
  ),
  /** Cues that introduce people as often as organisations: organisation-shaped names only. */
  organisationCue: new RegExp(
    `(?<!\\p{L})([Aa]ccording to|[Пп]о данным|(?:stored|kept|held|published|released|declassified|obtained|posted) (?:in|by|at))\\s+(${NAME})`,
    'gu',
  ),
  /** An acronym (RIA, TASS, BBC, NSA) marks an organisation. */
  acronym: /(?<!\p{L})\p{Lu}{2,}(?!\p{Ll})/u,
  /** Nouns organisations are named with, in the languages the news comes in. */
  organisationNoun:
    /(?<!\p{L})(archives?|agency|ministry|department|news|novosti|times|post|journal|institute|university|cent(?:er|re)|office|service|council|committee|press|media|television|radio|gazette|herald|telegraph|tribune|magazine|foundation|library|bureau|agentstvo|агентство|архив|газета|служба|министерство|институт|университет)(?!\p{L})/iu,
  /** "the" opening a captured name, left out of the name itself. */
  leadingThe: /^the\s+/i,
} as const;

function isOrganisation(name: string): boolean {
  return SOURCE_PATTERNS.acronym.test(name) || SOURCE_PATTERNS.organisationNoun.test(name);
}

/** Declared sources in order of appearance, one per name (the first cue wins). */
export function findDeclaredSources(text: string): DeclaredSource[] {
  const found: DeclaredSource[] = [];
  for (const match of text.matchAll(SOURCE_PATTERNS.sourceLine)) {
    const name = match[2]!;
    found.push({ name, cue: `${match[1]}:`, offset: match.index + match[0].indexOf(name, match[1]!.length) });
  }
  for (const [pattern, organisationsOnly] of [
    [SOURCE_PATTERNS.outletCue, false],
    [SOURCE_PATTERNS.organisationCue, true],
  ] as const) {
    for (const match of text.matchAll(pattern)) {
      const [, cue, captured] = match as unknown as [string, string, string];
      if (organisationsOnly && !isOrganisation(captured)) continue;
      found.push({ name: captured, cue, offset: match.index + match[0].length - captured.length });
    }
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.offset - b.offset)
    .filter((source) => {
      const key = source.name.replace(SOURCE_PATTERNS.leadingThe, '').toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
