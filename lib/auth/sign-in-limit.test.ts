// Failed sign-ins are limited per account and per address, through the real better-auth HTTP
// handler on a migrated SQLite file. Its own file: auth.test.ts sets CASEBOOK_SIGN_IN_MAX to 3.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-sign-in-limit-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET = "test-secret-test-secret-test-secret-0123";
delete process.env.CASEBOOK_SIGN_IN_MAX;

const { db } = await import("@/lib/db/client");
const { auth } = await import("./auth");
const { SIGN_IN_LIMITED } = await import("./sign-in-limit-code");

const ORIGIN = "http://127.0.0.1:3000";
const PASSWORD = "correct horse battery";

function signIn(email: string, password: string, ip: string, forwardedFor?: string): Promise<Response> {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: ORIGIN,
        "x-casebook-remote-addr": ip,
        ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      },
      body: JSON.stringify({ email, password }),
    }),
  );
}

async function expectLimited(res: Response, reason: RegExp): Promise<void> {
  expect(res.status).toBe(429);
  expect(await res.json()).toEqual({ code: SIGN_IN_LIMITED, message: expect.stringMatching(reason) });
  const retry = Number(res.headers.get("x-retry-after"));
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(15 * 60);
  expect(res.headers.getSetCookie()).toEqual([]);
}

beforeAll(async () => {
  for (const name of ["alice", "bob", "carol", "dave"]) {
    await auth.api.createUser({ body: { email: `${name}@example.com`, name, password: PASSWORD, role: "viewer" } });
  }
});

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

describe("sign-in limits per account and per address", () => {
  it("6 wrong passwords for one account do not stop another user signing in from the same address", async () => {
    const office = "198.51.100.10";
    for (let i = 0; i < 5; i++) expect((await signIn("alice@example.com", "wrong password", office)).status).toBe(401);
    await expectLimited(await signIn("alice@example.com", "wrong password", office), /for this account/);
    expect((await signIn("bob@example.com", PASSWORD, office)).status).toBe(200);
    // Counted in the database, so every instance sees the same counts. The refused sixth attempt counts
    // against the account, not the address; Bob's success counts against neither.
    const rows = await db.rateLimit.findMany({ where: { key: { startsWith: "sign-in-failures:" } } });
    expect(rows.map(({ key, count }) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: "sign-in-failures:account:alice@example.com", count: 6 },
      { key: `sign-in-failures:address:${office}`, count: 5 },
    ]);
  });

  it("keeps refusing that account from new addresses, even with the right password, and ignores case", async () => {
    await expectLimited(await signIn("alice@example.com", "wrong password", "203.0.113.20"), /for this account/);
    await expectLimited(await signIn("Alice@Example.com", PASSWORD, "203.0.113.21"), /for this account/);
  });

  it("locks an address after 20 failures across accounts, whatever X-Forwarded-For it sends", async () => {
    const attacker = "198.51.100.66";
    for (let i = 0; i < 20; i++) {
      const res = await signIn(`nobody${i}@example.com`, "wrong password", attacker, `203.0.113.${i}`);
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    await expectLimited(await signIn("carol@example.com", PASSWORD, attacker, "203.0.113.99"), /from your address/);
    // Carol herself, from her own address, is unaffected.
    expect((await signIn("carol@example.com", PASSWORD, "198.51.100.67")).status).toBe(200);
  });

  it("lets no more than 5 guesses through when they arrive at once from many addresses", async () => {
    const attempts = Array.from({ length: 12 }, (_, i) => signIn("dave@example.com", "wrong password", `192.0.2.${i}`));
    const statuses = (await Promise.all(attempts)).map((res) => res.status).sort();
    expect(statuses).toEqual([...Array<number>(5).fill(401), ...Array<number>(7).fill(429)]);
  });

  it("forgets an account's failures once its owner signs in", async () => {
    const ip = "198.51.100.80";
    for (let i = 0; i < 4; i++) expect((await signIn("bob@example.com", "wrong password", ip)).status).toBe(401);
    expect((await signIn("bob@example.com", PASSWORD, ip)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await signIn("bob@example.com", "wrong password", ip)).status).toBe(401);
    await expectLimited(await signIn("bob@example.com", PASSWORD, ip), /for this account/);
  });
});
