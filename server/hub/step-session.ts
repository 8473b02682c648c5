// One step while it runs: takes the agent's raw output chunks in offset order (dropping resent
// duplicates), masks secrets, broadcasts and records the result, keeps text for the expectation,
// and decides when to credit the agent: only past what the database committed, so an instance
// that dies loses nothing the agent cannot resend to the next one, and never while a watching
// browser lags (a watcher only for a bounded time: one that makes no progress or acknowledges
// backwards is dropped).
// A dropped watcher gets no more live output, so nothing piles up for it in the server's or the
// browser's memory; it is told to re-sync and catches up by a replay from storage.
import type { StepOutput } from "@/agent/src/protocol";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics/metrics";
import { ExpectText } from "@/lib/runs/expect-text";
import { UI_WINDOW_BYTES } from "@/lib/runs/protocol";
import type { RecorderStart } from "@/lib/runs/output-recorder";
import type { OutputSink } from "@/lib/runs/run-store";
import { SecretMasker } from "@/lib/runs/secret-masker";

/**
 * A watcher that stays more than UI_WINDOW_BYTES behind without progress this long is no longer
 * waited for: the most a watcher can hold back the agent in one go. Repeating an offset is not
 * progress, so acknowledging 0 every 100 ms holds nothing for longer.
 */
export const UI_STALL_MS = 10_000;

export interface StepSessionDeps {
  stepRunId: string;
  secrets: string[];
  maxOutputBytes: number;
  /** Where the masked output is recorded; `onCommitted` runs after each committed batch. */
  record: (onCommitted: () => void) => OutputSink;
  /** Taking over a step another instance drove: where its stored output ends. */
  from?: RecorderStart;
  /** Sends masked bytes at a (masked-stream) offset to everyone watching but the dropped. */
  broadcast: (offset: number, data: Buffer, except: ReadonlySet<string>) => void;
  /** Tells a dropped watcher to catch up by replay (`step.resync`). */
  resync: (socketId: string) => void;
  /** Credits the agent: it may drop everything before `offset`. */
  sendAck: (offset: number) => void;
}

export interface SessionOutput {
  /** Read only when the step's expectation or captures need it: decoding and stripping megabytes costs. */
  readonly text: string;
  bytes: number;
  truncated: boolean;
}

