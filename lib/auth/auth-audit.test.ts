// Sign-in, failed sign-in and sign-out leave audit events, through the real better-auth handler on a
// real migrated SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-auth-audit-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const { db } = await import("@/lib/db/client");
const { auth } = await import("./auth");
const { serverBaseUrl } = await import("./origins");

const origin = serverBaseUrl();
const PASSWORD = "correct horse battery";

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  auth.handler(
    new Request(`${origin}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, "x-casebook-remote-addr": "198.51.100.20", ...headers },
      body: JSON.stringify(body),
    }),
  );

beforeAll(async () => {
  await auth.api.createUser({ body: { email: "ada@example.com", name: "Ada", password: PASSWORD, role: "viewer" } });
});

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

describe("authentication audit", () => {
  it("records a failed sign-in with the email and the address, and no actor", async () => {
    const res = await post("/sign-in/email", { email: "ada@example.com", password: "wrong password" });
    expect(res.status).toBe(401);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign-in-failed" } });
    expect(event).toMatchObject({ userId: null });
    expect(JSON.parse(event.detail ?? "{}")).toEqual({ email: "ada@example.com", address: "198.51.100.20" });
  });

  it("records a sign-in and a sign-out with the user and the address", async () => {
    const res = await post("/sign-in/email", { email: "ada@example.com", password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const user = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    const signIn = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign-in" } });
    expect(signIn).toMatchObject({ userId: user.id, userEmail: "ada@example.com", userName: "Ada" });
    expect(JSON.parse(signIn.detail ?? "{}")).toEqual({ email: "ada@example.com", address: "198.51.100.20" });

    expect((await post("/sign-out", {}, { cookie })).status).toBe(200);
    const signOut = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign-out" } });
    expect(signOut).toMatchObject({ userId: user.id, userEmail: "ada@example.com" });
  });
});

describe("better-auth admin endpoints called directly", () => {
  it("audits each change with the admin as actor, once, and not a refused one", async () => {
    await auth.api.createUser({ body: { email: "root@example.com", name: "Root", password: PASSWORD, role: "admin" } });
    const res = await post("/sign-in/email", { email: "root@example.com", password: PASSWORD });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const admin = await db.user.findUniqueOrThrow({ where: { email: "root@example.com" } });
    const ada = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });

    const created = await post(
      "/admin/create-user",
      { email: "new@example.com", name: "New", password: PASSWORD, role: "operator" },
      { cookie },
    );
    expect(created.status).toBe(200);
    expect((await post("/admin/set-role", { userId: ada.id, role: "operator" }, { cookie })).status).toBe(200);
    expect((await post("/admin/ban-user", { userId: ada.id }, { cookie })).status).toBe(200);
    expect((await post("/admin/unban-user", { userId: ada.id }, { cookie })).status).toBe(200);
    expect((await post("/admin/set-role", { userId: "no-such-user", role: "admin" }, { cookie })).status).not.toBe(200);

    const events = await db.auditEvent.findMany({
      where: { action: { startsWith: "user." } },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.action, e.userId])).toEqual([
      ["user.create", admin.id],
      ["user.role", admin.id],
      ["user.ban", admin.id],
      ["user.unban", admin.id],
    ]);
    expect(JSON.parse(events[0]!.detail!)).toMatchObject({ email: "new@example.com", role: "operator", via: "api" });
    expect(JSON.parse(events[1]!.detail!)).toMatchObject({ target: ada.id, to: "operator", via: "api" });
  });

  it("records impersonation with both the admin and the impersonated user", async () => {
    const res = await post("/sign-in/email", { email: "root@example.com", password: PASSWORD });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const admin = await db.user.findUniqueOrThrow({ where: { email: "root@example.com" } });
    const ada = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    const started = await post("/admin/impersonate-user", { userId: ada.id }, { cookie });
    expect(started.status).toBe(200);
    const asAda = started.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .filter((c) => !c.endsWith("="))
      .join("; ");
    expect((await post("/admin/stop-impersonating", {}, { cookie: asAda })).status).toBe(200);

    const events = await db.auditEvent.findMany({
      where: { action: { startsWith: "user.impersonate" } },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.action, e.userId, JSON.parse(e.detail!).target])).toEqual([
      ["user.impersonate", admin.id, ada.id],
      ["user.impersonate-stop", admin.id, ada.id],
    ]);
  });
});
