// Fault: another connection holds SQLite's write lock (a long transaction, a backup, an admin's
// sqlite3 shell) for longer than the busy timeout of the app's connections (better-sqlite3's 5 s)
// while a step streams. Real agent, PTY, socket.io and SQLite file. Expected: every byte stored
// exactly once, in order, once the lock is gone, and the step's verdict is the command's.
// one-database: SQLite, whose file lock this test holds.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { startHarness, waitFor, type UiClient } from "@/testing/hub-harness";
import { storedOutput } from "@/testing/stored-output";

const LOCK_MS = 5500;
const LINES = 300;
const pb = testPlaybook("sqlite-lock", [
  // ~7 s: the lock is taken early and released while the step still runs.
  testStep("count", `for i in $(seq 1 ${LINES}); do echo line-$i; sleep 0.02; done`),
  testStep("after", "echo still-here"),
  // Its output is committed long before it ends, so it ends while the lock is held.
  testStep("quiet-end", "echo before; sleep 1"),
]);
const counted = Array.from({ length: LINES }, (_, i) => `line-${i + 1}\r\n`).join("");

let h: Awaited<ReturnType<typeof startHarness>>;
let operator: UiClient;

/** Takes the database's write lock on a connection of its own; resolves once it let go after `ms`. */
function holdWriteLock(ms: number): Promise<void> {
  const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
  const conn = new Database(file, { fileMustExist: true, timeout: 0 });
  conn.exec("BEGIN IMMEDIATE");
  return new Promise((resolve) =>
    setTimeout(() => {
      conn.exec("ROLLBACK");
      conn.close();
      resolve();
    }, ms),
  );
}

beforeAll(async () => {
  h = await startHarness([pb]);
  operator = h.uiClient(await h.signIn("operator"));
  await operator.connected();
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

describe("SQLite write lock held by another connection", () => {
  it("stores every byte once after the lock is released, and the step passes", async () => {
    const { hostId } = await h.agentFor("sqlite-lock-host");
    const runId = await operator.startRun("sqlite-lock", hostId);
    const stepRunId = await operator.startStep(runId, "count");

    await waitFor(() => operator.output(stepRunId).toString().includes("line-20\r\n"));
    const locked = holdWriteLock(LOCK_MS);
    const storedAtLock = (await storedOutput(stepRunId)).length; // readers are not blocked (WAL)
    await locked;
    expect(operator.output(stepRunId).toString()).not.toContain(`line-${LINES}\r\n`); // released mid-step
    expect(storedAtLock).toBeGreaterThan(0);

    const view = await operator.finished(stepRunId, 30_000);
    expect(view).toMatchObject({ verdict: "passed", exitCode: 0, outputBytes: counted.length });
    expect(operator.output(stepRunId).toString()).toBe(counted);
    expect(await storedOutput(stepRunId)).toBe(counted);
    const rows = await h.db.outputChunk.findMany({
      where: { stepRunId },
      select: { seq: true },
      orderBy: { seq: "asc" },
    });
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i)); // each row once, none skipped

    const after = await operator.run(runId, "after");
    expect(after.view).toMatchObject({ verdict: "passed", exitCode: 0 });
    expect(await storedOutput(after.stepRunId)).toBe("still-here\r\n");
  }, 45_000);

  it("records the end of a step that exits while the lock is held, once it is released", async () => {
    const { hostId } = await h.agentFor("sqlite-lock-end");
    const runId = await operator.startRun("sqlite-lock", hostId);
    const stepRunId = await operator.startStep(runId, "quiet-end");
    await waitFor(async () => (await storedOutput(stepRunId)) === "before\r\n");
    await holdWriteLock(LOCK_MS); // the step exits about a second into this

    const view = await operator.finished(stepRunId, 20_000);
    expect(view).toMatchObject({ verdict: "passed", exitCode: 0, outputBytes: "before\r\n".length });
    expect(await storedOutput(stepRunId)).toBe("before\r\n");
    const after = await operator.run(runId, "after");
    expect(after.view).toMatchObject({ verdict: "passed", exitCode: 0 });
  }, 45_000);
});
