/** A row as stored, without the columns that are NULL (optional fields are absent, not null). */
export function withoutNulls<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as T;
}
