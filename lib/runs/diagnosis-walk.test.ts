import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlaybook } from "@/lib/playbooks/parse-playbook";
import type { Playbook } from "@/lib/playbooks/types";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { nextWalkMove, prerequisiteRefusal, suggestAfter, whyNoSuggestion, type Ran } from "./diagnosis-walk";
import type { RunWalk, Verdict } from "./protocol";

/** Walks `playbook` as the run hub does, each step answering with `answer(id)`. */
function walk(playbook: Playbook, answer: (id: string) => Verdict, history: Ran[] = []) {
  const state: RunWalk = { path: [], stopped: null };
  for (let guard = 0; guard < 100; guard++) {
    const move = nextWalkMove(playbook, history, state);
    if ("stop" in move) {
      if (move.skipped) state.path.push({ ...move.skipped, verdict: "skipped" });
      return { path: state.path.map((p) => `${p.stepId}:${p.verdict}`), stopped: move.stop, history };
    }
    const verdict = answer(move.run);
    history.push({ stepId: move.run, verdict });
    state.path.push({ stepId: move.run, verdict, reason: null });
  }
  throw new Error("the walk did not stop");
}

const checks = testPlaybook("p", [
  testStep("tool-installed", "true", {
    onPass: "tool-works",
    onFail: "install-tool",
    failMeans: "the tool is missing",
  }),
  testStep("install-tool", "true", { risk: "change", onPass: "tool-installed", onFail: "tool-installed" }),
  testStep("tool-works", "true", { requires: ["tool-installed"], onFail: "wipe-tool" }),
  testStep("config-read", "true", { onFail: "tool-installed" }),
  testStep("wipe-tool", "true", { risk: "danger" }),
]);

describe("nextWalkMove", () => {
  it("starts at the first step, follows onPass through read steps and stops before a destructive one", () => {
    const result = walk(checks, (id) => (id === "tool-works" ? "failed" : "passed"));
    expect(result.path).toEqual(["tool-installed:passed", "tool-works:failed"]);
    expect(result.stopped).toBe("stopped: `tool-works` failed; next step `wipe-tool` is destructive; run it yourself");
  });

  it("stops at a diagnosis, naming the root cause and the fix that changes the host", () => {
    const result = walk(checks, () => "failed");
    expect(result.path).toEqual(["tool-installed:failed"]);
    expect(result.stopped).toBe(
      "stopped: the tool is missing (`tool-installed` failed); next step `install-tool` changes the host; " +
        "run it yourself",
    );
  });

  it("goes on from the run's suggested next step, and does not walk into a step that already ran", () => {
    const history: Ran[] = [
      { stepId: "tool-installed", verdict: "passed" },
      { stepId: "tool-works", verdict: "passed" },
    ];
    // tool-works passed: document order goes on to config-read, whose failure leads back.
    const result = walk(checks, () => "failed", history);
    expect(result.path).toEqual(["config-read:failed"]);
    expect(result.stopped).toBe("stopped: `config-read` failed; next step `tool-installed` already ran in this run");
  });

  it("skips a step whose required step failed, naming the root cause once, with its fix", () => {
    const playbook = testPlaybook("q", [testStep("first", "true", { onPass: "tool-works" }), ...checks.steps]);
    const history: Ran[] = [
      { stepId: "tool-installed", verdict: "failed" },
      { stepId: "first", verdict: "passed" },
    ];
    const result = walk(playbook, () => "passed", history);
    expect(result.path).toEqual(["tool-works:skipped"]);
    expect(result.stopped).toBe(
      "stopped: the tool is missing (`tool-installed` failed), so `tool-works`, which requires it, was skipped; " +
        "fix it first: `install-tool`",
    );
  });

  it("stops at the end of the playbook, and after a step that gave no answer", () => {
    const playbook = testPlaybook("r", [testStep("a", "true"), testStep("b", "true")]);
    expect(walk(playbook, () => "passed")).toMatchObject({
      path: ["a:passed", "b:passed"],
      stopped: "stopped: the playbook ends here",
    });
    expect(walk(playbook, () => "error")).toMatchObject({
      path: ["a:error"],
      stopped: "stopped: `a` ended with an error",
    });
    expect(walk(playbook, () => "passed", [{ stepId: "a", verdict: "cancelled" }]).stopped).toBe(
      "stopped: `a` was cancelled, so nothing follows; run a step yourself",
    );
  });

  it("stops at once when the first step changes the host", () => {
    const playbook = testPlaybook("s", [testStep("fix", "true", { risk: "change" })]);
    expect(walk(playbook, () => "passed")).toMatchObject({
      path: [],
      stopped: "stopped: next step `fix` changes the host; run it yourself",
    });
  });
});

