// Abuse of the socket namespaces (issue 8, items 1–3), with a real hub, real agent processes and
// real socket.io clients on 127.0.0.1: floods get the sender disconnected while others are still
// answered, a stranger's acknowledgements hold nothing back, and an agent's repeated hellos cost
// one write.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AGENT_PROTOCOL_VERSION } from "@/agent/src/protocol";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { startHarness, waitFor, type UiClient } from "@/testing/hub-harness";

const gates = mkdtempSync(path.join(tmpdir(), "casebook-gates-"));
const gate = (n: number) => path.join(gates, `gate${n}`);
const waitGate = (n: number) => `while [ ! -e '${gate(n)}' ]; do sleep 0.02; done`;
const PHASE = 20_000; // bytes of each of the three phases of "gated"

const pb = testPlaybook("abuse", [
  // 10 MB, far more than a browser's window plus the agent's credit, after the rogue's first ack.
  testStep("burst", "sleep 0.2; head -c 10485760 /dev/zero | tr '\\0' x"),
  testStep("quick", "echo ok"),
  // Three phases of output, each let out by the test.
  testStep(
    "gated",
    [1, 2, 3].map((n) => `${n > 1 ? waitGate(n - 1) + "; " : ""}head -c ${PHASE} /dev/zero | tr '\\0' ${n}`).join("; "),
  ),
]);

const HELLO = {
  protocol: AGENT_PROTOCOL_VERSION,
  name: "rogue",
  os: "linux",
  version: "0.0.0",
  hostname: "rogue",
  policy: { maxRisk: "read", allowTags: null, allowPlaybooks: null },
  active: [],
};

let h: Awaited<ReturnType<typeof startHarness>>;
let operator: UiClient;
let viewerCookie: string;
let hostId: string;

const disconnected = (socket: Socket) =>
  new Promise<void>((resolve) => (socket.disconnected ? resolve() : socket.once("disconnect", () => resolve())));

async function newRun(): Promise<string> {
  const res = await operator.call("run.start", { playbook: "abuse", hostId, inputs: {} });
  if (!res.ok) throw new Error(res.error.message);
  return res.runId as string;
}

beforeAll(async () => {
  h = await startHarness([pb]);
  operator = h.uiClient(await h.signIn("operator"));
  await operator.connected();
  viewerCookie = await h.signIn("viewer");
  ({ hostId } = await h.agentFor("abuse-host"));
}, 60_000);

afterAll(async () => {
  await h?.stop();
  rmSync(gates, { recursive: true, force: true });
});

describe("/ui floods", () => {
  it("disconnects a viewer flooding 3,000 run.subscribe while another client is answered promptly", async () => {
    const runId = await newRun();
    const flooder = h.uiClient(viewerCookie);
    await flooder.connected();
    const gone = disconnected(flooder.socket as unknown as Socket);
    for (let i = 0; i < 3000; i++) flooder.socket.emit("run.subscribe", { runId }, () => {});
    const t0 = Date.now();
    const res = await operator.call("run.subscribe", { runId });
    expect(res.ok).toBe(true);
    expect(Date.now() - t0).toBeLessThan(1000);
    await Promise.race([
      gone,
      new Promise((_, reject) => setTimeout(() => reject(new Error("not disconnected")), 2000)),
    ]);
    expect(flooder.socket.connected).toBe(false);
  }, 10_000);

  it("disconnects a viewer sending 5,000 refused step.run", async () => {
    const runId = await newRun();
    const flooder = h.uiClient(viewerCookie);
    await flooder.connected();
    const gone = disconnected(flooder.socket as unknown as Socket);
    const refusals: string[] = [];
    for (let i = 0; i < 5000; i++)
      flooder.socket.emit("step.run", { runId, stepId: "quick" }, (r) => {
        if (!r.ok) refusals.push(r.error.code);
      });
    await Promise.race([
      gone,
      new Promise((_, reject) => setTimeout(() => reject(new Error("not disconnected")), 2000)),
    ]);
    expect(flooder.socket.connected).toBe(false);
    expect(refusals.length).toBeLessThan(100);
    expect(new Set(refusals)).toEqual(new Set(refusals.length ? ["forbidden"] : []));
    const t0 = Date.now();
    expect((await operator.call("run.subscribe", { runId })).ok).toBe(true);
    expect(Date.now() - t0).toBeLessThan(1000);
  }, 10_000);

  it("disconnects a socket with more than 8 commands in flight, though within the rate budget", async () => {
    const runId = await newRun();
    const flooder = h.uiClient(viewerCookie);
    await flooder.connected();
    const gone = disconnected(flooder.socket as unknown as Socket);
    for (let i = 0; i < 12; i++) flooder.socket.emit("run.subscribe", { runId }, () => {});
    await Promise.race([
      gone,
      new Promise((_, reject) => setTimeout(() => reject(new Error("not disconnected")), 2000)),
    ]);
    // Eight at once are fine.
    const polite = h.uiClient(viewerCookie);
    await polite.connected();
    const answers = await Promise.all(Array.from({ length: 8 }, () => polite.call("run.subscribe", { runId })));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(polite.socket.connected).toBe(true);
  }, 10_000);
});

