// A RunView from its parts: the one place that says what a run's view derives from its steps and
// walk (active step, whether a walk is going, the suggested next step, staleness). The stored view
// (run-views.ts) and a run the hub has just made both go through it. Also the views of a step the
// hub has just started or ended, made from what it holds, as run-views.ts would read them.
import type { Playbook, Step } from "@/lib/playbooks/types";
import { suggestAfter, type Ran } from "./diagnosis-walk";
import type { RunView, RunWalk, StepRunView } from "./protocol";
import type { StepRunEnd } from "./run-store";
import type { RunHead } from "./run-list-item";

export interface LiveRunState {
  activeStepRunId: string | null;
  runningAllRead: boolean;
}

/**
 * A run the hub has just made, from what it holds: no step has run and no walk started, so
 * nothing needs reading back (a start is the hot path when many runs start at once).
 */
export function newRunView(
  head: Omit<RunHead, "status" | "finishedAt">,
  inputs: Record<string, string>,
  playbook: Playbook,
): RunView {
  return assembleRunView({ ...head, status: "active", finishedAt: null }, inputs, [], null, playbook);
}

/** A step run the hub has just started, from the row it created: running, nothing recorded yet. */
export function startedStepView(
  row: { id: string; startedAt: Date; cols: number; rows: number },
  about: { runId: string; step: Pick<Step, "id" | "title" | "risk">; userName: string | null },
): StepRunView {
  const { runId, step, userName } = about;
  return {
    id: row.id,
    runId,
    stepId: step.id,
    title: step.title,
    risk: step.risk,
    verdict: "running",
    reason: null,
    exitCode: null,
    signal: null,
    startedAt: row.startedAt.toISOString(),
    endedAt: null,
    outputBytes: 0,
    truncated: false,
    cols: row.cols,
    rows: row.rows,
    userName,
    suggestedNext: null,
    captures: [],
  };
}

/**
 * What a step's view suggests next: nothing while it runs, else where the playbook goes from its
 * verdict. `history`: the run's ended steps in start order, through this one.
 */
export function stepSuggestion(playbook: Playbook | undefined, history: readonly Ran[], ran: Ran): string | null {
  return playbook && ran.verdict !== "running" ? suggestAfter(playbook, history, ran) : null;
}

/** That step once it ended, from its end as the hub writes it (`end`); `history` as stepSuggestion's. */
export function endedStepView(
  started: StepRunView,
  end: StepRunEnd,
  playbook: Playbook | undefined,
  history: readonly Ran[],
): StepRunView {
  const ran = { stepId: started.stepId, verdict: end.verdict };
  const { endedAt, exitCode, signal, verdict, reason, outputBytes, truncated, captures = [] } = end;
  return {
    ...started,
    ...{ exitCode, signal, verdict, reason, outputBytes, truncated, captures },
    endedAt: endedAt.toISOString(),
    suggestedNext: stepSuggestion(playbook, history, ran),
  };
}

export function assembleRunView(
  head: RunHead,
  inputs: Record<string, string>,
  steps: StepRunView[],
  walk: RunWalk | null,
  playbook: Playbook | undefined,
  live?: LiveRunState,
): RunView {
  const lastDone = [...steps].reverse().find((s) => s.verdict !== "running");
  return {
    ...head,
    inputs,
    steps,
    activeStepRunId: live?.activeStepRunId ?? steps.find((s) => s.verdict === "running")?.id ?? null,
    // Another instance drives this run: a walk it has not stopped is still going.
    runningAllRead: live?.runningAllRead ?? (head.status === "active" && walk !== null && walk.stopped === null),
    walk,
    suggestedNext: lastDone ? lastDone.suggestedNext : (playbook?.steps[0]?.id ?? null),
    stale: playbook ? playbook.contentHash !== head.contentHash : true,
  };
}
