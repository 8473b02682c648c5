// A browser tab, minus the pixels: a /ui socket.io client signed in with a session cookie that
// starts a run, runs one step and feeds its output through the terminal pane's own OutputFeed
// (offset order, batched writes, `output.ack` after each write is consumed). The "terminal" it
// writes to is the benchmark's sink.
import { io, type Socket } from "socket.io-client";
import { OutputFeed } from "@/components/runs/terminal/output-feed";
import type {
  StepRunView,
  UiClientToServerEvents,
  UiResult,
  UiServerToClientEvents,
  UiStepOutput,
} from "@/lib/runs/protocol";
import type { TerminalSink } from "./raw-pty";

type UiSocket = Socket<UiServerToClientEvents, UiClientToServerEvents>;

export interface StepOutcome {
  stepRunId: string;
  view: StepRunView;
}

export class CasebookViewer {
  private readonly socket: UiSocket;
  private readonly feeds = new Map<string, OutputFeed>(); // by run id
  private readonly rawListeners = new Map<string, (chunk: UiStepOutput, at: bigint) => void>();
  private readonly ended = new Map<string, (view: StepRunView) => void>(); // by step run id
  private readonly endedEarly = new Map<string, StepRunView>();

  constructor(url: string, cookie: string) {
    this.socket = io(`${url}/ui`, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
    this.socket.on("step.output", (chunk) => {
      const at = process.hrtime.bigint();
      this.rawListeners.get(chunk.runId)?.(chunk, at);
      this.feeds.get(chunk.runId)?.push(chunk.offset, chunk.data);
    });
    this.socket.on("step.state", (view) => {
      if (view.verdict === "running") return;
      const done = this.ended.get(view.id);
      if (done) done(view);
      else this.endedEarly.set(view.id, view);
    });
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once("connect", () => resolve());
      this.socket.once("connect_error", (err) => reject(new Error(`/ui: ${err.message}`)));
    });
  }

  close(): void {
    this.socket.close();
  }

  /**
   * Starts a run of `playbook` on `hostId`, runs `stepId`, and writes its output into `sink` as the
   * terminal would. `onSocketChunk` sees each chunk as it comes off the socket (before batching).
   */
  async runStep(
    playbook: string,
    hostId: string,
    stepId: string,
    sink: TerminalSink,
    timeoutMs: number,
    onSocketChunk?: (data: Uint8Array, at: bigint) => void,
  ): Promise<StepOutcome> {
    const started = await this.call<{ runId: string }>("run.start", { playbook, hostId, inputs: {} });
    const runId = started.runId;
    let stepRunId = "";
    const feed = new OutputFeed({
      writer: {
        write: (data, done) => {
          sink.push(data, process.hrtime.bigint());
          done?.();
        },
      },
      onConsumed: (offset) => {
        if (stepRunId) this.socket.emit("output.ack", { stepRunId, offset });
      },
    });
    this.feeds.set(runId, feed);
    this.rawListeners.set(runId, (chunk, at) => {
      stepRunId ||= chunk.stepRunId;
      onSocketChunk?.(chunk.data, at);
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      const ran = await this.call<{ stepRunId: string }>("step.run", { runId, stepId });
      stepRunId = ran.stepRunId;
      const view = await Promise.race([
        this.stepEnded(stepRunId),
        new Promise<never>(
          (_, reject) =>
            (timer = setTimeout(
              () => reject(new Error(`Casebook: step ${stepId} did not end within ${timeoutMs} ms`)),
              timeoutMs,
            )),
        ),
      ]);
      await Promise.race([
        sink.done,
        new Promise((_, reject) =>
          setTimeout(
            () =>
              reject(
                new Error(
                  `Casebook: step ${stepId} ended (${view.verdict}: ${view.reason ?? ""}) ` +
                    "but its end marker never reached the client",
                ),
              ),
            10_000,
          ).unref(),
        ),
      ]);
      await this.call("run.finish", { runId });
      return { stepRunId, view };
    } finally {
      clearTimeout(timer);
      this.feeds.delete(runId);
      this.rawListeners.delete(runId);
      feed.dispose();
    }
  }

  private stepEnded(stepRunId: string): Promise<StepRunView> {
    const early = this.endedEarly.get(stepRunId);
    if (early) return Promise.resolve(early);
    return new Promise((resolve) => this.ended.set(stepRunId, resolve));
  }

  private async call<T extends object>(event: keyof UiClientToServerEvents, payload: object): Promise<T> {
    const emit = this.socket.timeout(30_000).emitWithAck as unknown as (e: string, p: object) => Promise<UiResult<T>>;
    const res = await emit.call(this.socket.timeout(30_000), event, payload);
    if (!res.ok) throw new Error(`Casebook ${event}: ${res.error.code}: ${res.error.message}`);
    return res;
  }
}
