// An agent's reported policy in words: "read-only", "up to change; tags: ray, podman".
import type { HostView } from "@/lib/runs/protocol";

export function describePolicy(policy: HostView["policy"]): string {
  if (!policy) return "not reported yet";
  const parts = [policy.maxRisk === "read" ? "read-only" : `up to ${policy.maxRisk}`];
  if (policy.allowTags) parts.push(`tags: ${policy.allowTags.join(", ")}`);
  if (policy.allowPlaybooks) parts.push(`playbooks: ${policy.allowPlaybooks.join(", ")}`);
  return parts.join("; ");
}
