// Sends each step's output chunks (live `step.output` and `step.replay`) to the terminal showing
// that step. A chunk that arrives before its terminal has mounted (the first bytes of a step the
// user just started) is held, up to a bound, and handed over when the terminal attaches. The hub's
// `step.resync` (this page stopped getting a step's live output) goes to the same terminal.

export interface OutputChunk {
  offset: number;
  data: Uint8Array;
  /** Set on the last chunk of a replay. */
  replayDone?: boolean;
}

export type OutputSink = (chunk: OutputChunk) => void;
/** The hub dropped this page from the step's live output: catch up by replay. */
export type ResyncSink = () => void;

interface Held {
  chunks: OutputChunk[];
  bytes: number;
  /** Bytes were dropped: the terminal must ask for a replay to fill the gap. */
  overflowed: boolean;
}

/** Per step; beyond it the earliest bytes are kept and the rest come back through a replay. */
export const HOLD_BYTES = 4 * 1024 * 1024;
/** Steps with held output; the oldest is forgotten first. */
export const HOLD_STEPS = 8;

export class OutputRouter {
  private readonly sinks = new Map<string, Map<OutputSink, ResyncSink>>();
  private readonly held = new Map<string, Held>();

  route(stepRunId: string, chunk: OutputChunk): void {
    const sinks = this.sinks.get(stepRunId);
    if (sinks && sinks.size > 0) {
      for (const sink of sinks.keys()) sink(chunk);
      return;
    }
    this.hold(stepRunId, chunk);
  }

  resync(stepRunId: string): void {
    const sinks = this.sinks.get(stepRunId);
    if (sinks && sinks.size > 0) {
      for (const resync of sinks.values()) resync();
      return;
    }
    // No terminal yet: what is held ends where live output stopped, like an overflow.
    const held = this.held.get(stepRunId);
    if (held) held.overflowed = true;
  }

  /**
   * Delivers what was held for the step, then everything that follows, until the returned
   * function is called. Reports whether held output was dropped for lack of room.
   */
  attach(
    stepRunId: string,
    sink: OutputSink,
    resync: ResyncSink = () => {},
  ): { detach: () => void; overflowed: boolean } {
    const held = this.held.get(stepRunId);
    this.held.delete(stepRunId);
    let sinks = this.sinks.get(stepRunId);
    if (!sinks) this.sinks.set(stepRunId, (sinks = new Map()));
    sinks.set(sink, resync);
    for (const chunk of held?.chunks ?? []) sink(chunk);
    return {
      overflowed: held?.overflowed ?? false,
      detach: () => {
        sinks.delete(sink);
        if (sinks.size === 0 && this.sinks.get(stepRunId) === sinks) this.sinks.delete(stepRunId);
      },
    };
  }

  /** Bytes held for steps with no terminal, for tests and diagnostics. */
  heldBytes(stepRunId: string): number {
    return this.held.get(stepRunId)?.bytes ?? 0;
  }

  private hold(stepRunId: string, chunk: OutputChunk): void {
    let held = this.held.get(stepRunId);
    if (!held) {
      if (this.held.size >= HOLD_STEPS) {
        const oldest = this.held.keys().next().value;
        if (oldest !== undefined) this.held.delete(oldest);
      }
      held = { chunks: [], bytes: 0, overflowed: false };
      this.held.set(stepRunId, held);
    }
    if (held.bytes + chunk.data.byteLength > HOLD_BYTES) {
      held.overflowed = true;
      return;
    }
    held.chunks.push(chunk);
    held.bytes += chunk.data.byteLength;
  }
}
