// Scale-out with real server processes (testing/hub-cluster.ts): two hub nodes on one PostgreSQL
// and one Redis, an agent on node A, browsers on node B. Unlike hub-redis.test.ts, node A here is
// a process of its own, so it can die as a crashed server does: kill -9, no goodbye to anyone.
// Needs PostgreSQL and Redis on 127.0.0.1 (`.ci/run` starts them).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { waitFor, type UiClient } from "@/testing/hub-harness";
import { startCluster, type Cluster } from "@/testing/hub-cluster";
import { WatchedOutput } from "@/testing/watched-output";

const A = 0;
const B = 1;
const lines = (n: number) => Array.from({ length: n }, (_, i) => `line-${i + 1}\r\n`).join("");
const pb = testPlaybook("cluster", [
  testStep("count", "for i in $(seq 1 200); do echo line-$i; done"),
  testStep("slow", "for i in $(seq 1 400); do echo line-$i; sleep 0.01; done"),
  testStep("after", "echo after"),
]);

let cluster: Cluster;
let watcherB: UiClient;
let operatorB: UiClient;
let watchedB: WatchedOutput;

beforeAll(async () => {
  cluster = await startCluster([pb], { nodes: 2 });
  watcherB = cluster.uiClient(B, await cluster.signIn("viewer"));
  operatorB = cluster.uiClient(B, await cluster.signIn("operator"));
  watchedB = new WatchedOutput(watcherB);
  await Promise.all([watcherB.connected(), operatorB.connected()]);
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
});

/** The step's output as stored, read back as the replay and the .cast export read it. */
async function stored(stepRunId: string): Promise<string> {
  const { readOutput } = await import("@/lib/runs/read-output"); // opens the database: after the cluster
  const parts: Buffer[] = [];
  for await (const chunk of readOutput(stepRunId)) parts.push(chunk.data);
  return Buffer.concat(parts).toString();
}

/** A run started from node B on a host whose agent node A holds, watched by B's viewer. */
async function runOnA(hostId: string): Promise<string> {
  const start = await operatorB.call("run.start", { playbook: "cluster", hostId, inputs: {} });
  expect(start).toMatchObject({ ok: true });
  const runId = start.ok ? (start.runId as string) : "";
  expect(await watcherB.call("run.subscribe", { runId })).toMatchObject({ ok: true });
  return runId;
}

describe("hub nodes as separate processes", () => {
  it("streams a step run on node A, forwarded from node B, to B's watcher exactly as stored", async () => {
    const { hostId } = await cluster.agentFor("cluster-a", [cluster.nodes[A]!.url]);
    expect(await cluster.agentNode(hostId)).toBe(A);
    const runId = await runOnA(hostId);
    // The run lives where the agent is: B only forwarded the start.
    expect((await cluster.ask(A))?.counts.runs).toBe(1);
    expect((await cluster.ask(B))?.counts.runs).toBe(0);

    const { stepRunId, view, output } = await operatorB.run(runId, "count");
    expect(view).toMatchObject({ verdict: "passed", exitCode: 0 });
    expect(output.toString()).toBe(lines(200));
    await watcherB.finished(stepRunId);
    expect(watcherB.output(stepRunId).toString()).toBe(lines(200)); // gap-free, in order, nothing twice
    expect(await stored(stepRunId)).toBe(lines(200));
  });

  // Issue 13: an agent given several servers moves to the next one when its server dies, and the
  // hub there takes the run over from what is stored.
  it("carries a step through kill -9 of node A: the agent moves to B, nothing is lost or doubled", async () => {
    const [a, b] = [cluster.nodes[A]!, cluster.nodes[B]!];
    const { hostId } = await cluster.agentFor("cluster-failover", [a.url, b.url]); // A first, then B
    expect(await cluster.agentNode(hostId)).toBe(A);
    const runId = await runOnA(hostId);

    const started = await operatorB.call("step.run", { runId, stepId: "slow" });
    expect(started).toMatchObject({ ok: true });
    const stepRunId = started.ok ? (started.stepRunId as string) : "";
    await waitFor(
      () => watchedB.text(stepRunId).split("\n").length > 100,
      10_000,
      () => `B's watcher saw only: ${JSON.stringify(watchedB.text(stepRunId).slice(-200))}`,
    );
    await a.kill();

    await waitFor(
      async () => (await cluster.agentNode(hostId)) === B,
      10_000,
      () => "the agent never reconnects to node B",
    );
    const view = await watcherB.finished(stepRunId, 15_000);
    expect(view).toMatchObject({ verdict: "passed", exitCode: 0 });
    expect(await stored(stepRunId)).toBe(lines(400));
    // Chunks resent after the move may repeat what A relayed, at the same offsets: the browser's
    // assembler drops those. Anything else doubled, or missing, shows here.
    expect(watchedB.text(stepRunId)).toBe(lines(400));
    expect(watchedB.held(stepRunId)).toBe(0);

    const run = await cluster.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("active");
    const after = await operatorB.run(runId, "after");
    expect(after.view).toMatchObject({ verdict: "passed", exitCode: 0 });
    expect(after.output.toString()).toBe("after\r\n");
  });
});