describe("suggestAfter", () => {
  it("follows onPass/onFail, else document order", () => {
    const pb = testPlaybook("p", [
      testStep("a", "true", { onFail: "fix" }),
      testStep("b", "true"),
      testStep("fix", "true", { onPass: "a" }),
    ]);
    const after = (stepId: string, verdict: Verdict) => suggestAfter(pb, [{ stepId, verdict }], { stepId, verdict });
    expect(after("a", "passed")).toBe("b");
    expect(after("a", "failed")).toBe("fix");
    expect(after("fix", "passed")).toBe("a");
    expect(after("fix", "failed")).toBeNull();
    expect(after("b", "cancelled")).toBeNull();
  });

  it("does not suggest a step that already ran, so a check and its fix do not loop", () => {
    const history: Ran[] = [
      { stepId: "tool-installed", verdict: "failed" },
      { stepId: "install-tool", verdict: "failed" },
    ];
    expect(suggestAfter(checks, history.slice(0, 1), history[0]!)).toBe("install-tool");
    expect(whyNoSuggestion(checks, history.slice(0, 1))).toBeNull();
    expect(suggestAfter(checks, history, history[1]!)).toBeNull();
    expect(whyNoSuggestion(checks, history)).toBe("next step `tool-installed` already ran in this run");
  });

  it("does not suggest a step whose required step failed, nor one after no answer", () => {
    const history: Ran[] = [
      { stepId: "tool-installed", verdict: "failed" },
      { stepId: "config-read", verdict: "passed" },
    ];
    const playbook = testPlaybook(
      "t",
      checks.steps.map((s) => (s.id === "config-read" ? { ...s, onPass: "tool-works" } : s)),
    );
    expect(suggestAfter(playbook, history, history[1]!)).toBeNull();
    expect(suggestAfter(playbook, history, { stepId: "config-read", verdict: "refused" })).toBeNull();
  });
});

describe("prerequisiteRefusal", () => {
  const works = checks.steps.find((s) => s.id === "tool-works")!;
  it("refuses a step whose required step failed, naming it, what it means and its fix", () => {
    expect(prerequisiteRefusal(checks, [{ stepId: "tool-installed", verdict: "failed" }], works)).toBe(
      'Step "tool-works" requires "tool-installed", which failed in this run (the tool is missing); ' +
        'fix that first with "install-tool".',
    );
  });
  it("allows it when the required step passed last, or has not run", () => {
    const fixed: Ran[] = [
      { stepId: "tool-installed", verdict: "failed" },
      { stepId: "tool-installed", verdict: "passed" },
    ];
    expect(prerequisiteRefusal(checks, fixed, works)).toBeNull();
    expect(prerequisiteRefusal(checks, [], works)).toBeNull();
  });
});

describe("the Ray/Podman seed on a host without podman", () => {
  const file = "content/ray-actor-pending-creation-podman.mdx";
  const seed = parsePlaybook(file, readFileSync(file)).playbook!;
  it("stops at the missing podman with its install suggested, and does not loop back", () => {
    const result = walk(seed, () => "failed");
    expect(result.path).toEqual(["podman-installed:failed"]);
    expect(result.stopped).toBe(
      "stopped: podman is missing (`podman-installed` failed); next step `install-podman` changes the host; " +
        "run it yourself",
    );
    const history = [...result.history, { stepId: "install-podman", verdict: "failed" as const }];
    expect(suggestAfter(seed, history.slice(0, 1), history[0]!)).toBe("install-podman");
    expect(suggestAfter(seed, history, history[1]!)).toBeNull();
    // Run all again after the failed install: it goes nowhere, and says why.
    expect(nextWalkMove(seed, history, { path: [], stopped: null })).toEqual({
      stop: "stopped: `install-podman` failed; next step `podman-installed` already ran in this run",
    });
  });
});
