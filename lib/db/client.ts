import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-pg/client";
import { createPostgresAdapter } from "./postgres-adapter";
import { databaseUrl, isPostgres } from "./url";
import { metrics } from "@/lib/metrics/metrics";
import { processSingleton } from "@/lib/process-singleton";

// Query events carry each query's duration, for the database-time histogram on /metrics.
const QUERY_EVENTS = { log: [{ emit: "event" as const, level: "query" as const }] };

function createClient(): PrismaClient {
  const url = databaseUrl();
  let client: PrismaClient;
  if (isPostgres(url)) {
    // Both clients are generated from the same models (prisma/postgres/schema.prisma is derived
    // from prisma/schema.prisma), so their query APIs are identical; only the provider differs.
    const adapter = createPostgresAdapter(url);
    client = new PostgresPrismaClient({ adapter, ...QUERY_EVENTS }) as unknown as PrismaClient;
  } else {
    enableWriteAheadLog(url);
    client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }), ...QUERY_EVENTS });
  }
  const timed = client as unknown as { $on(event: "query", listener: (e: { duration: number }) => void): void };
  timed.$on("query", (e) => metrics.dbDuration.observe(e.duration / 1000));
  return client;
}

/**
 * WAL lets readers and the writer proceed together and makes a commit a single append instead of
 * several fsyncs (~20 ms each on the default rollback journal). The mode is stored in the file,
 * so setting it once here applies to every later connection, Prisma's included.
 */
function enableWriteAheadLog(url: string): void {
  if (!url.startsWith("file:")) return;
  const file = url.slice("file:".length).split("?")[0] ?? "";
  try {
    const conn = new Database(file, { fileMustExist: true, timeout: 1000 });
    try {
      conn.pragma("journal_mode = WAL");
    } finally {
      conn.close();
    }
  } catch {
    // No database yet (migrations not run) or locked: the output store switches it later.
  }
}

/** The process's one client (one connection pool), shared by the custom server and the Next bundle. */
export const db: PrismaClient = processSingleton("db", createClient);
