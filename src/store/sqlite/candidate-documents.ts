/**
 * The embedded archive's answer to "which documents could this article be about?": documents
 * whose participants or mentions include the article's people, or whose dates overlap the
 * article's dates. Values go in as parameters only; the IN lists are placeholders.
 */
import type Database from 'better-sqlite3';
import type { CandidateDocumentRow, CandidateQuery } from '../store.ts';

const COLUMNS = `d.id AS doc_id, d.title, d.type, d.style, d.date_start, d.date_end, d.place, d.language`;
// Private collections are filtered here, as everywhere in the store.
const PUBLIC = `JOIN collections c ON c.id = d.collection_id AND c.private = 0`;

interface Row extends Omit<CandidateDocumentRow, 'person_ids'> {
  person_ids: string | null;
}

export class CandidateDocuments {
  private readonly byDate: Database.Statement;
  /** Statements for person lists, by list length (the IN list is one placeholder per person). */
  private readonly byPersons = new Map<number, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.byDate = db.prepare(`SELECT ${COLUMNS}, NULL AS person_ids FROM documents d ${PUBLIC}
      WHERE d.date_start <= ? AND d.date_end >= ? ORDER BY d.date_start LIMIT ?`);
  }

  find(query: CandidateQuery): CandidateDocumentRow[] {
    const found = new Map<string, CandidateDocumentRow>();
    const personIds = [...new Set(query.person_ids ?? [])];
    if (personIds.length > 0) {
      for (const row of this.personStatement(personIds.length).all(...personIds, query.limit) as Row[]) {
        found.set(row.doc_id, toCandidate(row));
      }
    }
    for (const range of query.date_ranges ?? []) {
      for (const row of this.byDate.all(range.to, range.from, query.limit) as Row[]) {
        if (!found.has(row.doc_id)) found.set(row.doc_id, toCandidate(row));
      }
    }
    return [...found.values()];
  }

  private personStatement(count: number): Database.Statement {
    let statement = this.byPersons.get(count);
    if (!statement) {
      const placeholders = Array.from({ length: count }, () => '?').join(', ');
      statement = this.db.prepare(`SELECT ${COLUMNS}, group_concat(DISTINCT dp.person_id) AS person_ids
        FROM document_persons dp JOIN documents d ON d.rowid = dp.doc_rowid ${PUBLIC}
        WHERE dp.person_id IN (${placeholders})
        GROUP BY d.rowid ORDER BY count(DISTINCT dp.person_id) DESC, d.date_start LIMIT ?`);
      this.byPersons.set(count, statement);
    }
    return statement;
  }
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
