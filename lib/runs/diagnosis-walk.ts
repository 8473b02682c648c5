// A run as a diagnosis. "Run all read steps" walks the playbook's decision tree from the run's
// suggested next step along onPass/onFail and says in words why it stopped; the same rules give a
// run its suggested next step: no step twice in one run, none whose required step failed. Pure: the
// run hub (server/hub/run-manager.ts) asks it where to go, the run views (run-views.ts) what to suggest.
import { RISK_EFFECT } from "@/lib/playbooks/format";
import { nextStepAfter, type Branch } from "@/lib/playbooks/next-step";
import type { Step } from "@/lib/playbooks/types";
import type { RunWalk, Verdict } from "./protocol";

/** A step run of this run that ended, in start order. */
export interface Ran {
  stepId: string;
  verdict: Verdict;
}

/** What the walk reads of a step; the browser gets just this much of each (playbook-runs.tsx). */
export type WalkStep = Pick<Step, "id" | "risk" | "onPass" | "onFail" | "requires" | "failMeans">;
type Steps = { steps: readonly WalkStep[] };

/** Where the run goes from a step: nowhere, a step it must not repeat or may not run, or a step. */
type Next =
  | { kind: "end" }
  | { kind: "ran"; step: WalkStep }
  | { kind: "blocked"; step: WalkStep; by: WalkStep; fix?: string }
  | { kind: "step"; step: WalkStep };

/** What the walk does next: run a read step, or stop, having skipped a step or not. */
export type WalkMove = { run: string } | { stop: string; skipped?: { stepId: string; reason: string } };

/** A run's step runs as the walk reads them: those that ended, in start order. */
export function historyOf(steps: readonly { stepId: string; verdict: Verdict }[]): Ran[] {
  return steps.filter((s) => s.verdict !== "running").map(({ stepId, verdict }) => ({ stepId, verdict }));
}

/** The branch a verdict takes; null when the step gave no answer (an error, cancelled, refused...). */
export function branchOf(verdict: Verdict | "skipped"): Branch | null {
  return verdict === "passed" ? "pass" : verdict === "failed" || verdict === "timed-out" ? "fail" : null;
}

/**
 * Whether `stepId` already answered in this run, so it is neither suggested nor walked into again:
 * its inputs are fixed when the run starts, so it would only answer the same. When steps can take
 * values captured from earlier steps' output, a changed value is what lets a step run again: here.
 */
export function alreadyRan(history: readonly Ran[], stepId: string): boolean {
  return history.some((r) => r.stepId === stepId && branchOf(r.verdict) !== null);
}

/** The first of `step`'s required steps whose latest answer in this run is a failure. */
export function failedPrerequisite(playbook: Steps, history: readonly Ran[], step: Pick<Step, "requires">) {
  for (const id of step.requires ?? []) {
    const latest = history.findLast((r) => r.stepId === id && branchOf(r.verdict) !== null);
    const required = playbook.steps.find((s) => s.id === id);
    if (latest && required && branchOf(latest.verdict) === "fail") return required;
  }
  return undefined;
}

/** Why `step` may not run now, for a manual run of it; null when it may. */
export function prerequisiteRefusal(playbook: Steps, history: readonly Ran[], step: WalkStep): string | null {
  const by = failedPrerequisite(playbook, history, step);
  if (!by) return null;
  const fix = nextStepAfter(playbook, by, "fail").id;
  const meaning = by.failMeans ? ` (${by.failMeans})` : "";
  return (
    `Step "${step.id}" requires "${by.id}", which failed in this run${meaning}; ` +
    `fix that first${fix && fix !== step.id ? ` with "${fix}"` : ""}.`
  );
}

/** What the run suggests after `last` ended, given every step run up to then, `last` included. */
export function suggestAfter(playbook: Steps, history: readonly Ran[], last: Ran): string | null {
  const step = playbook.steps.find((s) => s.id === last.stepId);
  const branch = branchOf(last.verdict);
  if (!step || !branch) return null;
  const next = follow(playbook, history, step, branch);
  return next.kind === "step" ? next.step.id : null;
}

