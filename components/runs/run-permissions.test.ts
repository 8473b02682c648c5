import { describe, expect, it } from "vitest";
import { hostRefusal, mayRunStep, mayStartRuns } from "./run-permissions";

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
    expect(hostRefusal("read", "change")).toBe("This host's agent accepts read-only steps only; it will refuse this change step.");
    expect(hostRefusal("change", "change")).toBeNull();
    expect(hostRefusal(undefined, "danger")).toBeNull();
  });
});
