import { describe, expect, it } from "vitest";
import type { Step } from "@/lib/playbooks/types";
import { describeDuration, describeExpectation, nextSteps } from "./describe-step";

function step(id: string, extra: Partial<Step> = {}): Step {
  return { id, title: `Title ${id}`, lang: "bash", code: "true", risk: "read", expect: { exit: 0 }, timeout: 60, text: "", line: 1, ...extra };
}

describe("describeExpectation", () => {
  it("says what passes in words", () => {
    expect(describeExpectation({ exit: 0 })).toBe("Passes when the exit code is 0");
    expect(describeExpectation({ exit: 0, match: "podman version" })).toBe("Passes when the exit code is 0 and the output matches /podman version/");
    expect(describeExpectation({ exit: 1, match: "a", notMatch: "b" })).toBe(
      "Passes when the exit code is 1, the output matches /a/ and the output does not match /b/",
    );
  });
});

describe("describeDuration", () => {
  it.each([
    [0, "0 s"],
    [45, "45 s"],
    [60, "1 min"],
    [90, "1 min 30 s"],
    [3600, "1 h"],
    [3725, "1 h 2 min 5 s"],
  ])("%d seconds is %s", (seconds, words) => {
    expect(describeDuration(seconds)).toBe(words);
  });
});

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
