// Fault: the PostgreSQL server restarts while a step streams. Real agent, PTY, socket.io and a
// private PostgreSQL (testing/private-postgres.ts) that the test restarts; the shared one is not touched.
// Expected: no line lost or doubled, live or stored, the step passed, and the run goes on.
// one-database: PostgreSQL, a private server this test restarts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrivatePostgres, type PrivatePostgres } from "@/testing/private-postgres";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { startHarness, waitFor, type UiClient } from "@/testing/hub-harness";
import { storedOutput } from "@/testing/stored-output";

const LINES = 300;
const pb = testPlaybook("pg-fault", [
  testStep("count", `for i in $(seq 1 ${LINES}); do echo line-$i; sleep 0.01; done`),
  testStep("after", "echo still-here"),
  // Its output is committed long before it ends, so it ends while PostgreSQL is away.
  testStep("quiet-end", "echo before; sleep 1.5"),
]);
const counted = Array.from({ length: LINES }, (_, i) => `line-${i + 1}\r\n`).join("");

let pgServer: PrivatePostgres;
let h: Awaited<ReturnType<typeof startHarness>>;
let operator: UiClient;

beforeAll(async () => {
  pgServer = await startPrivatePostgres({ migrated: true });
  h = await startHarness([pb], {}, { databaseUrl: pgServer.url });
  operator = h.uiClient(await h.signIn("operator"));
  await operator.connected();
}, 60_000);

afterAll(async () => {
  await h?.stop();
  await pgServer?.stop();
});

/** Runs `count`, restarts PostgreSQL while it streams, checks everything, then runs `after`. */
async function streamThroughRestart(host: string, mode: "fast" | "immediate") {
  const { hostId } = await h.agentFor(host);
  const runId = await operator.startRun("pg-fault", hostId);
  const stepRunId = await operator.startStep(runId, "count");

  await waitFor(() => operator.output(stepRunId).toString().includes("line-40\r\n"));
  await pgServer.restart(mode);
  const restartedAt = operator
    .output(stepRunId)
    .toString()
    .match(/line-\d+/g)
    ?.at(-1);
  expect(restartedAt).not.toBe(`line-${LINES}`); // the restart fell inside the step

  const view = await operator.finished(stepRunId, 30_000);
  expect(view).toMatchObject({ verdict: "passed", exitCode: 0, outputBytes: counted.length });
  expect(operator.output(stepRunId).toString()).toBe(counted);
  expect(await storedOutput(stepRunId)).toBe(counted);
  const row = await h.db.stepRun.findUniqueOrThrow({ where: { id: stepRunId } });
  expect(row).toMatchObject({ verdict: "passed", exitCode: 0, outputBytes: counted.length });

  const after = await operator.run(runId, "after");
  expect(after.view).toMatchObject({ verdict: "passed", exitCode: 0 });
  expect(after.output.toString()).toBe("still-here\r\n");
  expect(await storedOutput(after.stepRunId)).toBe("still-here\r\n");
  expect((await h.db.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe("active");
}

describe("PostgreSQL restarted mid-step", () => {
  it("keeps every line once, live and stored, marks the step passed, and runs the next step", async () => {
    await streamThroughRestart("pg-fast", "fast");
  }, 45_000);

  it("does the same when PostgreSQL crashes (immediate shutdown) and recovers", async () => {
    await streamThroughRestart("pg-crash", "immediate");
  }, 45_000);

  it("records the end of a step that exits while PostgreSQL is down, once it is back", async () => {
    const { hostId } = await h.agentFor("pg-down-at-end");
    const runId = await operator.startRun("pg-fault", hostId);
    const stepRunId = await operator.startStep(runId, "quiet-end");
    await waitFor(async () => (await storedOutput(stepRunId)) === "before\r\n");
    await pgServer.restart("fast", 2500); // the step exits about a second into this

    const view = await operator.finished(stepRunId, 20_000);
    expect(view).toMatchObject({ verdict: "passed", exitCode: 0, outputBytes: "before\r\n".length });
    expect(await storedOutput(stepRunId)).toBe("before\r\n");
    const after = await operator.run(runId, "after");
    expect(after.view).toMatchObject({ verdict: "passed", exitCode: 0 });
  }, 45_000);
});
