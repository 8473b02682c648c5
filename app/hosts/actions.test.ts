// The admin's host access form, as Next would call its server action: a real better-auth session in
// the request headers, a real migrated SQLite file; only Next's request and cache APIs are stubbed.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";
import { signedInCookie } from "@/testing/signed-in";

const tempDb = createTempDatabase("casebook-host-actions-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

let cookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ cookie }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = await import("@/lib/db/client");
const { createHost, getHost } = await import("@/lib/hosts/manage-hosts");
const { setHostAccessAction } = await import("./actions");

let adminCookie = "";
let operatorCookie = "";
let hostId = "";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
};
const accessEvents = () => db.auditEvent.count({ where: { action: "host.access" } });

beforeAll(async () => {
  adminCookie = await signedInCookie({ email: "ada@example.com", name: "Ada", role: "admin" }, "198.51.100.21");
  operatorCookie = await signedInCookie({ email: "otto@example.com", name: "Otto", role: "operator" }, "198.51.100.22");
  await db.user.create({ data: { id: "u-alice", name: "alice", email: "alice@example.com", role: "operator" } });
  hostId = (await createHost("db-prod")).host.id;
});

beforeEach(() => {
  cookie = adminCookie;
});

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

describe("setHostAccessAction", () => {
  it("lets an admin restrict a host to named users and a role, and lift it again", async () => {
    const state = await setHostAccessAction(
      null,
      form({ hostId, minRole: "operator", users: "alice@example.com,\n otto@example.com" }),
    );
    expect(state).toEqual({
      ok: true,
      message: "db-prod is restricted to alice and Otto with the operator role, and admins.",
    });
    expect((await getHost(hostId))?.access).toEqual({
      minRole: "operator",
      users: [
        { id: "u-alice", name: "alice" },
        { id: expect.any(String), name: "Otto" },
      ],
    });
    expect(await accessEvents()).toBe(1);

    expect(await setHostAccessAction(null, form({ hostId, minRole: "viewer", users: "" }))).toEqual({
      ok: true,
      message: "Anyone signed in may use db-prod.",
    });
    expect((await getHost(hostId))?.access).toEqual({ minRole: "viewer", users: null });
  });

  it("answers an unknown user or a bad field with a form error, and saves nothing", async () => {
    const before = await accessEvents();
    expect(await setHostAccessAction(null, form({ hostId, minRole: "viewer", users: "nobody@example.com" }))).toEqual({
      ok: false,
      message: "No user has the email nobody@example.com.",
    });
    expect(await setHostAccessAction(null, form({ hostId, minRole: "root", users: "" }))).toMatchObject({ ok: false });
    expect(await setHostAccessAction(null, form({ hostId, minRole: "viewer", users: "not an email" }))).toEqual({
      ok: false,
      message: '"not" is not an email address.',
    });
    expect(await setHostAccessAction(null, form({ hostId: "nope", minRole: "admin", users: "" }))).toEqual({
      ok: false,
      message: "No such host.",
    });
    expect((await getHost(hostId))?.access).toEqual({ minRole: "viewer", users: null });
    expect(await accessEvents()).toBe(before);
  });

  it("refuses a non-admin before reading the form", async () => {
    cookie = operatorCookie;
    // requireUser("admin") calls forbidden(), which outside Next's server throws its own error:
    // either way the action stops there.
    await expect(setHostAccessAction(null, form({ hostId, minRole: "admin", users: "" }))).rejects.toThrow(
      /forbidden\(\)/,
    );
    expect((await getHost(hostId))?.access).toEqual({ minRole: "viewer", users: null });
    expect(await accessEvents()).toBe(2);
  });
});
