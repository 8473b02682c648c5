import { describe, expect, it } from "vitest";
import { agentHelloSchema, agentWelcomeSchema, stepStartSchema } from "./protocol";

const policy = { maxRisk: "change", allowTags: null, allowPlaybooks: null };
const start = {
  stepRunId: "sr1",
  runId: "r1",
  playbook: "p",
  contentHash: "h",
  playbookTags: [],
  stepId: "s",
  risk: "read",
  shell: null,
  command: "true",
  env: { A: "1" },
  timeoutMs: 60_000,
  maxOutputBytes: 1024,
  cols: 120,
  rows: 30,
};

describe("agent protocol schemas", () => {
  it("takes the hello of an agent that still reports acked offsets, keeping only what the hub uses", () => {
    const hello = { protocol: 1, name: "a", os: "linux", version: "0.1.0", hostname: "h", policy };
    const parsed = agentHelloSchema.parse({ ...hello, active: [{ stepRunId: "sr1", ackedOffset: 10, exited: true }] });
    expect(parsed.active).toEqual([{ stepRunId: "sr1" }]);
  });

  it("refuses a step.start with an unknown risk or a missing command", () => {
    expect(stepStartSchema.safeParse(start).success).toBe(true);
    expect(stepStartSchema.safeParse({ ...start, risk: "reckless" }).success).toBe(false);
    expect(stepStartSchema.safeParse({ ...start, command: undefined }).success).toBe(false);
  });

  it("reads both kinds of welcome", () => {
    const welcome = { ok: true, hostId: "h", hostName: "box", windowBytes: 4096, heartbeatMs: 15_000, forget: [] };
    expect(agentWelcomeSchema.parse(welcome)).toEqual(welcome);
    expect(agentWelcomeSchema.parse({ ok: false, reason: "no" })).toEqual({ ok: false, reason: "no" });
    expect(agentWelcomeSchema.safeParse({ ok: true }).success).toBe(false);
  });
});
