// A watcher's output of each step as a browser's terminal gets it: live `step.output` and, when the
// hub says `step.resync`, the `step.replay` the browser then asks for (components/runs/terminal/
// replay-requests.ts), put in order by the browser's own OutputAssembler. Unlike UiClient.output(),
// overlapping chunks are allowed here, but only as far as that assembler drops them: a byte sent
// twice at two offsets shows twice, and a hole keeps everything after it out.
import { OutputAssembler } from "@/lib/runs/output-assembler";
import type { UiClient } from "./hub-harness";

interface Assembled {
  assembler: OutputAssembler;
  parts: Uint8Array[];
  /** The furthest byte any chunk reached: beyond the assembler's offset, bytes are held behind a hole. */
  end: number;
  resyncs: number;
}

export class WatchedOutput {
  private readonly steps = new Map<string, Assembled>();

  /** Attach before the steps start: what came before is not asked for. */
  constructor(private readonly client: UiClient) {
    client.socket.on("step.output", (c) => this.push(c.stepRunId, c.offset, c.data));
    client.socket.on("step.replay", (c) => this.push(c.stepRunId, c.offset, c.data));
    client.socket.on("step.resync", ({ runId, stepRunId }) => {
      this.step(stepRunId).resyncs++;
      void client.call("step.replay", { runId, stepRunId });
    });
  }

  /** What the terminal shows: the gap-free prefix. */
  text(stepRunId: string): string {
    return Buffer.concat(this.step(stepRunId).parts).toString();
  }

  /** Bytes that arrived past a hole and are still waiting for it. */
  held(stepRunId: string): number {
    const step = this.step(stepRunId);
    return step.end - step.assembler.offset;
  }

  resyncs(stepRunId: string): number {
    return this.step(stepRunId).resyncs;
  }

  private push(stepRunId: string, offset: number, data: Uint8Array): void {
    const step = this.step(stepRunId);
    const bytes = new Uint8Array(data); // a copy: socket.io may hand out views of one buffer
    step.end = Math.max(step.end, offset + bytes.byteLength);
    step.assembler.push(offset, bytes);
  }

  private step(stepRunId: string): Assembled {
    let step = this.steps.get(stepRunId);
    if (!step) {
      const parts: Uint8Array[] = [];
      step = { assembler: new OutputAssembler((b) => parts.push(b)), parts, end: 0, resyncs: 0 };
      this.steps.set(stepRunId, step);
    }
    return step;
  }
}
