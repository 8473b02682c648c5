import { describe, expect, it } from "vitest";
import { ssoConfig } from "./sso-config";
import { groupsIn, mappedRole, parseRoleMap, ssoVerdict, type SsoPolicy } from "./sso-roles";

describe("parseRoleMap", () => {
  it("reads group=role pairs separated by commas or newlines", () => {
    expect([...parseRoleMap("casebook-admins=admin, oncall=operator\nreaders = viewer,")]).toEqual([
      ["casebook-admins", "admin"],
      ["oncall", "operator"],
      ["readers", "viewer"],
    ]);
  });

  it("keeps an = inside a group name (the role is after the last one)", () => {
    expect(parseRoleMap("team=a=operator").get("team=a")).toBe("operator");
  });

  it.each([
    ["oncall", /expected group=role/],
    ["=admin", /expected group=role/],
    ["oncall=root", /"root" for group oncall is not a role/],
    ["a=admin,a=viewer", /mapped twice/],
  ])("refuses %j", (text, message) => {
    expect(() => parseRoleMap(text)).toThrow(message);
  });
});

describe("groupsIn", () => {
  it("reads a list, or one string of names", () => {
    expect(groupsIn({ groups: ["a", "b", 3] }, "groups")).toEqual(["a", "b"]);
    expect(groupsIn({ groups: "a, b c" }, "groups")).toEqual(["a", "b", "c"]);
    expect(groupsIn({}, "groups")).toEqual([]);
  });

  it("finds a namespaced claim by its whole name, and a nested one by its path", () => {
    expect(groupsIn({ "https://casebook.example/groups": ["ops"] }, "https://casebook.example/groups")).toEqual([
      "ops",
    ]);
    expect(groupsIn({ realm_access: { roles: ["ops"] } }, "realm_access.roles")).toEqual(["ops"]);
    expect(groupsIn({ realm_access: null }, "realm_access.roles")).toEqual([]);
  });
});

describe("mappedRole", () => {
  const map = parseRoleMap("casebook-admins=admin,oncall=operator,readers=viewer");

  it("gives the highest role any group maps to", () => {
    expect(mappedRole(["readers", "oncall"], map, null)).toBe("operator");
    expect(mappedRole(["oncall", "casebook-admins"], map, null)).toBe("admin");
  });

  it("falls back to the default role, or to none, for unmapped groups", () => {
    expect(mappedRole(["sales"], map, null)).toBeNull();
    expect(mappedRole([], map, "viewer")).toBe("viewer");
    // Group names are compared exactly.
    expect(mappedRole(["OnCall"], map, null)).toBeNull();
  });
});

describe("ssoVerdict", () => {
  const policy = (jit: boolean): SsoPolicy => ({ roleMap: parseRoleMap("oncall=operator"), defaultRole: null, jit });
  const attempt = { groups: ["oncall"], existing: true, linked: true, emailVerified: true };

  it("gives a returning user the mapped role", () => {
    expect(ssoVerdict(policy(false), attempt)).toEqual({ role: "operator", groups: ["oncall"] });
  });

  it("refuses someone without an account unless just-in-time accounts are on", () => {
    const newcomer = { ...attempt, existing: false, linked: false };
    expect(ssoVerdict(policy(false), newcomer)).toMatchObject({ refused: "sso_not_provisioned" });
    expect(ssoVerdict(policy(true), newcomer)).toMatchObject({ role: "operator" });
  });

  it("matches or makes accounts only by a verified email; a linked identity needs none", () => {
    const unverified = { ...attempt, linked: false, emailVerified: false };
    expect(ssoVerdict(policy(false), unverified)).toMatchObject({ refused: "sso_email_not_verified" });
    expect(ssoVerdict(policy(true), { ...unverified, existing: false })).toMatchObject({
      refused: "sso_email_not_verified",
    });
    expect(ssoVerdict(policy(false), { ...attempt, emailVerified: false })).toMatchObject({ role: "operator" });
  });

  it("refuses someone in no mapped group", () => {
    expect(ssoVerdict(policy(true), { ...attempt, groups: ["sales"] })).toMatchObject({ refused: "sso_no_role" });
  });
});

describe("ssoConfig", () => {
  const base = {
    CASEBOOK_OIDC_ISSUER: "https://idp.example.com/realms/ops",
    CASEBOOK_OIDC_CLIENT_ID: "casebook",
    CASEBOOK_OIDC_CLIENT_SECRET: "s3cret",
    CASEBOOK_OIDC_ROLE_MAP: "ops=operator",
  };

  it("is off with none of its variables set", () => {
    expect(ssoConfig({})).toBeNull();
  });

  it("reads the issuer, the defaults and the map", () => {
    expect(ssoConfig(base)).toMatchObject({
      providerId: "oidc",
      name: "single sign-on",
      discoveryUrl: "https://idp.example.com/realms/ops/.well-known/openid-configuration",
      scopes: ["openid", "email", "profile"],
      groupsClaim: "groups",
      defaultRole: null,
      jit: false,
    });
    const discovery = "https://idp.example.com/.well-known/openid-configuration";
    expect(ssoConfig({ ...base, CASEBOOK_OIDC_ISSUER: discovery })?.discoveryUrl).toBe(discovery);
    expect(ssoConfig({ ...base, CASEBOOK_OIDC_SCOPES: "email groups", CASEBOOK_OIDC_JIT: "on" })).toMatchObject({
      scopes: ["openid", "email", "groups"],
      jit: true,
    });
  });

  it.each([
    [{ CASEBOOK_OIDC_CLIENT_ID: "" }, /CASEBOOK_OIDC_CLIENT_ID: needed too/],
    [{ CASEBOOK_OIDC_ISSUER: "idp.example.com" }, /CASEBOOK_OIDC_ISSUER: not a URL/],
    [{ CASEBOOK_OIDC_ROLE_MAP: "ops=boss" }, /CASEBOOK_OIDC_ROLE_MAP: "boss"/],
    [{ CASEBOOK_OIDC_ROLE_MAP: "" }, /nobody could sign in/],
    [{ CASEBOOK_OIDC_DEFAULT_ROLE: "guest" }, /CASEBOOK_OIDC_DEFAULT_ROLE: not a role/],
    [{ CASEBOOK_OIDC_JIT: "maybe" }, /CASEBOOK_OIDC_JIT: expected on or off/],
  ])("refuses %j at start", (change, message) => {
    expect(() => ssoConfig({ ...base, ...change })).toThrow(message);
  });
});
