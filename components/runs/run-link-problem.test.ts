import { describe, expect, it } from "vitest";
import { runLinkProblem } from "./run-link-problem";

describe("runLinkProblem", () => {
  it("is null while the run is shown or still loading", () => {
    expect(runLinkProblem({ runId: "r1", error: null })).toBeNull();
    expect(runLinkProblem({ runId: "r1", error: null, foreign: null })).toBeNull();
  });

  it("says an unknown run was not found, naming the id", () => {
    const problem = runLinkProblem({ runId: "unknown", error: { code: "not-found", message: "No run unknown." } });
    expect(problem).toMatchObject({ title: "Run not found" });
    expect(problem?.detail).toContain("“unknown”");
  });

  it("passes on the hub's reason when the user may not open the run", () => {
    const error = { code: "forbidden", message: "Only Ada may use host gpu-1." } as const;
    expect(runLinkProblem({ runId: "r1", error })).toEqual({
      title: "You cannot open this run",
      detail: "Only Ada may use host gpu-1.",
    });
  });

  it("links a run of another playbook to that playbook's page", () => {
    const problem = runLinkProblem({ runId: "r1", error: null, foreign: { id: "r1", playbookSlug: "ray/x y" } });
    expect(problem?.title).toBe("This run belongs to another playbook");
    expect(problem?.link?.href).toBe("/playbooks/ray%2Fx%20y?run=r1");
  });

  it("says when joining failed for another reason", () => {
    const error = { code: "internal", message: "The server did not answer." } as const;
    expect(runLinkProblem({ runId: "r1", error })).toMatchObject({ title: "Could not join this run" });
  });
});
