// Scale-out: two hub instances joined by the socket.io Redis adapter. The agent is connected to
// node A, a browser to node B; B's browser sees A's live output and host status. Needs Redis
// (REDIS_URL, default redis://127.0.0.1:6379; `.ci/run` starts it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { startHarness, waitFor, type UiClient } from "@/testing/hub-harness";
import { USER_CHANGED } from "./ui-session";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const pb = testPlaybook("scale", [testStep("count", "for i in $(seq 1 20); do echo line-$i; sleep 0.02; done")]);

let h: Awaited<ReturnType<typeof startHarness>>;
let nodeB: Awaited<ReturnType<Awaited<ReturnType<typeof startHarness>>["secondNode"]>>;
let operatorA: UiClient;
let watcherB: UiClient;
let operatorB: UiClient;

beforeAll(async () => {
  h = await startHarness([pb], { redisUrl: REDIS_URL });
  nodeB = await h.secondNode({ redisUrl: REDIS_URL });
  operatorA = h.uiClient(await h.signIn("operator"));
  watcherB = nodeB.uiClient(await h.signIn("viewer"));
  operatorB = nodeB.uiClient(await h.signIn("operator"));
  await Promise.all([operatorA.connected(), watcherB.connected(), operatorB.connected()]);
}, 90_000);

afterAll(async () => {
  await nodeB?.close();
  await h?.stop();
});

