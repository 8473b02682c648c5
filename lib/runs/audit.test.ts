// The audit trail against a real migrated SQLite file: what each event keeps, whatever happens later.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-audit-");
process.env.DATABASE_URL = tempDb.url;
const { db } = await import("@/lib/db/client");
const { listAudit, recordAudit, stepEndEvent } = await import("./audit");
const { prismaRunStore } = await import("./run-store-prisma");

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

beforeEach(async () => {
  await db.auditEvent.deleteMany();
  await db.host.deleteMany();
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
    await recordAudit(stepEndEvent({ ...step, userId }));
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

describe("step audit", () => {
  async function startStep() {
    const userId = await makeUser("Ada Lovelace", "ada@example.test");
    const host = await db.host.create({ data: { name: "web-1", tokenHash: "h", tokenPrefix: "cbk_" } });
    const run = await prismaRunStore.createRun({
      playbookSlug: "disk-full",
      contentHash: "abc123",
      hostId: host.id,
      userId,
      inputs: {},
    });
    const stepRun = await prismaRunStore.createStepRun({
      runId: run.id,
      stepId: "check",
      title: "Check",
      risk: "read",
      command: "df -h",
      shell: "bash",
      userId,
    });
    return { userId, stepRun };
  }

  it("writes step.start when the step run is created, so a step that never ends still leaves its row", async () => {
    const { userId, stepRun } = await startStep();
    const rows = await db.auditEvent.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "step.start",
      stepRunId: stepRun.id,
      userId,
      userName: "Ada Lovelace",
      hostName: "web-1",
      playbook: "disk-full@abc123",
      stepId: "check",
      command: "df -h",
      startedAt: stepRun.startedAt,
      endedAt: null,
      verdict: null,
    });
  });

  it("writes the end as step.run for the same step run", async () => {
    const { userId, stepRun } = await startStep();
    const end = {
      endedAt: new Date(),
      exitCode: 0,
      signal: null,
      verdict: "passed" as const,
      reason: null,
      outputBytes: 3,
      truncated: false,
    };
    await prismaRunStore.endStepRun(stepRun.id, end, { ...step, userId, startedAt: stepRun.startedAt });
    const rows = await db.auditEvent.findMany({ where: { stepRunId: stepRun.id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => [r.action, r.verdict]).sort()).toEqual([
      ["step.run", "passed"],
      ["step.start", null],
    ]);
  });

  it("records a step run dropped before it reached the agent", async () => {
    const { stepRun } = await startStep();
    await prismaRunStore.discardStepRun(stepRun.id);
    const rows = await db.auditEvent.findMany({ where: { stepRunId: stepRun.id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => r.action).sort()).toEqual(["step.discard", "step.start"]);
  });
});
