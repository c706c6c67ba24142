/**
 * Speaker turns from the way records are written, independent of the file format.
 *
 * Dialogue records label each turn ("PM Chou: …", "Dr. Kissinger: …", or a label alone in its
 * own paragraph) and an unlabelled paragraph continues the current turn. Narrative records
 * report speech ("Gorbachev said that …", "The President replied …", FRUS marks the subject in
 * italics) and a following "He continued …" stays with that speaker. A label or subject is
 * resolved to a person through the document's participants and the persons authority; in
 * narrative records an unresolvable subject gives no speaker, since a guessed speaker is worse
 * than none.
 */
import { nameKey } from '../entities/names.ts';
import type { Participant, PassageKind, PersonRef, RecordStyle, SpeakerTurn } from '../model/index.ts';

export interface TurnBlock {
  text: string;
  kind: PassageKind;
  /** Persons the source itself marks in the block (TEI persName), by offset in text. */
  refs: { start: number; end: number; person: PersonRef }[];
  /** An emphasised run at the very start of the block (FRUS italicises narrative subjects). */
  emphasisLead?: { start: number; end: number };
}

export interface TurnResult {
  style: RecordStyle;
  /** One entry per block: the speaker of that block, if any. */
  speakers: (PersonRef | undefined)[];
  turns: SpeakerTurn[];
}

/** Resolves a label or subject ("The President", "PM Chou", "Shultz") to a person. */
export interface SpeakerDirectory {
  resolve(label: string): PersonRef | undefined;
}

/** Enough labelled paragraphs, from enough different speakers, to call a record dialogue. */
const DIALOGUE_MIN_LABELS = 3;
const DIALOGUE_MIN_SPEAKERS = 2;
/** Longer emphasised leads are headings or titles, not a speaker's name. */
const MAX_LEAD_CHARS = 48;

const SPEECH_VERBS = [
  'said', 'says', 'replied', 'responded', 'answered', 'noted', 'stated', 'asked', 'added', 'continued',
  'observed', 'remarked', 'commented', 'thanked', 'opened', 'began', 'interjected', 'agreed', 'disagreed',
  'suggested', 'emphasized', 'emphasised', 'stressed', 'explained', 'pointed', 'expressed', 'recalled',
  'proposed', 'indicated', 'declared', 'insisted', 'objected', 'countered', 'concluded', 'underscored',
  'argued', 'wondered', 'maintained', 'acknowledged', 'returned', 'welcomed', 'repeated', 'reiterated',
  'urged', 'assured', 'affirmed', 'confirmed', 'mentioned', 'raised', 'turned', 'summarized',
  'summarised', 'told', 'inquired', 'queried', 'reported', 'explained', 'cited', 'joked', 'retorted',
  'interrupted', 'went', 'wanted', 'hoped', 'felt', 'thought', 'believed', 'recounted', 'described',
  'invited', 'read', 'quipped', 'protested', 'complained', 'warned', 'predicted', 'conceded', 'allowed',
  'claimed', 'contended', 'opined', 'posed', 'spoke', 'presented', 'outlined', 'elaborated', 'promised',
  'referred', 'characterized', 'characterised', 'made', 'closed', 'ended', 'asserted', 'rejoined',
];
const SPEECH_ADVERBS = [
  'then', 'also', 'again', 'further', 'first', 'next', 'briefly', 'immediately', 'later', 'finally',
  'quickly', 'firmly', 'emphatically', 'once', 'simply', 'jokingly', 'smilingly', 'repeatedly',
];

/** "He would note", "Gorbachev wished to stress": a modal before a plain speech verb. */
const MODAL_SPEECH = String.raw`(?:would|could|wished to|wanted to|wants to|had to|must|might|will)\s+(?:like to\s+)?(?:note|say|add|stress|emphasize|emphasise|point out|ask|mention|repeat|suggest|propose|reply|respond|comment|underline|underscore|recall|explain|raise|return|turn)`;
const SPEECH = String.raw`(?:(?:${SPEECH_ADVERBS.join('|')})\s+)?(?:${SPEECH_VERBS.join('|')}|${MODAL_SPEECH})\b`;
/** How far back "He continued …" may look for its speaker, over paragraphs that name no one. */
const PRONOUN_LOOKBACK = 3;