describe("two server instances over Redis", () => {
  it("says nothing readable on Redis, under its own prefix, and ignores forged forwards", async () => {
    const { createClient } = await import("redis");
    const spy = createClient({ url: REDIS_URL });
    await spy.connect();
    const heard: Array<{ channel: string; message: Buffer }> = [];
    await spy.pSubscribe("*", (message, channel) => heard.push({ channel: String(channel), message }), true);
    try {
      const { hostId } = await h.agentFor("node-a-sealed");
      const start = await operatorB.call("run.start", { playbook: "scale", hostId, inputs: {} });
      const runId = start.ok ? (start.runId as string) : "";
      const { output } = await operatorB.run(runId, "count");
      expect(output.toString()).toContain("line-20");
      await waitFor(() => heard.length > 0);
      expect(heard.every(({ channel }) => channel.startsWith("casebook"))).toBe(true);
      // Other test files share this Redis under prefixes of their own, and their forged forwards are clear.
      const ours = heard.filter(({ channel }) => channel.startsWith(h.hub.options.redisKeyPrefix));
      expect(ours.length).toBeGreaterThan(0);
      const clear = ours.filter(({ message }) => /line-|node-a-sealed|scale|count/.test(message.toString("latin1")));
      expect(clear.map(({ channel }) => channel)).toEqual([]);

      // A forward published by someone without the key, naming a real operator: no instance runs it.
      const before = await h.db.stepRun.count({ where: { runId } });
      const operator = await h.db.user.findFirstOrThrow({ where: { role: "operator" } });
      const forged = { event: "step.run", user: { ...operator, role: "operator" }, req: { runId, stepId: "count" } };
      const replies: unknown[] = await nodeB.hub.io.of("/ui").serverSideEmitWithAck("hub.forward", forged);
      const { openValue, redisSeal } = await import("./redis-seal");
      const { authSecret } = await import("@/lib/auth/secret");
      expect(replies.map((r) => openValue(redisSeal(authSecret()), r))).toEqual([null]);
      expect(await h.db.stepRun.count({ where: { runId } })).toBe(before);
    } finally {
      await spy.quit();
    }
  });

  it("counts Redis in readiness while joined", async () => {
    const { readiness } = await import("@/lib/health/readiness");
    expect((await readiness()).checks.redis).toBe("ok");
  });

  it("shows a browser on node B the live output of an agent on node A", async () => {
    const statuses: string[] = [];
    watcherB.socket.on("host.status", (host) => statuses.push(`${host.name}:${host.online}`));
    const { hostId } = await h.agentFor("node-a-host");
    await waitFor(() => statuses.includes("node-a-host:true"));

    const start = await operatorA.call("run.start", { playbook: "scale", hostId, inputs: {} });
    const runId = start.ok ? (start.runId as string) : "";
    expect(await watcherB.call("run.subscribe", { runId })).toMatchObject({
      ok: true,
      run: { hostName: "node-a-host" },
    });
    const { stepRunId, output } = await operatorA.run(runId, "count");
    const seenOnB = await watcherB.finished(stepRunId);
    expect(seenOnB.verdict).toBe("passed");
    expect(watcherB.output(stepRunId).equals(output)).toBe(true);
    expect(output.toString()).toBe(Array.from({ length: 20 }, (_, i) => `line-${i + 1}\r\n`).join(""));
  });

  it("lets a browser on node B drive a run on a host whose agent is on node A", async () => {
    const { hostId } = await h.agentFor("node-a-driven");
    expect(nodeB.hub.runs.isConnected(hostId)).toBe(false);

    // A viewer's request is refused on B and never travels.
    expect(await watcherB.call("run.start", { playbook: "scale", hostId, inputs: {} })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });

    const start = await operatorB.call("run.start", { playbook: "scale", hostId, inputs: {} });
    expect(start).toMatchObject({ ok: true, run: { hostName: "node-a-driven" } });
    const runId = start.ok ? (start.runId as string) : "";
    expect(h.hub.runs.liveState(runId)).toBeDefined(); // the run lives on A, the owner of the agent
    expect(nodeB.hub.runs.liveState(runId)).toBeUndefined();

    const { view, output } = await operatorB.run(runId, "count");
    expect(view.verdict).toBe("passed");
    expect(output.toString()).toBe(Array.from({ length: 20 }, (_, i) => `line-${i + 1}\r\n`).join(""));

    expect(await operatorB.call("step.cancel", { runId })).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await operatorB.call("step.run", { runId, stepId: "nope" })).toMatchObject({
      ok: false,
      error: { code: "not-found" },
    });
    expect(await operatorB.call("run.finish", { runId })).toMatchObject({ ok: true, run: { status: "finished" } });
    expect(h.hub.runs.liveState(runId)).toBeUndefined();
    expect(await operatorB.call("step.run", { runId, stepId: "count" })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
  });

  it("relays a user's change to the other instance, which closes that user's sockets there", async () => {
    const { userFromHeaders } = await import("@/lib/auth/request-user");
    const cookie = await h.signIn("viewer");
    const viewer = nodeB.uiClient(cookie);
    await viewer.connected();
    const userId = (await userFromHeaders(new Headers({ cookie })))!.id;

    // Sending: a change made on this process goes out to the other instances.
    const heardOnB: unknown[] = [];
    const relayB = nodeB.hub.io.of("/ui") as unknown as { on(e: string, l: (id: unknown) => void): void };
    relayB.on(USER_CHANGED, (id) => heardOnB.push(id));
    const { bumpUser } = await import("@/lib/auth/user-epoch");
    bumpUser(userId);
    await waitFor(
      () => heardOnB.includes(userId),
      3000,
      () => "node B never heard of the change",
    );
    expect(viewer.socket.connected).toBe(true); // still signed in: the re-check keeps the socket

    // Receiving: node B acts on a change it only hears of from node A (made here without hooks).
    await h.db.session.deleteMany({ where: { userId } });
    h.hub.io.of("/ui").serverSideEmit(USER_CHANGED, userId);
    await waitFor(
      () => !viewer.socket.connected,
      3000,
      () => "node B kept the signed-out user's socket",
    );
  });

  it("relays a host's access list change to the other instance, which stops its watchers there", async () => {
    const { hostId } = await h.agentFor("node-a-guarded");
    const start = await operatorA.call("run.start", { playbook: "scale", hostId, inputs: {} });
    const runId = start.ok ? (start.runId as string) : "";
    const viewer = nodeB.uiClient(await h.signIn("viewer"));
    await viewer.connected();
    expect(await viewer.call("run.subscribe", { runId })).toMatchObject({ ok: true });
    const errors: string[] = [];
    viewer.socket.on("run.error", (e) => errors.push(e.error.message));

    // Sending: a change made on this process goes out to the other instances.
    const { HOST_ACCESS_CHANGED } = await import("./host-access"); // it opens the database: after the harness
    const heardOnB: unknown[] = [];
    const relayB = nodeB.hub.io.of("/ui") as unknown as { on(e: string, l: (id: unknown) => void): void };
    relayB.on(HOST_ACCESS_CHANGED, (id) => heardOnB.push(id));
    const { bumpHostAccess } = await import("@/lib/hosts/host-access-epoch");
    bumpHostAccess(hostId);
    await waitFor(
      () => heardOnB.includes(hostId),
      3000,
      () => "node B never heard of the change",
    );
    expect(errors).toEqual([]); // the list did not change: the watcher stays

    // Receiving: node B acts on a change it only hears of from node A (made here without a bump).
    await h.db.host.update({ where: { id: hostId }, data: { accessMinRole: "operator" } });
    h.hub.io.of("/ui").serverSideEmit(HOST_ACCESS_CHANGED, hostId);
    await waitFor(
      () => errors.length > 0,
      3000,
      () => "node B kept the watcher in the run",
    );
    expect(errors).toEqual(['Host "node-a-guarded" is restricted to operators and admins.']);
    const { stepRunId } = await operatorA.run(runId, "count");
    expect(viewer.output(stepRunId).length).toBe(0);
  });
});
