// A step's risk as colour, icon and words together, so it reads without colour vision too.
import type { Risk } from "@/lib/playbooks/types";
import { RISK_LABELS } from "@/lib/render/describe-step";
import { AlertIcon, EyeIcon, PencilIcon } from "./icons";

const ICONS = { read: EyeIcon, change: PencilIcon, danger: AlertIcon } as const;

export function RiskBadge({ risk }: { risk: Risk }) {
  const Icon = ICONS[risk];
  const { label, hint } = RISK_LABELS[risk];
  return (
    <span className={`badge risk-badge risk-${risk}`} title={hint}>
      <Icon size={13} />
      {label}
    </span>
  );
}
