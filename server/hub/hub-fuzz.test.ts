// Property-based fuzz test of both socket namespaces (issue 8, "Proof, kept in the suite"): a real
// hub, a real database, real socket.io clients and a real agent. Generated browsers and agents
// (testing/fuzz-messages.ts, derived from UI_COMMANDS and AGENT_TO_SERVER) send well over 10,000
// messages: valid, mutated, wrongly typed, oversized, unknown, raw, replayed, out of order, naming
// other users' runs and other hosts' steps. Meanwhile a bystander's run on a real agent streams
// output to a well-behaved watcher. Expected: nothing crashes or fails inside the hub, every
// sender over its budget is disconnected, the server keeps answering, and the bystander's run
// completes with exactly its bytes.
//
// The seed is fixed; CASEBOOK_FUZZ_SEED=<n> tries another and CASEBOOK_FUZZ_SCALE=<k> sends k
// times as much. A failure names its seed and the shrunk sequence of messages.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AGENT_PROTOCOL_VERSION, type AgentHello } from "@/agent/src/protocol";
import { log } from "@/lib/log";
import { UI_COMMANDS, type UiEvent } from "@/lib/runs/protocol";
import {
  agentItem,
  bigBytes,
  isUiSignal,
  lastItem,
  resolve,
  uiItem,
  type FuzzItem,
  type SendContext,
} from "@/testing/fuzz-messages";
import { startHarness, waitFor, type UiClient } from "@/testing/hub-harness";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { AGENT_BUDGETS, SocketLimits, UI_BUDGETS, UI_IGNORED_SIGNAL_COST, type Budget } from "./socket-limits";

const SEED = Number(process.env.CASEBOOK_FUZZ_SEED ?? 8_2026);
const SCALE = Number(process.env.CASEBOOK_FUZZ_SCALE ?? 1);
const UI_WAVES = 36 * SCALE;
const AGENT_SESSIONS = 20 * SCALE;
const ROGUE_HOSTS = 6;
/** The fewest fuzz messages the hub must have taken in (charged to a budget) in one run. */
const MIN_MESSAGES = 10_000;
/** Oversized strings one socket sends at most (more only costs the client's time). */
const MAX_BIG_BYTES = 1.5 * 1024 * 1024;

const scratch = mkdtempSync(path.join(tmpdir(), "casebook-fuzz-"));
const STOP = path.join(scratch, "stop");
const fuzzPlaybook = testPlaybook("fuzz", [
  testStep("quick", "echo ok"),
  testStep("change", "echo changed", { risk: "change" }),
  testStep("danger", "echo danger", { risk: "danger" }),
]);
// Ticks every 20 ms until the fuzzing is over (at most 60 s).
const bystanderPlaybook = testPlaybook("bystander", [
  testStep(
    "ticks",
    `i=0; while [ ! -e '${STOP}' ] && [ $i -lt 3000 ]; do i=$((i+1)); echo "tick $i"; sleep 0.02; done; echo "done $i"`,
  ),
]);

const HELLO: AgentHello = {
  protocol: AGENT_PROTOCOL_VERSION,
  name: "fuzz",
  os: "linux",
  version: "0.0.0",
  hostname: "fuzz",
  policy: { maxRisk: "danger", allowTags: null, allowPlaybooks: null },
  active: [],
};

let h: Awaited<ReturnType<typeof startHarness>>;
const cookies = { viewer: "", operator: "" };
let drivers: UiClient[] = [];
const rogues: { hostId: string; token: string }[] = [];
let revokedToken = "";

/** Ids the fuzzers name: the bystander's, rogue hosts', and every run and step the fuzzing made. */
const ids = new Set<string>();
const bystander = {
  runId: "",
  stepRunId: "",
  watcher: null as unknown as UiClient,
  /** Live bytes its watcher has. */
  received: 0,
  /** Longest wait between two live chunks while the fuzzing ran. */
  maxGapMs: 0,
};

const problems: string[] = [];
const stats = { sent: 0, taken: 0, uiSessions: 0, agentSessions: 0, ownSteps: 0, disconnected: 0, healthMaxMs: 0 };
/** Each fuzz socket on the server: when the hub first and last charged it a message. */
const fuzzSockets = new WeakMap<object, { first: number; last: number }>();

