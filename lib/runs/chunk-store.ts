// Reads and writes OutputChunk rows. Through Prisma's JavaScript engine, bytes cost ~16 MB/s to
// write and ~7 MB/s to read here (they cross its query compiler), which would throttle every
// step's output. On SQLite we therefore use a direct better-sqlite3 connection for these rows
// (measured ~70 MB/s write, ~500 MB/s read); PostgreSQL goes through Prisma.
import "server-only";
import Database from "better-sqlite3";
import { db } from "@/lib/db/client";
import { databaseUrl, isPostgres } from "@/lib/db/url";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";

/** A step's stored output size, and the raw agent offset it accounts for. */
export interface StoredSizes {
  outputBytes: number;
  receivedBytes: number;
}

export interface ChunkRow {
  seq: number;
  t: number;
  data: Buffer;
}

interface Direct {
  insert: Database.Statement<[string, number, number, Buffer]>;
  setBytes: Database.Statement<[number, number, string]>;
  page: Database.Statement<[string, number, number, number], ChunkRow>;
  write: (stepRunId: string, rows: ChunkRow[], sizes: StoredSizes) => void;
}

// One connection per process and database file, shared by the custom server and the Next bundle.
const opened = processSingleton<{ current?: { url: string; direct: Direct } }>("chunkDb", () => ({}));

function direct(): Direct | null {
  const url = databaseUrl();
  if (isPostgres(url) || !url.startsWith("file:")) return null;
  if (opened.current?.url === url) return opened.current.direct;
  const file = url.slice("file:".length).split("?")[0] ?? "";
  const conn = new Database(file, { fileMustExist: true });
  // Never wait for a lock: this thread also runs Prisma, whose open transaction would never end
  // while we block; a busy write is retried from the event loop instead (see OutputRecorder).
  conn.pragma("busy_timeout = 0");
  // A commit under the default rollback journal with synchronous=FULL blocks the event loop for
  // ~20 ms here (several fsyncs); in WAL with synchronous=NORMAL it is under 1 ms. WAL stays set
  // in the file; a crash may lose the last commits but never corrupts the database.
  let mode: unknown = null;
  try {
    mode = conn.pragma("journal_mode = WAL", { simple: true });
  } catch (err) {
    if (!isBusy(err)) throw err;
  }
  if (String(mode).toLowerCase() !== "wal")
    log.warn({ file, mode }, "could not switch the database to WAL; output commits will be slower");
  conn.pragma("synchronous = NORMAL");
  const insert = conn.prepare<[string, number, number, Buffer]>(
    'INSERT INTO "OutputChunk" ("stepRunId", "seq", "t", "data") VALUES (?, ?, ?, ?)',
  );
  const setBytes = conn.prepare<[number, number, string]>(
    'UPDATE "StepRun" SET "outputBytes" = ?, "receivedBytes" = ? WHERE "id" = ?',
  );
  const page = conn.prepare<[string, number, number, number], ChunkRow>(
    'SELECT "seq", "t", "data" FROM "OutputChunk" ' +
      'WHERE "stepRunId" = ? AND "seq" > ? AND "seq" < ? ORDER BY "seq" LIMIT ?',
  );
  const write = conn.transaction((stepRunId: string, rows: ChunkRow[], sizes: StoredSizes) => {
    for (const row of rows) insert.run(stepRunId, row.seq, row.t, row.data);
    setBytes.run(sizes.outputBytes, sizes.receivedBytes, stepRunId);
  });
  const d: Direct = { insert, setBytes, page, write };
  opened.current = { url, direct: d };
  return d;
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

/**
 * What a failed write means, by its error code (better-sqlite3's, or Prisma's through either adapter).
 * The primary key is (stepRunId, seq) and the recorder never gives one seq to two rows, so a duplicate
 * key can only be this very batch, committed by an earlier attempt whose answer was lost (a connection
 * cut during COMMIT). A missing step run (foreign key, or no row to update) is for good.
 */
function failure(err: unknown): Exclude<WriteResult, "stored"> | "committed-before" | null {
  const code = (err as { code?: string }).code;
  if (isBusy(err)) return "busy";
  if (code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "P2002") return "committed-before";
  if (code === "SQLITE_CONSTRAINT_FOREIGNKEY" || code === "P2003" || code === "P2025") return "gone";
  return null;
}

/**
 * - `stored`: the rows are in the database, written now or by an earlier attempt at the same batch;
 * - `busy`: another transaction holds the SQLite lock right now: keep the rows, try again shortly;
 * - `gone`: the step run no longer exists (discarded or pruned): there is nothing to store them for.
 * Any other failure (the connection lost, the server restarting) is thrown; the caller may retry the
 * same batch.
 */
export type WriteResult = "stored" | "busy" | "gone";

/** Stores rows and the step's running byte count in one transaction. Retry only with the same rows. */
export async function writeChunks(stepRunId: string, rows: ChunkRow[], sizes: StoredSizes): Promise<WriteResult> {
  try {
    await write(stepRunId, rows, sizes);
    return "stored";
  } catch (err) {
    const meant = failure(err);
    if (meant === null) throw err;
    if (meant !== "committed-before") return meant;
    // The byte count was committed with those rows; a later batch's count may already be past it.
    log.info({ stepRunId, seq: rows[0]?.seq }, "output rows were already stored by an earlier attempt");
    return "stored";
  }
}

async function write(stepRunId: string, rows: ChunkRow[], sizes: StoredSizes): Promise<void> {
  const d = direct();
  if (d) return d.write(stepRunId, rows, sizes);
  await db.$transaction([
    db.outputChunk.createMany({
      data: rows.map((r) => ({ stepRunId, seq: r.seq, t: r.t, data: new Uint8Array(r.data) })),
    }),
    db.stepRun.update({ where: { id: stepRunId }, data: sizes }),
  ]);
}

/** Rows with afterSeq < seq < beforeSeq (no upper bound when omitted), in order, at most `take`. */
export async function readChunks(
  stepRunId: string,
  afterSeq: number,
  beforeSeq: number | undefined,
  take: number,
): Promise<ChunkRow[]> {
  const d = direct();
  if (d) {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        // SQLite integers are 64-bit; PostgreSQL's seq is int4, so it gets no bound it cannot hold.
        return d.page.all(stepRunId, afterSeq, beforeSeq ?? Number.MAX_SAFE_INTEGER, take);
      } catch (err) {
        if (!isBusy(err)) throw err;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    log.warn({ stepRunId }, "database busy; reading output through Prisma");
  }
  const rows = await db.outputChunk.findMany({
    where: { stepRunId, seq: { gt: afterSeq, ...(beforeSeq === undefined ? {} : { lt: beforeSeq }) } },
    orderBy: { seq: "asc" },
    take,
    select: { seq: true, t: true, data: true },
  });
  return rows.map((r) => ({ seq: r.seq, t: r.t, data: Buffer.from(r.data) }));
}
