"use client";
// A step card's Run controls: the step's state in this run (verdict, time, exit code, reason), a
// Run button that asks first for risky steps, the suggested-next marker and the step's terminal.
import { useState } from "react";
import { mayUseHost } from "@/lib/auth/host-access";
import { hostRefusal, mayActOnRun, mayRunStep } from "@/lib/auth/permissions";
import type { StepRunView } from "@/lib/runs/protocol";
import { ArrowRightIcon, TerminalIcon } from "@/components/icons";
import { Elapsed } from "./elapsed";
import type { PlaybookRun } from "./playbook-run-context";
import { formatDuration } from "@/lib/format/durations";
import { describeExit, stepDuration } from "./run-format";
import { latestRunOf, nextStepId } from "./run-updates";
import { StepTerminal } from "./terminal/step-terminal";
import { useStepLauncher } from "./use-step-launcher";
import { shownCapture } from "./run-environment";
import { VariableChips } from "./variable-chips";
import { VerdictBadge } from "./verdict-badge";

export function StepRunControls({ ctx, stepId }: { ctx: PlaybookRun; stepId: string }) {
  const step = ctx.playbook.steps.find((s) => s.id === stepId);
  const { launch, dialog } = useStepLauncher(ctx);
  const [expanded, setExpanded] = useState<boolean | null>(null);
  if (!step) return null;

  const { run, user } = ctx;
  const latest = latestRunOf(run, stepId);
  const suggested = nextStepId(run) === stepId;
  const host = ctx.host;
  const permission = mayRunStep(user, step.risk, run, host);
  // An operator kept from this run (another user's) or this host (its access list): shown disabled.
  const notHere =
    user.role !== "viewer" &&
    ((run !== null && !mayActOnRun(user, run).allowed) || (host !== null && !mayUseHost(user, host).allowed));
  const policyWarning = permission.allowed ? hostRefusal(host?.policy?.maxRisk, step.risk) : null;
  const otherRunning = run?.activeStepRunId != null && run.activeStepRunId !== latest?.id;
  const busy = ctx.pending !== null && ctx.pending !== "cancel";
  const error = ctx.stepErrors[stepId];
  const isNewest = latest !== undefined && run?.steps[run.steps.length - 1]?.id === latest.id;
  const showOutput = latest !== undefined && (expanded ?? (latest.verdict === "running" || isNewest));

  const onRun = () => {
    setExpanded(null);
    launch(stepId);
  };

  return (
    <>
      <div className="step-run" data-suggested={suggested || undefined} data-verdict={latest?.verdict}>
        {latest ? <StepStatus step={latest} /> : null}
        {suggested ? (
          <span className="suggested-chip">
            <ArrowRightIcon size={13} />
            Suggested next
          </span>
        ) : null}
        {latest && latest.verdict !== "running" ? (
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => setExpanded(!showOutput)}
            aria-expanded={showOutput}
          >
            <TerminalIcon size={14} />
            {showOutput ? "Hide output" : "Show output"}
          </button>
        ) : null}
        {permission.allowed ? (
          <button
            type="button"
            className={`button button-small ${suggested || !run ? "button-primary" : ""}`}
            onClick={onRun}
            disabled={busy || otherRunning || latest?.verdict === "running"}
            title={otherRunning ? "Another step of this run is running" : undefined}
            aria-label={`Run step ${step.title}`}
          >
            {ctx.pending === `step:${stepId}` ? "Starting…" : latest ? "Run again" : "Run"}
          </button>
        ) : notHere ? (
          <button type="button" className="button button-small" disabled title={permission.reason}>
            Run
          </button>
        ) : step.risk === "danger" && user.role !== "viewer" ? (
          <span className="step-run-reason">{permission.reason}</span>
        ) : null}
      </div>
      {latest?.reason || error || policyWarning || latest?.captures.length ? (
        <div className="step-run-notes">
          {latest?.captures.length ? <StepCaptures step={latest} /> : null}
          {latest?.reason ? (
            <p className={`step-run-reason verdict-text-${latest.verdict}`}>
              {latest.verdict === "refused" ? "Refused: " : ""}
              {latest.reason}
            </p>
          ) : null}
          {error ? (
            <p className="step-run-error" role="alert">
              {error}
            </p>
          ) : null}
          {policyWarning && !latest ? <p className="step-run-reason">{policyWarning}</p> : null}
        </div>
      ) : null}
      {showOutput && latest && run ? (
        <div className="step-run-output">
          <StepTerminal
            key={latest.id}
            runId={run.id}
            stepRunId={latest.id}
            label={`Output of ${step.title}`}
            running={latest.verdict === "running"}
            onCancel={permission.allowed ? () => void ctx.cancelStep() : undefined}
            cancelling={ctx.pending === "cancel"}
          />
        </div>
      ) : null}
      {dialog}
    </>
  );
}

/** What a finished step captured from its output (the later steps get it). */
export function StepCaptures({ step }: { step: StepRunView }) {
  return (
    <div className="step-captures">
      <span className="muted">Captured</span>
      <VariableChips variables={step.captures.map(shownCapture)} label={`Captured by ${step.title}`} />
    </div>
  );
}

export function StepStatus({ step }: { step: StepRunView }) {
  const duration = stepDuration(step);
  const exit = describeExit(step);
  return (
    <span className="step-status">
      <VerdictBadge verdict={step.verdict} />
      {step.verdict === "running" ? (
        <Elapsed since={step.startedAt} />
      ) : duration !== null ? (
        <span className="step-duration">{formatDuration(duration)}</span>
      ) : null}
      {exit ? <code className="step-exit">{exit}</code> : null}
    </span>
  );
}
