// A step's risk as colour, icon and words together, so it reads without colour vision too; and,
// when the author gave one, the reason for that risk beside it.
import { Fragment } from "react";
import { RISKS, type Risk, type Step } from "@/lib/playbooks/types";
import { RISK_LABELS } from "@/lib/render/describe-step";
import { AlertIcon, EyeIcon, InfoIcon, PencilIcon } from "./icons";

const ICONS = { read: EyeIcon, change: PencilIcon, danger: AlertIcon } as const;

export function RiskBadge({ risk, reason }: { risk: Risk; reason?: string }) {
  const Icon = ICONS[risk];
  const { label, hint } = RISK_LABELS[risk];
  return (
    <span className={`badge risk-badge risk-${risk}`} title={reason ? `${hint} Why: ${reason}` : hint}>
      <Icon size={13} />
      {label}
    </span>
  );
}

/**
 * The author's `riskReason`. When the author declared less than the risk classifier found, it says
 * so and quotes the classifier, so a reader sees that a person overrode it and why.
 */
export function RiskReason({ step }: { step: Pick<Step, "risk" | "riskReason" | "classified"> }) {
  const { risk, riskReason, classified } = step;
  if (!riskReason) return null;
  const overridden = classified !== undefined && RISKS.indexOf(classified.risk) > RISKS.indexOf(risk);
  return (
    <div className={`step-risk-reason${overridden ? " step-risk-overridden" : ""}`}>
      <InfoIcon size={13} />
      <div>
        <p>
          <strong>{overridden ? `${RISK_LABELS[risk].label} by review:` : "Why this risk:"}</strong> {riskReason}
        </p>
        {overridden && (
          <p className="step-risk-classified">
            The classifier alone says {RISK_LABELS[classified.risk].label.toLowerCase()}:{" "}
            <WithCode text={classified.summary.replace(/^\w+: /, "")} />.
          </p>
        )}
      </div>
    </div>
  );
}

/** The classifier writes commands in backticks (and so does the import report). */
export function WithCode({ text }: { text: string }) {
  return text.split("`").map((part, i) => <Fragment key={i}>{i % 2 === 1 ? <code>{part}</code> : part}</Fragment>);
}
