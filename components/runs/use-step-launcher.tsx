"use client";
// Runs a step the way its risk demands: read steps at once, change steps after a confirmation,
// danger steps after the user types the step id. Returns the dialog to render when one is open.
import { useState, type ReactNode } from "react";
import { ConfirmStepDialog } from "./confirm-step-dialog";
import type { PlaybookRun } from "./playbook-run-context";
import { nextStepVariables } from "./run-environment";

export function useStepLauncher(ctx: PlaybookRun): { launch: (stepId: string) => void; dialog: ReactNode } {
  const [asking, setAsking] = useState<string | null>(null);
  const launch = (stepId: string) => {
    const step = ctx.playbook.steps.find((s) => s.id === stepId);
    if (!step) return;
    if (step.risk === "read") void ctx.runStep(stepId);
    else setAsking(stepId);
  };
  const step = asking ? ctx.playbook.steps.find((s) => s.id === asking) : undefined;
  const host = ctx.hosts.find((h) => h.id === (ctx.run?.hostId ?? ctx.hostId));
  const dialog =
    step && step.risk !== "read" ? (
      <ConfirmStepDialog
        stepId={step.id}
        title={step.title}
        risk={step.risk}
        hostName={host?.name ?? null}
        command={step.code}
        variables={nextStepVariables(ctx)}
        onClose={() => setAsking(null)}
        onConfirm={(typedStepId) => {
          setAsking(null);
          void ctx.runStep(step.id, { confirm: true, typedStepId });
        }}
      />
    ) : null;
  return { launch, dialog };
}
