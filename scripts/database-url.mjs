// The database URL rule, shared by the scripts and lib/env.ts: DATABASE_URL when set, else the
// SQLite file under .data/ (created on first start, ignored by git).
export const DEFAULT_SQLITE_URL = "file:./.data/yomikai.db";

export function resolveDatabaseUrl(value) {
  return value && value.trim() !== "" ? value.trim() : DEFAULT_SQLITE_URL;
}
