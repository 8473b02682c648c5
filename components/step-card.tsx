// A playbook step as a card: what it checks, how risky it is, its command, and where to go next.
// Fields come from the content index (with defaults applied), not from the MDX attributes.
import type { ReactNode } from "react";
import type { Playbook, Step } from "@/lib/playbooks/types";
import { describeDuration } from "@/lib/format/durations";
import { describeExpectation } from "@/lib/playbooks/expectations";
import { nextSteps, type NextStep } from "@/lib/playbooks/next-step";
import { CheckIcon, ClockIcon, CrossIcon } from "./icons";
import { RiskBadge, RiskReason } from "./risk-badge";
import { StepRunSlot } from "./step-run-slot";

export function StepCard({
  playbook,
  step,
  children,
  extra,
}: {
  playbook: Pick<Playbook, "slug" | "steps">;
  step: Step;
  children?: ReactNode;
  /** What the page adds under the step's body, e.g. learnings from past incidents. */
  extra?: ReactNode;
}) {
  const number = playbook.steps.findIndex((s) => s.id === step.id) + 1;
  const next = nextSteps(playbook, step);
  const anchor = `step-${step.id}`;
  return (
    <section
      id={anchor}
      className={`step-card risk-edge-${step.risk}`}
      aria-labelledby={`${anchor}-title`}
      data-step-id={step.id}
    >
      <header className="step-head">
        <span className="step-number" aria-hidden="true">
          {number}
        </span>
        <h3 id={`${anchor}-title`} className="step-title">
          <a href={`#${anchor}`} className="step-title-link">
            <span className="visually-hidden">Step {number}: </span>
            {step.title}
          </a>
        </h3>
        <RiskBadge risk={step.risk} reason={step.riskReason} />
      </header>
      <RiskReason step={step} />
      <div className="step-meta">
        <span className="step-expect">
          <CheckIcon size={13} />
          {describeExpectation(step.expect)}
        </span>
        <span className="step-timeout">
          <ClockIcon size={13} />
          Times out after {describeDuration(step.timeout)}
        </span>
        <code className="step-id" title="Step id">
          {step.id}
        </code>
      </div>
      <div className="step-body">{children}</div>
      {extra}
      <footer className="step-foot">
        <nav className="step-next" aria-label={`After step ${number}`}>
          <NextLink kind="pass" next={next.onPass} />
          <NextLink kind="fail" next={next.onFail} />
        </nav>
        <StepRunSlot playbook={playbook.slug} step={step.id} />
      </footer>
    </section>
  );
}

function NextLink({ kind, next }: { kind: "pass" | "fail"; next: NextStep }) {
  const Icon = kind === "pass" ? CheckIcon : CrossIcon;
  return (
    <span className={`step-next-item step-next-${kind}`}>
      <Icon size={13} />
      <span className="step-next-label">On {kind}</span>
      <span aria-hidden="true">→</span>
      {next.step ? (
        <a href={`#step-${next.step.id}`}>{next.step.title}</a>
      ) : (
        <span className="step-next-end">end of playbook</span>
      )}
    </span>
  );
}