/** Why the run suggests no step after its last one although one follows it, in words; else null. */
export function whyNoSuggestion(playbook: Steps, history: readonly Ran[]): string | null {
  const last = history.at(-1);
  const step = playbook.steps.find((s) => s.id === last?.stepId);
  const branch = last ? branchOf(last.verdict) : null;
  if (!step || !branch) return null;
  const next = follow(playbook, history, step, branch);
  return next.kind === "ran" || next.kind === "blocked" ? phrase(next) : null;
}

/** The walk's next move: from the run's last step when it has just started, else from its last step. */
export function nextWalkMove(playbook: Steps, history: readonly Ran[], walk: RunWalk): WalkMove {
  const last = walk.path.at(-1);
  if (!last) return startMove(playbook, history);
  const step = playbook.steps.find((s) => s.id === last.stepId);
  const branch = branchOf(last.verdict);
  if (!step || !branch) return { stop: `stopped: \`${last.stepId}\` ${noAnswer(last.verdict)}` };
  const next = follow(playbook, history, step, branch);
  // A failed step that says what its failure means is a diagnosis: the root cause is found.
  if (branch === "fail" && step.failMeans) return { stop: `stopped: ${failure(step)}; ${phrase(next)}` };
  return go(next, branch === "fail" ? `${failure(step)}; ` : "");
}

function startMove(playbook: Steps, history: readonly Ran[]): WalkMove {
  const last = history.at(-1);
  const first = playbook.steps[0];
  if (!last) return first ? go({ kind: "step", step: first }, "") : { stop: "stopped: the playbook has no steps" };
  const step = playbook.steps.find((s) => s.id === last.stepId);
  const branch = branchOf(last.verdict);
  if (!step || !branch) {
    return { stop: `stopped: \`${last.stepId}\` ${noAnswer(last.verdict)}, so nothing follows; run a step yourself` };
  }
  // The run's last step is where the walk starts from: its failure is context, not a new diagnosis.
  return go(follow(playbook, history, step, branch), branch === "fail" ? `${failure(step)}; ` : "");
}

function follow(playbook: Steps, history: readonly Ran[], from: WalkStep, branch: Branch): Next {
  const id = nextStepAfter(playbook, from, branch).id;
  const step = playbook.steps.find((s) => s.id === id);
  if (!step) return { kind: "end" };
  if (alreadyRan(history, step.id)) return { kind: "ran", step };
  const by = failedPrerequisite(playbook, history, step);
  if (!by) return { kind: "step", step };
  const fix = nextStepAfter(playbook, by, "fail").id;
  return { kind: "blocked", step, by, ...(fix !== undefined && fix !== step.id && { fix }) };
}

/** Run the next step if it only reads; otherwise stop, saying why after `context`. */
function go(next: Next, context: string): WalkMove {
  if (next.kind === "step" && next.step.risk === "read") return { run: next.step.id };
  if (next.kind !== "blocked") return { stop: `stopped: ${context}${phrase(next)}` };
  // The root cause is the required step's failure: named once, however many steps depend on it.
  const { step, by, fix } = next;
  const stop = `stopped: ${failure(by)}, so \`${step.id}\`, which requires it, was skipped`;
  return {
    stop: fix ? `${stop}; fix it first: \`${fix}\`` : stop,
    skipped: { stepId: step.id, reason: `requires \`${by.id}\`, which failed` },
  };
}

/** Where the run would go next, in words. */
function phrase(next: Next): string {
  switch (next.kind) {
    case "end":
      return "the playbook ends here";
    case "ran":
      return `next step \`${next.step.id}\` already ran in this run`;
    case "blocked":
      return `next step \`${next.step.id}\` requires \`${next.by.id}\`, which failed`;
    case "step": {
      const { id, risk } = next.step;
      if (risk === "read") return `next step \`${id}\` only reads; run all again to go on from there`;
      return `next step \`${id}\` ${RISK_EFFECT[risk]}; run it yourself`;
    }
  }
}

/** "podman is missing (`podman-installed` failed)", or just "`podman-installed` failed". */
function failure(step: WalkStep): string {
  return step.failMeans ? `${step.failMeans} (\`${step.id}\` failed)` : `\`${step.id}\` failed`;
}

function noAnswer(verdict: Verdict | "skipped"): string {
  const words: Partial<Record<Verdict | "skipped", string>> = {
    error: "ended with an error",
    cancelled: "was cancelled",
    refused: "was refused",
    interrupted: "was interrupted",
    skipped: "was skipped",
  };
  return words[verdict] ?? "gave no answer";
}
