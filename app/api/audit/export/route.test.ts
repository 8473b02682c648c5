// GET /api/audit/export called as Next.js would, with real better-auth sessions on a migrated SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";
import { signedInCookie } from "@/testing/signed-in";

const tempDb = createTempDatabase("casebook-audit-api-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const { db } = await import("@/lib/db/client");
const { serverBaseUrl } = await import("@/lib/auth/origins");
const { recordAudit } = await import("@/lib/runs/audit");
const { GET } = await import("./route");

const origin = serverBaseUrl();
const cookies: Record<string, string> = {};

const signIn = (email: string, role: "admin" | "operator") =>
  signedInCookie({ email, name: email.split("@")[0]!, role }, "198.51.100.8");

beforeAll(async () => {
  cookies.admin = await signIn("a@example.com", "admin");
  cookies.operator = await signIn("o@example.com", "operator");
  await recordAudit({ action: "host.create", hostName: "web-1", command: '=HYPERLINK("http://evil.test")' });
  await recordAudit({ action: "host.revoke", hostName: "web-1", detail: 'a "quoted", comma' });
  await recordAudit({ action: "host.create", hostName: "db-1" });
});

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

const get = (query: string, who: "admin" | "operator" = "admin") =>
  GET(new Request(`${origin}/api/audit/export?${query}`, { headers: { cookie: cookies[who]!, origin } }));

describe("GET /api/audit/export", () => {
  it("gives an admin the filtered events as JSON, newest first, with their hashes", async () => {
    const res = await get("format=json&host=web-1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="audit.json"');
    const body = (await res.json()) as { seq: number; action: string; hash: string }[];
    expect(body.map((e) => e.action)).toEqual(["host.revoke", "host.create"]);
    expect(body[0]!.seq).toBeGreaterThan(body[1]!.seq);
    expect(body[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives CSV with quoting and formula cells defused", async () => {
    const res = await get("format=csv&action=host.revoke");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, row, end] = (await res.text()).split("\n");
    expect(header).toMatch(/^seq,id,at,action,userEmail,/);
    expect(row).toContain('"a ""quoted"", comma"');
    expect(end).toBe("");
    const all = await (await get("format=csv")).text();
    expect(all).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
  });

  it("refuses bad filters with a 400 naming the field, and non-admins with a 403", async () => {
    const bad = await get("format=xml");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("format");
    const badTime = await get("from=yesterday");
    expect(badTime.status).toBe(400);
    expect(JSON.stringify(await badTime.json())).toContain("yesterday");
    expect((await get("format=json", "operator")).status).toBe(403);
  });
});
