// The /ui requests as promises. Every request is answered through its acknowledgement; one that
// gets no answer (the connection is down) resolves with an error instead of hanging a button.
import type { RunStartRequest, RunView, StepRunRequest, UiResult } from "@/lib/runs/protocol";
import type { UiSocket } from "./ui-socket";

const ANSWER_TIMEOUT_MS = 20_000;

function ask<T extends object>(send: (reply: (res: UiResult<T>) => void) => void): Promise<UiResult<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve({ ok: false, error: { code: "internal", message: "The server did not answer; check your connection and try again." } });
    }, ANSWER_TIMEOUT_MS);
    send((res) => {
      clearTimeout(timer);
      resolve(res);
    });
  });
}

export const startRun = (socket: UiSocket, req: RunStartRequest) =>
  ask<{ runId: string; run: RunView }>((reply) => socket.emit("run.start", req, reply));

export const subscribeRun = (socket: UiSocket, runId: string) => ask<{ run: RunView }>((reply) => socket.emit("run.subscribe", { runId }, reply));

export const unsubscribeRun = (socket: UiSocket, runId: string) => ask<object>((reply) => socket.emit("run.unsubscribe", { runId }, reply));

export const runStep = (socket: UiSocket, req: StepRunRequest) => ask<{ stepRunId: string }>((reply) => socket.emit("step.run", req, reply));

export const cancelStep = (socket: UiSocket, runId: string) => ask<object>((reply) => socket.emit("step.cancel", { runId }, reply));

export const runAllRead = (socket: UiSocket, runId: string) => ask<object>((reply) => socket.emit("run.runAllRead", { runId }, reply));

export const finishRun = (socket: UiSocket, runId: string) => ask<{ run: RunView }>((reply) => socket.emit("run.finish", { runId }, reply));

export const replayStep = (socket: UiSocket, runId: string, stepRunId: string) =>
  ask<{ totalBytes: number }>((reply) => socket.emit("step.replay", { runId, stepRunId }, reply));
