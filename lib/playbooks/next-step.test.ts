import { describe, expect, it } from "vitest";
import { nextStepAfter, nextSteps } from "./next-step";
import type { Step } from "./types";

function step(id: string, extra: Partial<Step> = {}): Step {
  const fields = { lang: "bash", code: "true", expect: { exit: 0 }, timeout: 60, text: "", line: 1 };
  return { id, title: `Title ${id}`, ...fields, risk: "read", ...extra };
}

describe("nextSteps", () => {
  const steps = [step("a", { onFail: "c" }), step("b"), step("c", { onPass: "a" })];
  it("uses named steps and falls back to document order", () => {
    const a = nextSteps({ steps }, steps[0]!);
    expect(a.onPass).toEqual({ step: steps[1], explicit: false });
    expect(a.onFail).toEqual({ step: steps[2], explicit: true });
  });
  it("ends after the last step unless it names one", () => {
    const c = nextSteps({ steps }, steps[2]!);
    expect(c.onPass).toEqual({ step: steps[0], explicit: true });
    expect(c.onFail).toEqual({ step: undefined, explicit: false });
  });
});

describe("nextStepAfter", () => {
  const steps = [step("a", { onFail: "c" }), step("b"), step("c", { onPass: "a" })];
  it("gives the id a run goes to, and none at the end", () => {
    expect(nextStepAfter({ steps }, steps[0]!, "pass")).toEqual({ id: "b", explicit: false });
    expect(nextStepAfter({ steps }, steps[0]!, "fail")).toEqual({ id: "c", explicit: true });
    expect(nextStepAfter({ steps }, steps[2]!, "fail")).toEqual({ id: undefined, explicit: false });
  });
  it("still follows a step's own onPass when the step is not in the list", () => {
    expect(nextStepAfter({ steps: [] }, step("x", { onPass: "a" }), "pass")).toEqual({ id: "a", explicit: true });
    expect(nextStepAfter({ steps: [] }, step("x"), "pass")).toEqual({ id: undefined, explicit: false });
  });
});