function onCrash(kind: string) {
  return (err: unknown) => problems.push(`${kind}: ${err instanceof Error ? err.stack : String(err)}`);
}
const onRejection = onCrash("unhandled rejection");
const onException = onCrash("uncaught exception");

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  h = await startHarness([fuzzPlaybook, bystanderPlaybook], { agentGraceMs: 300 });
  const [agent, ownerCookie, viewer, operator] = await Promise.all([
    h.agentFor("bystander-host"),
    h.signIn("operator"),
    h.signIn("viewer"),
    h.signIn("operator"),
  ]);
  ids.add(agent.hostId);
  cookies.viewer = viewer;
  cookies.operator = operator;
  // The bystander's owner, and two more of their sockets that start the rogue agents' steps.
  const owner = h.uiClient(ownerCookie);
  drivers = [h.uiClient(ownerCookie), h.uiClient(ownerCookie)];
  await Promise.all([owner, ...drivers].map((c) => c.connected()));
  for (let i = 0; i < ROGUE_HOSTS; i++) {
    const { host, token } = await h.hosts.createHost(`rogue-${i}`);
    rogues.push({ hostId: host.id, token });
    ids.add(host.id);
  }
  const revoked = await h.hosts.createHost("revoked");
  revokedToken = revoked.token;
  await h.hosts.revokeHost(revoked.host.id);

  const run = await owner.call("run.start", { playbook: "bystander", hostId: agent.hostId, inputs: {} });
  if (!run.ok) throw new Error(run.error.message);
  bystander.runId = run.runId as string;
  bystander.watcher = owner;
  // A well-behaved terminal: acknowledges what it got, as xterm's write callback would.
  let last = Date.now();
  owner.socket.on("step.output", (c) => {
    const now = Date.now();
    if (c.stepRunId === bystander.stepRunId) {
      bystander.maxGapMs = Math.max(bystander.maxGapMs, now - last);
      bystander.received = Math.max(bystander.received, c.offset + c.data.byteLength);
    }
    last = now;
    owner.socket.emit("output.ack", { stepRunId: c.stepRunId, offset: c.offset + c.data.byteLength });
  });
  const step = await owner.call("step.run", { runId: bystander.runId, stepId: "ticks" });
  if (!step.ok) throw new Error(step.error.message);
  bystander.stepRunId = step.stepRunId as string;
  ids.add(bystander.runId).add(bystander.stepRunId);
  await waitFor(
    () => owner.output(bystander.stepRunId).length > 0,
    10_000,
    () => "the bystander never started",
  );
  last = Date.now();
}, 60_000);

afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  process.off("uncaughtException", onException);
  await h?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

// ── What the test knows when a message goes out ─────────────────────────────

function uiContext(): SendContext {
  const received = bystander.received;
  return { ids: [...ids, "", "x".repeat(101)], offsets: [0, received, received + 1] };
}

