// Writes OutputChunk rows to SQLite from a worker thread. A commit of a stream's output is mostly
// the kernel taking the WAL's pages (and, at a checkpoint, the database file's): ~10 ms per MB
// here, spent blocked in write(2). On the event loop that stalled every socket of the process for
// a third of a fast stream's time; in a worker it overlaps with the hub's work on the other core.
import "server-only";
import { Worker } from "node:worker_threads";
import type { ChunkRow, StoredSizes } from "./chunk-store";

/** The worker's source: plain CommonJS, so it loads the same under tsx, Next's bundle or plain node. */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const conn = new Database(workerData.file, { fileMustExist: true });
// The main thread's Prisma transaction cannot be stuck behind this thread: waiting is harmless here.
conn.pragma("busy_timeout = " + workerData.busyTimeoutMs);
conn.pragma("synchronous = NORMAL");
const insert = conn.prepare('INSERT INTO "OutputChunk" ("stepRunId", "seq", "t", "data") VALUES (?, ?, ?, ?)');
const setBytes = conn.prepare('UPDATE "StepRun" SET "outputBytes" = ?, "receivedBytes" = ? WHERE "id" = ?');
const write = conn.transaction((stepRunId, rows, sizes) => {
  for (const row of rows) insert.run(stepRunId, row.seq, row.t, row.data);
  setBytes.run(sizes.outputBytes, sizes.receivedBytes, stepRunId);
});
parentPort.on("message", ({ id, stepRunId, rows, sizes }) => {
  try {
    write(stepRunId, rows, sizes);
    parentPort.postMessage({ id });
  } catch (err) {
    parentPort.postMessage({ id, error: { message: String(err && err.message), code: err && err.code } });
  }
});
`;

interface Reply {
  id: number;
  error?: { message: string; code?: string };
}

/** One database file's writer thread. Errors come back with better-sqlite3's `code`, as on the main thread. */
export class ChunkWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(): void; reject(err: Error): void }>();
  private nextId = 0;
  private exited = false;

  constructor(file: string, busyTimeoutMs = 1000) {
    this.worker = new Worker(WORKER, { eval: true, workerData: { file, busyTimeoutMs } });
    // An idle writer must not keep a finished process alive; one with writes in flight must.
    this.worker.unref();
    this.worker.on("message", (reply: Reply) => this.settle(reply));
    this.worker.on("error", (err) => this.failAll(err));
    this.worker.on("exit", (code) => {
      this.exited = true;
      this.failAll(new Error(`the output writer thread exited (${code})`));
    });
  }

  /** False once the thread has ended: make a new writer. */
  get alive(): boolean {
    return !this.exited;
  }

  write(stepRunId: string, rows: ChunkRow[], sizes: StoredSizes): Promise<void> {
    if (this.exited) return Promise.reject(new Error("the output writer thread has exited"));
    const id = this.nextId++;
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, stepRunId, rows, sizes });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }

  private settle({ id, error }: Reply): void {
    const pending = this.waiting.get(id);
    if (!pending) return;
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker.unref();
    if (!error) return pending.resolve();
    pending.reject(Object.assign(new Error(error.message), { code: error.code }));
  }

  private failAll(err: Error): void {
    for (const pending of this.waiting.values()) pending.reject(err);
    this.waiting.clear();
    this.worker.unref();
  }
}
