// Setting a host's access list against a real migrated SQLite file.
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-host-access-");
process.env.DATABASE_URL = tempDb.url;
const { db } = await import("@/lib/db/client");
const { createHost, getHost } = await import("./manage-hosts");
const { setHostAccess } = await import("./set-host-access");
const { onHostAccessChange } = await import("./host-access-epoch");

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

const user = (name: string, role = "operator") =>
  db.user.create({ data: { id: `u-${name}`, name, email: `${name}@example.com`, role } });

const [admin, alice, bob] = await Promise.all([user("zed", "admin"), user("alice"), user("bob", "viewer")]);
const accessEvents = () => db.auditEvent.findMany({ where: { action: "host.access" }, orderBy: { seq: "asc" } });

describe("setHostAccess", () => {
  it("restricts a host to named users and a role, audits before and after, and tells the hub", async () => {
    const { host } = await createHost("db-prod");
    expect(host.access).toEqual({ minRole: "viewer", users: null });
    const heard: string[] = [];
    const stop = onHostAccessChange((hostId) => heard.push(hostId));

    const set = await setHostAccess({
      hostId: host.id,
      minRole: "operator",
      emails: [" Bob@Example.com", "alice@example.com", "bob@example.com"],
      byUserId: admin.id,
    });
    stop();
    expect(set.changed).toBe(true);
    const access = { minRole: "operator", users: [alice, bob].map(({ id, name }) => ({ id, name })) };
    expect(set.host.access).toEqual(access);
    expect((await getHost(host.id))?.access).toEqual(access);
    expect(heard).toEqual([host.id]);
    const [event] = await accessEvents();
    expect(event).toMatchObject({ hostName: "db-prod", userEmail: "zed@example.com" });
    expect(JSON.parse(event!.detail!)).toEqual({
      before: { minRole: "viewer", users: null },
      after: { minRole: "operator", users: ["alice@example.com", "bob@example.com"] },
    });

    // The same list again changes nothing and audits nothing.
    const again = await setHostAccess({
      hostId: host.id,
      minRole: "operator",
      emails: ["alice@example.com", "bob@example.com"],
      byUserId: admin.id,
    });
    expect(again.changed).toBe(false);
    expect(await accessEvents()).toHaveLength(1);
  });

  it("refuses an unknown email or host and saves nothing", async () => {
    const { host } = await createHost("db-stage");
    const before = await accessEvents();
    await expect(
      setHostAccess({
        hostId: host.id,
        minRole: "viewer",
        emails: ["alice@example.com", "nobody@x.test"],
        byUserId: admin.id,
      }),
    ).rejects.toThrow("No user has the email nobody@x.test.");
    await expect(
      setHostAccess({ hostId: "no-such-host", minRole: "admin", emails: null, byUserId: admin.id }),
    ).rejects.toThrow("No such host.");
    expect((await getHost(host.id))?.access).toEqual({ minRole: "viewer", users: null });
    expect(await db.hostAccessUser.count({ where: { hostId: host.id } })).toBe(0);
    expect(await accessEvents()).toEqual(before);
  });

  it("stays closed to all but admins once every listed user is deleted, and opens again when lifted", async () => {
    const { host } = await createHost("db-old");
    const carol = await user("carol");
    await setHostAccess({ hostId: host.id, minRole: "viewer", emails: [carol.email], byUserId: admin.id });
    await db.user.delete({ where: { id: carol.id } });
    expect((await getHost(host.id))?.access).toEqual({ minRole: "viewer", users: [] });

    await setHostAccess({ hostId: host.id, minRole: "viewer", emails: null, byUserId: admin.id });
    expect((await getHost(host.id))?.access).toEqual({ minRole: "viewer", users: null });
  });
});