const disconnected = (socket: Socket) =>
  new Promise<string>((resolve) => {
    if (socket.disconnected) resolve("already");
    socket.once("disconnect", (reason) => resolve(reason));
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends one item; false when the client itself refused it (socket.io's reserved names). */
function send(socket: Socket, item: FuzzItem, ctx: () => SendContext, onReply: (res: unknown) => void): number {
  if ("raw" in item) {
    (socket.io.engine as unknown as { write(data: string): void }).write(item.raw);
    return 1;
  }
  let sent = 0;
  for (let i = 0; i < item.times; i++) {
    const payload = resolve(item.payload, ctx());
    try {
      if (item.ack) socket.emit(item.event, payload, onReply);
      else socket.emit(item.event, payload);
      sent++;
    } catch {
      // "is a reserved event name": the raw packets cover what the client will not send.
    }
  }
  return sent;
}

/** What a message costs a /ui socket at least (socket-limits.ts): by bucket. */
function uiCost(item: FuzzItem, ctx: SendContext): { command: number; signal: number } {
  if ("raw" in item) return { command: 0, signal: 0 };
  if (!isUiSignal(item.event)) return { command: item.times, signal: 0 };
  const valid = UI_COMMANDS[item.event as UiEvent].payload.safeParse(resolve(item.payload, ctx)).success;
  return { command: 0, signal: item.times * (valid ? 1 : 1 + UI_IGNORED_SIGNAL_COST) };
}

/**
 * Whether a socket spent more than its bucket can hold plus what refilled while the hub took the
 * messages in (from the first charge to the last, so a slow server never makes a false alarm).
 */
async function overBudget(charged: { first: number; last: number }, spent: number, budget: Budget): Promise<boolean> {
  await waitFor(() => performance.now() - charged.last > 50, 2000).catch(() => {});
  const seconds = Math.max(0, charged.last - charged.first) / 1000;
  return spent > budget.burst + budget.perSecond * seconds + 1;
}

// ── /ui ─────────────────────────────────────────────────────────────────────

const uiSession = fc.record({
  role: fc.constantFrom("viewer" as const, "operator" as const),
  items: fc.array(uiItem, { minLength: 1, maxLength: 40 }),
  flood: fc.option(fc.record({ item: uiItem, count: fc.integer({ min: 30, max: 400 }) }), { freq: 5 }),
  last: fc.option(lastItem(uiItem, "/ui"), { freq: 6 }),
});
type UiSession = typeof uiSession extends fc.Arbitrary<infer T> ? T : never;

async function runUiSession(s: UiSession): Promise<void> {
  const client = h.uiClient(cookies[s.role]);
  const socket = client.socket as unknown as Socket;
  await client.connected();
  const serverSocket = h.hub.io.of("/ui").sockets.get(socket.id!);
  const charged = { first: Infinity, last: 0 };
  if (serverSocket) fuzzSockets.set(serverSocket, charged);
  stats.uiSessions++;
  const gone = disconnected(socket);
  const internal: string[] = [];
  let waiting = 0;
  const onReply = (res: unknown) => {
    waiting--; // a signal's callback is never called
    const r = res as { ok?: boolean; error?: { code?: string }; runId?: unknown; stepRunId?: unknown };
    if (r?.ok === false && r.error?.code === "internal") internal.push(JSON.stringify(r));
    for (const id of [r?.runId, r?.stepRunId]) if (typeof id === "string") ids.add(id);
  };
  const items: FuzzItem[] = [...s.items, ...(s.flood ? Array<FuzzItem>(s.flood.count).fill(s.flood.item) : [])];
  if (s.last) items.push(s.last);
  const spent = { command: 0, signal: 0 };
  let bigSent = 0;
  for (const item of items) {
    // A flood of megabyte messages would only test the client's own sending.
    const big = bigBytes(item);
    if (big > 0 && (bigSent += big) > MAX_BIG_BYTES) continue;
    const cost = uiCost(item, uiContext());
    spent.command += cost.command;
    spent.signal += cost.signal;
    const n = send(socket, item, uiContext, onReply);
    // Signals take no acknowledgement (UI_COMMANDS: reply null); a callback sent with one is ignored.
    if (!("raw" in item) && item.ack && !isUiSignal(item.event)) waiting += n;
    stats.sent += n;
  }
  const answered = waitFor(() => waiting <= 0, 3000).then(() => "answered");
  const settled = await Promise.race([gone, answered.catch(() => "no answer")]);
  if (settled === "no answer" && socket.connected)
    problems.push(`/ui: ${waiting} commands never answered: ${fc.stringify(s.items.slice(0, 10))}`);
  if (internal.length) problems.push(`/ui: internal errors ${internal.join(", ")} for ${fc.stringify(items)}`);
  const mustGo =
    (await overBudget(charged, spent.command, UI_BUDGETS.command)) ||
    (await overBudget(charged, spent.signal, UI_BUDGETS.signal));
  if (mustGo) {
    const reason = await Promise.race([gone, sleep(2000).then(() => "still connected")]);
    if (reason === "still connected") problems.push(`/ui: over budget ${JSON.stringify(spent)} but not disconnected`);
  }
  if (socket.disconnected) stats.disconnected++;
  socket.disconnect();
}

// ── /agent ──────────────────────────────────────────────────────────────────

const agentSession = fc.record({
  auth: fc.oneof(
    { weight: 12, arbitrary: fc.constant("host" as const) },
    { weight: 1, arbitrary: fc.constantFrom("revoked" as const, "random" as const, "wrong-type" as const) },
  ),
  hello: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  startStep: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  items: fc.array(agentItem, { minLength: 20, maxLength: 400 }),
  last: fc.option(lastItem(agentItem, "/agent"), { freq: 4 }),
});
type AgentSession = typeof agentSession extends fc.Arbitrary<infer T> ? T : never;

let agentTurn = 0;

async function runAgentSession(s: AgentSession): Promise<void> {
  const rogue = rogues[agentTurn++ % rogues.length]!;
  const token = { host: rogue.token, revoked: revokedToken, random: "cb_" + "0".repeat(40), "wrong-type": 42 }[s.auth];
  const socket = h.agentSocket(token as string);
  const connected = await new Promise<boolean>((resolve) => {
    socket.once("connect", () => resolve(true));
    socket.once("connect_error", () => resolve(false));
  });
  if (s.auth !== "host") {
    if (connected) problems.push(`/agent: a ${s.auth} token was let in`);
    socket.disconnect();
    return;
  }
  if (!connected) return void socket.disconnect(); // the host's connection budget: a refusal is fine
  const serverSocket = h.hub.io.of("/agent").sockets.get(socket.id!);
  const charged = { first: Infinity, last: 0 };
  if (serverSocket) fuzzSockets.set(serverSocket, charged);
  stats.agentSessions++;
  const gone = disconnected(socket);
  let own: string | null = null;
  let next = 0; // bytes of the own step sent in order
  let acked = 0;
  socket.on("step.ack", (a: { stepRunId: string; offset: number }) => {
    if (a.stepRunId === own) acked = Math.max(acked, a.offset);
  });
  let hellos = 0;
  if (s.hello) {
    hellos++;
    const welcome = await socket.timeout(3000).emitWithAck("hello", HELLO);
    if (!welcome.ok) problems.push(`/agent: a valid hello was refused: ${welcome.reason}`);
    if (s.startStep) {
      const started = new Promise<string>((resolve) =>
        socket.once("step.start", (st: { stepRunId: string }) => resolve(st.stepRunId)),
      );
      const driver = drivers[agentTurn % drivers.length]!;
      const run = await driver.call("run.start", { playbook: "fuzz", hostId: rogue.hostId, inputs: {} });
      if (run.ok) {
        ids.add(run.runId as string);
        const step = await driver.call("step.run", { runId: run.runId, stepId: "quick" });
        if (step.ok) own = await Promise.race([started, sleep(3000).then(() => null)]);
      }
      if (own) {
        ids.add(own);
        stats.ownSteps++;
      }
    }
  }
  const ctx = (): SendContext => ({
    ids: own ? [own, own, own, ...ids] : [...ids],
    offsets: [next, acked, 0, next + 1],
  });
  let control = 0;
  let bigSent = 0;
  for (const item of s.last ? [...s.items, s.last] : s.items) {
    const big = bigBytes(item);
    if (big > 0 && (bigSent += big) > MAX_BIG_BYTES) continue;
    if (!("raw" in item)) {
      if (item.event === "hello" && item.ack) hellos += item.times;
      if (item.event !== "step.output") control += item.times;
    }
    if ("raw" in item || item.event !== "step.output") {
      stats.sent += send(socket, item, ctx, () => {});
      continue;
    }
    // Output is resolved here, once per send, so "next" follows what actually went out in order.
    for (let i = 0; i < item.times; i++) {
      const payload = resolve(item.payload, ctx()) as { stepRunId?: unknown; offset?: unknown; data?: unknown };
      if (payload?.stepRunId === own && payload.offset === next && payload.data instanceof Uint8Array)
        next += payload.data.byteLength;
      stats.sent += send(socket, { ...item, payload, times: 1 }, ctx, () => {});
    }
  }
  await Promise.race([gone, sleep(100)]);
  const mustGo = hellos > 1 || (await overBudget(charged, control, AGENT_BUDGETS.control));
  if (mustGo) {
    const reason = await Promise.race([gone, sleep(2000).then(() => "still connected")]);
    if (reason === "still connected")
      problems.push(`/agent: ${hellos} hellos, ${control} control messages, but not disconnected`);
  }
  if (socket.disconnected) stats.disconnected++;
  socket.disconnect();
}

// ── The run ─────────────────────────────────────────────────────────────────

async function healthy(): Promise<void> {
  const t0 = performance.now();
  const res = await fetch(h.url, { signal: AbortSignal.timeout(5000) });
  await res.arrayBuffer();
  stats.healthMaxMs = Math.max(stats.healthMaxMs, performance.now() - t0);
}

function checked(): void {
  if (problems.length) throw new Error(problems.splice(0).join("\n"));
}

describe("fuzzing /ui and /agent", () => {
  it("takes 10,000 generated messages without a crash, cuts off offenders, leaves other runs alone", async () => {
    const errors = vi.spyOn(log, "error");
    const warnings = vi.spyOn(log, "warn").mockImplementation(() => {});
    const charge = SocketLimits.prototype.charge;
    const counting = vi.spyOn(SocketLimits.prototype, "charge").mockImplementation(function (
      this: SocketLimits<string>,
      kind,
      event,
      cost,
    ) {
      const socket = (this as unknown as { socket: object }).socket;
      const charged = fuzzSockets.get(socket);
      if (charged) {
        charged.first = Math.min(charged.first, performance.now());
        charged.last = performance.now();
        if (cost !== UI_IGNORED_SIGNAL_COST) stats.taken++;
      }
      return charge.call(this, kind, event, cost);
    });
    const uiProperty = fc.asyncProperty(fc.array(uiSession, { minLength: 1, maxLength: 4 }), async (wave) => {
      await Promise.all(wave.map(runUiSession));
      await healthy();
      checked();
    });
    const agentProperty = fc.asyncProperty(agentSession, async (session) => {
      await runAgentSession(session);
      await healthy();
      checked();
    });
    const options = {
      seed: SEED,
      includeErrorInReport: true,
      interruptAfterTimeLimit: 60_000,
      markInterruptAsFailure: true,
    };
    try {
      await Promise.all([
        fc.assert(uiProperty, { ...options, numRuns: UI_WAVES }),
        fc.assert(agentProperty, { ...options, numRuns: AGENT_SESSIONS }),
      ]);
    } catch (err) {
      throw new Error(`fuzz failed with CASEBOOK_FUZZ_SEED=${SEED}\n${(err as Error).message}`);
    } finally {
      counting.mockRestore();
    }
    // Offenders are named in the log, one line each.
    const abuse = warnings.mock.calls.filter((c) => (c as unknown[]).includes("socket disconnected for abuse"));
    warnings.mockRestore();
    writeFileSync(STOP, "");

    expect(problems).toEqual([]);
    expect(errors.mock.calls.map((c) => JSON.stringify(c))).toEqual([]);
    errors.mockRestore();
    console.log(
      `fuzz seed ${SEED}: ${JSON.stringify({ ...stats, abuse: abuse.length, bystanderMaxGapMs: bystander.maxGapMs })}`,
    );
    expect(stats.taken).toBeGreaterThanOrEqual(MIN_MESSAGES);
    expect(abuse.length).toBeGreaterThan(stats.uiSessions / 4);

    // The bystander: never interrupted, every byte once and in order, live as stored.
    const view = await bystander.watcher.finished(bystander.stepRunId, 20_000);
    expect(view).toMatchObject({ verdict: "passed", exitCode: 0 });
    const live = bystander.watcher.output(bystander.stepRunId);
    const text = live.toString("utf8");
    const ticks = [...text.matchAll(/tick (\d+)\r\n/g)].map((m) => Number(m[1]));
    expect(ticks.length).toBeGreaterThan(100);
    expect(ticks).toEqual(ticks.map((_, i) => i + 1));
    expect(text.endsWith(`done ${ticks.length}\r\n`)).toBe(true);
    expect(view.outputBytes).toBe(live.length);
    const stored = await h.db.outputChunk.findMany({
      where: { stepRunId: bystander.stepRunId },
      orderBy: { seq: "asc" },
    });
    expect(Buffer.concat(stored.map((c) => Buffer.from(c.data))).equals(live)).toBe(true);
    expect(await h.db.stepRun.count({ where: { runId: bystander.runId } })).toBe(1);
    expect(bystander.watcher.socket.connected).toBe(true);
    expect(drivers.every((d) => d.socket.connected)).toBe(true);

    // Nobody acted on a run that is not theirs (the fuzzers are not admins).
    const steps = await h.db.stepRun.findMany({ select: { userId: true, run: { select: { userId: true } } } });
    expect(steps.filter((s) => s.userId !== s.run.userId)).toEqual([]);
    const { verifyAuditChain } = await import("@/lib/runs/audit-chain");
    expect(await verifyAuditChain()).toMatchObject({ ok: true });

    // A newcomer is answered at once.
    const fresh = h.uiClient(cookies.viewer);
    await fresh.connected();
    const t0 = Date.now();
    expect(await fresh.call("run.subscribe", { runId: bystander.runId })).toMatchObject({ ok: true });
    expect(Date.now() - t0).toBeLessThan(1000);
  }, 120_000);
});
