// The views the hub makes from what it holds (the run it answers run.start with, a hand-run step
// it tells watchers has started or ended) must be the views it would read back from the database.
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";
import { testPlaybook, testStep } from "@/testing/test-playbook";

const tempDb = createTempDatabase("casebook-run-view-");
process.env.DATABASE_URL = tempDb.url;
const { db } = await import("@/lib/db/client");
const { prismaRunStore } = await import("./run-store-prisma");
const { endedStepView, newRunView, startedStepView } = await import("./assemble-run-view");

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

describe("newRunView", () => {
  it("is the stored view of a run just started", async () => {
    const playbook = testPlaybook("fresh", [testStep("first", "true"), testStep("second", "true")]);
    const user = await db.user.create({ data: { id: "u-fresh", name: "Ada", email: "ada@example.test" } });
    const host = await db.host.create({ data: { name: "web-1", tokenHash: "h", tokenPrefix: "cbk_" } });
    const inputs = { REGION: "eu-west-1", TOKEN: "••••" };
    const run = { playbookSlug: playbook.slug, contentHash: playbook.contentHash, hostId: host.id, userId: user.id };
    const created = await prismaRunStore.createRun({ ...run, inputs, live: "" }, { hostName: host.name });
    const head = { ...run, id: created.id, hostName: host.name, userName: user.name };
    const fresh = newRunView({ ...head, createdAt: created.createdAt.toISOString() }, inputs, playbook);
    expect(fresh).toEqual(await prismaRunStore.runView(created.id, playbook));
    expect(fresh).toMatchObject({ status: "active", steps: [], suggestedNext: "first", stale: false });
  });
});

describe("startedStepView and endedStepView", () => {
  it("are the stored views of a step just started and just ended", async () => {
    const step = { ...testStep("check", "uptime"), title: "Check the load" };
    const playbook = testPlaybook("started", [step, testStep("next", "true")]);
    const user = await db.user.create({ data: { id: "u-step", name: "Grace", email: "grace@example.test" } });
    const host = await db.host.create({ data: { name: "web-2", tokenHash: "h2", tokenPrefix: "cbk_" } });
    const pinned = { playbookSlug: playbook.slug, contentHash: playbook.contentHash };
    const about = { ...pinned, hostName: host.name };
    const runRow = { ...pinned, hostId: host.id, userId: user.id, inputs: {}, live: "" };
    const run = await prismaRunStore.createRun(runRow, about);
    const newStep = { runId: run.id, stepId: step.id, title: step.title, risk: step.risk, command: "uptime" };
    const row = await prismaRunStore.createStepRun({ ...newStep, shell: "default", userId: user.id }, about);
    const started = startedStepView(row, { runId: run.id, step, userName: user.name });
    expect(started).toEqual((await prismaRunStore.runView(run.id, playbook))?.steps[0]);

    const end = {
      endedAt: new Date(),
      exitCode: 0,
      signal: null,
      verdict: "passed" as const,
      reason: "exited 0, and the output matched",
      outputBytes: 1234,
      truncated: true,
      captures: [{ name: "LOAD", value: "0.42", secret: false }],
    };
    const audit = { ...about, userId: user.id, stepId: step.id, command: "uptime", exitCode: 0, verdict: end.verdict };
    await prismaRunStore.endStepRun(row.id, end, { ...audit, startedAt: row.startedAt, endedAt: end.endedAt });
    const stored = await prismaRunStore.runView(run.id, playbook);
    const ended = endedStepView(started, end, playbook, [{ stepId: step.id, verdict: end.verdict }]);
    expect(ended).toEqual(stored?.steps[0]);
    expect(ended).toMatchObject({ verdict: "passed", suggestedNext: "next" });
    expect(stored?.steps).toHaveLength(1);
  });
});
