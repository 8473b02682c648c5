// The API document (GET /api/openapi.json) covers every route file under app/api, each method with
// the spec route() enforces: a new route without a line in api-routes.ts, or without a doc, fails here.
import { describe, expect, it } from "vitest";
import { AUTH_ROUTE, routeFiles, routeHandlers } from "@/testing/entry-points";

process.env.DATABASE_URL = "file:/nonexistent-casebook-dir/casebook.db";
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
const { API_ROUTE_MODULES } = await import("./openapi.json/api-routes");
const { apiDocument } = await import("./openapi.json/api-document");
const { openApiPath } = await import("@/lib/http/openapi");
const { GET } = await import("./openapi.json/route");

// better-auth's catch-all serves better-auth's own endpoints (app/api/auth/[...all]/endpoints-matrix.test.ts).
const apiFiles = routeFiles().filter((file) => file.startsWith("api/") && file !== AUTH_ROUTE);

type Operation = {
  operationId: string;
  summary: string;
  security: unknown[];
  parameters: { name: string; in: string }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
};

describe("the OpenAPI document", () => {
  const doc = apiDocument() as { openapi: string; paths: Record<string, Record<string, Operation>> };

  it("lists every route file under app/api, and only those", () => {
    expect(Object.keys(API_ROUTE_MODULES).sort()).toEqual(apiFiles);
  });

  it.each(apiFiles)("%s: every method is an operation with its summary and schemas", async (file) => {
    const methods = (await routeHandlers([file])).map((h) => h.method.toLowerCase());
    const operations = doc.paths[openApiPath(file)] ?? {};
    expect(Object.keys(operations).sort()).toEqual(methods.sort());
    for (const op of Object.values(operations)) {
      expect(op.summary.length).toBeGreaterThan(0);
      expect(Object.keys(op.responses).some((status) => status.startsWith("2"))).toBe(true);
    }
  });

  it("takes path, query and body from the route specs", () => {
    expect(doc.openapi).toBe("3.1.0");
    const step = doc.paths["/api/runs/{id}/steps/{stepRunId}"]!.get!;
    expect(step.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(["path:id", "path:stepRunId", "query:wait"]);
    const start = doc.paths["/api/runs"]!.post!;
    expect(start.requestBody).toMatchObject({
      content: { "application/json": { schema: { required: ["playbook", "hostId"], additionalProperties: false } } },
    });
    expect(start.responses["201"]).toBeDefined();
    expect(start.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(doc.paths["/api/health"]!.get!.security).toEqual([]);
  });

  it("is the reference page's content: every operation is on /help/api", async () => {
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { ApiReference } = await import("@/components/help/api-reference");
    const html = renderToStaticMarkup(createElement(ApiReference, { document: doc }));
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(ids.filter((id) => !html.includes(`id="${id}"`))).toEqual([]);
    expect(html).toContain("/api/runs/{id}/steps/{stepRunId}");
    expect(html).not.toContain("<script");
  });

  it("is served at /api/openapi.json to a signed-in caller only", async () => {
    const res = await GET(new Request("http://127.0.0.1/api/openapi.json"));
    expect(res.status).toBe(401);
  });
});
