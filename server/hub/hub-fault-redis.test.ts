// Fault: Redis, which joins the hub instances, restarts (empty, as a cache-only Redis comes back
// from a crash). A private redis-server (testing/private-redis.ts), so the shared one is untouched.
// Agent on node A, browsers on node B. Expected: a step running across the restart ends truthfully on
// B and B's replay (what the page asks for when its live copy has a hole) holds every byte once;
// once both instances' adapters have resubscribed by themselves, B's watcher gets every byte of A's
// next step live, and B's operator drives A's agent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UiServerToClientEvents } from "@/lib/runs/protocol";
import { startPrivateRedis, type PrivateRedis } from "@/testing/private-redis";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { startHarness, waitFor, type UiClient } from "@/testing/hub-harness";

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line-${i + 1}\r\n`).join("");
const counter = (n: number) => `for i in $(seq 1 ${n}); do echo line-$i; sleep 0.01; done`;
const LONG = 300;
const SHORT = 50;
const pb = testPlaybook("redis-fault", [testStep("long", counter(LONG)), testStep("count", counter(SHORT))]);
const counted = lines(SHORT);

let redis: PrivateRedis;
let h: Awaited<ReturnType<typeof startHarness>>;
let nodeB: Awaited<ReturnType<Awaited<ReturnType<typeof startHarness>>["secondNode"]>>;
let operatorA: UiClient;
let watcherB: UiClient;
let operatorB: UiClient;

/** How many instances listen on the adapter's request channel, as seen from each node. */
const serverCounts = () =>
  Promise.all(
    [h.hub.io, nodeB.hub.io].map((io) =>
      io
        .of("/ui")
        .adapter.serverCount()
        .catch(() => -1),
    ),
  );

/** A step's output as `step.replay` sends it to one client: checked gap-free from 0 to `done`. */
async function replayed(client: UiClient, runId: string, stepRunId: string): Promise<string> {
  const parts: Buffer[] = [];
  let at = 0;
  let done = false;
  const take = (c: Parameters<UiServerToClientEvents["step.replay"]>[0]) => {
    if (c.stepRunId !== stepRunId) return;
    if (c.offset !== at) throw new Error(`replay gap or overlap at ${at} (chunk at ${c.offset})`);
    const data = Buffer.from(c.data);
    parts.push(data);
    at += data.length;
    done = c.done;
  };
  client.socket.on("step.replay", take);
  try {
    expect(await client.call("step.replay", { runId, stepRunId })).toMatchObject({ ok: true });
    await waitFor(() => done);
  } finally {
    client.socket.off("step.replay", take);
  }
  return Buffer.concat(parts).toString();
}

beforeAll(async () => {
  redis = await startPrivateRedis();
  h = await startHarness([pb], { redisUrl: redis.url });
  nodeB = await h.secondNode({ redisUrl: redis.url });
  operatorA = h.uiClient(await h.signIn("operator"));
  watcherB = nodeB.uiClient(await h.signIn("viewer"));
  operatorB = nodeB.uiClient(await h.signIn("operator"));
  await Promise.all([operatorA.connected(), watcherB.connected(), operatorB.connected()]);
}, 60_000);

afterAll(async () => {
  await nodeB?.close();
  await h?.stop();
  await redis?.stop();
});

describe("Redis restarted between two hub instances", () => {
  it("ends a step that ran across the restart truthfully on B, whose replay holds every byte", async () => {
    const { hostId } = await h.agentFor("redis-across");
    const runId = await operatorA.startRun("redis-fault", hostId);
    expect(await watcherB.call("run.subscribe", { runId })).toMatchObject({ ok: true });
    const stepRunId = await operatorA.startStep(runId, "long");
    await waitFor(() => watcherB.output(stepRunId).toString().includes("line-40\r\n"));
    await redis.restart();
    expect(operatorA.output(stepRunId).toString()).not.toContain(`line-${LONG}\r\n`); // it fell mid-step

    expect(await operatorA.finished(stepRunId)).toMatchObject({ verdict: "passed", exitCode: 0 });
    expect(operatorA.output(stepRunId).toString()).toBe(lines(LONG));
    // Pub/sub is at most once: what A published while Redis was away may never reach B live.
    expect(await watcherB.finished(stepRunId)).toMatchObject({ verdict: "passed", exitCode: 0 });
    expect(await replayed(watcherB, runId, stepRunId)).toBe(lines(LONG));
  }, 30_000);

  it("relays live output from A to B and forwards B's requests to A again, without a manual step", async () => {
    const { hostId } = await h.agentFor("redis-a");
    const runId = await operatorA.startRun("redis-fault", hostId);
    expect(await watcherB.call("run.subscribe", { runId })).toMatchObject({ ok: true });
    const before = await operatorA.run(runId, "count");
    expect((await watcherB.finished(before.stepRunId)).verdict).toBe("passed");
    expect(watcherB.output(before.stepRunId).toString()).toBe(counted);

    await redis.restart();
    await waitFor(
      async () => (await serverCounts()).every((n) => n === 2),
      10_000,
      () => "the instances' Redis adapters did not resubscribe within 10 s",
    );

    const after = await operatorA.run(runId, "count");
    expect(after.view).toMatchObject({ verdict: "passed", exitCode: 0 });
    expect(after.output.toString()).toBe(counted);
    expect(await watcherB.finished(after.stepRunId)).toMatchObject({ verdict: "passed", exitCode: 0 });
    expect(watcherB.output(after.stepRunId).toString()).toBe(counted);

    // B's operator drives a run on A's agent: each request travels B → Redis → A and back.
    const forwarded = await operatorB.call("run.start", { playbook: "redis-fault", hostId, inputs: {} });
    expect(forwarded).toMatchObject({ ok: true, run: { hostName: "redis-a" } });
    const runB = forwarded.ok ? (forwarded.runId as string) : "";
    expect(h.hub.runs.liveState(runB)).toBeDefined(); // the run lives on A, where the agent is
    const driven = await operatorB.run(runB, "count");
    expect(driven.view).toMatchObject({ verdict: "passed", exitCode: 0 });
    expect(driven.output.toString()).toBe(counted);
  }, 45_000);
});