describe("unknown events", () => {
  it("answers an event the command table does not know with bad-request instead of leaving it hanging", async () => {
    const client = h.uiClient(viewerCookie);
    await client.connected();
    const socket = client.socket as unknown as Socket;
    expect(await socket.timeout(2000).emitWithAck("no.such.event", {})).toMatchObject({
      ok: false,
      error: { code: "bad-request", message: expect.stringContaining("no.such.event") },
    });
    expect(client.socket.connected).toBe(true);
  }, 10_000);
});

describe("acknowledgements", () => {
  it("ignores output.ack from a viewer not subscribed to the run: the step flows and ends", async () => {
    const runId = await newRun();
    const rogue = h.uiClient(viewerCookie);
    await rogue.connected();
    const started = await operator.call("step.run", { runId, stepId: "burst" });
    if (!started.ok) throw new Error(started.error.message);
    const stepRunId = started.stepRunId as string;
    rogue.socket.emit("output.ack", { stepRunId, offset: 0 });
    const timer = setInterval(() => rogue.socket.emit("output.ack", { stepRunId, offset: 0 }), 100);
    try {
      const view = await operator.finished(stepRunId, 4000);
      expect(view).toMatchObject({ verdict: "passed", outputBytes: 40 * 262144 });
    } finally {
      clearInterval(timer);
    }
  }, 10_000);

  it("takes a watcher's late acknowledgements after its step ended as normal, not as abuse", async () => {
    const runId = await newRun();
    const watcher = h.uiClient(await h.signIn("operator"));
    await watcher.connected();
    const started = await operator.call("step.run", { runId, stepId: "quick" });
    if (!started.ok) throw new Error(started.error.message);
    const stepRunId = started.stepRunId as string;
    await operator.finished(stepRunId, 4000);
    // A terminal still draining acks what it writes after the step ended: a few dozen of them.
    for (let i = 1; i <= 50; i++) watcher.socket.emit("output.ack", { stepRunId, offset: i * 100 });
    expect(await watcher.call("run.subscribe", { runId })).toMatchObject({ ok: true });
    expect(watcher.socket.connected).toBe(true);
  }, 10_000);
});