const NAME_WORD = String.raw`[A-Z\u0400-\u042F][\p{L}'’.\-]*`;

const PATTERNS = {
  /** "PM Chou:", "Dr. Kissinger:", "The President:", "Mr. Tsao: (Reading):" — at most five words. */
  dialogueLabel: new RegExp(String.raw`^((?:(?:The|the)\s+)?${NAME_WORD}(?:\s+${NAME_WORD}){0,4})\s*(?:\([^)]{1,40}\))?\s*:(?=\s|$)`, 'u'),
  /** "Gorbachev said", "The President then replied", "Foreign Minister Shevardnadze noted". */
  narrativeSubject: new RegExp(
    String.raw`^((?:(?:The|the)\s+)?${NAME_WORD}(?:\s+${NAME_WORD}){0,3})\s+${SPEECH}`,
    'u',
  ),
  /** "He continued that …" right after a reported-speech paragraph stays with its speaker. */
  pronounContinuation: new RegExp(
    String.raw`^(?:He|She)\s+${SPEECH}`,
    'u',
  ),
  /** Editorial insertions ("[Omitted here is …]") interrupt a turn. */
  editorial: /^\[/,
} as const;

/** Words that open header fields or notes, never a speaker's label. */
const NOT_SPEAKER_LABELS = new Set(
  [
    'note', 'notes', 'subject', 'subjects', 'general subjects', 'place', 'date', 'time', 'participants',
    'participant', 'source', 'attachment', 'attachments', 'enclosure', 'enclosures', 'tab', 'summary',
    'topics', 'agenda', 'distribution', 'copy', 'copies', 'cc', 'from', 'to', 're', 'ref', 'ps', 'p.s',
    'drafted', 'drafted by', 'cleared', 'cleared by', 'approved', 'approved by', 'classification',
    'memorandum', 'memorandum for', 'action', 'info', 'background', 'purpose', 'comment', 'comments',
    'question', 'answer', 'q', 'a', 'item', 'issue', 'issues', 'recommendation', 'recommendations',
    'decision', 'conclusion', 'conclusions', 'present', 'absent', 'also present', 'notetaker', 'interpreter',
    'sincerely', 'warm regards', 'dear sir', 'attendees', 'location', 'meeting', 'reference', 'references',
  ].map((label) => label.toLowerCase()),
);

interface Label {
  text: string;
  /** Where the turn's own words begin in the block. */
  end: number;
}

function dialogueLabelOf(block: TurnBlock): Label | undefined {
  if (block.kind === 'heading') return undefined;
  const match = PATTERNS.dialogueLabel.exec(block.text);
  if (!match?.[1]) return undefined;
  const label = match[1].trim();
  if (NOT_SPEAKER_LABELS.has(label.toLowerCase().replace(/\.$/, ''))) return undefined;
  // An all-capitals multi-word label is a header field (GENERAL SUBJECTS), not a speaker.
  if (/\s/.test(label) && label === label.toUpperCase()) return undefined;
  return { text: label, end: match[0].length };
}

/** A person the source marks inside [start, end) of the block, preferring the last (PM <Chou>). */
function markedPerson(block: TurnBlock, start: number, end: number): PersonRef | undefined {
  const inside = block.refs.filter((ref) => ref.start >= start && ref.end <= end && ref.person.person_id);
  return inside.at(-1)?.person;
}

function resolveLabel(block: TurnBlock, label: Label, directory: SpeakerDirectory): PersonRef | undefined {
  return markedPerson(block, 0, label.end) ?? directory.resolve(label.text);
}

export function detectTurns(blocks: readonly TurnBlock[], directory: SpeakerDirectory): TurnResult {
  const labels = blocks.map(dialogueLabelOf);
  const labelled = labels.filter((label): label is Label => label !== undefined);
  const distinct = new Set(labelled.map((label) => label.text.toLowerCase()));
  const isDialogue = labelled.length >= DIALOGUE_MIN_LABELS && distinct.size >= DIALOGUE_MIN_SPEAKERS;
  const speakers = isDialogue ? dialogueSpeakers(blocks, labels, directory) : narrativeSpeakers(blocks, directory);
  const turns = groupTurns(blocks, speakers, isDialogue ? 'dialogue' : 'narrative');
  const style: RecordStyle = turns.length === 0 ? 'none' : isDialogue ? 'dialogue' : 'narrative';
  return { style, speakers: speakers.map((entry) => entry?.person), turns };
}

interface SpeakerEntry {
  person: PersonRef;
  label: string;
  /** True where the block opens a new turn (a label or a reported-speech subject). */
  opens: boolean;
}

function dialogueSpeakers(
  blocks: readonly TurnBlock[],
  labels: readonly (Label | undefined)[],
  directory: SpeakerDirectory,
): (SpeakerEntry | undefined)[] {
  let current: SpeakerEntry | undefined;
  return blocks.map((block, index) => {
    const label = labels[index];
    if (label) {
      const person = resolveLabel(block, label, directory) ?? { name: label.text };
      current = { person, label: label.text, opens: true };
      return current;
    }
    if (block.kind !== 'paragraph' || PATTERNS.editorial.test(block.text)) {
      current = undefined;
      return undefined;
    }
    return current ? { ...current, opens: false } : undefined;
  });
}

function narrativeSpeakers(blocks: readonly TurnBlock[], directory: SpeakerDirectory): (SpeakerEntry | undefined)[] {
  // The last reported speaker and how many paragraphs ago; anything but a plain paragraph resets it.
  let previous: SpeakerEntry | undefined;
  let since = 0;
  return blocks.map((block) => {
    if (block.kind !== 'paragraph') {
      previous = undefined;
      return undefined;
    }
    since++;
    const entry = narrativeSpeaker(block, directory, since <= PRONOUN_LOOKBACK ? previous : undefined);
    if (entry) {
      previous = entry;
      since = 0;
    }
    return entry;
  });
}

function narrativeSpeaker(
  block: TurnBlock,
  directory: SpeakerDirectory,
  previous: SpeakerEntry | undefined,
): SpeakerEntry | undefined {
  const lead = block.emphasisLead;
  if (lead && lead.start === 0 && lead.end - lead.start <= MAX_LEAD_CHARS) {
    const label = block.text.slice(lead.start, lead.end).replace(/[:\s]+$/, '');
    const person = markedPerson(block, lead.start, lead.end) ?? directory.resolve(label);
    if (person) return { person, label, opens: true };
  }
  const subject = PATTERNS.narrativeSubject.exec(block.text);
  if (subject?.[1]) {
    const person = markedPerson(block, 0, subject[1].length) ?? directory.resolve(subject[1]);
    if (person) return { person, label: subject[1], opens: true };
  }
  if (previous && PATTERNS.pronounContinuation.test(block.text)) return { ...previous, opens: false };
  return undefined;
}

function samePerson(a: PersonRef, b: PersonRef): boolean {
  return a.person_id !== undefined ? a.person_id === b.person_id : a.name === b.name;
}

function groupTurns(
  blocks: readonly TurnBlock[],
  speakers: readonly (SpeakerEntry | undefined)[],
  style: 'dialogue' | 'narrative',
): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  let open: SpeakerTurn | undefined;
  speakers.forEach((entry, index) => {
    if (!entry) {
      open = undefined;
      return;
    }
    // Consecutive reported-speech paragraphs of one speaker are one turn; a new label always opens one.
    const continues = open && samePerson(open.speaker, entry.person) && (!entry.opens || style === 'narrative');
    if (open && continues) {
      open.last_passage = index;
      return;
    }
    open = { n: turns.length, speaker: entry.person, label: entry.label, style, first_passage: index, last_passage: index };
    turns.push(open);
  });
  return turns;
}

