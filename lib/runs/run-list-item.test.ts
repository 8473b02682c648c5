import { describe, expect, it } from "vitest";
import type { RunView, StepRunView } from "./protocol";
import { toRunListItem, withLiveRuns, type RunListItem } from "./run-list-item";

function run(id: string, createdAt: string, steps: Pick<StepRunView, "verdict">[] = []): RunView {
  return {
    id,
    playbookSlug: "p",
    contentHash: "h",
    hostId: "host",
    hostName: "box",
    userId: "u",
    userName: "Otto",
    inputs: {},
    status: "active",
    createdAt,
    finishedAt: null,
    steps: steps.map((s, i) => ({ ...s, id: `${id}-${i}` }) as StepRunView),
    activeStepRunId: null,
    runningAllRead: false,
    walk: null,
    suggestedNext: null,
    stale: false,
  };
}

const listed = (id: string, createdAt: string): RunListItem => toRunListItem(run(id, createdAt));

describe("withLiveRuns", () => {
  const rendered = [listed("b", "2026-12-01T10:00:00.000Z"), listed("a", "2026-12-01T09:00:00.000Z")];

  it("puts a run started after the page was rendered first", () => {
    const live = run("c", "2026-12-01T11:00:00.000Z", [{ verdict: "running" }]);
    const rows = withLiveRuns(rendered, [live], 5);
    expect(rows.map((r) => r.id)).toEqual(["c", "b", "a"]);
    expect(rows[0]).toMatchObject({ stepCount: 1, verdicts: { running: 1 }, status: "active" });
  });

  it("replaces a listed run with its live state, in place", () => {
    const live = { ...run("b", "2026-12-01T10:00:00.000Z", [{ verdict: "passed" }, { verdict: "failed" }]) };
    const rows = withLiveRuns(rendered, [{ ...live, status: "finished" }], 5);
    expect(rows.map((r) => r.id)).toEqual(["b", "a"]);
    expect(rows[0]).toMatchObject({ status: "finished", stepCount: 2, verdicts: { passed: 1, failed: 1 } });
  });

  it("keeps at most `take` rows, newest first, and never adds a run older than a full list", () => {
    const rows = withLiveRuns(
      rendered,
      [run("new", "2026-12-01T12:00:00.000Z"), run("old", "2026-12-01T08:00:00.000Z")],
      2,
    );
    expect(rows.map((r) => r.id)).toEqual(["new", "b"]);
  });

  it("returns the rendered list when nothing is live", () => {
    expect(withLiveRuns(rendered, [], 5)).toEqual(rendered);
  });
});
