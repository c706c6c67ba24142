/**
 * What each passage puts in each column of passages_fts: headings weigh above body text,
 * footnotes below it, and the speaker's name is searchable on its own. The posting lists read
 * passages through `ftsColumns`, and FTS5 is filled through `FTS_COLUMNS_SQL`, both made from
 * the one table of kinds below, so they never disagree.
 */

export interface FtsColumns {
  heading: string | null;
  body: string | null;
  note: string | null;
  speaker: string | null;
}

/** Column names in passages_fts order. */
export const FTS_COLUMNS = ['heading', 'body', 'note', 'speaker'] as const;

/** Kinds of passage whose text goes to a column of its own; every other kind is body text. */
const KIND_COLUMN: Readonly<Record<string, 'heading' | 'note'>> = { heading: 'heading', footnote: 'note' };

/** The column a passage's text goes to, by its kind. */
export function ftsColumnOf(kind: string): 'heading' | 'body' | 'note' {
  return KIND_COLUMN[kind] ?? 'body';
}

export function ftsColumns(kind: string, text: string, speakerName: string | null | undefined): FtsColumns {
  const column = ftsColumnOf(kind);
  return {
    heading: column === 'heading' ? text : null,
    body: column === 'body' ? text : null,
    note: column === 'note' ? text : null,
    speaker: speakerName ?? null,
  };
}

const kindsOf = (column: string) => Object.keys(KIND_COLUMN).filter((kind) => KIND_COLUMN[kind] === column).map((kind) => `'${kind}'`).join(', ');

/** The columns of `ftsColumns` over a row of `passages` (kind, text, speaker_name), in passages_fts order, as SQL. */
export const FTS_COLUMNS_SQL = [
  `CASE WHEN kind IN (${kindsOf('heading')}) THEN text END`,
  `CASE WHEN kind IN (${Object.keys(KIND_COLUMN).map((kind) => `'${kind}'`).join(', ')}) THEN NULL ELSE text END`,
  `CASE WHEN kind IN (${kindsOf('note')}) THEN text END`,
  'speaker_name',
].join(', ');