// ---------------------------------------------------------------------------------------------
// The directory: participants first (they are who was in the room), then the persons authority.

/** Honorifics carry no identity: "Dr. Kissinger" is found as "Kissinger". */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'mme', 'madame', 'monsieur', 'sir', 'herr', 'frau', 'the']);
/** "Mrs. Gorbachev" is not Gorbachev: these ask for the wife's or a woman's name form. */
const FEMININE_HONORIFICS = new Set(['mrs', 'ms', 'miss', 'mme', 'madame', 'frau']);
/** Subjects that are never a name, however a persons list spells someone ("Chung-hee"). */
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'this', 'that', 'there', 'both', 'each', 'one', 'all', 'none']);

/** Titles as they appear in labels, with the forms a participants list writes them in. */
const TITLE_SYNONYMS: Record<string, string[]> = {
  pm: ['prime minister', 'premier'],
  premier: ['premier', 'prime minister'],
  'prime minister': ['prime minister', 'premier'],
  'foreign minister': ['foreign minister', 'minister of foreign affairs'],
  fm: ['foreign minister', 'minister of foreign affairs'],
  secretary: ['secretary of state', 'secretary'],
  'general secretary': ['general secretary'],
  gensec: ['general secretary'],
  president: ['president'],
  'vice president': ['vice president'],
  chairman: ['chairman'],
  ambassador: ['ambassador'],
  general: ['general'],
  marshal: ['marshal'],
  minister: ['minister'],
  chancellor: ['chancellor'],
  senator: ['senator'],
};

