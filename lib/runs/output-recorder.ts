// Stores a step's (already masked) output as asciicast "o" events: OutputChunk rows written in
// batches. Consecutive writes within ROW_SPAN_SEC share a row, so `yes` makes a few hundred rows
// rather than millions, while interactive output keeps its timing. A batch the database could not
// take (locked, restarting, connection lost) is kept and written again, so output is stored once
// and in order across such a fault.
import { retryWrite } from "@/lib/db/retry-write";
import { log } from "@/lib/log";
import { writeChunks, type ChunkRow, type StoredSizes, type WriteResult } from "./chunk-store";

const ROW_MAX_BYTES = 256 * 1024;
const ROW_SPAN_SEC = 0.05;
const FLUSH_MS = 100;
const EAGER_BYTES = 128 * 1024;
/** A SQLite lock is released within milliseconds to seconds: poll it. */
const BUSY_RETRY_MS = 20;

interface PendingRow {
  seq: number;
  t: number;
  parts: Buffer[];
  bytes: number;
  /** The agent's raw offset this row's last byte accounts for. */
  rawEnd: number;
}

/** Where a recording picks up: nothing, or what an earlier owner of the step committed. */
export interface RecorderStart {
  seq: number;
  bytes: number;
  raw: number;
}

export interface RecorderSnapshot {
  /** Rows with seq below this are in the database. */
  committedSeq: number;
  /** Bytes those rows hold: where `tail` starts. */
  committedBytes: number;
  /** Everything recorded but not yet committed. */
  tail: Buffer;
}

export class OutputRecorder {
  /** Bytes recorded so far (committed or not). */
  bytes = 0;
  private seq: number;
  private committedSeq: number;
  private committedBytes: number;
  /** The raw agent offset the committed rows account for: what the agent may drop (StepSession). */
  committedRaw: number;
  private queued: PendingRow[] = [];
  private inflight: PendingRow[] = [];
  private current: PendingRow | null = null;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly stepRunId: string,
    private readonly startedAtMs: number,
    /** Called after each batch is committed (the hub resumes crediting the agent). */
    private readonly onCommitted: () => void = () => {},
    from: RecorderStart = { seq: 0, bytes: 0, raw: 0 },
  ) {
    this.seq = this.committedSeq = from.seq;
    this.bytes = this.committedBytes = from.bytes;
    this.committedRaw = from.raw;
  }

  /** Bytes held in memory, waiting for the database. */
  get uncommittedBytes(): number {
    return this.bytes - this.committedBytes;
  }

  /** Records `data`, which accounts for the agent's raw output up to `rawEnd`. */
  push(data: Buffer, rawEnd: number, atMs = Date.now()): void {
    if (data.length === 0) return;
    const t = Math.max(0, (atMs - this.startedAtMs) / 1000);
    const row = this.current;
    if (row && t - row.t <= ROW_SPAN_SEC && row.bytes + data.length <= ROW_MAX_BYTES) {
      row.parts.push(data);
      row.bytes += data.length;
      row.rawEnd = rawEnd;
    } else {
      if (row) this.queued.push(row);
      this.current = { seq: this.seq++, t, parts: [data], bytes: data.length, rawEnd };
    }
    this.bytes += data.length;
    // The agent keeps what is not committed, and is credited only past it: commit a large backlog
    // at once rather than at the next tick, so a fast stream is not held to one window per tick.
    if (this.uncommittedBytes >= EAGER_BYTES && !this.flushing) void this.flush();
    else if (!this.timer) this.timer = setTimeout(() => void this.flush(), FLUSH_MS);
  }

  snapshot(): RecorderSnapshot {
    const rows = [...this.inflight, ...this.queued, ...(this.current ? [this.current] : [])];
    return {
      committedSeq: this.committedSeq,
      committedBytes: this.committedBytes,
      tail: Buffer.concat(rows.flatMap((r) => r.parts)),
    };
  }

  /** Writes everything recorded so far; resolves once it is committed. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.flushing) await this.flushing;
    if (this.current) this.queued.push(this.current);
    this.current = null;
    if (this.queued.length === 0) return;
    this.flushing = this.commitQueued().finally(() => {
      this.flushing = null;
    });
    await this.flushing;
    this.onCommitted();
    if (this.uncommittedBytes >= EAGER_BYTES && !this.flushing) void this.flush();
  }

  private async commitQueued(): Promise<void> {
    while (this.queued.length > 0) {
      const rows = (this.inflight = this.queued);
      this.queued = [];
      const bytes = this.committedBytes + rows.reduce((n, r) => n + r.bytes, 0);
      const last = rows.at(-1);
      const raw = last?.rawEnd ?? this.committedRaw;
      // The sizes follow along: a step cut short by a crash says how much it kept, and where a new owner resumes.
      await this.store(
        rows.map((r) => ({ seq: r.seq, t: r.t, data: Buffer.concat(r.parts, r.bytes) })),
        { outputBytes: bytes, receivedBytes: raw },
      );
      this.inflight = [];
      if (last) this.committedSeq = last.seq + 1;
      this.committedBytes = bytes;
      this.committedRaw = raw;
    }
  }

  /**
   * Writes one batch until it is stored, or there is no step run to store it for, or the database
   * failed for as long as retryWrite waits. A SQLite lock is polled meanwhile, not backed off. Always
   * this batch alone: rows pushed meanwhile wait for the next one, since writeChunks may only take a
   * retried batch as stored by an earlier attempt if it is the same.
   */
  private async store(rows: ChunkRow[], sizes: StoredSizes): Promise<WriteResult | "given up"> {
    const context = { stepRunId: this.stepRunId, rows: rows.length };
    try {
      const result = await retryWrite(async () => {
        let written = await writeChunks(this.stepRunId, rows, sizes);
        while (written === "busy") {
          await sleep(BUSY_RETRY_MS);
          written = await writeChunks(this.stepRunId, rows, sizes);
        }
        return written;
      }, context);
      if (result === "gone") log.warn(context, "step run gone; its output is not stored");
      return result;
    } catch (err) {
      log.error({ err, ...context }, "could not store step output; gave up");
      return "given up";
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
