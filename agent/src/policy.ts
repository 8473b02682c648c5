// The agent's own say over what runs on its host, applied whatever the server asks.
import type { AgentPolicy, StepStart } from "./protocol";
import { isRisk, riskWithin, type Risk } from "./risk";

/**
 * Why this agent refuses the step, or null when it may run. `claimedRisk` is what the server said
 * when the step's risk was taken from the signed manifest instead; the reason then names both.
 */
export function refusalReason(
  policy: AgentPolicy,
  step: Pick<StepStart, "risk" | "playbook" | "playbookTags" | "stepId">,
  claimedRisk: Risk = step.risk,
): string | null {
  if (!isRisk(step.risk)) return `unknown risk "${String(step.risk)}"`;
  if (!riskWithin(step.risk, policy.maxRisk)) {
    const claim = claimedRisk === step.risk ? "" : ` (risk from the signed manifest; the server said "${claimedRisk}")`;
    return `this agent accepts steps up to risk "${policy.maxRisk}"; step "${step.stepId}" is "${step.risk}"${claim}`;
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