const TITLE_WORDS = new Set(Object.keys(TITLE_SYNONYMS).flatMap((title) => title.split(' ')));

export interface DirectoryEntry {
  person: PersonRef;
  /** Titles and functions ("President", "Secretary of State"), lower case. */
  roles: string[];
  /** Every name form the person goes by. */
  names: string[];
  /** The names as padded name keys (" gorbacev mihail "), computed once: resolution is hot. */
  keys: string[];
}

export function directoryEntry(person: PersonRef, names: readonly string[], roles: readonly string[] = []): DirectoryEntry {
  return { person, roles: [...roles], names: [...names], keys: names.map((name) => ` ${nameKey(name)} `) };
}

export function speakerDirectory(participants: readonly Participant[], authority: readonly DirectoryEntry[] = []): SpeakerDirectory {
  const roster = participants.map((participant) =>
    directoryEntry(
      { person_id: participant.person_id, name: participant.name },
      [participant.name],
      (participant.role ?? '').toLowerCase().split(/[,;]\s*/).map((role) => role.trim()).filter(Boolean),
    ),
  );
  return {
    resolve(label: string): PersonRef | undefined {
      const words = label.replace(/\./g, ' ').split(/\s+/).filter(Boolean);
      const feminine = words.some((word) => FEMININE_HONORIFICS.has(word.toLowerCase()));
      const meaningful = words.filter((word) => !HONORIFICS.has(word.toLowerCase()));
      if (meaningful.length === 0 || meaningful.every((word) => PRONOUNS.has(word.toLowerCase()))) return undefined;
      const phrase = meaningful.join(' ').toLowerCase();
      // "The President", "the Secretary", "PM": a title alone names whoever holds it in the room.
      const byTitle = TITLE_SYNONYMS[phrase];
      if (byTitle) return unique(roster.filter((entry) => holdsTitle(entry, byTitle)));
      // "President Yeltsin", "PM Chou", "Ambassador Huang": title then name; "Gorbachev": a name.
      const titleWords = leadingTitle(meaningful);
      const nameWords = meaningful.slice(titleWords);
      const titled = titleWords > 0 ? TITLE_SYNONYMS[meaningful.slice(0, titleWords).join(' ').toLowerCase()] : undefined;
      const matching = (entries: readonly DirectoryEntry[]) =>
        feminine ? feminineMatches(entries, nameWords) : entries.filter((entry) => matchesName(entry, nameWords));
      const inRoster = matching(roster);
      const narrowed = titled && inRoster.length > 1 ? inRoster.filter((entry) => holdsTitle(entry, titled)) : inRoster;
      return unique(narrowed) ?? unique(matching(authority));
    },
  };
}