interface Watcher {
  acked: number;
  /** When it last made progress or was within the window: it is stalled UI_STALL_MS after. */
  since: number;
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
  /** Watchers no longer waited for in this step; they can catch up by replay from storage. */
  private readonly dropped = new Set<string>();
  private recheck: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly deps: StepSessionDeps) {
    this.masker = new SecretMasker(deps.secrets);
    this.recorder = deps.record(() => this.maybeAck());
    if (deps.from) {
      this.received = this.acked = deps.from.raw;
      this.emitted = deps.from.bytes;
    }
    this.truncated = deps.maxOutputBytes > 0 && this.emitted >= deps.maxOutputBytes;
  }

  take(chunk: StepOutput): void {
    if (this.closed) return;
    const data = Buffer.isBuffer(chunk.data) ? chunk.data : Buffer.from(chunk.data);
    const end = chunk.offset + data.length;
    if (end <= this.received) {
      this.forceAck(); // a resend of bytes we have: the agent missed our ack
      return;
    }
    // Past the cap nothing more is kept: the agent may already have dropped what a new owner asked for.
    if (chunk.offset > this.received && this.truncated) this.received = chunk.offset;
    if (chunk.offset > this.received) {
      // Cannot happen on one ordered connection; after a reconnect the agent resends from our ack.
      log.warn(
        { stepRunId: this.deps.stepRunId, expected: this.received, got: chunk.offset },
        "output chunk out of order; waiting for the resend",
      );
      return;
    }
    let fresh = data.subarray(this.received - chunk.offset);
    metrics.outputBytes.inc(fresh.length);
    this.received = end;
    const cap = this.deps.maxOutputBytes;
    if (cap > 0 && this.emitted + fresh.length > cap) {
      fresh = fresh.subarray(0, Math.max(0, cap - this.emitted));
      this.truncated = true;
    }
    if (fresh.length) this.emit(this.masker.push(fresh), this.received - this.masker.heldBytes);
    this.maybeAck();
  }

  /** A browser's terminal consumed output up to `offset`. */
  watcherAck(socketId: string, offset: number): void {
    if (this.dropped.has(socketId)) return;
    const at = Math.min(offset, this.emitted);
    const watcher = this.watchers.get(socketId);
    if (watcher && at < watcher.acked) return this.drop(socketId, "acknowledged backwards");
    if (!watcher || at > watcher.acked) this.watchers.set(socketId, { acked: at, since: Date.now() });
    this.maybeAck();
  }

  /** False once the watcher was dropped: it should re-sync from storage (`step.replay`). */
  waitsFor(socketId: string): boolean {
    return !this.dropped.has(socketId);
  }

  /**
   * A replay for this watcher starts from the recorder's snapshot, taken right after this: live
   * output resumes from there, and the watcher is waited for again once it acknowledges.
   */
  readmit(socketId: string): void {
    this.dropped.delete(socketId);
  }

  /** The watcher left (unsubscribed or disconnected); coming back, it is waited for again. */
  watcherGone(socketId: string): void {
    this.dropped.delete(socketId);
    if (this.watchers.delete(socketId)) this.maybeAck();
  }

  /** Ends the stream: releases held-back bytes and commits everything. */
  async close(): Promise<SessionOutput> {
    if (!this.closed) {
      this.closed = true;
      if (this.recheck) clearTimeout(this.recheck);
      const rest = this.masker.flush();
      if (rest.length) this.emit(rest, this.received);
    }
    await this.recorder.flush();
    const expectText = this.expectText;
    let text: string | undefined;
    return {
      get text() {
        return (text ??= expectText.text());
      },
      bytes: this.emitted,
      truncated: this.truncated,
    };
  }

  /**
   * Hands the step over to another instance (its agent moved there): stops taking output and
   * commits what was emitted. What the masker held back is not emitted: the next owner gets it
   * again from the agent, from the raw offset the committed output accounts for.
   */
  async release(): Promise<void> {
    this.closed = true;
    if (this.recheck) clearTimeout(this.recheck);
    await this.recorder.flush();
  }

  /** Raw bytes the agent may drop: those whose masked output is committed, and all once past the cap. */
  private get creditable(): number {
    return this.truncated && this.recorder.uncommittedBytes === 0 ? this.received : this.recorder.committedRaw;
  }

  private emit(data: Buffer, rawEnd: number): void {
    if (data.length === 0) return;
    const offset = this.emitted;
    this.emitted += data.length;
    this.recorder.push(data, rawEnd);
    this.expectText.push(data);
    this.deps.broadcast(offset, data, this.dropped);
  }

  private forceAck(): void {
    this.acked = Math.max(this.acked, this.creditable);
    this.deps.sendAck(this.acked);
  }

  private maybeAck(): void {
    // Until the database commits, the agent keeps its bytes; the commit callback comes back here.
    if (this.closed || this.creditable <= this.acked) return;
    const laggard = this.laggard();
    if (laggard) {
      if (!this.recheck) {
        // When the laggard stalls for good, unless it progresses or a chunk or ack comes first.
        this.recheck = setTimeout(
          () => {
            this.recheck = null;
            this.maybeAck();
          },
          laggard.since + UI_STALL_MS - Date.now() + 1,
        );
      }
      return;
    }
    this.forceAck();
  }

  /** The watcher that holds back the agent, if any; drops those stalled beyond the bound. */
  private laggard(): Watcher | null {
    const now = Date.now();
    let holding: Watcher | null = null;
    for (const [socketId, watcher] of this.watchers) {
      if (this.emitted - watcher.acked <= UI_WINDOW_BYTES) watcher.since = now;
      else if (now - watcher.since > UI_STALL_MS) this.drop(socketId, "made no progress", false);
      else if (!holding || watcher.since < holding.since) holding = watcher;
    }
    return holding;
  }

  private drop(socketId: string, why: string, recheck = true): void {
    this.watchers.delete(socketId);
    this.dropped.add(socketId);
    log.warn({ stepRunId: this.deps.stepRunId, socketId, why }, "watcher dropped; told to re-sync from storage");
    this.deps.resync(socketId);
    if (recheck) this.maybeAck();
  }
}
