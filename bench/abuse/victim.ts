// The victim: an operator's browser tab that starts a run, runs a step printing `TICK <monotonic ns>`
// lines (bench/stream/emit-ticks.mjs), acknowledges its output as the terminal does, and records each
// line's delay from the agent's process to this one (both read the machine's monotonic clock).
import { io } from "socket.io-client";
import type { UiResult, UiStepOutput } from "@/lib/runs/protocol";
import type { Sample } from "./timeline";

export interface VictimRun {
  /** Resolves once the step is running. */
  ids: Promise<{ runId: string; stepRunId: string }>;
  /** Resolves with every tick (when emitted, on nowMs()'s clock; its delay in ms) once the step ended. */
  delays: Promise<Sample[]>;
}

export function watchVictim(server: { url: string; operatorCookie: string; hostId: string }, step: string): VictimRun {
  const socket = io(`${server.url}/ui`, {
    transports: ["websocket"],
    extraHeaders: { cookie: server.operatorCookie },
    reconnection: false,
    forceNew: true,
  });
  const call = async <T extends object>(event: string, payload: object): Promise<T> => {
    const res = (await socket.timeout(30_000).emitWithAck(event, payload)) as UiResult<T>;
    if (!res.ok) throw new Error(`victim ${event}: ${res.error.code}: ${res.error.message}`);
    return res;
  };
  const delays: Sample[] = [];
  let partial = "";
  socket.on("step.output", (chunk: UiStepOutput) => {
    const now = process.hrtime.bigint();
    const lines = (partial + Buffer.from(chunk.data).toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      const match = /TICK (\d+)/.exec(line);
      if (!match?.[1]) continue;
      const emitted = BigInt(match[1]);
      delays.push({ at: Number(emitted) / 1e6, value: Number(now - emitted) / 1e6 });
    }
    socket.emit("output.ack", { stepRunId: chunk.stepRunId, offset: chunk.offset + chunk.data.byteLength });
  });
  let stepRunId = "";
  const ended = new Promise<void>((resolve) =>
    socket.on("step.state", (view: { id: string; verdict: string }) => {
      if (view.id === stepRunId && view.verdict !== "running") resolve();
    }),
  );
  const ids = (async () => {
    const { runId } = await call<{ runId: string }>("run.start", {
      playbook: "stream-bench",
      hostId: server.hostId,
      inputs: {},
    });
    stepRunId = (await call<{ stepRunId: string }>("step.run", { runId, stepId: step })).stepRunId;
    return { runId, stepRunId };
  })();
  const done = (async () => {
    const { runId } = await ids;
    await ended;
    await call("run.finish", { runId });
    socket.close();
    return delays;
  })();
  return { ids, delays: done };
}
