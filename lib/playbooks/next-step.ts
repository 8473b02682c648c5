// Which step comes after a step passes or fails: the one it names in onPass/onFail, else the next
// one in document order, else none (the playbook ends). The run hub suggests it; step cards show it.
import type { Playbook, Step } from "./types";

export type Branch = "pass" | "fail";

type Steps = Pick<Playbook, "steps">;

/** The id of the step after `step` on `branch`, undefined at the end of the playbook; `explicit`
 *  when the author named it. */
export function nextStepAfter(
  playbook: { steps: readonly Pick<Step, "id">[] },
  step: Pick<Step, "id" | "onPass" | "onFail">,
  branch: Branch,
): { id?: string; explicit: boolean } {
  const named = branch === "pass" ? step.onPass : step.onFail;
  if (named !== undefined) return { id: named, explicit: true };
  const index = playbook.steps.findIndex((s) => s.id === step.id);
  return { id: index >= 0 ? playbook.steps[index + 1]?.id : undefined, explicit: false };
}

export interface NextStep {
  /** The step to go to, or undefined when the playbook ends here. */
  step?: Pick<Step, "id" | "title">;
  /** True when the author named the step; false when it is simply the next one in the document. */
  explicit: boolean;
}

/** Where a run goes after `step` passes and after it fails, with the titles a step card shows. */
export function nextSteps(playbook: Steps, step: Step): Record<"onPass" | "onFail", NextStep> {
  const resolve = (branch: Branch): NextStep => {
    const next = nextStepAfter(playbook, step, branch);
    if (next.id === undefined) return { explicit: next.explicit };
    const found = playbook.steps.find((s) => s.id === next.id);
    // The parser rejects onPass/onFail naming a missing step; a stale index still gets a link.
    return { step: found ?? { id: next.id, title: next.id }, explicit: next.explicit };
  };
  return { onPass: resolve("pass"), onFail: resolve("fail") };
}
