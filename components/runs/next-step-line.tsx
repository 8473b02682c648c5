"use client";
// The run's "what now": the step that is running (with Cancel), or the suggested next step with a
// one-click Run, or the end of the playbook.
import { ArrowRightIcon } from "@/components/icons";
import { InlineCodeText } from "@/components/inline-code-text";
import { mayRunStep } from "@/lib/auth/permissions";
import { historyOf, whyNoSuggestion } from "@/lib/runs/diagnosis-walk";
import { Elapsed } from "./elapsed";
import type { PlaybookRun } from "./playbook-run-context";
import { activeStep, nextStepId } from "./run-updates";
import { useStepLauncher } from "./use-step-launcher";

export function NextStepLine({ ctx, compact = false }: { ctx: PlaybookRun; compact?: boolean }) {
  const { launch, dialog } = useStepLauncher(ctx);
  const { run } = ctx;
  if (!run) return null;
  const running = activeStep(run);
  if (running) {
    const may = mayRunStep(ctx.user, "read", run, ctx.host).allowed;
    return (
      <div className="next-step" data-state="running">
        <span className="spinner" aria-hidden="true" />
        <span className="next-step-label">{run.runningAllRead ? "Running all read steps:" : "Running:"}</span>
        <a href={`#step-${running.stepId}`} className="next-step-title">
          {running.title}
        </a>
        <Elapsed since={running.startedAt} />
        {may ? (
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => void ctx.cancelStep()}
            disabled={ctx.pending === "cancel"}
          >
            {ctx.pending === "cancel" ? "Cancelling…" : "Cancel"}
          </button>
        ) : null}
      </div>
    );
  }
  if (run.status !== "active") return null;
  const nextId = nextStepId(run);
  const next = nextId ? ctx.playbook.steps.find((s) => s.id === nextId) : undefined;
  if (!next) {
    // A step does follow, but it already ran or its required step failed: say so, not "the end".
    const why = whyNoSuggestion(ctx.playbook, historyOf(run.steps));
    return run.steps.length > 0 ? (
      <div className="next-step" data-state="end">
        <span className="next-step-label">
          {why ? (
            <>
              No step is suggested: <InlineCodeText text={why} />.
            </>
          ) : (
            "No step follows; finish the run when you are done."
          )}
        </span>
      </div>
    ) : null;
  }
  const may = mayRunStep(ctx.user, next.risk, run, ctx.host);
  return (
    <div className="next-step" data-state="next">
      <ArrowRightIcon size={14} />
      <span className="next-step-label">{compact ? "Next:" : "Suggested next step:"}</span>
      <a href={`#step-${next.id}`} className="next-step-title">
        {next.title}
      </a>
      {may.allowed ? (
        <button
          type="button"
          className="button button-small button-primary"
          onClick={() => launch(next.id)}
          disabled={ctx.pending !== null}
          aria-label={`Run next step ${next.title}`}
        >
          Run it
        </button>
      ) : null}
      {dialog}
    </div>
  );
}
