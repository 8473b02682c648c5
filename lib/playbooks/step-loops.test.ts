import { describe, expect, it } from "vitest";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { closedLoops, loopWarnings } from "./step-loops";

describe("closedLoops", () => {
  it("finds a check and its fix that only lead to each other", () => {
    const playbook = testPlaybook("p", [
      testStep("first", "true"),
      testStep("check", "true", { onPass: "fix", onFail: "fix", line: 7 }),
      testStep("fix", "true", { risk: "change", onPass: "check", onFail: "check" }),
      testStep("after", "true"),
    ]);
    expect(closedLoops(playbook)).toEqual([["check", "fix"]]);
    expect(loopWarnings(playbook)).toEqual([
      {
        file: "content/p.mdx",
        line: 7,
        message:
          'warning: "check", "fix" form a loop with no way out: every onPass and onFail of them leads back ' +
          "into it (point one of them at a step outside the loop)",
      },
    ]);
  });

  it("does not warn about a loop with an exit, like a check whose pass goes on", () => {
    const playbook = testPlaybook("p", [
      testStep("podman-installed", "true", { onPass: "next", onFail: "install-podman" }),
      testStep("install-podman", "true", { onPass: "podman-installed", onFail: "podman-installed" }),
      testStep("next", "true"),
    ]);
    expect(closedLoops(playbook)).toEqual([]);
  });

  it("counts the end of the playbook (document order past the last step) as a way out", () => {
    const playbook = testPlaybook("p", [
      testStep("a", "true", { onFail: "b" }),
      testStep("b", "true", { onFail: "a" }),
    ]);
    expect(closedLoops(playbook)).toEqual([]);
  });

  it("finds a step that names itself on both branches", () => {
    const playbook = testPlaybook("p", [
      testStep("a", "true"),
      testStep("self", "true", { onPass: "self", onFail: "self" }),
    ]);
    expect(closedLoops(playbook)).toEqual([["self"]]);
  });

  it("finds a loop that default document order closes", () => {
    const playbook = testPlaybook("p", [
      testStep("a", "true"),
      testStep("b", "true"),
      testStep("c", "true", { onPass: "a", onFail: "b" }),
      testStep("d", "true"),
    ]);
    expect(closedLoops(playbook)).toEqual([["a", "b", "c"]]);
  });
});
