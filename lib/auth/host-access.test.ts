import { describe, expect, it } from "vitest";
import { describeHostAccess, isRestricted, mayUseHost, OPEN_HOST_ACCESS, type HostAccess } from "./host-access";

const alice = { id: "a", name: "alice", role: "operator" as const };
const bob = { id: "b", name: "bob", role: "viewer" as const };
const carol = { id: "c", name: "carol", role: "operator" as const };
const admin = { id: "z", name: "zed", role: "admin" as const };
const dbProd = (access: HostAccess) => ({ name: "db-prod", access });

const named: HostAccess = { minRole: "viewer", users: [alice, bob].map(({ id, name }) => ({ id, name })) };

describe("host access lists", () => {
  it("lets everyone use an unrestricted host (the default)", () => {
    expect(isRestricted(OPEN_HOST_ACCESS)).toBe(false);
    for (const user of [alice, bob, carol, admin])
      expect(mayUseHost(user, dbProd(OPEN_HOST_ACCESS))).toEqual({ allowed: true });
    expect(describeHostAccess(OPEN_HOST_ACCESS)).toBeNull();
  });

  it("lets only the named users and admins use a host restricted by name", () => {
    expect(mayUseHost(alice, dbProd(named)).allowed).toBe(true);
    expect(mayUseHost(bob, dbProd(named)).allowed).toBe(true);
    expect(mayUseHost(admin, dbProd(named)).allowed).toBe(true);
    expect(mayUseHost(carol, dbProd(named))).toEqual({
      allowed: false,
      reason: 'Host "db-prod" is restricted to alice, bob and admins.',
    });
  });

  it("lets only users of the minimum role and up use a host restricted by role", () => {
    const operators: HostAccess = { minRole: "operator", users: null };
    expect(mayUseHost(alice, dbProd(operators)).allowed).toBe(true);
    expect(mayUseHost(bob, dbProd(operators))).toEqual({
      allowed: false,
      reason: 'Host "db-prod" is restricted to operators and admins.',
    });
    const admins: HostAccess = { minRole: "admin", users: null };
    expect(mayUseHost(alice, dbProd(admins))).toEqual({
      allowed: false,
      reason: 'Host "db-prod" is restricted to admins.',
    });
    expect(mayUseHost(admin, dbProd(admins)).allowed).toBe(true);
  });

  it("needs both when a host is restricted by name and by role", () => {
    const both: HostAccess = { ...named, minRole: "operator" };
    expect(mayUseHost(alice, dbProd(both)).allowed).toBe(true);
    // Listed, but a viewer: the role rule still applies.
    expect(mayUseHost(bob, dbProd(both))).toEqual({
      allowed: false,
      reason: 'Host "db-prod" is restricted to alice and bob with the operator role, and admins.',
    });
    expect(mayUseHost(carol, dbProd(both)).allowed).toBe(false);
  });

  it("stays closed to all but admins when every listed user is gone", () => {
    const emptied: HostAccess = { minRole: "viewer", users: [] };
    expect(isRestricted(emptied)).toBe(true);
    expect(mayUseHost(alice, dbProd(emptied))).toEqual({
      allowed: false,
      reason: 'Host "db-prod" is restricted to admins.',
    });
    expect(mayUseHost(admin, dbProd(emptied)).allowed).toBe(true);
  });

  it("grants nothing to an unknown role, and admins always pass", () => {
    const odd = { id: "a", name: "alice", role: "superuser" };
    expect(mayUseHost(odd, dbProd({ minRole: "operator", users: named.users })).allowed).toBe(false);
    expect(mayUseHost(admin, dbProd({ minRole: "admin", users: [] })).allowed).toBe(true);
  });

  it("names a long list briefly", () => {
    const users = ["ann", "ben", "cat", "dan", "eve", "fay", "gus"].map((name) => ({ id: name, name }));
    expect(describeHostAccess({ minRole: "viewer", users })).toBe("ann, ben, cat, dan, eve, 2 other users and admins");
    expect(describeHostAccess({ minRole: "viewer", users: users.slice(0, 1) })).toBe("ann and admins");
  });
});
