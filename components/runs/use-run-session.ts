"use client";
// Follows one run live: subscribes (again after every reconnect), folds in its state events and
// leaves the run's room when the page no longer shows it.
import { useCallback, useEffect, useState } from "react";
import type { RunView, StepRunView, UiError, UiRunError } from "@/lib/runs/protocol";
import { request } from "./run-requests";
import { applyStepState } from "./run-updates";
import { useUiConnection } from "./ui-socket-provider";

export interface RunSession {
  runId: string | null;
  run: RunView | null;
  /** The last problem the hub reported for this run. */
  error: string | null;
  /** Why the hub refused to let us join the run (unknown, or not ours to watch). */
  joinError: UiError | null;
  /** Shows a run that was just started here (the hub already subscribed us). */
  adopt(run: RunView): void;
  /** Stops following any run. */
  clear(): void;
  setError(message: string | null): void;
}

export function useRunSession(initialRunId: string | null, initialRun: RunView | null = null): RunSession {
  const socket = useUiConnection()?.socket ?? null;
  const [runId, setRunId] = useState<string | null>(initialRunId);
  const [run, setRun] = useState<RunView | null>(initialRun);
  const [error, setError] = useState<string | null>(null);
  const [joinError, setJoinError] = useState<UiError | null>(null);

  useEffect(() => {
    if (!socket || !runId) return;
    let live = true;
    const onRun = (view: RunView) => {
      if (view.id === runId) setRun(view);
    };
    const onStep = (step: StepRunView) => {
      if (step.runId === runId) setRun((prev) => (prev && prev.id === runId ? applyStepState(prev, step) : prev));
    };
    const onError = (err: UiRunError) => {
      if (err.runId === runId) setError(err.error.message);
    };
    const subscribe = () => {
      void request(socket, "run.subscribe", { runId }).then((res) => {
        if (!live) return;
        setJoinError(res.ok ? null : res.error);
        if (res.ok) setRun(res.run);
      });
    };
    socket.on("run.state", onRun);
    socket.on("step.state", onStep);
    socket.on("run.error", onError);
    socket.on("connect", subscribe);
    if (socket.connected) subscribe();
    return () => {
      live = false;
      socket.off("run.state", onRun);
      socket.off("step.state", onStep);
      socket.off("run.error", onError);
      socket.off("connect", subscribe);
      if (socket.connected) void request(socket, "run.unsubscribe", { runId });
    };
  }, [socket, runId]);

  const adopt = useCallback((view: RunView) => {
    setRunId(view.id);
    setRun(view);
    setError(null);
    setJoinError(null);
  }, []);
  const clear = useCallback(() => {
    setRunId(null);
    setRun(null);
    setError(null);
    setJoinError(null);
  }, []);

  return { runId, run: run && run.id === runId ? run : null, error, joinError, adopt, clear, setError };
}
