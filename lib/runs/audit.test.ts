// The audit trail against a real migrated SQLite file: what each event keeps, whatever happens later.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-audit-");
process.env.DATABASE_URL = tempDb.url;
const { db } = await import("@/lib/db/client");
const { listAudit, recordAudit, stepEndEvent } = await import("./audit");
const { prismaRunStore } = await import("./run-store-prisma");
const { eventHash, verifyAuditChain } = await import("./audit-chain");

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

/** A run of disk-full@abc123 by `userId`, started through the store on a new host named `hostName`. */
async function startRun(userId: string, hostName: string) {
  const host = await db.host.create({ data: { name: hostName, tokenHash: `h-${hostName}`, tokenPrefix: "cbk_" } });
  const run = await prismaRunStore.createRun(
    { playbookSlug: "disk-full", contentHash: "abc123", hostId: host.id, userId, inputs: {}, live: "" },
    { hostName },
  );
  return { host, run };
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
    const { host, run } = await startRun(userId, "web-1");
    const stepRun = await prismaRunStore.createStepRun(
      {
        runId: run.id,
        stepId: "check",
        title: "Check",
        risk: "read",
        command: "df -h",
        shell: "bash",
        userId,
      },
      { hostName: host.name, playbookSlug: "disk-full", contentHash: "abc123" },
    );
    return { userId, stepRun };
  }

  it("writes step.start when the step run is created, so a step that never ends still leaves its row", async () => {
    const { userId, stepRun } = await startStep();
    const rows = await db.auditEvent.findMany({ where: { action: { startsWith: "step." } } });
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
    const rows = await db.auditEvent.findMany({ where: { stepRunId: stepRun.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.action, r.verdict])).toEqual([
      ["step.start", null],
      ["step.run", "passed"],
    ]);
  });

  it("records a step run dropped before it reached the agent", async () => {
    const { stepRun } = await startStep();
    await prismaRunStore.discardStepRun(stepRun.id);
    const rows = await db.auditEvent.findMany({ where: { stepRunId: stepRun.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["step.start", "step.discard"]);
  });
});

describe("run audit", () => {
  it("records run.start with the host, playbook and owner, and run.finish with who finished it", async () => {
    const owner = await makeUser("Ada Lovelace", "ada@example.test");
    const admin = await makeUser("Grace Hopper", "grace@example.test");
    const { run } = await startRun(owner, "web-9");
    await prismaRunStore.finishRun(run.id, admin);
    const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.action, r.userName, r.hostName, r.playbook, r.detail])).toEqual([
      ["run.start", "Ada Lovelace", "web-9", "disk-full@abc123", JSON.stringify({ runId: run.id })],
      ["run.finish", "Grace Hopper", "web-9", "disk-full@abc123", JSON.stringify({ runId: run.id })],
    ]);
  });

  it("records what the hub did or refused, with the run's host and playbook when it names a run", async () => {
    const owner = await makeUser("Ada Lovelace", "ada@example.test");
    const other = await makeUser("Olga Other", "olga@example.test");
    const { run } = await startRun(owner, "web-8");
    await prismaRunStore.auditHub("step.cancel", { userId: owner, runId: run.id, detail: { stepRunId: "s1" } });
    const refusal = { event: "step.run", code: "forbidden", message: "This run belongs to Ada." };
    await prismaRunStore.auditHub("hub.refused", { userId: other, runId: run.id, detail: refusal });
    await prismaRunStore.auditHub("hub.refused", { userId: other, detail: { event: "run.start", code: "forbidden" } });
    const rows = await db.auditEvent.findMany({ where: { action: { not: "run.start" } }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.action, r.userName, r.hostName, r.playbook, JSON.parse(r.detail ?? "null")])).toEqual([
      ["step.cancel", "Ada Lovelace", "web-8", "disk-full@abc123", { runId: run.id, stepRunId: "s1" }],
      ["hub.refused", "Olga Other", "web-8", "disk-full@abc123", { runId: run.id, ...refusal }],
      ["hub.refused", "Olga Other", null, null, { event: "run.start", code: "forbidden" }],
    ]);
  });
});

