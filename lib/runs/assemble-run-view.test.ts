// The views the hub makes from what it holds (the run it answers run.start with, the step it tells
// watchers has started) must be the views it would read back from the database.
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";
import { testPlaybook, testStep } from "@/testing/test-playbook";

const tempDb = createTempDatabase("casebook-run-view-");
process.env.DATABASE_URL = tempDb.url;
const { db } = await import("@/lib/db/client");
const { prismaRunStore } = await import("./run-store-prisma");
const { newRunView, startedStepView } = await import("./assemble-run-view");

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

describe("startedStepView", () => {
  it("is the stored view of a step just started", async () => {
    const step = { ...testStep("check", "uptime"), title: "Check the load", risk: "read" as const };
    const playbook = testPlaybook("started", [step]);
    const user = await db.user.create({ data: { id: "u-step", name: "Grace", email: "grace@example.test" } });
    const host = await db.host.create({ data: { name: "web-2", tokenHash: "h2", tokenPrefix: "cbk_" } });
    const about = { playbookSlug: playbook.slug, contentHash: playbook.contentHash, hostName: host.name };
    const run = await prismaRunStore.createRun(
      {
        playbookSlug: playbook.slug,
        contentHash: playbook.contentHash,
        hostId: host.id,
        userId: user.id,
        inputs: {},
        live: "",
      },
      about,
    );
    const newStep = { runId: run.id, stepId: step.id, title: step.title, risk: step.risk, command: "uptime" };
    const row = await prismaRunStore.createStepRun({ ...newStep, shell: "default", userId: user.id }, about);
    const stored = await prismaRunStore.runView(run.id, playbook);
    expect(startedStepView(row, { runId: run.id, step, userName: user.name })).toEqual(stored?.steps[0]);
    expect(stored?.steps).toHaveLength(1);
  });
});
