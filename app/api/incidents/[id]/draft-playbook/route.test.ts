// Saving an incident's playbook draft through the real route handler, with a real session, database
// and content folder: the draft is stored for review, never written into content/; a slug too long
// for a file name is a 400 with the reason, not ENAMETOOLONG's 500.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
const { getPlaybook, closeContentIndex } = await import("@/lib/playbooks/content-index");
const { contentHash } = await import("@/lib/playbooks/content-hash");
const { POST: saveDraft } = await import("./route");

const origin = serverBaseUrl();
let cookie = "";
let viewerCookie = "";
let incidentId = "";

beforeAll(async () => {
  cookie = await signedInCookie({ email: "o@example.com", name: "Otto", role: "operator" }, "198.51.100.12");
  viewerCookie = await signedInCookie({ email: "v@example.com", name: "Vera", role: "viewer" }, "198.51.100.13");
  const seed = readFileSync(path.resolve("content/incidents/ray-actors-pending-creation-podman.md"), "utf8");
  incidentId = (await createIncident(importIncidentMarkdown(seed))).id;
});

afterAll(async () => {
  closeContentIndex();
  await db.$disconnect();
  tempDb.remove();
  rmSync(contentDir, { recursive: true, force: true });
});

const save = (body: Record<string, unknown>, as = cookie) =>
  saveDraft(
    new Request(`${origin}/api/incidents/${incidentId}/draft-playbook`, {
      method: "POST",
      headers: { cookie: as, origin, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: incidentId }) },
  );

const error = async (res: Response) => ((await res.json()) as { error: string }).error;

describe("POST /api/incidents/:id/draft-playbook", () => {
  it("refuses a 300-character slug with 400 and the reason, and saves nothing", async () => {
    const res = await save({ slug: "a".repeat(300) });
    expect(res.status).toBe(400);
    expect(await error(res)).toMatch(/at most 100 characters/);
    expect(await db.playbookDraft.count()).toBe(0);
  });

  it("stores the draft for review: a link to it, nothing in content/, nothing served", async () => {
    const slug = "a".repeat(100);
    const res = await save({ slug });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as { id: string; slug: string; href: string };
    expect(body).toMatchObject({ slug, href: `/drafts/${body.id}` });
    expect(readdirSync(contentDir)).toEqual([]);
    expect(await getPlaybook(slug)).toBeUndefined();
    const row = await db.playbookDraft.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ slug, status: "open", source: "incident", sourceRef: incidentId });
    expect(row.mdx).toContain(`](/incidents/${incidentId})`);
  });

  it("refuses a slug that is published unless the draft names the version it replaces", async () => {
    const published = readFileSync(path.resolve("content/ray-actor-pending-creation-podman.mdx"));
    writeFileSync(path.join(contentDir, "taken.mdx"), published);
    const res = await save({ slug: "taken" });
    expect(res.status).toBe(409);
    expect(await error(res)).toMatch(/content\/taken\.mdx is published \(version [0-9a-f]{12}\)/);
    const replacing = await save({ slug: "taken", replaces: contentHash(published) });
    expect(replacing.status, await replacing.clone().text()).toBe(201);
    expect(readFileSync(path.join(contentDir, "taken.mdx"))).toEqual(published);
  });

  it("is for operators: a viewer gets 403 and nothing is saved", async () => {
    const before = await db.playbookDraft.count();
    const res = await save({ slug: "from-a-viewer" }, viewerCookie);
    expect(res.status).toBe(403);
    expect(await db.playbookDraft.count()).toBe(before);
  });
});
