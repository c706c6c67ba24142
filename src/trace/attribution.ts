/**
 * Who the article says spoke a quotation, from the cues around it, in English and Russian:
 * "X said / told / called / noted …", "“…,” said X", "“…” — сказал X", "according to X",
 * "по словам X", "X's words", "X: “…”", and a subject before the quote with its verb after
 * ("the American president “very carefully” noted"). The speaker is kept as written ("the
 * American president") and the cue with it; resolving descriptions to names is speakers.ts.
 */

export interface Attribution {
  /** As written: "Yeltsin", "the US President", "he". */
  speaker: string;
  /** The cue as written: "called", "according to", "сказал", ":". */
  cue: string;
  /** How the speaker is named. */
  form: 'name' | 'description' | 'pronoun';
}

/** How far around a quote a cue may stand (characters): one long news sentence. */
const SENTENCE_REACH = 400;
/** A quote opening a sentence with no cue continues the previous speaker within this distance. */
const CONTINUATION_REACH = 600;

/** "Mr." and initials keep their period; other words stop before punctuation. */
const NAME_WORD = String.raw`(?:(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Amb|Adm)\.|\p{Lu}\.|\p{Lu}[\p{L}’']*(?:-\p{L}[\p{L}’']*)*)`;
const NAME = String.raw`${NAME_WORD}(?:\s+(?:(?:de|da|van|von|der|al|bin|ibn|la|le)\s+)?${NAME_WORD}){0,3}`;
/** "president" → "[Pp]resident": descriptions are written either way ("the US President"). */
function eitherCase(words: readonly string[]): string {
  return words.map((word) => `[${word.charAt(0).toUpperCase()}${word.charAt(0)}]${word.slice(1)}`).join('|');
}
const ROLE_WORDS = [
  'president', 'leader', 'minister', 'secretary', 'premier', 'chancellor', 'ambassador', 'spokesman', 'spokeswoman',
  'spokesperson', 'official', 'head of state', 'head of government', 'diplomat', 'chairman', 'envoy', 'adviser',
  'advisor', 'aide', 'senator', 'king', 'queen', 'general', 'interpreter', 'note-taker', 'notetaker', 'politician',
  'host', 'guest', 'counterpart', 'colleague',
] as const;
const ROLE = String.raw`(?:${eitherCase(ROLE_WORDS)})s?`;
const ROLE_RU = String.raw`(?:президент|лидер|министр|глава|премьер|посол|канцлер|генсек|секретарь|политик|дипломат|собеседник)\p{L}*`;
const DESCRIPTION = String.raw`(?:(?:[Tt]he|[Aa]n?|[Tt]his|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{L}.-]+\s+){0,3}?${ROLE}(?:\s+of\s+(?:the\s+)?${NAME})?|(?:\p{L}+\s+){0,2}?${ROLE_RU}(?:\s+${NAME_WORD})*)`;
const PRONOUN = String.raw`(?:[Hh]e|[Ss]he|[Tt]hey|[Оо]н|[Оо]на|[Оо]ни)`;
const SPEAKER = String.raw`(?<speaker>${DESCRIPTION}|${PRONOUN}|${NAME})`;
const CUE_EN = String.raw`(?<![-\p{L}])(?:said|says|say|told|tells|added|adds|noted|notes|stated|states|declared|declares|remarked|replied|replies|responded|answered|asked|asks|called|calls|described|describes|wrote|writes|explained|insisted|argued|claimed|claims|warned|warns|admitted|admits|acknowledged|emphasi[sz]ed|stressed|suggested|recalled|continued|observed|complained|promised|proposed|urged|confirmed|announced|commented|conceded|concluded|assured|predicted|pointed out|went on|characteri[sz]ed|referred to|dubbed|branded|labell?ed|termed|put it)(?![\p{L}])`;
const CUE_RU = String.raw`(?<![\p{L}])(?:сказал|заявил|отметил|добавил|подчеркнул|назвал|ответил|спросил|признал|пояснил|написал|говорил|сообщил|заметил|предложил|уточнил|призвал|предупредил|констатировал|объяснил)\p{L}{0,2}(?![\p{L}])|(?<![\p{L}])(?:говорит|цитирует)(?![\p{L}])`;
const CUE_DE = String.raw`(?<![\p{L}])(?:sagte|sagt|erklärte|betonte|meinte|schrieb|fragte|antwortete|zitiert)(?![\p{L}])`;
const CUE_BG = String.raw`(?<![\p{L}])(?:каза|заяви|отбеляза|добави|подчерта|написа|попита|отговори)(?![\p{L}])`;
const CUE = String.raw`(?<cue>${CUE_EN}|${CUE_RU}|${CUE_DE}|${CUE_BG})`;
const ADVERB = String.raw`(?:\p{L}+ly|also|then|later|once|again|reportedly|repeatedly|allegedly|также|тогда|ещё|еще|прямо)`;
const ACCORDING = String.raw`(?<cue>[Aa]ccording to|[Ii]n the words of|[Qq]uoting|[Пп]о словам|[Пп]о мнению|[Сс]огласно|[Кк]ак (?:сказал|заявил|отметил|написал)\p{L}{0,2}|[Ll]aut|[Сс]поред)`;

