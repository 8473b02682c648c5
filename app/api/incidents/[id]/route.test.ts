// PUT /api/incidents/:id called as Next.js would, with a real better-auth session and a real
// migrated SQLite file: an edit must say which copy it started from.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";
import { signedInCookie } from "@/testing/signed-in";

const tempDb = createTempDatabase("casebook-incidents-api-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const { db } = await import("@/lib/db/client");
const { serverBaseUrl } = await import("@/lib/auth/origins");
const { createIncident } = await import("@/lib/incidents/create-incident");
const { getIncident } = await import("@/lib/incidents/get-incident");
const { PUT } = await import("./route");

const origin = serverBaseUrl();
let cookie = "";

beforeAll(async () => {
  cookie = await signedInCookie({ email: "o@example.com", name: "Olga", role: "operator" }, "198.51.100.7");
});

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

const incident = (title: string) => ({ title, severity: "SEV3", status: "investigating" });

async function put(id: string, body: unknown): Promise<Response> {
  const req = new Request(`${origin}/api/incidents/${id}`, {
    method: "PUT",
    headers: { cookie, origin, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return PUT(req, { params: Promise.resolve({ id }) });
}

describe("PUT /api/incidents/:id", () => {
  it("refuses an edit that does not say which copy it started from, naming the field, and saves nothing", async () => {
    const created = await createIncident(incident("Original"));
    for (const body of [
      { incident: incident("Overwritten") },
      { incident: incident("Overwritten"), expectedUpdatedAt: null },
      { incident: incident("Overwritten"), expectedUpdatedAt: "yesterday" },
      incident("Overwritten"),
    ]) {
      const res = await put(created.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/^expectedUpdatedAt /);
    }
    const res = await put(created.id, { incident: incident("Overwritten") });
    expect(await res.json()).toEqual({
      error:
        "expectedUpdatedAt is required: the updatedAt of the copy the edit started from (an ISO 8601 time), " +
        "so a newer save is not overwritten",
    });
    const noIncident = await put(created.id, { expectedUpdatedAt: created.updatedAt.toISOString() });
    expect(noIncident.status).toBe(400);
    expect(await noIncident.json()).toEqual({ error: "incident is required: the incident as edited" });
    expect((await getIncident(created.id))!.title).toBe("Original");
  });

  it("saves an edit of the current copy and refuses one of a stale copy", async () => {
    const created = await createIncident(incident("Original"));
    const first = await put(created.id, {
      incident: incident("First edit"),
      expectedUpdatedAt: created.updatedAt.toISOString(),
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ id: created.id });

    const stale = await put(created.id, {
      incident: incident("Second edit"),
      expectedUpdatedAt: created.updatedAt.toISOString(),
    });
    expect(stale.status).toBe(409);
    expect((await getIncident(created.id))!.title).toBe("First edit");
  });
});
