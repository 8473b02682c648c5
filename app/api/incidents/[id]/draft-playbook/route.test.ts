// Saving an incident's playbook draft through the real route handler, with a real session, database
// and content folder: a slug too long for a file name is a 400 with the reason, not ENAMETOOLONG's 500.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";
import { signedInCookie } from "@/testing/signed-in";

const tempDb = createTempDatabase("casebook-draft-api-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
const contentDir = mkdtempSync(path.join(tmpdir(), "casebook-draft-api-content-"));
process.env.CONTENT_DIR = contentDir;

const { db } = await import("@/lib/db/client");
const { serverBaseUrl } = await import("@/lib/auth/origins");
const { createIncident } = await import("@/lib/incidents/create-incident");
const { importIncidentMarkdown } = await import("@/lib/incidents/markdown/import-markdown");
const { POST: saveDraft } = await import("./route");

const origin = serverBaseUrl();
let cookie = "";
let incidentId = "";

beforeAll(async () => {
  cookie = await signedInCookie({ email: "o@example.com", name: "Otto", role: "operator" }, "198.51.100.12");
  const seed = readFileSync(path.resolve("content/incidents/ray-actors-pending-creation-podman.md"), "utf8");
  incidentId = (await createIncident(importIncidentMarkdown(seed))).id;
});

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
  rmSync(contentDir, { recursive: true, force: true });
});

const save = (slug: string) =>
  saveDraft(
    new Request(`${origin}/api/incidents/${incidentId}/draft-playbook`, {
      method: "POST",
      headers: { cookie, origin, "content-type": "application/json" },
      body: JSON.stringify({ slug }),
    }),
    { params: Promise.resolve({ id: incidentId }) },
  );

describe("POST /api/incidents/:id/draft-playbook", () => {
  it("refuses a 300-character slug with 400 and the reason, and writes nothing", async () => {
    const res = await save("a".repeat(300));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/at most 100 characters/);
    expect(readdirSync(contentDir)).toEqual([]);
  });

  it("saves the draft under a slug of the longest allowed length", async () => {
    const slug = "a".repeat(100);
    const res = await save(slug);
    expect(res.status, await res.clone().text()).toBe(201);
    expect(readdirSync(contentDir)).toEqual([`${slug}.mdx`]);
  });
});