/** Every pattern compiled once. "before"/"after" are the sentence around the quote, marks excluded. */
const REGEXPS = {
  /** "“…,” said Reagan" · "«…», — сказал Ельцин". */
  afterCueThenSpeaker: new RegExp(String.raw`^\s*[,.!?…]?\s*[—–-]?\s*${CUE}\s+${SPEAKER}`, 'u'),
  /** "“…,” Reagan said" · "“…,” he added". */
  afterSpeakerThenCue: new RegExp(String.raw`^\s*[,.!?…]?\s*[—–-]?\s*${SPEAKER}\s+(?:${ADVERB}\s+)?${CUE}`, 'u'),
  /** "“very carefully” noted": the verb after, its subject before the quote. */
  afterCueAlone: new RegExp(String.raw`^\s*(?:${ADVERB}\s+)?${CUE}`, 'u'),
  /** The subject at the end of the words before the quote ("In response, the American president"). */
  subjectAtEnd: new RegExp(String.raw`${SPEAKER}\s*$`, 'u'),
  /** "according to Yeltsin, “…”" · "по словам Ельцина, «…»". */
  according: new RegExp(String.raw`${ACCORDING}\s+${SPEAKER}`, 'gu'),
  /** "… as Reagan put it, “…”". */
  asPutIt: new RegExp(String.raw`\b[Aa]s\s+${SPEAKER}\s+(?<cue>put it)`, 'gu'),
  /** "In Yeltsin's words, “…”". */
  possessiveWords: new RegExp(String.raw`${SPEAKER}['’]s?\s+(?<cue>words)`, 'gu'),
  /** "Yeltsin called Russia’s accession “…”" · "Ельцин заявил, что «…»". */
  speakerThenCue: new RegExp(String.raw`${SPEAKER}\s+(?:${ADVERB}\s+)?(?:(?:has|had|have|was|were)\s+)?${CUE}`, 'gu'),
  /** "Gorbachev: “…”". */
  colon: new RegExp(String.raw`${SPEAKER}\s*(?<cue>:)\s*$`, 'u'),
  /** A sentence ends here: terminal punctuation then a capital or an opening mark, or a paragraph break. */
  sentenceBreak: /[.!?…]["”»’]?\s+(?=[\p{Lu}"“„«‘‚‹])|\n\s*\n/gu,
  /** Speakers that are not speakers: sentence-initial function words that look like names. */
  notASpeaker: /^(?:It|This|That|There|These|Those|We|I|You|In|On|At|However|But|And|So|Then|When|While|After|Before|If|As|The|A|An|Он[оа]?|Это|Так|Но|И|А)$/u,
  description: new RegExp(String.raw`^${DESCRIPTION}$`, 'u'),
  pronoun: new RegExp(String.raw`^${PRONOUN}$`, 'u'),
  onlySpace: /^\s*$/u,
} as const;

function sentenceBounds(text: string, from: number, to: number): { start: number; end: number } {
  const reach = Math.max(0, from - SENTENCE_REACH);
  let start = reach;
  // One character past `from`, so the lookahead sees the opening mark itself.
  for (const match of text.slice(reach, from + 1).matchAll(REGEXPS.sentenceBreak)) {
    const breakEnd = reach + match.index + match[0].length;
    if (breakEnd <= from) start = breakEnd;
  }
  const tail = text.slice(to, to + SENTENCE_REACH);
  const next = [...tail.matchAll(REGEXPS.sentenceBreak)][0];
  const end = next ? to + next.index + 1 : Math.min(text.length, to + SENTENCE_REACH);
  return { start, end };
}

function formOf(speaker: string): Attribution['form'] {
  if (REGEXPS.pronoun.test(speaker)) return 'pronoun';
  if (REGEXPS.description.test(speaker)) return 'description';
  return 'name';
}

function make(speaker: string | undefined, cue: string | undefined): Attribution | undefined {
  const clean = speaker?.trim();
  if (!clean || !cue || REGEXPS.notASpeaker.test(clean)) return undefined;
  return { speaker: clean, cue: cue.trim(), form: formOf(clean) };
}

function lastMatch(pattern: RegExp, text: string): RegExpMatchArray | undefined {
  return [...text.matchAll(pattern)].at(-1);
}

/**
 * The attribution of the quote whose marks span [markStart, markEnd) in `text`, or undefined
 * when no cue names a speaker. `previous` is the last speech quotation before it, which a
 * quote opening a new sentence without a cue continues.
 */
export function attribute(
  text: string,
  markStart: number,
  markEnd: number,
  previous?: { speaker?: string; cue?: string; offset: number },
): Attribution | undefined {
  const bounds = sentenceBounds(text, markStart, markEnd);
  const before = text.slice(bounds.start, markStart);
  const after = text.slice(markEnd, bounds.end);

  const afterCue = REGEXPS.afterCueThenSpeaker.exec(after) ?? REGEXPS.afterSpeakerThenCue.exec(after);
  if (afterCue?.groups) {
    const found = make(afterCue.groups.speaker, afterCue.groups.cue);
    if (found) return found;
  }
  const verbAfter = REGEXPS.afterCueAlone.exec(after);
  if (verbAfter?.groups) {
    const subject = REGEXPS.subjectAtEnd.exec(before);
    const found = make(subject?.groups?.speaker, verbAfter.groups.cue);
    if (found) return found;
  }
  for (const pattern of [REGEXPS.according, REGEXPS.asPutIt, REGEXPS.possessiveWords, REGEXPS.speakerThenCue]) {
    const match = lastMatch(pattern, before);
    const found = make(match?.groups?.speaker, match?.groups?.cue);
    if (found) return found;
  }
  const colon = REGEXPS.colon.exec(before);
  if (colon?.groups) {
    const found = make(colon.groups.speaker, colon.groups.cue);
    if (found) return found;
  }
  const opensSentence = REGEXPS.onlySpace.test(before);
  if (opensSentence && previous?.speaker && markStart - previous.offset <= CONTINUATION_REACH) {
    return { speaker: previous.speaker, cue: '(continues)', form: formOf(previous.speaker) };
  }
  return undefined;
}
