import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-pg/client";
import { createPostgresAdapter } from "./postgres-adapter";
import { databaseUrl, isPostgres } from "./url";

function createClient(): PrismaClient {
  const url = databaseUrl();
  if (isPostgres(url)) {
    // Both clients are generated from the same models (prisma/postgres/schema.prisma is derived
    // from prisma/schema.prisma), so their query APIs are identical; only the provider differs.
    return new PostgresPrismaClient({ adapter: createPostgresAdapter(url) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

// One client per process; Next.js dev reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { casebookDb?: PrismaClient };
export const db: PrismaClient = globalForDb.casebookDb ?? createClient();
globalForDb.casebookDb = db;
