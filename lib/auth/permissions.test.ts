import { describe, expect, it } from "vitest";
import { hostRefusal, mayActOnRun, mayDo, mayRunStep, mayStartRuns, stepRefusal } from "./permissions";

describe("run permissions", () => {
  it("lets operators run read and change steps, and only admins danger steps", () => {
    const operator = { id: "o", name: "o", role: "operator" as const };
    expect(mayRunStep(operator, "read").allowed).toBe(true);
    expect(mayRunStep(operator, "change").allowed).toBe(true);
    expect(mayRunStep(operator, "danger")).toEqual({ allowed: false, reason: "Only an admin can run a danger step." });
    expect(mayRunStep({ id: "a", name: "a", role: "admin" }, "danger").allowed).toBe(true);
  });

  it("lets viewers watch only", () => {
    const viewer = { id: "v", name: "v", role: "viewer" as const };
    expect(mayStartRuns(viewer).allowed).toBe(false);
    expect(mayRunStep(viewer, "read").allowed).toBe(false);
  });

  it("warns before a host's policy refuses a step", () => {
    expect(hostRefusal("read", "change")).toBe(
      "This host's agent accepts read-only steps only; it will refuse this change step.",
    );
    expect(hostRefusal("change", "change")).toBeNull();
    expect(hostRefusal(undefined, "danger")).toBeNull();
  });
});

describe("the hub's checks", () => {
  it("names the action and both roles when the role is too low", () => {
    expect(mayDo({ role: "viewer" }, "start-runs")).toEqual({
      allowed: false,
      reason: "Running playbooks needs the operator role; you are viewer.",
    });
    expect(mayDo({ role: "viewer" }, "watch").allowed).toBe(true);
    expect(mayDo({ role: "operator" }, "finish-runs").allowed).toBe(true);
  });

  it("asks a confirmation for change steps, and an admin, the typed id and a confirmation for danger steps", () => {
    const change = { id: "install", risk: "change" as const };
    const danger = { id: "wipe", risk: "danger" as const };
    expect(stepRefusal({ role: "operator" }, { id: "look", risk: "read" }, {})).toBeNull();
    expect(stepRefusal({ role: "operator" }, change, {})?.code).toBe("needs-confirmation");
    expect(stepRefusal({ role: "operator" }, change, { confirm: true })).toBeNull();
    expect(stepRefusal({ role: "operator" }, danger, { confirm: true, typedStepId: "wipe" })?.message).toContain(
      "only admins",
    );
    expect(stepRefusal({ role: "admin" }, danger, { confirm: true, typedStepId: "wip" })?.message).toContain(
      "type its id",
    );
    expect(stepRefusal({ role: "admin" }, danger, { typedStepId: "wipe" })?.code).toBe("needs-confirmation");
    expect(stepRefusal({ role: "admin" }, danger, { confirm: true, typedStepId: "wipe" })).toBeNull();
  });
});

describe("run ownership", () => {
  const owner = { id: "u1", name: "Olga", role: "operator" as const };
  const other = { id: "u2", name: "Otto", role: "operator" as const };
  const admin = { id: "u3", name: "Ada", role: "admin" as const };
  const run = { userId: "u1", userName: "Olga" };

  it("lets the run's owner and admins act on it, and tells anyone else why not", () => {
    expect(mayActOnRun(owner, run).allowed).toBe(true);
    expect(mayActOnRun(admin, run).allowed).toBe(true);
    expect(mayActOnRun(other, run)).toEqual({
      allowed: false,
      reason: "This run belongs to Olga: only they or an admin may act on it; you can watch it.",
    });
    // Its starter deleted: only an admin may still act on it.
    expect(mayActOnRun(other, { userId: null, userName: null }).allowed).toBe(false);
    expect(mayActOnRun(admin, { userId: null, userName: null }).allowed).toBe(true);
  });

  it("disables a step card's Run for another user's run, with the reason", () => {
    expect(mayRunStep(other, "read", run)).toEqual(mayActOnRun(other, run));
    expect(mayRunStep(owner, "read", run).allowed).toBe(true);
    expect(mayRunStep(owner, "danger", run).allowed).toBe(false);
  });
});

describe("a step card on a restricted host", () => {
  const alice = { id: "a", name: "alice", role: "operator" as const };
  const carol = { id: "c", name: "carol", role: "operator" as const };
  const host = { name: "db-prod", access: { minRole: "viewer" as const, users: [{ id: "a", name: "alice" }] } };

  it("disables Run for a user the host's list leaves out, with the list's reason", () => {
    expect(mayRunStep(carol, "read", null, host)).toEqual({
      allowed: false,
      reason: 'Host "db-prod" is restricted to alice and admins.',
    });
    expect(mayRunStep(alice, "read", null, host).allowed).toBe(true);
    expect(mayRunStep(alice, "danger", null, host).allowed).toBe(false);
  });
});
