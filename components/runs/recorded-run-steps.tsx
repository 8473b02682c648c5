"use client";
// A run's steps on its own page: verdicts, times, exit codes, the command that ran, and each
// step's output replayed on demand (or live while it runs), with its .cast download.
import { useState } from "react";
import type { RunView, StepRunView } from "@/lib/runs/protocol";
import type { StepCommand } from "@/lib/runs/step-commands";
import { TerminalIcon } from "@/components/icons";
import { request } from "./run-requests";
import { formatBytes } from "@/lib/format/bytes";
import { formatDateTime } from "@/lib/format/dates";
import { StepCaptures, StepStatus } from "./step-run-controls";
import { StepTerminal } from "./terminal/step-terminal";
import { UiSocketProvider, useUiConnection } from "./ui-socket-provider";
import { useRunSession } from "./use-run-session";

interface Props {
  initialRun: RunView;
  commands: Record<string, StepCommand>;
  canCancel: boolean;
}

export function RecordedRunSteps(props: Props) {
  return (
    <UiSocketProvider>
      <LiveSteps {...props} />
    </UiSocketProvider>
  );
}

function LiveSteps({ initialRun, commands, canCancel }: Props) {
  const session = useRunSession(initialRun.id, initialRun);
  const run = session.run ?? initialRun;
  const socket = useUiConnection()?.socket ?? null;
  const [cancelling, setCancelling] = useState(false);
  const cancel = async () => {
    if (!socket) return;
    setCancelling(true);
    const res = await request(socket, "step.cancel", { runId: run.id });
    setCancelling(false);
    if (!res.ok) session.setError(res.error.message);
  };

  if (run.steps.length === 0) return <p className="muted">No step has run yet.</p>;
  return (
    <>
      {session.error ? (
        <p className="run-error" role="alert">
          {session.error}
        </p>
      ) : null}
      <ol className="run-steps">
        {run.steps.map((step, i) => (
          <RecordedStep
            key={step.id}
            run={run}
            step={step}
            number={i + 1}
            command={commands[step.id]}
            onCancel={canCancel ? () => void cancel() : undefined}
            cancelling={cancelling}
          />
        ))}
      </ol>
    </>
  );
}

function RecordedStep({
  run,
  step,
  number,
  command,
  onCancel,
  cancelling,
}: {
  run: RunView;
  step: StepRunView;
  number: number;
  command: StepCommand | undefined;
  onCancel?: () => void;
  cancelling: boolean;
}) {
  const [open, setOpen] = useState<boolean | null>(null);
  const running = step.verdict === "running";
  const showOutput = open ?? running;
  return (
    <li className="run-step" id={`step-run-${step.id}`} data-verdict={step.verdict}>
      <div className="run-step-head">
        <span className="step-number" aria-hidden="true">
          {number}
        </span>
        <h3>
          <a href={`/playbooks/${run.playbookSlug}#step-${step.stepId}`}>{step.title}</a>
        </h3>
        <StepStatus step={step} />
      </div>
      <div className="run-step-meta">
        <code>{step.stepId}</code>
        <span>{step.risk}</span>
        <span>started {formatDateTime(step.startedAt)}</span>
        {step.userName ? <span>by {step.userName}</span> : null}
        <span>{formatBytes(step.outputBytes)} of output</span>
        {step.truncated ? <span className="verdict-text-error">output truncated</span> : null}
      </div>
      {step.reason ? (
        <p className={`step-run-reason verdict-text-${step.verdict}`}>
          {step.verdict === "refused" ? "Refused: " : ""}
          {step.reason}
        </p>
      ) : null}
      {step.captures.length > 0 ? <StepCaptures step={step} /> : null}
      {command ? (
        <details className="run-step-command">
          <summary>Command ({command.shell})</summary>
          <pre>
            <code>{command.command}</code>
          </pre>
        </details>
      ) : null}
      <div className="run-step-actions">
        {!running ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => setOpen(!showOutput)}
            aria-expanded={showOutput}
          >
            <TerminalIcon size={14} />
            {showOutput ? "Hide output" : "Show output"}
          </button>
        ) : null}
        {!running ? (
          <a className="button button-small button-quiet" href={`/api/runs/${run.id}/steps/${step.id}/cast`} download>
            Download .cast
          </a>
        ) : null}
      </div>
      {showOutput ? (
        <StepTerminal
          runId={run.id}
          stepRunId={step.id}
          label={`Output of ${step.title}`}
          running={running}
          onCancel={onCancel}
          cancelling={cancelling}
        />
      ) : null}
    </li>
  );
}
