import { describe, expect, it } from "vitest";
import { isPublicPath, safeNextPath, signInPath } from "./paths";

describe("isPublicPath", () => {
  it("lets through sign-in, setup, the auth API, health and Next's assets", () => {
    for (const p of [
      "/sign-in",
      "/setup",
      "/api/auth/sign-in/email",
      "/api/auth/get-session",
      "/api/health",
      "/healthz",
      "/readyz",
      "/_next/static/chunks/a.js",
    ]) {
      expect(isPublicPath(p), p).toBe(true);
    }
  });

  it("protects everything else, including look-alike prefixes", () => {
    for (const p of [
      "/",
      "/playbooks/x",
      "/admin/users",
      "/api/search",
      "/api/healthz",
      "/readyzz",
      "/setupx",
      "/sign-inx",
      "/api/authz",
    ]) {
      expect(isPublicPath(p), p).toBe(false);
    }
  });
});

describe("safeNextPath", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safeNextPath("/playbooks/ray?step=a#s1")).toBe("/playbooks/ray?step=a#s1");
    expect(safeNextPath("/admin/users")).toBe("/admin/users");
  });

  it("refuses anything that could leave the site or loop back to sign-in", () => {
    for (const bad of [
      null,
      undefined,
      "",
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      // Normalisation makes these "//evil.test/phish", which a browser reads as another host.
      "/.//evil.test/phish",
      "/..//evil.test/phish",
      "/%2F%2Fevil.test",
      "evil",
      "/sign-in",
      "/sign-in?next=/x",
      "/./sign-in",
    ]) {
      expect(safeNextPath(bad), String(bad)).toBe("/");
    }
  });
});

describe("signInPath", () => {
  it("carries the page to come back to", () => {
    expect(signInPath("/admin/users?x=1")).toBe("/sign-in?next=%2Fadmin%2Fusers%3Fx%3D1");
    expect(signInPath("/")).toBe("/sign-in");
    expect(signInPath("//evil.example")).toBe("/sign-in");
  });
});
