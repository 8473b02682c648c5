// GET /api/search through the real route handler, a real better-auth session and a real database.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";
import { signedInCookie } from "@/testing/signed-in";

const tempDb = createTempDatabase("casebook-search-api-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET = "test-secret-test-secret-test-secret-0123";
const contentDir = mkdtempSync(path.join(tmpdir(), "casebook-search-api-content-"));
process.env.CONTENT_DIR = contentDir;
writeFileSync(
  path.join(contentDir, "nixery-node.mdx"),
  `---
title: ARC job containers fail on Nixery images
summary: The runner's node needs a glibc loader.
tags: [github-actions, nixery]
symptoms:
  - "env: '/__e/node20/bin/node': No such file or directory"
---

## Check the loader

<Step id="loader" title="Which loader does node want?">
\`\`\`bash
file /__e/node20/bin/node
\`\`\`
</Step>
`,
);

const { db } = await import("@/lib/db/client");
const { GET } = await import("./route");
const { closeSearchIndex } = await import("@/lib/search");
const { closeContentIndex } = await import("@/lib/playbooks/content-index");

const ORIGIN = "http://127.0.0.1:3000";
let cookie = "";

beforeAll(async () => {
  cookie = await signedInCookie({ email: "viewer@example.com", name: "viewer", role: "viewer" }, "198.51.100.7");
});

afterAll(async () => {
  closeSearchIndex();
  closeContentIndex();
  await db.$disconnect();
  tempDb.remove();
  rmSync(contentDir, { recursive: true, force: true });
});

function get(query: string, signedIn = true): Promise<Response> {
  return GET(new Request(`${ORIGIN}/api/search?${query}`, { headers: signedIn ? { cookie } : {} }));
}

describe("GET /api/search", () => {
  it("needs a signed-in user", async () => {
    const res = await get("q=node", false);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "Sign in required." });
  });

  it("finds the playbook for a pasted error line and deep-links the symptom", async () => {
    const q = "Error: env: '/__e/node20/bin/node': No such file or directory";
    const res = await get(`q=${encodeURIComponent(q)}&limit=5`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { query: string; results: Array<Record<string, unknown>> };
    expect(body.query).toBe(q);
    expect(body.results[0]).toMatchObject({
      kind: "playbook",
      slug: "nixery-node",
      title: "ARC job containers fail on Nixery images",
      tags: ["github-actions", "nixery"],
      match: {
        part: "symptom",
        href: "/playbooks/nixery-node#symptoms",
        snippet: "env: '/__e/node20/bin/node': No such file or directory",
        highlights: [[0, 54]],
      },
    });
  });

  it("filters by tag", async () => {
    const res = await get("q=node&tag=kubernetes");
    expect(await res.json()).toEqual({ query: "node", results: [] });
  });

  it("answers 400 with the reason for a bad query", async () => {
    for (const [qs, error] of [
      ["", "q is required: paste an error message or type what you are looking for"],
      ["q=%20", "q must not be empty"],
      [`q=${"x".repeat(4001)}`, "q must be at most 4000 characters"],
      ["q=node&limit=0", "limit must be from 1 to 50"],
      ["q=node&limit=51", "limit must be from 1 to 50"],
      ["q=node&limit=many", "limit must be a whole number from 1 to 50"],
    ] as const) {
      const res = await get(qs);
      expect(res.status, qs.slice(0, 30)).toBe(400);
      expect(await res.json(), qs.slice(0, 30)).toEqual({ error });
    }
  });
});
