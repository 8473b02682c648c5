// Output integrity under load and failure, with real agents, PTYs, sockets and the database:
// 100 MB byte for byte (25 MB on PostgreSQL), a dropped agent connection, a killed agent (a server
// killed mid-step: hub-cluster.test.ts).
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UI_WINDOW_BYTES } from "@/lib/runs/protocol";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { startHarness, waitFor, type UiClient } from "@/testing/hub-harness";

// PostgreSQL takes output through Prisma at a fifth of SQLite's direct rate: a quarter of the bytes
// there still crosses many commits and windows, in a quarter of the suite's time.
const BIG_MB = process.env.CASEBOOK_TEST_DB === "postgres" ? 25 : 100;
const BIG = BIG_MB * 1_000_000;
const TICKS = 60;
const pb = testPlaybook("streams", [
  testStep("big", `head -c ${BIG} /dev/zero | tr '\\0' x`, { timeout: 120 }),
  // Numbered lines over ~3 s, each 1 KB, so a gap or duplicate anywhere shows.
  testStep("ticker", `for i in $(seq 1 ${TICKS}); do printf "%04d %01019d\\n" $i 0; sleep 0.05; done`),
  testStep("yes", "yes", { timeout: 60 }),
  testStep("forever", "echo begin; i=0; while :; do i=$((i+1)); echo tick-$i; sleep 0.05; done", { timeout: 600 }),
]);

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const tickerText = Array.from(
  { length: TICKS },
  (_, i) => `${String(i + 1).padStart(4, "0")} ${"0".repeat(1019)}\r\n`,
).join("");

let h: Awaited<ReturnType<typeof startHarness>>;
let operator: UiClient;

async function stored(stepRunId: string): Promise<Buffer> {
  const { readOutput } = await import("@/lib/runs/read-output");
  const parts: Buffer[] = [];
  for await (const chunk of readOutput(stepRunId)) parts.push(chunk.data);
  return Buffer.concat(parts);
}

async function newRun(hostId: string): Promise<string> {
  const res = await operator.call("run.start", { playbook: "streams", hostId, inputs: {} });
  if (!res.ok) throw new Error(res.error.message);
  return res.runId as string;
}

beforeAll(async () => {
  h = await startHarness([pb], { maxOutputBytes: 128 * 1024 * 1024, agentGraceMs: 20_000 });
  operator = h.uiClient(await h.signIn("operator"));
  await operator.connected();
}, 90_000);

afterAll(async () => {
  await h?.stop();
});

describe("output integrity", () => {
  it(`delivers ${BIG_MB} MB byte for byte, live and stored`, async () => {
    const { hostId } = await h.agentFor("bulk");
    const runId = await newRun(hostId);
    const t0 = Date.now();
    const { stepRunId, view, output } = await operator.run(runId, "big", {}, 110_000);
    const seconds = (Date.now() - t0) / 1000;
    expect(view).toMatchObject({ verdict: "passed", outputBytes: BIG, truncated: false });
    const expected = sha(Buffer.alloc(BIG, "x"));
    expect(output.length).toBe(BIG);
    expect(sha(output)).toBe(expected);
    const kept = await stored(stepRunId);
    expect(kept.length).toBe(BIG);
    expect(sha(kept)).toBe(expected);
    console.log(
      `${BIG_MB} MB through agent → hub → browser client and the database in ${seconds.toFixed(1)} s ` +
        `(${(BIG_MB / seconds).toFixed(0)} MB/s)`,
    );
  }, 120_000);

  it("loses no byte when the agent's connection drops mid-step", async () => {
    const { hostId } = await h.agentFor("flaky");
    const runId = await newRun(hostId);
    const started = await operator.call("step.run", { runId, stepId: "ticker" });
    const stepRunId = started.ok ? (started.stepRunId as string) : "";
    await waitFor(() => operator.output(stepRunId).length > 10 * 1024);
    // Server-side forced disconnect: the agent must reconnect by itself and resend what we lacked.
    const agentSockets = await h.hub.io.of("/agent").fetchSockets();
    const target = agentSockets.find((s) => (s.data as { hostId: string }).hostId === hostId);
    expect(target).toBeDefined();
    target!.disconnect(true);
    await waitFor(() => !h.hub.runs.isConnected(hostId), 2000);
    const view = await operator.finished(stepRunId, 20_000);
    expect(h.hub.runs.isConnected(hostId)).toBe(true);
    expect(view.verdict).toBe("passed");
    expect(operator.output(stepRunId).toString()).toBe(tickerText);
    expect((await stored(stepRunId)).toString()).toBe(tickerText);
  }, 30_000);

  it("keeps the output of a step whose agent was killed, and marks the step", async () => {
    const agent = await h.agentFor("doomed");
    const runId = await newRun(agent.hostId);
    const started = await operator.call("step.run", { runId, stepId: "forever" });
    const stepRunId = started.ok ? (started.stepRunId as string) : "";
    await waitFor(() => operator.output(stepRunId).toString().includes("tick-10"));
    agent.proc.kill("SIGKILL");
    await agent.exited;
    const seen = operator.output(stepRunId).toString();
    // A new agent process for the host says hello without the step: it is marked at once.
    h.spawnAgent(agent.token);
    const view = await operator.finished(stepRunId, 20_000);
    expect(view.verdict).toBe("error");
    expect(view.reason).toMatch(/agent restarted while the step ran; output up to then is kept/);
    const kept = (await stored(stepRunId)).toString();
    expect(kept.startsWith("begin\r\ntick-1\r\n")).toBe(true);
    expect(kept).toContain(seen.trimEnd());
    expect(view.outputBytes).toBe(Buffer.byteLength(kept));
  }, 30_000);

  it("pauses the agent while a watching browser lags, so `yes` cannot swamp it", async () => {
    const { hostId } = await h.agentFor("yes-host");
    const runId = await newRun(hostId);
    const started = await operator.call("step.run", { runId, stepId: "yes" });
    const stepRunId = started.ok ? (started.stepRunId as string) : "";
    operator.socket.emit("output.ack", { stepRunId, offset: 0 }); // "my terminal has consumed nothing yet"
    // `yes` never stops by itself: the output must stop growing (a second without a byte).
    let stalledAt = -1;
    for (let i = 0; i < 15 && operator.output(stepRunId).length !== stalledAt; i++) {
      stalledAt = operator.output(stepRunId).length;
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(operator.output(stepRunId).length).toBe(stalledAt);
    expect(stalledAt).toBeGreaterThan(UI_WINDOW_BYTES);
    // Bounded by the browser window plus the agent's credit window (and one chunk of slack).
    expect(stalledAt).toBeLessThan(UI_WINDOW_BYTES + h.hub.options.windowBytes + 256 * 1024);
    // Catching up lets it flow again.
    for (let i = 0; i < 20 && operator.output(stepRunId).length < stalledAt + 4 * 1024 * 1024; i++) {
      operator.socket.emit("output.ack", { stepRunId, offset: operator.output(stepRunId).length });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(operator.output(stepRunId).length).toBeGreaterThan(stalledAt + 4 * 1024 * 1024);
    await operator.call("step.cancel", { runId });
    expect((await operator.finished(stepRunId)).verdict).toBe("cancelled");
  }, 30_000);
});
