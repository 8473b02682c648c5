import { describe, expect, it } from "vitest";
import { entryStep, linkSteps, stepRole, type ProblemSteps, type RoledStep } from "./decision-tree";
import type { StepRole } from "./import-report";
import type { DraftStep } from "./playbook-draft";

const step = (id: string, role: StepRole, extra: Partial<RoledStep> = {}): RoledStep => ({
  step: { id, title: id, risk: role === "fix" ? "change" : "read", code: "true" } satisfies DraftStep,
  role,
  ...extra,
});
const links = (problems: ProblemSteps[]) =>
  problems.flatMap((p) => p.steps.map((s) => [s.step.id, s.step.onPass ?? null, s.step.onFail ?? null]));

describe("the decision tree of an imported guide", () => {
  it("sends a failed check to its fix, a passed one to the next check or problem, and a fix to its verify", () => {
    const problems = [
      {
        steps: [
          step("repro", "reproduce"),
          step("check-a", "diagnose"),
          step("check-b", "diagnose"),
          step("fix", "fix"),
          step("verify", "verify"),
        ],
      },
      { steps: [step("repro-2", "reproduce"), step("check-c", "diagnose")] },
    ];
    linkSteps(problems);
    expect(links(problems)).toEqual([
      ["repro", "check-c", "check-a"],
      ["check-a", "check-b", "fix"],
      ["check-b", "check-c", "fix"],
      ["fix", "verify", null],
      ["verify", "check-c", "fix"],
      ["repro-2", null, "check-c"],
      ["check-c", null, null],
    ]);
  });

  it("never leads back to a reproduction step", () => {
    const problems = [{ steps: [step("repro", "reproduce"), step("fix", "fix"), step("check", "diagnose")] }];
    linkSteps(problems);
    const targets = links(problems).flatMap(([, pass, fail]) => [pass, fail]);
    expect(targets).not.toContain("repro");
  });

  it("without a verification, a fix leads back to the check that found the cause", () => {
    const problems = [{ steps: [step("check", "diagnose"), step("fix", "fix")] }];
    linkSteps(problems);
    expect(links(problems)).toEqual([
      ["check", null, "fix"],
      ["fix", "check", null],
    ]);
  });

  it("follows 'if this fails' to the next step", () => {
    const problems = [{ steps: [step("try", "diagnose", { onFailNext: true }), step("other", "diagnose")] }];
    linkSteps(problems);
    expect(problems[0]!.steps[0]!.step.onFail).toBe("other");
  });

  it("starts a problem at its first diagnostic, not at its reproduction", () => {
    expect(entryStep({ steps: [step("repro", "reproduce"), step("check", "diagnose")] })?.id).toBe("check");
    expect(entryStep({ steps: [step("repro", "reproduce"), step("fix", "fix")] })?.id).toBe("fix");
    expect(entryStep({ steps: [] })).toBeUndefined();
  });

  it("tells the roles apart from risk, the part of the problem and the prose", () => {
    const read: DraftStep = { id: "x", title: "Look", risk: "read", code: "ls" };
    expect(stepRole({ ...read, risk: "change" }, { part: "", reproduces: false, afterFix: false })).toBe("fix");
    expect(stepRole(read, { part: "Steps to reproduce", reproduces: false, afterFix: false })).toBe("reproduce");
    expect(stepRole(read, { part: "", reproduces: true, afterFix: false })).toBe("reproduce");
    expect(stepRole(read, { part: "Symptom", reproduces: false, afterFix: false })).toBe("reproduce");
    expect(stepRole(read, { part: "Solution", reproduces: false, afterFix: true })).toBe("verify");
    expect(stepRole(read, { part: "Diagnosis", reproduces: false, afterFix: false })).toBe("diagnose");
  });
});
