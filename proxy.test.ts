import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "./proxy";

// Next's adapter turns same-host redirects into relative Locations (NextURL itself spells loopback
// "localhost"), so compare the path and query.
const target = (res: Response) => {
  const url = new URL(res.headers.get("location") ?? "", "http://x");
  return `${url.pathname}${url.search}`;
};

const req = (path: string, cookie?: string) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, cookie ? { headers: { cookie } } : {});

describe("proxy", () => {
  it("sends a signed-out visitor to /sign-in with the page to come back to", () => {
    const res = proxy(req("/admin/users?tab=1"));
    expect(res.status).toBe(307);
    expect(target(res)).toBe("/sign-in?next=%2Fadmin%2Fusers%3Ftab%3D1");
    expect(target(proxy(req("/")))).toBe("/sign-in");
  });

  it("answers 401 JSON for a signed-out API call", async () => {
    const res = proxy(req("/api/search?q=x"));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "Sign in required." });
  });

  it("lets public paths and requests with a session cookie through, with the path header overwritten", () => {
    for (const path of ["/sign-in", "/setup?token=abc", "/api/auth/sign-in/email", "/api/health"]) {
      expect(proxy(req(path)).headers.get("x-middleware-next"), path).toBe("1");
    }
    for (const name of ["casebook.session_token", "__Secure-casebook.session_token"]) {
      const res = proxy(
        new NextRequest("http://127.0.0.1:3000/playbooks/x?y=1", {
          headers: { cookie: `${name}=abc`, "x-casebook-path": "/forged" },
        }),
      );
      expect(res.headers.get("x-middleware-next"), name).toBe("1");
      expect(res.headers.get("x-middleware-request-x-casebook-path")).toBe("/playbooks/x?y=1");
    }
  });

  it("lets an API call with a bearer token on to its route, but not a page", () => {
    const bearer = (path: string) =>
      new NextRequest(`http://127.0.0.1:3000${path}`, { headers: { authorization: "Bearer cb_abc" } });
    expect(proxy(bearer("/api/search?q=x")).headers.get("x-middleware-next")).toBe("1");
    expect(proxy(bearer("/playbooks/x")).status).toBe(307);
  });

  it("ignores another app's cookie", () => {
    expect(proxy(req("/", "better-auth.session_token=abc")).status).toBe(307);
  });

  it("skips Next's assets and public files but not API paths with dots in them", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ["/_next/static/chunks/a.js", "/logo.svg", "/favicon.ico"])
      expect(matcher.test(path), path).toBe(false);
    for (const path of ["/", "/admin/users", "/api/runs/1/cast.json"]) expect(matcher.test(path), path).toBe(true);
  });

  describe("a path that is not valid percent-encoding", () => {
    // Next decodes each dynamic segment and answers a bare 500 when that fails; the proxy runs first.
    const MALFORMED = ["/playbooks/%E0%A4%A", "/playbooks/%c0%ae", "/tags/%ZZ", "/incidents/%ZZ/edit", "/runs/%"];
    const COOKIE = "casebook.session_token=abc";

    it.each(MALFORMED)("%s shows the 404 page when signed in, and /sign-in when not", (path) => {
      const res = proxy(req(path, COOKIE));
      expect(new URL(res.headers.get("x-middleware-rewrite") ?? "", "http://x").pathname).toBe("/_not-found");
      expect(res.headers.get("location")).toBeNull();
      const signedOut = proxy(req(path));
      expect(signedOut.status).toBe(307);
      expect(target(signedOut)).toBe("/sign-in");
    });

    it("sends a signed-out visitor on a public path with a bad escape to /sign-in too", () => {
      expect(target(proxy(req("/sign-in/%ZZ")))).toBe("/sign-in");
      expect(target(proxy(req("/setup/%c0%ae")))).toBe("/sign-in");
    });

    it.each(["/api/runs/%ZZ", "/api/incidents/%E0%A4%A/export", "/api/auth/%c0%ae", "/api/health/%"])(
      "%s answers 400 JSON with the reason, signed in or not",
      async (path) => {
        for (const cookie of [COOKIE, undefined]) {
          const res = proxy(req(path, cookie));
          expect(res.status, String(cookie)).toBe(400);
          expect(await res.json()).toEqual({ error: "The URL path is not valid percent-encoded UTF-8." });
        }
      },
    );

    it("leaves well-formed escapes alone", () => {
      for (const path of ["/tags/c%2B%2B", "/playbooks/caf%C3%A9", "/tags/%2F", "/search?q=%ZZ"]) {
        const res = proxy(req(path, COOKIE));
        expect(res.headers.get("x-middleware-next"), path).toBe("1");
        expect(res.headers.get("x-middleware-rewrite"), path).toBeNull();
      }
    });
  });
});
