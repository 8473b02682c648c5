// The agent's own say over what runs on its host, applied whatever the server asks.
import type { AgentPolicy, StepStart } from "./protocol";
import { isRisk, riskWithin } from "./risk";

/** Why this agent refuses the step, or null when it may run. */
export function refusalReason(
  policy: AgentPolicy,
  step: Pick<StepStart, "risk" | "playbook" | "playbookTags" | "stepId">,
): string | null {
  if (!isRisk(step.risk)) return `unknown risk "${String(step.risk)}"`;
  if (!riskWithin(step.risk, policy.maxRisk)) {
    return `this agent accepts steps up to risk "${policy.maxRisk}"; step "${step.stepId}" is "${step.risk}"`;
  }
  if (policy.allowPlaybooks && !policy.allowPlaybooks.includes(step.playbook)) {
    return `this agent runs only the playbooks ${policy.allowPlaybooks.join(", ")}; not "${step.playbook}"`;
  }
  if (policy.allowTags && !step.playbookTags.some((tag) => policy.allowTags?.includes(tag))) {
    const tags = step.playbookTags.length ? step.playbookTags.join(", ") : "none";
    return `this agent runs only playbooks tagged ${policy.allowTags.join(", ")}; "${step.playbook}" has tags: ${tags}`;
  }
  return null;
}
