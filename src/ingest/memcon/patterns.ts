/**
 * Every regular expression the memcon reader uses, compiled once and named by what it
 * recognises in US records as they print: banners, declassification stamps, header fields,
 * speaker labels and redaction marks. Patterns meant for matchAll carry the g flag.
 */

/** Classification levels as banners print them, most specific first. */
const LEVEL = '(?:TOP\\s+SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|LIMITED\\s+OFFICIAL\\s+USE)';
/** Dissemination and handling caveats that follow a level on a banner. */
const CAVEAT =
  '(?:SENSITIVE|NODIS|EXDIS|LIMDIS|NOFORN|ORCON|WNINTEL|EYES\\s+ONLY|EXCLUSIVELY\\s+EYES\\s+ONLY|CODEWORD|ROGER\\s+CHANNEL|CHEROKEE|UMBRA|RELEASABLE\\s+TO\\s+[A-Z, ]+|CLOSE\\s+HOLD|NOT\\s+FOR\\s+PUBLICATION)';

/** An Executive Order that authorises declassification: "E.O. 13526", "EO 12958", "Executive Order 12356". */
// OCR reads the O as a zero now and then ("E.0. 13526").
const EXECUTIVE_ORDER = '(?:E\\.?\\s?[O0]\\.?|Executive\\s+Order)\\s*(1[23]\\d{3})';

/** A speaker label: up to five capitalised words ("The President", "PM Chou", "Dr. Kissinger"). */
const LABEL_WORD = "[\\p{Lu}][\\p{L}\\p{M}.'’-]*";
const SPEAKER = `((?:[Tt]he\\s+)?${LABEL_WORD}(?:\\s+(?:(?:de|von|van|al|bin|of|the)\\s+)?${LABEL_WORD}){0,4})`;

