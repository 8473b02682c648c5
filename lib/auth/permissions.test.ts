import { describe, expect, it } from "vitest";
import { hostRefusal, mayDo, mayRunStep, mayStartRuns, stepRefusal } from "./permissions";

describe("run permissions", () => {
  it("lets operators run read and change steps, and only admins danger steps", () => {
    const operator = { name: "o", role: "operator" as const };
    expect(mayRunStep(operator, "read").allowed).toBe(true);
    expect(mayRunStep(operator, "change").allowed).toBe(true);
    expect(mayRunStep(operator, "danger")).toEqual({ allowed: false, reason: "Only an admin can run a danger step." });
    expect(mayRunStep({ name: "a", role: "admin" }, "danger").allowed).toBe(true);
  });

  it("lets viewers watch only", () => {
    const viewer = { name: "v", role: "viewer" as const };
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
