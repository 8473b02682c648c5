// The audit trail against a real migrated SQLite file: what each event keeps, whatever happens later.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-audit-");
process.env.DATABASE_URL = tempDb.url;
const { db } = await import("@/lib/db/client");
const { auditStep, listAudit, recordAudit } = await import("./audit");

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

beforeEach(async () => {
  await db.auditEvent.deleteMany();
  await db.user.deleteMany();
});

async function makeUser(name: string, email: string): Promise<string> {
  const user = await db.user.create({ data: { id: `u-${email}`, name, email, role: "operator" } });
  return user.id;
}

const step = {
  hostName: "web-1",
  playbookSlug: "disk-full",
  contentHash: "abc123",
  stepId: "check",
  command: "df -h",
  exitCode: 0,
  verdict: "passed",
  startedAt: new Date("2026-12-01T10:00:00Z"),
  endedAt: new Date("2026-12-01T10:00:01Z"),
};

describe("identity snapshot", () => {
  it("keeps the actor's email and name as they were when the event was written", async () => {
    const userId = await makeUser("Ada Lovelace", "ada@example.test");
    await auditStep({ ...step, userId });
    await recordAudit({ action: "host.create", userId, hostName: "web-2" });
    await db.user.update({ where: { id: userId }, data: { name: "Mallory", email: "mallory@example.test" } });

    const entries = await listAudit();
    expect(entries).toHaveLength(2);
    for (const e of entries) expect(e).toMatchObject({ userName: "Ada Lovelace", userEmail: "ada@example.test" });
    const rows = await db.auditEvent.findMany();
    for (const r of rows) expect(r).toMatchObject({ userName: "Ada Lovelace", userEmail: "ada@example.test" });
  });

  it("still names the actor after the user is deleted", async () => {
    const userId = await makeUser("Grace Hopper", "grace@example.test");
    await recordAudit({ action: "host.revoke", userId, hostName: "web-3" });
    await db.user.delete({ where: { id: userId } });
    const [entry] = await listAudit();
    expect(entry).toMatchObject({ userName: "Grace Hopper", userEmail: "grace@example.test", hostName: "web-3" });
  });

  it("records no identity for an event without an actor", async () => {
    await recordAudit({ action: "host.create", hostName: "web-4" });
    const [entry] = await listAudit();
    expect(entry).toMatchObject({ userName: null, userEmail: null });
  });
});
