// One step's outgoing output: coalesces PTY reads into chunks, numbers them, keeps every chunk
// until the server acknowledges it (so a dropped connection loses nothing) and reports when the
// unacknowledged bytes exceed the credit window (so the PTY can be paused).
import type { StepOutput } from "./protocol";

/** Larger chunks cost fewer messages (each costs CPU on agent, hub and browser alike). */
export const MAX_CHUNK_BYTES = 256 * 1024;
/**
 * A PTY hands out at most a few KB per read, one read per event-loop turn, so sending on the next
 * tick makes thousands of tiny messages per MB. After a send, data is held this long (or until a
 * full chunk) before the next one; output after a quiet spell still leaves on the next tick.
 */
export const COALESCE_MS = 4;
/** However many steps share the agent's window, each keeps one full chunk in flight. */
export const MIN_STEP_WINDOW_BYTES = MAX_CHUNK_BYTES;

/**
 * A producing step's share of the server's credit window. The window is per step, but an agent's
 * steps share one connection, read in order: ten steps each with 4 MB in flight put 36 MB ahead of
 * the first bytes of the step that starts next. Shared, a step alone keeps the whole window and a
 * new step's first bytes wait behind about one window, however many steps run.
 */
export function stepWindow(windowBytes: number, producing: number): number {
  return Math.max(MIN_STEP_WINDOW_BYTES, Math.floor(windowBytes / Math.max(1, producing)));
}

export class OutgoingOutput {
  produced = 0;
  acked = 0;
  private seq = 0;
  private unacked: StepOutput[] = [];
  private parts: Buffer[] = [];
  private partBytes = 0;
  private flushQueued = false;
  private flushTimer: NodeJS.Timeout | null = null;
  private lastSendAt = 0;
  private overWindow = false;

  constructor(
    private readonly stepRunId: string,
    /** Sends a chunk if the connection is up; unsent chunks go out with `resend()`. */
    private readonly send: (chunk: StepOutput) => void,
    /** true: stop producing (pause the PTY); false: go on. */
    private readonly onPressure: (over: boolean) => void,
    private windowBytes: number,
  ) {}

  /** A new window (the agent's steps re-share it): pauses or resumes the PTY at once if it must. */
  setWindow(bytes: number): void {
    this.windowBytes = bytes;
    this.checkPressure();
  }

  push(data: Buffer): void {
    this.parts.push(data);
    this.partBytes += data.length;
    if (this.partBytes >= MAX_CHUNK_BYTES) this.flush();
    else if (!this.flushQueued) {
      this.flushQueued = true;
      const wait = this.lastSendAt + COALESCE_MS - performance.now();
      if (wait > 0) this.flushTimer = setTimeout(() => this.flush(), wait);
      else setImmediate(() => this.flush());
    }
  }

  /** Turns everything pushed so far into chunks and sends them. */
  flush(): void {
    this.flushQueued = false;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.partBytes === 0) return;
    this.lastSendAt = performance.now();
    const all = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.partBytes);
    this.parts = [];
    this.partBytes = 0;
    for (let at = 0; at < all.length; at += MAX_CHUNK_BYTES) {
      const data = all.subarray(at, at + MAX_CHUNK_BYTES);
      const chunk: StepOutput = { stepRunId: this.stepRunId, seq: this.seq++, offset: this.produced, data };
      this.produced += data.length;
      this.unacked.push(chunk);
      this.send(chunk);
    }
    this.checkPressure();
  }

  /** The server has every byte before `offset`. */
  ack(offset: number): void {
    if (offset <= this.acked) return;
    this.acked = Math.min(offset, this.produced);
    while (this.unacked.length > 0) {
      const first = this.unacked[0]!;
      if (first.offset + first.data.length > this.acked) break;
      this.unacked.shift();
    }
    this.checkPressure();
  }

  /** After a reconnect: everything from the last acknowledged byte, again. */
  resend(): void {
    for (const chunk of this.unacked) this.send(chunk);
  }

  get unackedBytes(): number {
    return this.produced - this.acked;
  }

  private checkPressure(): void {
    const pending = this.unackedBytes;
    if (!this.overWindow && pending >= this.windowBytes) {
      this.overWindow = true;
      this.onPressure(true);
    } else if (this.overWindow && pending <= this.windowBytes / 2) {
      this.overWindow = false;
      this.onPressure(false);
    }
  }
}
