// One step while it runs: takes the agent's raw output chunks in offset order (dropping resent
// duplicates), masks secrets, broadcasts and records the result, keeps text for the expectation,
// and decides when to credit the agent (never while the database or a watching browser lags).
import type { StepOutput } from "@/agent/src/protocol";
import { log } from "@/lib/log";
import { ExpectText } from "@/lib/runs/expect-text";
import { UI_WINDOW_BYTES } from "@/lib/runs/protocol";
import type { OutputSink } from "@/lib/runs/run-store";
import { SecretMasker } from "@/lib/runs/secret-masker";

/** Uncommitted output above which the agent gets no more credit until the database catches up. */
const RECORDER_HIGH_WATER = 8 * 1024 * 1024;
/** A browser that reported progress but then went quiet this long is no longer waited for. */
const UI_STALL_MS = 10_000;

export interface StepSessionDeps {
  stepRunId: string;
  secrets: string[];
  maxOutputBytes: number;
  /** Where the masked output is recorded; `onCommitted` runs after each committed batch. */
  record: (onCommitted: () => void) => OutputSink;
  /** Sends masked bytes at a (masked-stream) offset to everyone watching. */
  broadcast: (offset: number, data: Buffer) => void;
  /** Credits the agent: it may drop everything before `offset`. */
  sendAck: (offset: number) => void;
}

export interface SessionOutput {
  text: string;
  bytes: number;
  truncated: boolean;
}

interface Watcher {
  acked: number;
  lastAckAt: number;
}

export class StepSession {
  /** Raw bytes received from the agent: the next offset expected. */
  received = 0;
  /** Masked bytes sent to watchers and the recorder. */
  emitted = 0;
  truncated = false;
  readonly recorder: OutputSink;
  private readonly masker: SecretMasker;
  private readonly expectText = new ExpectText();
  private acked = 0;
  private readonly watchers = new Map<string, Watcher>();
  private recheck: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly deps: StepSessionDeps) {
    this.masker = new SecretMasker(deps.secrets);
    this.recorder = deps.record(() => this.maybeAck());
  }

  take(chunk: StepOutput): void {
    if (this.closed) return;
    const data = Buffer.isBuffer(chunk.data) ? chunk.data : Buffer.from(chunk.data);
    const end = chunk.offset + data.length;
    if (end <= this.received) {
      this.forceAck(); // a resend of bytes we have: the agent missed our ack
      return;
    }
    if (chunk.offset > this.received) {
      // Cannot happen on one ordered connection; after a reconnect the agent resends from our ack.
      log.warn(
        { stepRunId: this.deps.stepRunId, expected: this.received, got: chunk.offset },
        "output chunk out of order; waiting for the resend",
      );
      return;
    }
    let fresh = data.subarray(this.received - chunk.offset);
    this.received = end;
    const cap = this.deps.maxOutputBytes;
    if (cap > 0 && this.emitted + fresh.length > cap) {
      fresh = fresh.subarray(0, Math.max(0, cap - this.emitted));
      this.truncated = true;
    }
    if (fresh.length) this.emit(this.masker.push(fresh));
    this.maybeAck();
  }

  /** A browser's terminal consumed output up to `offset`. */
  watcherAck(socketId: string, offset: number): void {
    this.watchers.set(socketId, { acked: Math.min(offset, this.emitted), lastAckAt: Date.now() });
    this.maybeAck();
  }

  watcherGone(socketId: string): void {
    if (this.watchers.delete(socketId)) this.maybeAck();
  }

  /** Ends the stream: releases held-back bytes and commits everything. */
  async close(): Promise<SessionOutput> {
    if (!this.closed) {
      this.closed = true;
      if (this.recheck) clearTimeout(this.recheck);
      const rest = this.masker.flush();
      if (rest.length) this.emit(rest);
    }
    await this.recorder.flush();
    return { text: this.expectText.text(), bytes: this.emitted, truncated: this.truncated };
  }

  private emit(data: Buffer): void {
    if (data.length === 0) return;
    const offset = this.emitted;
    this.emitted += data.length;
    this.recorder.push(data);
    this.expectText.push(data);
    this.deps.broadcast(offset, data);
  }

  private forceAck(): void {
    this.acked = this.received;
    this.deps.sendAck(this.received);
  }

  private maybeAck(): void {
    if (this.closed || this.received <= this.acked) return;
    if (this.recorder.uncommittedBytes > RECORDER_HIGH_WATER) return; // the commit callback retries
    if (this.slowestWatcherLag() > UI_WINDOW_BYTES) {
      if (!this.recheck) {
        this.recheck = setTimeout(() => {
          this.recheck = null;
          this.maybeAck();
        }, UI_STALL_MS);
      }
      return;
    }
    this.forceAck();
  }

  private slowestWatcherLag(): number {
    const now = Date.now();
    let lag = 0;
    for (const watcher of this.watchers.values()) {
      if (now - watcher.lastAckAt > UI_STALL_MS) continue;
      lag = Math.max(lag, this.emitted - watcher.acked);
    }
    return lag;
  }
}
