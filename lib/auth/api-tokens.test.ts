// API tokens through real route handlers (route() in lib/http/route.ts), better-auth's API-key
// plugin and a real database: the cap, expiry, revocation, a ban, the CSRF rule, and the audit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-api-tokens-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET = "test-secret-test-secret-test-secret-0123";

const { db } = await import("@/lib/db/client");
const { createTestToken } = await import("@/testing/api-token");
const { newSessionCookie } = await import("@/testing/signed-in");
const { createToken, listTokens, revokeToken } = await import("./api-tokens");
const { TOKEN_REFUSALS } = await import("./bearer");
const { GET: getIncidents, POST: postIncident } = await import("@/app/api/incidents/route");

const ORIGIN = "http://127.0.0.1:3000";
const users = {
  admin: { id: "tok-admin", name: "Ada Admin", email: "ada@example.com", role: "admin" as const },
  operator: { id: "tok-operator", name: "Otto Operator", email: "otto@example.com", role: "operator" as const },
  viewer: { id: "tok-viewer", name: "Vic Viewer", email: "vic@example.com", role: "viewer" as const },
};

beforeAll(async () => {
  for (const user of Object.values(users)) await db.user.create({ data: user });
});

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const list = (headers: Record<string, string>) => getIncidents(new Request(`${ORIGIN}/api/incidents`, { headers }));
/** An operator route with a body it refuses (400): it gets past the guards without writing anything. */
const post = (headers: Record<string, string>) =>
  postIncident(
    new Request(`${ORIGIN}/api/incidents`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ incident: {} }),
    }),
  );

async function refusal(res: Response): Promise<{ status: number; error: string }> {
  return { status: res.status, error: ((await res.json()) as { error: string }).error };
}

describe("API tokens", () => {
  it("act as their owner, capped at the token's role", async () => {
    const full = await createTestToken(users.admin.id);
    expect(full).toMatch(/^cb_[A-Za-z]{64}$/);
    expect((await list(bearer(full))).status).toBe(200);
    expect((await post(bearer(full))).status).toBe(400);

    const viewerCapped = await createTestToken(users.admin.id, { role: "viewer" });
    expect((await list(bearer(viewerCapped))).status).toBe(200);
    expect(await refusal(await post(bearer(viewerCapped)))).toEqual({
      status: 403,
      error: "Forbidden: this needs the operator role, and you are viewer.",
    });
  });

  it("cannot be capped above the owner's role, and follow a demotion at once", async () => {
    const refused = await createToken(users.viewer, { name: "too high", cap: "operator" });
    expect(refused).toEqual({ ok: false, message: "A token cannot have more than your own role (viewer)." });

    const token = await createTestToken(users.operator.id);
    expect((await post(bearer(token))).status).toBe(400);
    await db.user.update({ where: { id: users.operator.id }, data: { role: "viewer" } });
    try {
      expect((await post(bearer(token))).status).toBe(403);
    } finally {
      await db.user.update({ where: { id: users.operator.id }, data: { role: "operator" } });
    }
  });

  it("refuse expired, revoked and unknown tokens with a reason, and a banned owner's", async () => {
    const expiring = await createTestToken(users.viewer.id, { expiresInSeconds: 60 });
    await db.apikey.updateMany({
      where: { referenceId: users.viewer.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await refusal(await list(bearer(expiring)))).toEqual({ status: 401, error: TOKEN_REFUSALS.expired });

    const revoked = await createTestToken(users.viewer.id);
    const [row] = await listTokens(users.viewer.id);
    expect(await revokeToken({ ...users.viewer }, row!.id)).toEqual({ ok: true, value: undefined });
    expect(await refusal(await list(bearer(revoked)))).toEqual({ status: 401, error: TOKEN_REFUSALS.revoked });

    for (const garbage of ["cb_" + "x".repeat(64), "not-a-token", revoked.slice(0, -1)]) {
      expect(await refusal(await list(bearer(garbage)))).toEqual({ status: 401, error: TOKEN_REFUSALS.invalid });
    }

    const banned = await createTestToken(users.viewer.id);
    await db.user.update({ where: { id: users.viewer.id }, data: { banned: true } });
    try {
      expect(await refusal(await list(bearer(banned)))).toEqual({ status: 401, error: TOKEN_REFUSALS.banned });
    } finally {
      await db.user.update({ where: { id: users.viewer.id }, data: { banned: false } });
    }
  });

  it("spare a token-only write the Origin check, but not one that also carries a cookie", async () => {
    const token = await createTestToken(users.operator.id);
    const cookie = await newSessionCookie(users.operator.id);
    expect((await post(bearer(token))).status).toBe(400);
    expect(await refusal(await post({ ...bearer(token), cookie }))).toEqual({
      status: 403,
      error: "Forbidden: a POST must carry an Origin header naming this site.",
    });
    expect((await post({ cookie })).status).toBe(403);
    expect((await post({ cookie, origin: ORIGIN })).status).toBe(400);
  });

  it("list without the token, are revoked only by their owner or an admin, and are audited", async () => {
    const made = await createToken(users.operator, { name: "ci deploys", cap: "viewer" });
    if (!made.ok) throw new Error(made.message);
    const mine = await listTokens(users.operator.id);
    const view = mine.find((t) => t.id === made.value.id)!;
    expect(view).toMatchObject({ name: "ci deploys", cap: "viewer", revoked: false, lastUsedAt: null });
    expect(view.start).toBe(made.value.token.slice(0, 6));
    expect(JSON.stringify(mine)).not.toContain(made.value.token);
    const stored = await db.apikey.findUniqueOrThrow({ where: { id: made.value.id } });
    expect(stored.key).not.toContain(made.value.token.slice(3));

    expect((await list(bearer(made.value.token))).status).toBe(200);
    expect((await list(bearer(made.value.token))).status).toBe(200);
    expect((await listTokens(users.operator.id)).find((t) => t.id === made.value.id)!.lastUsedAt).not.toBeNull();

    expect(await revokeToken(users.viewer, made.value.id)).toEqual({ ok: false, message: "There is no such token." });
    expect((await listTokens(users.admin.id, true)).some((t) => t.id === made.value.id)).toBe(true);
    expect(await revokeToken(users.admin, made.value.id)).toEqual({ ok: true, value: undefined });

    const events = await db.auditEvent.findMany({
      where: { detail: { contains: made.value.id } },
      orderBy: { seq: "asc" },
      select: { action: true, userEmail: true, detail: true },
    });
    // Two uses within the minute: one use event.
    expect(events.map((e) => [e.action, e.userEmail])).toEqual([
      ["token.create", users.operator.email],
      ["token.use", users.operator.email],
      ["token.revoke", users.admin.email],
    ]);
    expect(JSON.parse(events[1]!.detail!)).toMatchObject({ role: "viewer", request: "GET /api/incidents" });
  });
});
