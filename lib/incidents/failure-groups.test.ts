import { describe, expect, it } from "vitest";
import { failureReason, groupFailures, rootCauseFor, type StepFailure } from "./failure-groups";

let seq = 0;
function failure(stepId: string, excerpt: string, overrides: Partial<StepFailure> = {}): StepFailure {
  seq += 1;
  return {
    id: `sr-${seq}`,
    stepId,
    title: `Step ${stepId}`,
    command: `check-${stepId}`,
    outcome: "failed, exit 1",
    at: new Date(Date.UTC(2025, 10, 5, 10, 0, seq)),
    excerpt,
    ...overrides,
  };
}

describe("grouping a run's failed step runs into root causes", () => {
  it("makes one group per step, however often it failed, with the latest failure last", () => {
    const first = failure("orb-installed", "sh: orb: not found");
    const again = failure("orb-installed", "sh: orb: still not found");
    const groups = groupFailures([first, again]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.failures.map((f) => f.id)).toEqual([first.id, again.id]);
    expect(groups[0]!.latest.id).toBe(again.id);
  });

  it("merges two steps that failed for the same reason, and keeps other reasons apart", () => {
    const a = failure("vm-running", "checking vm\nsh: 1: orb: not found");
    const b = failure("vm-network", "sh: 1: orb:   not found\n");
    const c = failure("cluster-reachable", "Error: connection refused");
    const groups = groupFailures([a, b, c]);
    expect(groups.map((g) => g.steps.map((s) => s.stepId))).toEqual([
      ["vm-running", "vm-network"],
      ["cluster-reachable"],
    ]);
  });

  it("the issue's run: four failed step runs, two of them duplicates, give two root causes", () => {
    const runs = [
      failure("podman-installed", "podman: not found on PATH"),
      failure("podman-installed", "podman: not found on PATH"),
      failure("image-pullable", "Error: manifest unknown"),
      failure("image-digest", "Error: manifest unknown"),
    ];
    expect(groupFailures(runs).map((g) => g.failures.length)).toEqual([2, 2]);
  });

  it("does not merge steps that said nothing: no output is no shared reason", () => {
    expect(groupFailures([failure("a", ""), failure("b", "  \n")])).toHaveLength(2);
  });

  it("reads the reason from the last error-looking line, or else the last line", () => {
    expect(failureReason("Trying...\nError: manifest unknown\ndone")).toBe("Error: manifest unknown");
    expect(failureReason("first\n  last   words ")).toBe("last words");
    expect(failureReason("")).toBe("");
  });
});

describe("the root cause written for a group", () => {
  it("uses the latest failure's output and command, and links every step run", () => {
    const older = failure("podman-installed", "old output", { command: "which podman", outcome: "failed, exit 1" });
    const latest = failure("podman-installed", "podman: not found on PATH", {
      command: "command -v podman",
      outcome: "failed, exit 127",
    });
    const [group] = groupFailures([older, latest]);
    const cause = rootCauseFor(group!, "/runs/r1");
    expect(cause.title).toBe("Step “Step podman-installed” failed");
    expect(cause.symptom).toBe("```text\npodman: not found on PATH\n```");
    expect(cause.evidence).toContain("```bash\ncommand -v podman\n```");
    expect(cause.evidence).not.toContain("which podman");
    expect(cause.evidence).toContain(`(/runs/r1#step-run-${older.id})`);
    expect(cause.evidence).toContain(`(/runs/r1#step-run-${latest.id})`);
    expect(cause.evidence).toMatch(/Failed 2 times/);
  });

  it("names every step of a merged group in its title", () => {
    const groups = groupFailures([
      failure("a", "Error: x", { title: "Is A there?" }),
      failure("b", "Error: x", { title: "Is B there?" }),
      failure("c", "Error: x", { title: "Is C there?" }),
    ]);
    expect(rootCauseFor(groups[0]!, "/runs/r1").title).toBe(
      "Steps “Is A there?”, “Is B there?” and “Is C there?” failed",
    );
  });
});
