/**
 * What each passage puts in each column of passages_fts: headings weigh above body text,
 * footnotes below it, and the speaker's name is searchable on its own. The store's insert and
 * the posting-list index both read passages through this one function, so they never disagree.
 */

export interface FtsColumns {
  heading: string | null;
  body: string | null;
  note: string | null;
  speaker: string | null;
}

/** Column names in passages_fts order. */
export const FTS_COLUMNS = ['heading', 'body', 'note', 'speaker'] as const;

export function ftsColumns(kind: string, text: string, speakerName: string | null | undefined): FtsColumns {
  return {
    heading: kind === 'heading' ? text : null,
    body: kind === 'heading' || kind === 'footnote' ? null : text,
    note: kind === 'footnote' ? text : null,
    speaker: speakerName ?? null,
  };
}
