// Words for a step's risk, so a reader understands a step card without knowing the playbook format.
// The other fields have theirs beside their rules: lib/playbooks/expectations.ts, next-step.ts.
import type { Risk } from "@/lib/playbooks/types";

export const RISK_LABELS = {
  read: { label: "Read-only", hint: "Diagnostic; changes nothing on the host." },
  change: { label: "Changes host", hint: "Modifies the host; asks for confirmation before it runs." },
  danger: { label: "Danger", hint: "Destructive; only admins may run it, after typing the step id." },
} as const satisfies Record<Risk, { label: string; hint: string }>;
