import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./url";

function createClient(): PrismaClient {
  const url = databaseUrl();
  if (url.startsWith("postgres")) {
    // Loaded lazily so SQLite installs never touch pg.
    return createPostgresClient(url);
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

function createPostgresClient(_url: string): PrismaClient {
  throw new Error("PostgreSQL support: see docs/scale-out.md");
}

// One client per process; Next.js dev reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { casebookDb?: PrismaClient };
export const db: PrismaClient = globalForDb.casebookDb ?? createClient();
globalForDb.casebookDb = db;
