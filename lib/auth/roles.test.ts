import { describe, expect, it } from "vitest";
import { hasRole, isRole, ROLES, type Role } from "./roles";

describe("hasRole", () => {
  it("orders viewer < operator < admin", () => {
    const table: [string, Role, boolean][] = [
      ["viewer", "viewer", true],
      ["viewer", "operator", false],
      ["viewer", "admin", false],
      ["operator", "viewer", true],
      ["operator", "operator", true],
      ["operator", "admin", false],
      ["admin", "viewer", true],
      ["admin", "operator", true],
      ["admin", "admin", true],
    ];
    for (const [role, min, expected] of table) {
      expect(hasRole({ role }, min), `${role} >= ${min}`).toBe(expected);
    }
  });

  it("grants nothing to an unknown or empty role", () => {
    for (const role of ["", "user", "Admin", "admin,viewer", "root"]) {
      for (const min of ROLES) expect(hasRole({ role }, min), `${role} >= ${min}`).toBe(false);
    }
  });
});

describe("isRole", () => {
  it("accepts exactly the three roles", () => {
    expect(ROLES.filter(isRole)).toEqual(["viewer", "operator", "admin"]);
    expect(isRole("superuser")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
