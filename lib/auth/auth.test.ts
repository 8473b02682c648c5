// Role checks, user administration and sign-in rules, through the real better-auth HTTP handler
// and a real, migrated SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "./roles";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-auth-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET = "test-secret-test-secret-test-secret-0123";
process.env.CASEBOOK_SIGN_IN_MAX = "3";

const { db } = await import("@/lib/db/client");
const { auth } = await import("./auth");
const { userFromHeaders } = await import("./request-user");
const { route } = await import("@/lib/http/route");
const { createUser, setBanned, setRole } = await import("./user-admin");

const ORIGIN = "http://127.0.0.1:3000";
const PASSWORD = "correct horse battery";
let nextIp = 1;
const freshIp = () => `198.51.100.${nextIp++}`;

function authRequest(path: string, body: unknown, opts: { ip?: string; origin?: string } = {}): Promise<Response> {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: opts.origin ?? ORIGIN,
        "x-casebook-remote-addr": opts.ip ?? freshIp(),
      },
      body: JSON.stringify(body),
    }),
  );
}

/** Signs in over HTTP and returns request headers carrying the session cookie. */
async function signIn(email: string, password = PASSWORD): Promise<Headers> {
  const res = await authRequest("/sign-in/email", { email, password });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return new Headers({ cookie, origin: ORIGIN });
}

async function makeUser(email: string, role: Role): Promise<string> {
  const { user } = await auth.api.createUser({
    body: { email, name: email.split("@")[0] ?? email, password: PASSWORD, role },
  });
  return user.id;
}

const ids: Record<Role, string> = { admin: "", operator: "", viewer: "" };

beforeAll(async () => {
  ids.admin = await makeUser("admin@example.com", "admin");
  ids.operator = await makeUser("operator@example.com", "operator");
  ids.viewer = await makeUser("viewer@example.com", "viewer");
});

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

describe("route() role check", () => {
  const req = (headers?: Headers) => new Request(`${ORIGIN}/api/anything`, headers ? { headers } : {});
  // A route that answers with the user route() resolved, or passes on its refusal.
  async function requireApiUser(request: Request, min: Role = "viewer"): Promise<unknown> {
    const res = await route({ role: min }, ({ user }) => Response.json(user))(request);
    return res.ok ? res.json() : res;
  }

  it("answers 401 without a session", async () => {
    const res = await requireApiUser(req());
    expect(res).toBeInstanceOf(Response);
    expect((res as Response).status).toBe(401);
    expect(await (res as Response).json()).toEqual({ error: "Sign in required." });
  });

  it("answers 403 when the role is too low, and the user when it is enough", async () => {
    const viewer = await signIn("viewer@example.com");
    const operator = await signIn("operator@example.com");
    const admin = await signIn("admin@example.com");

    const refused = await requireApiUser(req(viewer), "operator");
    expect((refused as Response).status).toBe(403);
    expect(await (refused as Response).json()).toEqual({
      error: "Forbidden: this needs the operator role, and you are viewer.",
    });

    expect(await requireApiUser(req(viewer))).toMatchObject({ email: "viewer@example.com", role: "viewer" });
    expect(await requireApiUser(req(operator), "operator")).toMatchObject({ role: "operator" });
    expect(((await requireApiUser(req(operator), "admin")) as Response).status).toBe(403);
    expect(await requireApiUser(req(admin), "admin")).toEqual({
      id: ids.admin,
      name: "admin",
      email: "admin@example.com",
      role: "admin",
    });
  });
});

