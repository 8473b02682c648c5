// Folds the hub's `run.state` and `step.state` events into the RunView a page shows. Events for one
// run arrive in order on one socket, but a step's state can arrive before the run's, so each step
// update also keeps the run's active step and suggestion consistent on its own.
import type { RunView, StepRunView } from "@/lib/runs/protocol";

export function applyStepState(run: RunView, step: StepRunView): RunView {
  if (step.runId !== run.id) return run;
  const at = run.steps.findIndex((s) => s.id === step.id);
  const steps = at === -1 ? [...run.steps, step] : run.steps.map((s, i) => (i === at ? step : s));
  const running = step.verdict === "running";
  return {
    ...run,
    steps,
    activeStepRunId: running ? step.id : run.activeStepRunId === step.id ? null : run.activeStepRunId,
    suggestedNext: running ? run.suggestedNext : step.suggestedNext,
  };
}

/** The newest run of `stepId` in this run, if it was run. */
export function latestRunOf(run: RunView | null, stepId: string): StepRunView | undefined {
  if (!run) return undefined;
  for (let i = run.steps.length - 1; i >= 0; i--) if (run.steps[i]!.stepId === stepId) return run.steps[i];
  return undefined;
}

export function activeStep(run: RunView | null): StepRunView | undefined {
  if (!run?.activeStepRunId) return undefined;
  return run.steps.find((s) => s.id === run.activeStepRunId);
}

/** The step the run suggests next, unless something is running or the run is over. */
export function nextStepId(run: RunView | null): string | null {
  if (!run || run.status !== "active" || run.activeStepRunId) return null;
  return run.suggestedNext;
}
