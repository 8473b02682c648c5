import path from "node:path";

/** The database URL: `DATABASE_URL`, or the SQLite file ./data/casebook.db. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.resolve("data", "casebook.db")}`;
}

export function isPostgres(url: string = databaseUrl()): boolean {
  return url.startsWith("postgres://") || url.startsWith("postgresql://");
}