describe("hash chain", () => {
  async function writeFive(): Promise<{ id: string; seq: number; at: Date }[]> {
    const userId = await makeUser("Ada Lovelace", "ada@example.test");
    for (let i = 1; i <= 5; i++) await recordAudit({ action: "host.create", userId, hostName: `web-${i}` });
    return db.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { id: true, seq: true, at: true } });
  }

  it("links each event to the one before it, and the untouched chain verifies", async () => {
    await writeFive();
    const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 5, head: { seq: 5, hash: rows[4]?.hash } });
  });

  it("keeps one chain when many writers append at once", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit({ action: "host.rotate", hostName: `h-${i}` })));
    const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 20 });
  });

  it("names the edited row when one field is changed", async () => {
    const rows = await writeFive();
    const edited = rows[2]!;
    await db.auditEvent.update({ where: { id: edited.id }, data: { hostName: "innocent" } });
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, broken: { id: edited.id, seq: 3, at: edited.at.toISOString() } });
    expect(result.ok ? "" : result.broken.problem).toMatch(/content does not match its hash/);
  });

  it("names the next link when an edited row's hash was recomputed to match", async () => {
    const rows = await writeFive();
    const edited = await db.auditEvent.update({ where: { id: rows[1]!.id }, data: { command: "rm -rf /" } });
    await db.auditEvent.update({ where: { id: edited.id }, data: { hash: eventHash(edited) } });
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, broken: { id: rows[2]!.id, seq: 3 } });
    expect(result.ok ? "" : result.broken.problem).toMatch(/is not the hash of seq 2/);
  });

  it("names the gap where a row was deleted", async () => {
    const rows = await writeFive();
    await db.auditEvent.delete({ where: { id: rows[2]!.id } });
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, broken: { id: rows[3]!.id, seq: 4 } });
    expect(result.ok ? "" : result.broken.problem).toMatch(/seq 3 is missing/);
  });

  it("accepts events from before the chain only at its start, and reports them", async () => {
    await db.auditEvent.create({ data: { seq: 1, action: "host.create", hostName: "legacy" } });
    await recordAudit({ action: "host.create", hostName: "web-1" });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 2, unchained: 1, head: { seq: 2 } });
    const chained = await db.auditEvent.findFirstOrThrow({ where: { seq: 2 } });
    await recordAudit({ action: "host.create", hostName: "web-2" });
    await db.auditEvent.update({ where: { id: chained.id }, data: { hash: null } });
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, broken: { seq: 3 } });
  });

  it("keeps the chain and the snapshot through a later rename", async () => {
    const rows = await writeFive();
    await db.user.update({ where: { id: "u-ada@example.test" }, data: { name: "Mallory" } });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: rows.length });
    expect((await listAudit()).every((e) => e.userName === "Ada Lovelace")).toBe(true);
  });
});

describe("audit listing", () => {
  it("pages by seq and filters by user, host, action and time", async () => {
    const userId = await makeUser("Ada Lovelace", "ada@example.test");
    for (let i = 1; i <= 5; i++)
      await recordAudit({ action: i % 2 ? "host.create" : "host.revoke", hostName: `web-${i}` });
    await recordAudit({ action: "host.rotate", userId, hostName: "db-1" });
    const first = await listAudit({ take: 2 });
    expect(first.map((e) => e.hostName)).toEqual(["db-1", "web-5"]);
    const next = await listAudit({ take: 2, before: first[1]!.seq });
    expect(next.map((e) => e.hostName)).toEqual(["web-4", "web-3"]);
    expect((await listAudit({ user: "ada@" })).map((e) => e.hostName)).toEqual(["db-1"]);
    expect((await listAudit({ host: "web-2" })).map((e) => e.action)).toEqual(["host.revoke"]);
    expect((await listAudit({ action: "host.create" })).map((e) => e.hostName)).toEqual(["web-5", "web-3", "web-1"]);
    expect(await listAudit({ from: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(await listAudit({ to: new Date(Date.now() + 60_000) })).toHaveLength(6);
  });
});

describe("scripts/audit-verify.ts", () => {
  const run = promisify(execFile);
  const loaders = ["--import", "tsx", "--import", "./server/server-only-hook.mjs"];
  const ROOT = path.resolve(import.meta.dirname, "../..");
  const verify = () =>
    run(process.execPath, [...loaders, "scripts/audit-verify.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: tempDb.url },
    }).then(
      (result) => ({ code: 0, stdout: result.stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it("exits 0 on an intact chain and prints its head", async () => {
    for (let i = 1; i <= 3; i++) await recordAudit({ action: "host.create", hostName: `web-${i}` });
    const head = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const result = await verify();
    expect(result.stdout).toContain(`3 events checked, chain intact; head seq 3 hash ${head.hash}`);
    expect(result.code).toBe(0);
  });

  it("exits 1 naming the first broken link", async () => {
    for (let i = 1; i <= 3; i++) await recordAudit({ action: "host.create", hostName: `web-${i}` });
    const row = await db.auditEvent.findFirstOrThrow({ where: { seq: 2 } });
    await db.auditEvent.update({ where: { id: row.id }, data: { command: "rm -rf /" } });
    const result = await verify();
    expect(result.stdout).toContain(`broken at seq 2, event ${row.id} (${row.at.toISOString()})`);
    expect(result.stdout).toMatch(/content does not match its hash/);
    expect(result.code).toBe(1);
  });
});
