// What route() answers before and around a handler: bad input is a 4xx with the reason, and a
// handler that throws is a logged 500 without internals. The role check is in lib/auth/auth.test.ts.
import { describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { log } from "@/lib/log";
import { jsonBody, MAX_BODY_BYTES } from "./body";
import { route, routeAccess } from "./route";

const url = "http://127.0.0.1:3000/api/thing";
const post = (body: string, headers: Record<string, string> = {}) =>
  new Request(url, { method: "POST", body, headers });
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
});
