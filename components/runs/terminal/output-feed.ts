// Feeds a step's output into a terminal: in offset order (OutputAssembler), batched into few large
// writes, with xterm's write-callback flow control. The terminal reports what it has *parsed*, not
// what it was handed, so a browser that cannot keep up stops acknowledging and the hub pauses the
// agent (lib/runs/protocol.ts, `output.ack`) instead of this tab's memory growing.
// See https://xtermjs.org/docs/guides/flowcontrol/.
import { OutputAssembler } from "@/lib/runs/output-assembler";

export interface TerminalWriter {
  write(data: Uint8Array, callback?: () => void): void;
}

export interface OutputFeedOptions {
  writer: TerminalWriter;
  /** The terminal has consumed the stream up to `offset`. */
  onConsumed?: (offset: number) => void;
  /** Runs `flush` soon; the default is a macrotask so chunks arriving together become one write. */
  schedule?: (flush: () => void) => void;
  /** Runs a catch-up report later (default: after REPORT_DELAY_MS), so a trickle of output takes few packets. */
  scheduleReport?: (report: () => void) => void;
}

/** Live output is written at least this often... */
export const BATCH_BYTES = 1024 * 1024;
/** ...and a held replay in pieces of at most this. */
export const HELD_BATCH_BYTES = 8 * 1024 * 1024;
/** Consumption is reported every this many bytes, and soon after the terminal catches up... */
export const REPORT_BYTES = 64 * 1024;
/**
 * ...this soon. The hub waits for a reporting tab only when it is UI_WINDOW_BYTES (2 MB) behind, far
 * more than REPORT_BYTES, so a catch-up report may wait; one per small chunk would double the hub's
 * work for an interactive trickle (each report is a packet the hub checks and applies).
 */
export const REPORT_DELAY_MS = 50;

export class OutputFeed {
  /** Bytes handed to the terminal. */
  written = 0;
  /** Bytes the terminal has parsed (its write callback ran). */
  consumed = 0;
  private readonly assembler: OutputAssembler;
  private queue: Uint8Array[] = [];
  private queued = 0;
  private scheduled = false;
  private holding = false;
  private reported = 0;
  private reportPending = false;
  private furthest = 0;
  private disposed = false;

  constructor(private readonly opts: OutputFeedOptions) {
    this.assembler = new OutputAssembler((bytes) => this.enqueue(bytes));
  }

  /** A chunk starting at byte `offset` of the step's output; duplicates and overlaps are dropped. */
  push(offset: number, data: Uint8Array): void {
    if (this.disposed) return;
    this.furthest = Math.max(this.furthest, offset + data.byteLength);
    this.assembler.push(offset, data);
  }

  /** Contiguous bytes received so far. */
  get received(): number {
    return this.assembler.offset;
  }

  /** Bytes beyond a hole are waiting: something must be replayed to fill it. */
  get hasGap(): boolean {
    return this.furthest > this.assembler.offset;
  }

  /** Collects output without writing until release(): a replay then lands in one write. */
  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    this.flush();
  }

  dispose(): void {
    this.disposed = true;
    this.queue = [];
    this.queued = 0;
  }

  private enqueue(bytes: Uint8Array): void {
    this.queue.push(bytes);
    this.queued += bytes.byteLength;
    // A terminal with nothing left to parse takes the chunk at once: a keystroke's echo or a
    // prompt is not held for a timer. Chunks that arrive while it parses are batched as before.
    const idle = !this.holding && this.consumed === this.written && !this.scheduled;
    if (idle || this.queued >= (this.holding ? HELD_BATCH_BYTES : BATCH_BYTES)) {
      this.flush();
    } else if (!this.holding && !this.scheduled) {
      this.scheduled = true;
      (this.opts.schedule ?? ((fn) => setTimeout(fn, 0)))(() => {
        this.scheduled = false;
        if (!this.holding) this.flush();
      });
    }
  }

  private flush(): void {
    if (this.disposed || this.queued === 0) return;
    const data = this.queue.length === 1 ? this.queue[0]! : concat(this.queue, this.queued);
    this.queue = [];
    this.queued = 0;
    const end = (this.written += data.byteLength);
    this.opts.writer.write(data, () => this.onParsed(end));
  }

  private onParsed(end: number): void {
    if (this.disposed) return;
    this.consumed = Math.max(this.consumed, end);
    if (this.consumed - this.reported >= REPORT_BYTES) this.report();
    else if (this.consumed > this.reported && !this.reportPending) {
      this.reportPending = true;
      (this.opts.scheduleReport ?? ((fn) => setTimeout(fn, REPORT_DELAY_MS)))(() => {
        this.reportPending = false;
        if (!this.disposed && this.consumed > this.reported) this.report();
      });
    }
  }

  private report(): void {
    this.reported = this.consumed;
    this.opts.onConsumed?.(this.consumed);
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
