// The first-admin rules against a real, migrated SQLite file and the real better-auth instance.
import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-setup-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET = "test-secret-test-secret-test-secret-0123";

const { db } = await import("@/lib/db/client");
const { log } = await import("@/lib/log");
const { auth } = await import("./auth");
const { ensureSetupToken, hasAnyUser, isValidSetupToken } = await import("./setup-token");
const { createFirstAdmin, setupAccess, SETUP_CLAIM_ID } = await import("./first-admin");

const REMOTE = "203.0.113.7";
const admin = (n = 1) => ({ name: `Admin ${n}`, email: `admin${n}@example.com`, password: "correct horse battery" });

beforeEach(async () => {
  await db.auditEvent.deleteMany();
  await db.user.deleteMany();
  await db.verification.deleteMany();
  await db.rateLimit.deleteMany();
});

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

describe("ensureSetupToken", () => {
  it("prints the setup links and stores only a hash of the token", async () => {
    const warn = vi.spyOn(log, "warn");
    const token = await ensureSetupToken("http://127.0.0.1:3000/");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(warn).toHaveBeenCalledWith(
      "No users yet. Create the first admin at http://127.0.0.1:3000/setup (from this machine), " +
        `or elsewhere with http://127.0.0.1:3000/setup?token=${token}`,
    );
    warn.mockRestore();

    const rows = await db.verification.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.value).toBe(
      createHash("sha256")
        .update(token ?? "")
        .digest("hex"),
    );
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("does nothing once a user exists", async () => {
    await createFirstAdmin(admin(), { remoteAddr: "127.0.0.1", token: null });
    expect(await ensureSetupToken("http://127.0.0.1:3000")).toBeNull();
    expect(await db.verification.count()).toBe(0);
  });
});

describe("setupAccess", () => {
  it("allows loopback peers without a token", async () => {
    for (const addr of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect(await setupAccess({ remoteAddr: addr, token: null }), addr).toBe("loopback");
    }
  });

  it("allows a remote peer only with a valid token", async () => {
    const token = await ensureSetupToken("http://127.0.0.1:3000");
    expect(await setupAccess({ remoteAddr: REMOTE, token: null })).toBeNull();
    expect(await setupAccess({ remoteAddr: REMOTE, token: "not-the-token" })).toBeNull();
    expect(await setupAccess({ remoteAddr: null, token: null })).toBeNull();
    expect(await setupAccess({ remoteAddr: REMOTE, token })).toBe("token");
  });

  it("refuses an expired token", async () => {
    const token = await ensureSetupToken("http://127.0.0.1:3000");
    await db.verification.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await isValidSetupToken(token)).toBe(false);
  });
});

describe("createFirstAdmin", () => {
  it("creates an admin from loopback whose password is hashed and works for sign-in", async () => {
    const result = await createFirstAdmin(admin(), { remoteAddr: "127.0.0.1", token: null });
    expect(result).toMatchObject({ ok: true });

    const user = await db.user.findUniqueOrThrow({
      where: { email: "admin1@example.com" },
      include: { accounts: true },
    });
    expect(user.role).toBe("admin");
    expect(user.accounts[0]?.password).toBeTruthy();
    expect(user.accounts[0]?.password).not.toContain("correct horse");

    const signedIn = await auth.api.signInEmail({
      body: { email: "admin1@example.com", password: "correct horse battery" },
    });
    expect(signedIn.user.id).toBe(user.id);

    const audit = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(audit.map((e) => [e.action, e.userId])).toEqual([
      ["user.create", user.id],
      ["auth.sign-in", user.id],
    ]);
  });

  it("refuses a remote request without a token, and creates nobody", async () => {
    const result = await createFirstAdmin(admin(), { remoteAddr: REMOTE, token: null });
    expect(result).toMatchObject({ ok: false, reason: "not-allowed" });
    expect(await hasAnyUser()).toBe(false);
  });

  it("accepts the token from a remote address once, then the token is gone", async () => {
    const token = await ensureSetupToken("http://127.0.0.1:3000");
    expect(await createFirstAdmin(admin(1), { remoteAddr: REMOTE, token })).toMatchObject({ ok: true });
    expect(await isValidSetupToken(token)).toBe(false);
    expect(await db.verification.count()).toBe(0);

    // Even with every user gone the used token stays dead.
    await db.user.deleteMany();
    expect(await createFirstAdmin(admin(2), { remoteAddr: REMOTE, token })).toMatchObject({
      ok: false,
      reason: "not-allowed",
    });
    expect(await hasAnyUser()).toBe(false);
  });

  it("never creates a second admin, from loopback or with a token", async () => {
    const token = await ensureSetupToken("http://127.0.0.1:3000");
    expect(await createFirstAdmin(admin(1), { remoteAddr: "127.0.0.1", token: null })).toMatchObject({ ok: true });
    expect(await createFirstAdmin(admin(2), { remoteAddr: "127.0.0.1", token: null })).toMatchObject({
      ok: false,
      reason: "users-exist",
    });
    expect(await createFirstAdmin(admin(3), { remoteAddr: REMOTE, token })).toMatchObject({ ok: false });
    expect(await db.user.count()).toBe(1);
  });

  it("creates exactly one admin when submissions race", async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => createFirstAdmin(admin(n), { remoteAddr: "127.0.0.1", token: null })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(["busy", "users-exist"]).toContain(!r.ok && r.reason);
    expect(await db.user.count()).toBe(1);
    expect(await db.verification.count({ where: { id: SETUP_CLAIM_ID } })).toBe(0);
  });

  it("keeps the token when the input is refused, so the person can try again", async () => {
    const token = await ensureSetupToken("http://127.0.0.1:3000");
    const result = await createFirstAdmin({ ...admin(), password: "short" }, { remoteAddr: REMOTE, token });
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    expect(!result.ok && result.message).toMatch(/password/i);
    expect(await hasAnyUser()).toBe(false);
    expect(await isValidSetupToken(token)).toBe(true);
  });

  it("waits out a live claim but recovers from one left by a crash", async () => {
    const claim = (expiresAt: Date) =>
      db.verification.create({ data: { id: SETUP_CLAIM_ID, identifier: SETUP_CLAIM_ID, value: "claimed", expiresAt } });

    await claim(new Date(Date.now() + 60_000));
    expect(await createFirstAdmin(admin(), { remoteAddr: "127.0.0.1", token: null })).toMatchObject({
      ok: false,
      reason: "busy",
    });
    await db.verification.deleteMany();

    await claim(new Date(Date.now() - 1000));
    expect(await createFirstAdmin(admin(), { remoteAddr: "127.0.0.1", token: null })).toMatchObject({ ok: true });
  });
});
