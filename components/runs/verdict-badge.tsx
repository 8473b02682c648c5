// A step's verdict as colour, icon and word together; a running step shows a spinner.
import type { Verdict } from "@/lib/runs/protocol";
import { AlertIcon, CheckIcon, ClockIcon, CrossIcon, OctagonIcon } from "@/components/icons";
import { VERDICT_LABELS } from "./run-format";

const ICONS = {
  passed: CheckIcon,
  failed: CrossIcon,
  error: AlertIcon,
  cancelled: OctagonIcon,
  "timed-out": ClockIcon,
  interrupted: AlertIcon,
  refused: OctagonIcon,
} as const;

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  if (verdict === "running") {
    return (
      <span className="badge verdict verdict-running" data-verdict="running">
        <span className="spinner" aria-hidden="true" />
        {VERDICT_LABELS.running}
      </span>
    );
  }
  const Icon = ICONS[verdict];
  return (
    <span className={`badge verdict verdict-${verdict}`} data-verdict={verdict}>
      <Icon size={13} />
      {VERDICT_LABELS[verdict]}
    </span>
  );
}
