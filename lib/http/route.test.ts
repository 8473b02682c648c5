// What route() answers before and around a handler: bad input is a 4xx with the reason, and a
// handler that throws is a logged 500 without internals. The role check is in lib/auth/auth.test.ts.
import { describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { log } from "@/lib/log";
import { jsonBody, MAX_BODY_BYTES } from "./body";
import { route, routeAccess } from "./route";

const url = "http://127.0.0.1:3000/api/thing";
// The default trusted origin (lib/auth/origins.ts) when neither BASE_URL nor HOST and PORT are set.
const origin = "http://127.0.0.1:3000";
const post = (body: string, headers: Record<string, string> = {}) =>
  new Request(url, { method: "POST", body, headers: { origin, ...headers } });
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

describe("route()", () => {
  const echo = route(
    {
      role: "public",
      params: z.object({ id: z.string().regex(/^\d+$/, "must be a number") }),
      query: z.object({ format: z.enum(["md", "json"], 'must be "md" or "json"').default("md") }),
    },
    ({ params, query }) => Response.json({ params, query }),
  );

  it("hands the handler its parsed params and query, first value of a repeated parameter winning", async () => {
    const res = await echo(new Request(`${url}?format=json&format=md`), ctx({ id: "7" }));
    expect(await res.json()).toEqual({ params: { id: "7" }, query: { format: "json" } });
    expect(await (await echo(new Request(url), ctx({ id: "7" }))).json()).toMatchObject({ query: { format: "md" } });
  });

  it("answers 400 naming the field for bad params or query", async () => {
    const badParams = await echo(new Request(url), ctx({ id: "x" }));
    expect(badParams.status).toBe(400);
    expect(await badParams.json()).toEqual({ error: "id must be a number" });
    const badQuery = await echo(new Request(`${url}?format=pdf`), ctx({ id: "7" }));
    expect(badQuery.status).toBe(400);
    expect(await badQuery.json()).toEqual({ error: 'format must be "md" or "json"' });
  });

  const save = route(
    { role: "public", body: jsonBody(z.object({ slug: z.string("must be text").optional() }), "{ slug }", {}) },
    ({ body }) => Response.json(body),
  );

  it("parses a JSON body, and a blank one as its stand-in", async () => {
    expect(await (await save(post('{"slug":"a"}'))).json()).toEqual({ slug: "a" });
    expect(await (await save(post("  "))).json()).toEqual({});
  });

  it("answers 400 for a body that is not JSON or not the shape, and 413 for one over the limit", async () => {
    const notJson = await save(post("{slug"));
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "The body must be JSON: { slug }" });
    const wrongShape = await save(post('{"slug":3}'));
    expect(wrongShape.status).toBe(400);
    expect(await wrongShape.json()).toEqual({ error: "slug must be text" });
    const declared = await save(post("{}", { "content-length": String(MAX_BODY_BYTES + 1) }));
    expect(declared.status).toBe(413);
    const actual = await save(post(JSON.stringify({ slug: "x".repeat(MAX_BODY_BYTES) })));
    expect(actual.status).toBe(413);
    expect(await actual.json()).toEqual({ error: `Request body over ${MAX_BODY_BYTES} bytes` });
  });

  it("answers 500 without internals when the handler throws, and logs it", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const broken = route({ role: "public" }, () => {
      throw new Error("secret detail");
    });
    const res = await broken(new Request(url));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "The request failed on the server; the server log has the details." });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it("records the access each handler was declared with", () => {
    expect(routeAccess(echo)).toBe("public");
    expect(routeAccess(route({ role: "operator" }, () => new Response()))).toBe("operator");
    expect(routeAccess(async () => new Response())).toBeUndefined();
  });

  describe("refuses a write from another site (CSRF)", () => {
    const calls: string[] = [];
    const write = route({ role: "public" }, ({ req }) => {
      calls.push(req.method);
      return Response.json({ ok: true });
    });
    const send = (method: string, headers: Record<string, string>) =>
      write(new Request(url, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : "{}" }));

    it.each(["POST", "PUT", "PATCH", "DELETE"])("lets a %s from a trusted origin through", async (method) => {
      calls.length = 0;
      for (const trusted of [origin, "http://localhost:3000", "http://[::1]:3000"]) {
        expect((await send(method, { origin: trusted })).status, trusted).toBe(200);
      }
      expect(calls).toEqual([method, method, method]);
    });

    it.each([
      ["a foreign origin", { origin: "http://evil.test" }, "Forbidden: http://evil.test is not this site's origin."],
      ["another port on the same host", { origin: "http://127.0.0.1:3001" }, /127\.0\.0\.1:3001 is not/],
      ["another scheme", { origin: "https://127.0.0.1:3000" }, /is not this site's origin/],
      ["Origin: null (a sandboxed frame, a file, a redirect)", { origin: "null" }, /Origin "null"/],
      ["no Origin", {}, /must carry an Origin header/],
      ["no Origin, even if it claims same-origin", { "sec-fetch-site": "same-origin" }, /must carry an Origin/],
    ])("answers 403 with the reason for %s, before the handler runs", async (_, headers, reason) => {
      calls.length = 0;
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const res = await send(method, headers);
        expect(res.status, method).toBe(403);
        const { error } = (await res.json()) as { error: string };
        expect(error, method).toMatch(reason);
      }
      expect(calls).toEqual([]);
    });

    it("leaves GET, HEAD and OPTIONS alone, whatever their origin", async () => {
      calls.length = 0;
      for (const method of ["GET", "HEAD", "OPTIONS"]) {
        expect((await send(method, {})).status, method).toBe(200);
        expect((await send(method, { origin: "http://evil.test" })).status, method).toBe(200);
      }
      expect(calls).toEqual(["GET", "GET", "HEAD", "HEAD", "OPTIONS", "OPTIONS"]);
    });

    it("refuses a foreign origin before it checks the session", async () => {
      const guarded = route({ role: "operator" }, () => Response.json({ ok: true }));
      const res = await guarded(new Request(url, { method: "POST", headers: { origin: "http://evil.test" } }));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: "Forbidden: http://evil.test is not this site's origin." });
    });
  });
});