describe("user administration", () => {
  it("lets an admin create a user who can then sign in, and audits it", async () => {
    const adminHeaders = await signIn("admin@example.com");
    const actor = (await userFromHeaders(adminHeaders))!;
    const result = await createUser(
      actor,
      { name: "New", email: "new@example.com", password: PASSWORD, role: "operator" },
      adminHeaders,
    );
    expect(result).toEqual({ ok: true, message: "Created new@example.com as operator." });
    expect(await userFromHeaders(await signIn("new@example.com"))).toMatchObject({ role: "operator" });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create" } });
    expect(audit.userId).toBe(ids.admin);
    expect(JSON.parse(audit.detail ?? "")).toMatchObject({ email: "new@example.com", role: "operator" });
  });

  it("changes a role, audits from and to, and refuses changing one's own", async () => {
    const adminHeaders = await signIn("admin@example.com");
    const actor = (await userFromHeaders(adminHeaders))!;
    expect(await setRole(actor, { userId: ids.viewer, role: "operator" }, adminHeaders)).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: ids.viewer } })).role).toBe("operator");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.role" } });
    expect(JSON.parse(audit.detail ?? "")).toMatchObject({ target: ids.viewer, from: "viewer", to: "operator" });

    expect(await setRole(actor, { userId: ids.admin, role: "viewer" }, adminHeaders)).toEqual({
      ok: false,
      message: "You cannot change your own role.",
    });
    await setRole(actor, { userId: ids.viewer, role: "viewer" }, adminHeaders);
  });

  it("is refused by better-auth too when a non-admin session reaches it", async () => {
    const operatorHeaders = await signIn("operator@example.com");
    const actor = (await userFromHeaders(operatorHeaders))!;
    const result = await setRole(actor, { userId: ids.viewer, role: "admin" }, operatorHeaders);
    expect(result.ok).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: ids.viewer } })).role).toBe("viewer");
  });

  it("a ban ends the user's sessions and blocks sign-in until unbanned", async () => {
    const adminHeaders = await signIn("admin@example.com");
    const actor = (await userFromHeaders(adminHeaders))!;
    const victim = await makeUser("banned@example.com", "viewer");
    const victimHeaders = await signIn("banned@example.com");

    expect(await setBanned(actor, { userId: victim, banned: true }, adminHeaders)).toMatchObject({ ok: true });
    expect(await userFromHeaders(victimHeaders)).toBeNull();
    const refused = await authRequest("/sign-in/email", { email: "banned@example.com", password: PASSWORD });
    expect(refused.status).toBe(403);
    expect((await refused.json()) as { message: string }).toMatchObject({
      message: "This account is disabled. Ask an admin to re-enable it.",
    });

    expect(await setBanned(actor, { userId: victim, banned: false }, adminHeaders)).toMatchObject({ ok: true });
    await signIn("banned@example.com");
    expect(await db.auditEvent.count({ where: { action: { in: ["user.ban", "user.unban"] } } })).toBe(2);
  });
});

describe("sign-in rules", () => {
  it("has no self sign-up", async () => {
    const res = await authRequest("/sign-up/email", { email: "self@example.com", password: PASSWORD, name: "Self" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await db.user.count({ where: { email: "self@example.com" } })).toBe(0);
  });

  it("refuses a cross-site sign-in (CSRF)", async () => {
    const res = await authRequest(
      "/sign-in/email",
      { email: "admin@example.com", password: PASSWORD },
      { origin: "http://evil.example" },
    );
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("rate-limits sign-in per client address, in the database", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) {
      const res = await authRequest(
        "/sign-in/email",
        { email: "admin@example.com", password: "wrong password" },
        { ip },
      );
      expect(res.status).toBe(401);
    }
    const limited = await authRequest("/sign-in/email", { email: "admin@example.com", password: PASSWORD }, { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect(await db.rateLimit.count({ where: { key: { startsWith: ip } } })).toBe(1);

    // Another address is unaffected.
    await signIn("admin@example.com");
  });
});

describe("session tokens", () => {
  // A token is a bearer credential: whoever reads another session's token can act as that session.
  const tokensIn = (body: unknown): unknown[] => JSON.stringify(body).match(/"token"\s*:/g) ?? [];

  it("never hands an admin other users' session tokens", async () => {
    await signIn("viewer@example.com");
    await signIn("operator@example.com");
    const admin = await signIn("admin@example.com");
    for (const userId of [ids.viewer, ids.operator, ids.admin]) {
      const res = await auth.handler(
        new Request(`${ORIGIN}/api/auth/admin/list-user-sessions`, {
          method: "POST",
          headers: { ...Object.fromEntries(admin), "content-type": "application/json" },
          body: JSON.stringify({ userId }),
        }),
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as { sessions: Array<Record<string, unknown>> };
      expect(body.sessions.length, userId).toBeGreaterThan(0);
      expect(body.sessions.every((s) => s.userId === userId && typeof s.id === "string")).toBe(true);
      expect(tokensIn(body), userId).toEqual([]);
    }
    const viaApi = await auth.api.listUserSessions({ headers: admin, body: { userId: ids.viewer } });
    expect(tokensIn(viaApi)).toEqual([]);

    // Refusals stay refusals.
    const operator = await signIn("operator@example.com");
    const refused = await auth.handler(
      new Request(`${ORIGIN}/api/auth/admin/list-user-sessions`, {
        method: "POST",
        headers: { ...Object.fromEntries(operator), "content-type": "application/json" },
        body: JSON.stringify({ userId: ids.viewer }),
      }),
    );
    expect(refused.status).toBe(403);
    expect(tokensIn(await refused.json())).toEqual([]);
    const anonymous = await auth.handler(new Request(`${ORIGIN}/api/auth/list-sessions`));
    expect(anonymous.status).toBe(401);
  });

  it("lists the caller's own sessions without any token: the cookie already carries the current one", async () => {
    await signIn("operator@example.com");
    const operator = await signIn("operator@example.com");
    const res = await auth.handler(new Request(`${ORIGIN}/api/auth/list-sessions`, { headers: operator }));
    expect(res.status).toBe(200);
    const sessions = (await res.json()) as Array<Record<string, unknown>>;
    expect(sessions.length).toBeGreaterThan(1);
    expect(tokensIn(sessions)).toEqual([]);
    expect(tokensIn(await auth.api.listSessions({ headers: operator }))).toEqual([]);
  });
});
