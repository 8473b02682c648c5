// Scale-out: two hub instances joined by the socket.io Redis adapter. The agent is connected to
// node A, a browser to node B; B's browser sees A's live output and host status. Needs Redis
// (REDIS_URL, default redis://127.0.0.1:6379; `.ci/run` starts it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPlaybook, testStep } from "@/lib/runs/test-playbook";
import { startHarness, waitFor, type UiClient } from "./test-harness";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const pb = testPlaybook("scale", [testStep("count", "for i in $(seq 1 20); do echo line-$i; sleep 0.02; done")]);

let h: Awaited<ReturnType<typeof startHarness>>;
let nodeB: Awaited<ReturnType<Awaited<ReturnType<typeof startHarness>>["secondNode"]>>;
let operatorA: UiClient;
let watcherB: UiClient;

beforeAll(async () => {
  h = await startHarness([pb], { redisUrl: REDIS_URL });
  nodeB = await h.secondNode({ redisUrl: REDIS_URL });
  operatorA = h.uiClient(await h.signIn("operator"));
  watcherB = nodeB.uiClient(await h.signIn("viewer"));
  await Promise.all([operatorA.connected(), watcherB.connected()]);
}, 90_000);

afterAll(async () => {
  await nodeB?.close();
  await h?.stop();
});

describe("two server instances over Redis", () => {
  it("shows a browser on node B the live output of an agent on node A", async () => {
    const statuses: string[] = [];
    watcherB.socket.on("host.status", (host) => statuses.push(`${host.name}:${host.online}`));
    const { hostId } = await h.agentFor("node-a-host");
    await waitFor(() => statuses.includes("node-a-host:true"));

    const start = await operatorA.call("run.start", { playbook: "scale", hostId, inputs: {} });
    const runId = start.ok ? (start.runId as string) : "";
    expect(await watcherB.call("run.subscribe", { runId })).toMatchObject({ ok: true, run: { hostName: "node-a-host" } });
    const { stepRunId, output } = await operatorA.run(runId, "count");
    const seenOnB = await watcherB.finished(stepRunId);
    expect(seenOnB.verdict).toBe("passed");
    expect(watcherB.output(stepRunId).equals(output)).toBe(true);
    expect(output.toString()).toBe(Array.from({ length: 20 }, (_, i) => `line-${i + 1}\r\n`).join(""));
  });
});
