// What a request changed in a test database: every table, row by row, read on its own connection
// (SQLite; synchronous, so a snapshot costs about a millisecond). Every table is included, so one
// added later is covered too; only the rate-limit counters (a refused request may count against
// its sender) and Prisma's own bookkeeping are left out.
import Database from "better-sqlite3";

/** Tables a request may change without that being an effect of it. */
const UNTRACKED = new Set(["RateLimit", "_prisma_migrations"]);

/** Columns a read may touch (better-auth refreshes a session's expiry as it is used). */
const VOLATILE: Record<string, string[]> = { Session: ["updatedAt", "expiresAt"] };

/** Audit events that record a refusal: the one trace a refused request is meant to leave. */
export const REFUSAL_AUDIT_ACTIONS = new Set(["hub.refused", "auth.sign-in-failed"]);

export type Snapshot = Map<string, Map<string, string>>;

export interface Snapshotter {
  take(): Snapshot;
  close(): void;
}

/** `url` is the test database's `file:` URL. */
export function snapshotter(url: string): Snapshotter {
  const sqlite = new Database(url.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  const tables = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  )
    .map((t) => t.name)
    .filter((name) => !UNTRACKED.has(name));
  const reads = tables.map((table) => [table, sqlite.prepare(`SELECT rowid AS "#", * FROM "${table}"`)] as const);

  return {
    take() {
      const snapshot: Snapshot = new Map();
      for (const [table, read] of reads) {
        const rows = new Map<string, string>();
        for (const row of read.all() as Record<string, unknown>[]) {
          if (table === "AuditEvent" && REFUSAL_AUDIT_ACTIONS.has(row.action as string)) continue;
          const { "#": rowid, ...fields } = row;
          for (const column of VOLATILE[table] ?? []) delete fields[column];
          rows.set(String(rowid), JSON.stringify(fields, bytesAsText));
        }
        snapshot.set(table, rows);
      }
      return snapshot;
    },
    close: () => sqlite.close(),
  };
}

function bytesAsText(_key: string, value: unknown): unknown {
  return Buffer.isBuffer(value) ? `bytes:${value.toString("base64")}` : value;
}

/** The changes from `before` to `after`, one line each ("+ Run 3 {...}"), empty when none. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const lines: string[] = [];
  for (const [table, rows] of after) {
    const old = before.get(table) ?? new Map<string, string>();
    for (const [rowid, row] of rows) {
      const was = old.get(rowid);
      if (was === undefined) lines.push(`+ ${table} ${rowid} ${row}`);
      else if (was !== row) lines.push(`~ ${table} ${rowid} ${was} → ${row}`);
    }
    for (const [rowid, row] of old) if (!rows.has(rowid)) lines.push(`- ${table} ${rowid} ${row}`);
  }
  return lines;
}
