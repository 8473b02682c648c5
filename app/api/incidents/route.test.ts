// The incident write routes refuse a forged cross-site request (issue 8, #4): called as Next.js would,
// with a real better-auth session and a real migrated SQLite file, and checked by what is stored.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";
import { signedInCookie } from "@/testing/signed-in";

const tempDb = createTempDatabase("casebook-incidents-api-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
// No playbooks: the incidents here name none, and an empty index builds at once.
const contentDir = mkdtempSync(path.join(tmpdir(), "casebook-incidents-api-content-"));
process.env.CONTENT_DIR = contentDir;

const { db } = await import("@/lib/db/client");
const { serverBaseUrl } = await import("@/lib/auth/origins");
const { closeContentIndex } = await import("@/lib/playbooks/content-index");
const { POST: createIncident } = await import("./route");
const { POST: importIncident } = await import("./import/route");
const { PUT: updateIncident } = await import("./[id]/route");

const origin = serverBaseUrl();
let cookie = "";

beforeAll(async () => {
  cookie = await signedInCookie({ email: "o@example.com", name: "Otto", role: "operator" }, "198.51.100.11");
});

afterAll(async () => {
  closeContentIndex();
  await db.$disconnect();
  tempDb.remove();
  rmSync(contentDir, { recursive: true, force: true });
});

const incident = (title: string) => ({ incident: { title, severity: "SEV3" } });

/** What an attacker's page can send with the victim's cookie: a `no-cors` fetch of text/plain. */
const forged = (path: string, method: string, body: BodyInit, headers: Record<string, string>) =>
  new Request(`${origin}${path}`, { method, body, headers: { cookie, ...headers } });

// Every way a request can fail to name this site: another site, another port on this host,
// an opaque origin, and none at all.
const NOT_OURS: Array<[string, Record<string, string>]> = [
  ["a foreign origin", { origin: "http://evil.test" }],
  ["another port on this host", { origin: new URL(origin).origin.replace(/:\d+$/, ":3999") }],
  ["Origin: null", { origin: "null" }],
  ["no Origin", {}],
];

describe("POST /api/incidents", () => {
  it.each(NOT_OURS)("refuses %s with 403 and creates nothing", async (_, headers) => {
    const before = await db.incident.count();
    const body = JSON.stringify(incident("Forged"));
    const res = await createIncident(
      forged("/api/incidents", "POST", body, { "content-type": "text/plain", ...headers }),
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/^Forbidden: /);
    expect(await db.incident.count()).toBe(before);
  });

  it("creates the incident for the same request from this site", async () => {
    const before = await db.incident.count();
    const body = JSON.stringify(incident("Genuine"));
    const res = await createIncident(forged("/api/incidents", "POST", body, { "content-type": "text/plain", origin }));
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await db.incident.count()).toBe(before + 1);
  });
});

describe("POST /api/incidents/import", () => {
  const upload = () => {
    const form = new FormData();
    const file = JSON.stringify({ title: "Imported", severity: "SEV4" });
    form.set("file", new File([file], "incident.json", { type: "application/json" }));
    return form;
  };

  it.each(NOT_OURS)("refuses a multipart upload with %s and creates nothing", async (_, headers) => {
    const before = await db.incident.count();
    const res = await importIncident(forged("/api/incidents/import", "POST", upload(), headers));
    expect(res.status).toBe(403);
    expect(await db.incident.count()).toBe(before);
  });

  it("imports the same upload from this site", async () => {
    const before = await db.incident.count();
    const res = await importIncident(forged("/api/incidents/import", "POST", upload(), { origin }));
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await db.incident.count()).toBe(before + 1);
  });
});

describe("PUT /api/incidents/:id", () => {
  it("refuses a foreign origin and leaves the incident as it was", async () => {
    const created = await createIncident(
      forged("/api/incidents", "POST", JSON.stringify(incident("Original")), { origin }),
    );
    const { id } = (await created.json()) as { id: string };
    const { updatedAt } = await db.incident.findUniqueOrThrow({ where: { id } });
    const body = JSON.stringify({ ...incident("Defaced"), expectedUpdatedAt: updatedAt.toISOString() });
    const ctx = { params: Promise.resolve({ id }) };
    for (const [name, headers] of NOT_OURS) {
      const res = await updateIncident(forged(`/api/incidents/${id}`, "PUT", body, headers), ctx);
      expect(res.status, name).toBe(403);
    }
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).title).toBe("Original");
  });
});

describe("GET /api/incidents/export", () => {
  it("exports every incident as import-ready envelopes, each of which imports again", async () => {
    const { GET: exportAll } = await import("./export/route");
    const title = "Exported with the others";
    const made = await createIncident(
      new Request(`${origin}/api/incidents`, {
        method: "POST",
        headers: { cookie, origin, "content-type": "application/json" },
        body: JSON.stringify(incident(title)),
      }),
    );
    expect(made.status).toBe(201);
    const res = await exportAll(new Request(`${origin}/api/incidents/export?severity=SEV3`, { headers: { cookie } }));
    const all = (await res.json()) as { format: string; incidents: { incident: { title: string } }[] };
    expect(all.format).toBe("casebook.incidents");
    const envelope = all.incidents.find((e) => e.incident.title === title);
    expect(envelope).toMatchObject({ format: "casebook.incident", version: 1 });
    const again = await importIncident(
      new Request(`${origin}/api/incidents/import?name=one.json`, {
        method: "POST",
        headers: { cookie, origin, "content-type": "application/json" },
        body: JSON.stringify(envelope),
      }),
    );
    expect(again.status).toBe(201);
  });
});
