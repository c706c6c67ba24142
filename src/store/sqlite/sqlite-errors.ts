/**
 * SQLite errors the store recovers from. The derived indexes (search posting lists, quotation
 * fingerprints) are brought up to date by whoever reads them first; when that reader cannot
 * write — another process holds the write lock, or the file is read-only — it answers from
 * what is there instead of failing.
 */
export function isBusyOrReadonly(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_READONLY'));
}
