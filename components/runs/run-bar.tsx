"use client";
// Stays at the bottom of the window while a run is active, so the running or suggested step is
// one click away wherever the reader has scrolled to.
import { NextStepLine } from "./next-step-line";
import { usePlaybookRun } from "./playbook-run-context";

export function RunBar() {
  const ctx = usePlaybookRun();
  if (!ctx?.run || (ctx.run.status !== "active" && !ctx.run.activeStepRunId)) return null;
  return (
    <div className="run-bar" role="region" aria-label="Current run">
      <NextStepLine ctx={ctx} compact />
      <a href="#run-panel" className="run-bar-link">
        Run on {ctx.run.hostName}
      </a>
    </div>
  );
}
