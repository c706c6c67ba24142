/**
 * The embedded archive's answer to "which documents could this article be about?": documents
 * whose participants or mentions include the article's people, or whose date overlaps the
 * article's dates. Values go in as parameters only; the IN lists are placeholders.
 */
import type Database from 'better-sqlite3';
import type { CandidateDocumentRow, CandidateQuery } from '../store.ts';

const COLUMNS = `d.id AS doc_id, d.title, d.type, d.style, d.date_start, d.date_end, d.place, d.language`;
const PUBLIC = `documents d JOIN collections c ON c.id = d.collection_id AND c.private = 0`;

interface Row extends Omit<CandidateDocumentRow, 'person_ids'> {
  person_ids: string | null;
}

export function findCandidateDocuments(db: Database.Database, query: CandidateQuery): CandidateDocumentRow[] {
  const found = new Map<string, CandidateDocumentRow>();
  const personIds = [...new Set(query.person_ids ?? [])];
  if (personIds.length > 0) {
    const placeholders = personIds.map(() => '?').join(', ');
    const rows = db
      .prepare(`SELECT ${COLUMNS}, group_concat(DISTINCT dp.person_id) AS person_ids
        FROM document_persons dp JOIN ${PUBLIC} ON d.rowid = dp.doc_rowid
        WHERE dp.person_id IN (${placeholders})
        GROUP BY d.rowid ORDER BY count(DISTINCT dp.person_id) DESC, d.date_start LIMIT ?`)
      .all(...personIds, query.limit) as Row[];
    for (const row of rows) found.set(row.doc_id, toCandidate(row));
  }
  const byDate = db.prepare(`SELECT ${COLUMNS}, NULL AS person_ids FROM ${PUBLIC}
    WHERE d.date_start <= ? AND d.date_end >= ? ORDER BY d.date_start LIMIT ?`);
  for (const range of query.date_ranges ?? []) {
    for (const row of byDate.all(range.to, range.from, query.limit) as Row[]) {
      if (!found.has(row.doc_id)) found.set(row.doc_id, toCandidate(row));
    }
  }
  return [...found.values()];
}

function toCandidate(row: Row): CandidateDocumentRow {
  const candidate: CandidateDocumentRow = {
    doc_id: row.doc_id,
    title: row.title,
    type: row.type,
    style: row.style,
    language: row.language,
    person_ids: row.person_ids ? row.person_ids.split(',') : [],
  };
  if (row.date_start) candidate.date_start = row.date_start;
  if (row.date_end) candidate.date_end = row.date_end;
  if (row.place) candidate.place = row.place;
  return candidate;
}
