import { describe, expect, it } from "vitest";
import type { RunView, StepRunView } from "@/lib/runs/protocol";
import { activeStep, applyStepState, latestRunOf, nextStepId } from "./run-updates";

function step(id: string, stepId: string, extra: Partial<StepRunView> = {}): StepRunView {
  return {
    id,
    runId: "r1",
    stepId,
    title: stepId,
    risk: "read",
    verdict: "running",
    reason: null,
    exitCode: null,
    signal: null,
    startedAt: "2025-01-01T00:00:00.000Z",
    endedAt: null,
    outputBytes: 0,
    truncated: false,
    cols: 120,
    rows: 30,
    userName: "Otto",
    suggestedNext: null,
    captures: [],
    ...extra,
  };
}

const run: RunView = {
  id: "r1",
  playbookSlug: "p",
  contentHash: "abc",
  hostId: "h",
  hostName: "local",
  userId: "u1",
  userName: "Otto",
  inputs: {},
  status: "active",
  createdAt: "2025-01-01T00:00:00.000Z",
  finishedAt: null,
  steps: [],
  activeStepRunId: null,
  runningAllRead: false,
  suggestedNext: "first",
  stale: false,
};

describe("applyStepState", () => {
  it("adds a started step and makes it the active one", () => {
    const next = applyStepState(run, step("sr1", "first"));
    expect(next.steps.map((s) => s.id)).toEqual(["sr1"]);
    expect(activeStep(next)?.stepId).toBe("first");
    expect(nextStepId(next)).toBeNull();
  });

  it("replaces a finished step in place and takes its suggestion", () => {
    const started = applyStepState(run, step("sr1", "first"));
    const done = applyStepState(
      started,
      step("sr1", "first", { verdict: "failed", exitCode: 1, suggestedNext: "fix" }),
    );
    expect(done.steps).toHaveLength(1);
    expect(done.steps[0]!.exitCode).toBe(1);
    expect(done.activeStepRunId).toBeNull();
    expect(nextStepId(done)).toBe("fix");
  });

  it("ignores another run's steps", () => {
    expect(applyStepState(run, { ...step("x", "first"), runId: "r2" })).toBe(run);
  });

  it("finds the newest run of a step that ran twice", () => {
    let r = applyStepState(run, step("sr1", "first", { verdict: "failed" }));
    r = applyStepState(r, step("sr2", "first", { verdict: "passed" }));
    expect(latestRunOf(r, "first")?.id).toBe("sr2");
    expect(latestRunOf(r, "other")).toBeUndefined();
  });

  it("suggests nothing once the run is over", () => {
    expect(nextStepId({ ...run, status: "finished" })).toBeNull();
  });
});