/**
 * "Mrs. Gorbachev" is Raisa Gorbacheva, and "Mrs. Reagan" Nancy Reagan: prefer the feminine
 * surname form (Russian -a/-aya) or a name written with the honorific; when the bare surname
 * is shared by several people, there is no telling which one is meant.
 */
function feminineMatches(entries: readonly DirectoryEntry[], nameWords: readonly string[]): DirectoryEntry[] {
  const last = nameWords.at(-1) ?? '';
  const feminineForms = [`${last}a`, last.replace(/(?:sky|skiy|skii)$/i, 'skaya'), last.replace(/iy$|yi$/i, 'aya')];
  const byForm = entries.filter((entry) =>
    feminineForms.some((form) => form !== last && matchesName(entry, [...nameWords.slice(0, -1), form])),
  );
  if (byForm.length > 0) return byForm;
  return entries.filter(
    (entry) => matchesName(entry, nameWords) && entry.names.some((name) => /\b(?:Mrs|Ms|Miss|Mme)\b/.test(name)),
  );
}

/** A name's words as compared by plausibleMarking: name keys, feminine -a dropped. */
function nameWordStem(word: string): string {
  return nameKey(word).replace(/a$/, '');
}

/** Every word stem of a person's names, computed once per person (tags are checked by the thousand). */
export function nameStems(names: readonly string[]): Set<string> {
  return new Set(names.flatMap((name) => nameKey(name).split(' ').map(nameWordStem)));
}

/**
 * Whether the words a source marks as a person can name that person: sources mis-tag now and
 * then (a "Mrs. Gorbachev" tagged as Robert Gates), and a wrong tag is worse than none.
 * Titles alone ("the Secretary") cannot be checked and are trusted.
 */
export function plausibleMarking(written: string, stems: ReadonlySet<string>): boolean {
  const words = written
    .replace(/\./g, ' ')
    .split(/\s+/)
    .map((word) => word.toLowerCase())
    .filter((word) => word && !HONORIFICS.has(word) && !TITLE_WORDS.has(word));
  return words.length === 0 || words.some((word) => stems.has(nameWordStem(word)));
}

function leadingTitle(words: readonly string[]): number {
  for (let count = Math.min(2, words.length - 1); count > 0; count--) {
    if (TITLE_SYNONYMS[words.slice(0, count).join(' ').toLowerCase()]) return count;
  }
  return 0;
}

/** A role holds a title when it starts with it: "Assistant to the President" is not "President". */
function holdsTitle(entry: DirectoryEntry, titles: readonly string[]): boolean {
  return entry.roles.some((role) => titles.some((title) => role === title || role.startsWith(title + ' ')));
}

/** The label's name words all occur, in order, among one of the person's name forms. */
function matchesName(entry: DirectoryEntry, nameWords: readonly string[]): boolean {
  if (nameWords.length === 0) return false;
  const wanted = ` ${nameWords.map(nameKey).join(' ')} `;
  return entry.keys.some((key) => key.includes(wanted));
}

function unique(entries: readonly DirectoryEntry[]): PersonRef | undefined {
  const ids = new Set(entries.map((entry) => entry.person.person_id ?? entry.person.name));
  return ids.size === 1 ? entries[0]?.person : undefined;
}
