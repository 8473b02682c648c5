// The view the hub answers run.start with, made from what it holds, must be the view it would read
// back from the database for the same run.
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";
import { testPlaybook, testStep } from "@/testing/test-playbook";

const tempDb = createTempDatabase("casebook-run-view-");
process.env.DATABASE_URL = tempDb.url;
const { db } = await import("@/lib/db/client");
const { prismaRunStore } = await import("./run-store-prisma");
const { newRunView } = await import("./assemble-run-view");

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
