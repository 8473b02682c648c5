// A finished step's record: the output is decoded only for an expectation or capture that reads it.
import { describe, expect, it } from "vitest";
import { defaultExpectation } from "@/lib/playbooks/expectations";
import type { Step } from "@/lib/playbooks/types";
import { recordEnding, type Ending } from "./step-ending";
import type { SessionOutput } from "./step-session";

const EXITED: Ending = { cause: "exited", exitCode: 0, signal: null };

function step(over: Partial<Step> = {}): Step {
  return {
    ...{ id: "s", title: "S", lang: "bash", code: "true", risk: "read", text: "", line: 1, timeout: 60 },
    expect: defaultExpectation(),
    ...over,
  };
}

/** Output whose text counts how often it was read. */
function output(text: string): SessionOutput & { reads: number } {
  return {
    reads: 0,
    get text() {
      this.reads++;
      return text;
    },
    bytes: text.length,
    truncated: false,
  };
}

function ending(s: Step, out: SessionOutput) {
  const run = { hostName: "box", playbookSlug: "p", contentHash: "h", secrets: [] };
  return recordEnding({ run, step: s, userId: "u", command: s.code, startedAt: new Date() }, EXITED, out, 0);
}

describe("recordEnding", () => {
  it("never reads the output of a step judged by its exit code alone", () => {
    const out = output("a lot of output");
    expect(ending(step(), out).end.verdict).toBe("passed");
    expect(out.reads).toBe(0);
  });

  it("reads it for an output expectation, and judges by it", () => {
    const out = output("podman version 5.2\n");
    const failing = ending(step({ expect: { ...defaultExpectation(), match: "docker" } }), out);
    expect(failing.end.verdict).toBe("failed");
    expect(failing.end.reason).toMatch(/does not match \/docker\//);
    expect(out.reads).toBeGreaterThan(0);
  });

  it("reads it for a capture, and captures from it", () => {
    const out = output("token: abc123\n");
    const s = step({ capture: { patterns: ["token: (?<TOKEN>\\w+)"], secret: [] } });
    expect(ending(s, out).captured.values).toEqual({ TOKEN: "abc123" });
    expect(out.reads).toBeGreaterThan(0);
  });
});