describe("a dropped watcher", () => {
  it("gets no more live output, is told to re-sync, and catches up: the recorded bytes, then live ones", async () => {
    const runId = await newRun();
    const watcher = h.uiClient(viewerCookie);
    await watcher.connected();
    expect(await watcher.call("run.subscribe", { runId })).toMatchObject({ ok: true });
    const live: { offset: number; data: Buffer }[] = [];
    const replay: { offset: number; data: Buffer; done: boolean }[] = [];
    const resyncs: unknown[] = [];
    watcher.socket.on("step.output", (c) => live.push({ offset: c.offset, data: Buffer.from(c.data) }));
    watcher.socket.on("step.replay", (c) => replay.push({ offset: c.offset, data: Buffer.from(c.data), done: c.done }));
    (watcher.socket as unknown as Socket).on("step.resync", (r: unknown) => resyncs.push(r));
    const started = await operator.call("step.run", { runId, stepId: "gated" });
    if (!started.ok) throw new Error(started.error.message);
    const stepRunId = started.stepRunId as string;
    const bytes = (list: { data: Buffer }[]) => list.reduce((n, c) => n + c.data.length, 0);
    await waitFor(
      () => bytes(live) === PHASE,
      5000,
      () => `phase 1: ${bytes(live)} bytes live`,
    );

    // Acknowledging backwards drops the watcher from flow control at once.
    watcher.socket.emit("output.ack", { stepRunId, offset: PHASE });
    watcher.socket.emit("output.ack", { stepRunId, offset: 0 });
    await waitFor(
      () => resyncs.length > 0,
      2000,
      () => "never told to re-sync",
    );
    expect(resyncs).toEqual([{ runId, stepRunId }]);
    writeFileSync(gate(1), "");
    await waitFor(
      () => operator.output(stepRunId).length === 2 * PHASE,
      5000,
      () => "phase 2 never came",
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(bytes(live)).toBe(PHASE); // phase 2 went to the others only: nothing piles up for a laggard

    // Re-subscribing replays what is recorded, then live output goes on from exactly there.
    const liveBefore = live.length;
    expect(await watcher.call("run.subscribe", { runId })).toMatchObject({ ok: true });
    await waitFor(
      () => replay.at(-1)?.done === true,
      5000,
      () => "the replay never ended",
    );
    writeFileSync(gate(2), "");
    const view = await operator.finished(stepRunId, 5000);
    expect(view).toMatchObject({ verdict: "passed", outputBytes: 3 * PHASE });
    await waitFor(
      () => replay.length > 0 && bytes(live.slice(liveBefore)) >= PHASE,
      2000,
      () => "no live phase 3",
    );
    const replayed = Buffer.concat(replay.map((c) => c.data));
    const after = live.slice(liveBefore);
    expect(replay[0]!.offset).toBe(0);
    expect(after[0]!.offset).toBe(replayed.length);
    expect(Buffer.concat([replayed, ...after.map((c) => c.data)]).equals(operator.output(stepRunId))).toBe(true);
    expect(replayed.toString()).toBe("1".repeat(PHASE) + "2".repeat(PHASE));
  }, 15_000);
});

describe("/agent hellos", () => {
  it("answers 2,000 hellos on one connection with at most a handful of Host writes, and disconnects", async () => {
    const { host, token } = await h.hosts.createHost("hello-flood");
    const { prismaHostStore } = await import("@/lib/hosts/host-store"); // after the harness set the database
    const writes = vi.spyOn(prismaHostStore, "recordHello");
    const watcher = h.uiClient(viewerCookie);
    await watcher.connected();
    let statuses = 0;
    watcher.socket.on("host.status", (s) => void (s.id === host.id && statuses++));
    const agent = h.agentSocket(token);
    try {
      await new Promise<void>((resolve, reject) => {
        agent.once("connect", () => resolve());
        agent.once("connect_error", reject);
      });
      const gone = disconnected(agent);
      const hello = HELLO;
      // The first is welcomed; the 1,999 after it on the same connection are abuse.
      const welcome = await agent.timeout(5000).emitWithAck("hello", hello);
      expect(welcome).toMatchObject({ ok: true, hostId: host.id });
      for (let i = 1; i < 2000; i++) agent.emit("hello", hello, () => {});
      await Promise.race([
        gone,
        new Promise((_, reject) => setTimeout(() => reject(new Error("not disconnected")), 2000)),
      ]);
      await new Promise((r) => setTimeout(r, 200)); // let any queued writes land
      const count = writes.mock.calls.filter(([id]) => id === host.id).length;
      expect(count).toBe(1);
      expect(statuses).toBeLessThanOrEqual(3);
    } finally {
      writes.mockRestore();
      agent.disconnect();
    }
  }, 10_000);

  it("disconnects an agent at its second hello on one connection", async () => {
    const { host, token } = await h.hosts.createHost("second-hello");
    const agent = h.agentSocket(token);
    try {
      expect(await agent.timeout(5000).emitWithAck("hello", HELLO)).toMatchObject({ ok: true, hostId: host.id });
      const gone = disconnected(agent);
      agent.emit("hello", HELLO, () => {});
      await Promise.race([
        gone,
        new Promise((_, reject) => setTimeout(() => reject(new Error("not disconnected")), 2000)),
      ]);
    } finally {
      agent.disconnect();
    }
  }, 10_000);

  it("disconnects an agent that sends output beyond the credit it was given", async () => {
    const { host, token } = await h.hosts.createHost("overrun");
    const agent = h.agentSocket(token);
    try {
      const started = new Promise<string>((resolve) => agent.once("step.start", (s) => resolve(s.stepRunId)));
      expect(await agent.timeout(5000).emitWithAck("hello", HELLO)).toMatchObject({ ok: true });
      const run = await operator.call("run.start", { playbook: "abuse", hostId: host.id, inputs: {} });
      if (!run.ok) throw new Error(run.error.message);
      expect((await operator.call("step.run", { runId: run.runId, stepId: "quick" })).ok).toBe(true);
      const stepRunId = await started;
      const gone = disconnected(agent);
      agent.emit("step.output", { stepRunId, seq: 0, offset: 0, data: Buffer.from("fine\n") });
      agent.emit("step.output", { stepRunId, seq: 1, offset: 64 * 1024 * 1024, data: Buffer.from("far ahead") });
      await Promise.race([
        gone,
        new Promise((_, reject) => setTimeout(() => reject(new Error("not disconnected")), 2000)),
      ]);
    } finally {
      agent.disconnect();
    }
  }, 10_000);

  it("refuses an agent that reconnects and says hello over and over: a handful of Host writes", async () => {
    const { host, token } = await h.hosts.createHost("reconnect-flood");
    const { prismaHostStore } = await import("@/lib/hosts/host-store");
    const writes = vi.spyOn(prismaHostStore, "recordHello");
    let refused = 0;
    try {
      for (let i = 0; i < 40; i++) {
        const agent = h.agentSocket(token);
        const ok = await new Promise<boolean>((resolve) => {
          agent.once("connect", () => resolve(true));
          agent.once("connect_error", () => resolve(false));
        });
        if (ok) await agent.timeout(5000).emitWithAck("hello", { ...HELLO, active: [] });
        else refused++;
        agent.disconnect();
      }
      expect(refused).toBeGreaterThanOrEqual(25);
      expect(writes.mock.calls.filter(([id]) => id === host.id).length).toBeLessThanOrEqual(12);
    } finally {
      writes.mockRestore();
    }
  }, 10_000);
});