export const MEMCON = {
  // ---- page furniture -------------------------------------------------------------------
  /** A whole line that is a classification banner: "SECRET", "SECRET/SENSITIVE", "CONFIDENTIAL - NODIS". */
  banner: new RegExp(`^${LEVEL}(?:\\s*[/;,–—-]\\s*${CAVEAT})*$`),
  /** Separators inside a banner ("SECRET - NODIS", "SECRET / SENSITIVE"), folded to "/". */
  bannerSeparator: /\s*[/;,–—-]\s*/g,
  spaces: /\s+/g,
  /** The level inside a banner or a marking. */
  level: new RegExp(LEVEL),
  /** A line that is only a page number: "2", "- 2 -", "—_ 2 -" (OCR), "Page 2 of 9", "2 of 9". */
  pageNumber: /^(?:[-–—_.\s]*\d{1,4}[-–—_.\s]*|(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?)$/i,

  // ---- declassification stamps ----------------------------------------------------------
  /** A line that can only belong to a declassification stamp. */
  stampStrong: new RegExp(`^(?:DECLASSIFIED|Declassified)\\b|${EXECUTIVE_ORDER}|\\bNARA\\b|\\bMDR\\b|\\bISCAP\\b|^(?:AUTHORITY|Authority)\\b`),
  /** Lines that continue a stamp: a case number, a date, "By … Date …", initials. */
  stampWeak: /^(?:By\b.*|Date\b.*|(?:[A-Z]{2,4}\s+)?\d{1,2}\/\d{1,2}\/\d{2,4}\b.*|[A-Z]{2,4}|(?:Case|MR|Appeal)\b.*|.*\b\d{4}-\d{4}-[A-Z]\b.*|.*\bN[LR][A-Z]?-[\w-]+.*)$/,
  executiveOrder: new RegExp(EXECUTIVE_ORDER, 'i'),
  /** Case numbers as libraries and agencies write them: 2015-0782-M, NLC-…, F-2010-01234, M-2019-0123. */
  caseNumber: /\b(\d{4}-\d{4}-[A-Z](?:-\d+)?|N[LR][A-Z]?-[\w-]*\d[\w-]*|F-\d{4}-\d{4,6}|M-\d{4}-\d{2,6}|MR\s*(?:Case\s*)?(?:No\.?\s*)?\d{2,4}-[\w-]+)/,
  /** A numeric date on a stamp: 6/28/2018, 06/28/18. */
  stampDate: /\b(\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2}))\b/,

  // ---- header --------------------------------------------------------------------------
  /** The form a record announces itself with, at its head. */
  documentHeading:
    /^(?:MEMORANDUM\s+OF\s+(?:TELEPHONE\s+)?CONVERSATION|TELEPHONE\s+CONVERSATION|TELCON|MEMCON|MEMORANDUM\s+FOR\s+(?:THE\s+)?RECORD|MEMORANDUM\s+FOR\b.*|MEMORANDUM|TELEGRAM|TRANSCRIPT\b.*|RECORD\s+OF\s+(?:A\s+)?(?:MEETING|CONVERSATION)|PRESS\s+BRIEFING.*)$/i,
  /** "LABEL: value" header fields; the label is group 1, the value on its line group 2. */
  field:
    /^(SUBJECT|SUBJ|PARTICIPANTS|PARTICIPANT|DATE,?\s+TIME,?\s+(?:AND|&)\s+PLACE|TIME,?\s+DATE,?\s+(?:AND|&)\s+PLACE|DATE,?\s+(?:AND|&)\s+TIME|DATE\s*&\s*TIME|TIME\s+AND\s+PLACE|DATE\s+AND\s+PLACE|DATE|TIME|PLACE|LOCATION|NOTE\s*TAKERS?|NOTETAKERS?|INTERPRETERS?)\s*:\s*(.*)$/i,
  /** Between the parts of a combined date-time-place value. */
  placeSeparator: /[,;\n]+/,
  /** Quotes, dots and spaces OCR leaves around a value ("' Paris."). */
  edgePunctuation: /^[\s'’‘"“”.,:;]+|[\s'’‘"“”.,:;]+$/g,
  weekday: /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i,

  // ---- participants ----------------------------------------------------------------------
  /** A line that heads one side of a participants list: "U.S. Side", "RUSSIA:", "Soviet Delegation". */
  sideHeading: /^(?:the\s+)?([\p{L}.]+(?:\s+[\p{L}.]+){0,2})\s*(?:side|delegation|participants)\s*:?$|^([\p{L}.]+(?:\s+[\p{L}.]+){0,2})\s*:$/iu,
  /** A role that stands alone on a line and applies to the next name: "Notetaker", "Interpreter". */
  loneRole: /^(notetakers?|note\s+takers?|interpreters?|translators?)\s*:?$/i,
  /** A role in parentheses after a name: "D. Zarechnak (Interpreter)". */
  parentheticalRole: /^(.*?)\s*\(([^)]+)\)\s*$/,
  /** Titles that open a name and are its role: "President", "Foreign Minister" (honorifics like "Dr." stay in the name). */
  titlePrefix:
    /^((?:First\s+)?(?:Deputy\s+|Vice\s+|Assistant\s+|Under\s+)?(?:President|Prime\s+Minister|General\s+Secretary|Foreign\s+Minister|Minister|Secretary(?:\s+of\s+State|\s+of\s+Defense)?|Ambassador|Chancellor|Premier|PM|Chairman|Senator|Congressman|General|Major\s+General|Lieutenant\s+General|Admiral|Marshal))\s+(\p{Lu}.*)$/u,
  /** A participant listed by title only: "The President", "The General Secretary". */
  titleAlone: /^The\s+((?:Vice\s+|Deputy\s+)?(?:President|Prime\s+Minister|General\s+Secretary|Foreign\s+Minister|Secretary(?:\s+of\s+State)?|Chancellor|Premier|Chairman))$/,
  /** Any upper-case "LABEL:" line: a header field, known or not, never a participant. */
  upperLabel: /^[A-Z][A-Z ,&/]{2,}:/,
  /** The first half of a two-line label: "DATE, TIME" over "AND PLACE:". */
  splitLabelHead: /^(DATE,?\s+TIME|TIME,?\s+DATE)[\s,:;.]*(.*)$/,
  /** OCR may turn the colon into a semicolon and stray quotes into the label. */
  splitLabelTail: /^(AND|&)[\s'’‘`]*PLACE\s*[:;.,]\s*(.*)$/,
  hasLetter: /\p{L}/u,
  /** Between names in a NOTETAKERS or INTERPRETERS field: lines, semicolons, a comma before a capital. */
  nameListSeparator: /[\n;]|,\s+(?=\p{Lu})/u,
  trailingColon: /:$/,
  /** The first letter of each word, for title-casing a heading. */
  wordStart: /(^|\s)(\p{L})/gu,
  /** Whether a wrapped participant line continues the previous one. */
  continuation: /^\p{Ll}|^(?:and|of|to|for|the)\b/u,
  questionEnd: /[?!]$/,
  periodEnd: /\.$/,
  /** A final dot that ends an initial or an abbreviation, not a sentence. */
  abbreviationEnd: /\b(?:\p{Lu}|Jr|Sr|Dr|St)\.$/u,
  wrappedLineEnd: /(?:[,&–-]|\b(?:and|of|to|for|the|on))$/,

  // ---- body ------------------------------------------------------------------------------
  /** A paragraph opening with a speaker label and a colon (dialogue records). */
  dialogueTurn: new RegExp(`^(?:\\([A-Z/]{1,8}\\)\\s+)?${SPEAKER}\\s*:\\s+(?=\\S)`, 'u'),
  /** A paragraph opening with a speaker and a verb of saying (narrative records). */
  narrativeTurn: new RegExp(
    `^(?:\\([A-Z/]{1,8}\\)\\s+)?${SPEAKER}\\s+(?:then\\s+|also\\s+|again\\s+)?(?:said|says|replied|noted|stated|responded|asked|added|continued|observed|agreed|remarked|indicated|thanked|emphasized|emphasised|stressed|suggested|proposed|commented|interjected|answered|explained|recalled|pointed\\s+out|underlined|declared|concluded|wondered|urged|insisted|welcomed|greeted|opened|began)\\b`,
    'u',
  ),
  /** Hyphenation at a line end between two lower-case letters: "rela-" + "tions". */
  hyphenatedBreak: /(\p{Ll})-$/u,

  // ---- redactions ------------------------------------------------------------------------
  /** What the OCR makes of a black box: a run of heavy glyphs, bars and stray punctuation. */
  blackBoxRun: /(?:[█▇▆■▮▬|#%@&$=_~^*\\¥§®©•●:;!Il1]{2,}[ \t]?){3,}|[█▇▆■▮▬]{2,}/g,
  /** Solid block glyphs: a box drawn with characters, never text. */
  solidBlock: /[█▇▆■▮▬]/,
  lowerStart: /^\p{Ll}/u,
  /** The glyphs a black box turns into; a real word is mostly other letters. */
  boxGlyph: /[█▇▆■▮▬|#%@&$=_~^*\\¥§®©•●]/g,
} as const;

/** What a black box becomes in the running text (the OCR junk itself is noise). */
export const BOX_MARK = '[redacted]';
