// Words for run and step states, shared by the live panel and the recorded pages. Dates, durations
// and sizes are printed by lib/format.
import type { RunStatus, StepRunView, Verdict } from "@/lib/runs/protocol";

export const VERDICT_LABELS: Record<Verdict, string> = {
  running: "Running",
  passed: "Passed",
  failed: "Failed",
  error: "Error",
  cancelled: "Cancelled",
  "timed-out": "Timed out",
  interrupted: "Interrupted",
  refused: "Refused",
};

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  active: "Active",
  finished: "Finished",
  interrupted: "Interrupted",
};

export function stepDuration(step: Pick<StepRunView, "startedAt" | "endedAt">): number | null {
  if (!step.endedAt) return null;
  return Date.parse(step.endedAt) - Date.parse(step.startedAt);
}

/** "exit 0", "exit 127", "SIGKILL", or null while running / when the step never started. */
export function describeExit(step: Pick<StepRunView, "exitCode" | "signal">): string | null {
  if (step.signal) return step.signal;
  if (step.exitCode !== null) return `exit ${step.exitCode}`;
  return null;
}
