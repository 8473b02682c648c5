import path from "node:path";

/** The SQLite database file; `DATABASE_URL` overrides it (file:... for SQLite). */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.resolve("data", "casebook.db")}`;
}
