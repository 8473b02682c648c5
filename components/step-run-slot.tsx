"use client";
// A step card's Run controls (components/runs). Outside a playbook page's run context, and for
// another playbook's steps, it renders nothing.
import { usePlaybookRun } from "./runs/playbook-run-context";
import { StepRunControls } from "./runs/step-run-controls";

export function StepRunSlot({ playbook, step }: { playbook: string; step: string }) {
  const ctx = usePlaybookRun();
  if (!ctx || ctx.playbook.slug !== playbook) return null;
  return <StepRunControls ctx={ctx} stepId={step} />;
}
