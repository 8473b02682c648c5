// one-database: SQLite, whose file testing/db-snapshot.ts reads synchronously to check each try's effects
// (the same handlers run on PostgreSQL in the route and hub tests).
// The authorisation matrix for socket events (issue 8, "Proof, kept in the suite"): every /ui event
// in the command table (UI_COMMANDS, UI_HANDLERS) and every /agent event in the agent protocol
// (AgentToServerEvents), tried as each principal (testing/authorisation.ts) over real socket.io
// against a real hub and a real database. The tables below say who may send what; an event without
// a line fails. A try is judged by its answer and by its effects: what it changed in the database,
// what reached the host's agent (played by the test over the real protocol, so it can tell) and
// what output reached the sender. A refused try changes nothing (the hub's own refusal audit
// aside), starts or cancels nothing on the agent, and delivers nothing.
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENT_NAMESPACE } from "@/agent/src/protocol";
import { RUN_ACTIONS } from "@/lib/auth/permissions";
import { UI_COMMANDS, UI_NAMESPACE, type UiEvent } from "@/lib/runs/protocol";
import { expectedVerdict, judgeTry, PRINCIPALS, tableGaps, type Rule, type Verdict } from "@/testing/authorisation";
import { changes, snapshotter, type Snapshot, type Snapshotter } from "@/testing/db-snapshot";
import { agentEventNames } from "@/testing/entry-points";
import { startHarness, waitFor, type UiClient } from "@/testing/hub-harness";
import { createPrincipals, credentialHeaders, type Credentials, type Principals } from "@/testing/principals";
import { scriptedAgent, SCRIPTED_HELLO, type Autorun, type ScriptedAgent } from "@/testing/scripted-agent";
import { newSessionCookie } from "@/testing/signed-in";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { UI_HANDLERS } from "./ui-commands";
import { runRoom } from "./ui-socket";

const LIVE = "matrix-live-output";
const RECORDED = "matrix-recorded-output";
const book = testPlaybook("matrix", [
  testStep("quick", `echo ${RECORDED}`),
  testStep("hold", `echo ${LIVE}; sleep 30`),
]);
/** What the /ui tries' host does with each step: "hold" keeps running until it is cancelled. */
const plan: Autorun = ({ stepId }) =>
  stepId === "hold" ? { output: `${LIVE}\n`, exit: null } : { output: `${RECORDED}\n`, exit: 0 };
const allReads = testPlaybook("matrix-all", [testStep("only", `echo ${RECORDED}`)]);

/** How long a refused try is given to show an effect it must not have. */
const SETTLE_MS = 100;
/** How long the session store takes to say a cookie names no session any more. */
const SLOW_SESSION_MS = 150;

let h: Awaited<ReturnType<typeof startHarness>>;
let who: Principals;
let db$: Snapshotter;
let hostId: string;
/** The /ui tries' host's agent. */
let hostAgent: ScriptedAgent;
/** The operator whose runs the run-scoped events act on. */
let ownerCookie: string;
let unique = 0;
const next = (prefix: string) => `${prefix}-${++unique}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ── Sockets ─────────────────────────────────────────────────────────────────

/** Every event a socket receives, from the moment of reset(). */
class Seen {
  readonly events: { event: string; payload: unknown }[] = [];
  constructor(socket: Socket) {
    socket.onAny((event: string, payload: unknown) => this.events.push({ event, payload }));
  }
  reset() {
    this.events.length = 0;
  }
  /** The output bytes (live and replayed) of a run, as text. */
  output(runId: string): string {
    return this.events
      .filter((e) => e.event === "step.output" || e.event === "step.replay")
      .map((e) => e.payload as { runId: string; data: Buffer })
      .filter((chunk) => chunk.runId === runId)
      .map((chunk) => Buffer.from(chunk.data).toString())
      .join("");
  }
  /** What a refused try may be told: that it is refused (or signed out), or that an agent came or went. */
  unexpected(): string[] {
    const told = (e: { event: string; payload: unknown }) =>
      e.event === "host.status" ||
      (e.event === "run.error" && ["unauthorized", "forbidden"].includes((e.payload as RunError).error.code));
    return this.events.filter((e) => !told(e)).map((e) => `${e.event} ${JSON.stringify(e.payload).slice(0, 120)}`);
  }
}

type RunError = { runId: string | null; error: { code: string; message: string } };

function socketTo(namespace: string, credentials: Credentials, auth: Record<string, unknown> = {}): Socket {
  return connect(`${h.url}${namespace}`, {
    transports: ["websocket"],
    extraHeaders: credentialHeaders(credentials),
    auth: credentials.agentToken ? { token: credentials.agentToken, ...auth } : auth,
    reconnection: false,
    forceNew: true,
  });
}

/** Whether the hub let the socket in. */
function admitted(socket: Socket): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.connected) return resolve(true);
    socket.once("connect", () => resolve(true));
    socket.once("connect_error", () => resolve(false));
  });
}

type Reply = { ok: true; [key: string]: unknown } | { ok: false; error: { code: string; message: string } };

/** A command's answer; a socket the hub closes first is answered "disconnected". */
function command(socket: Socket, event: string, payload: unknown): Promise<Reply | "disconnected"> {
  return new Promise((resolve) => {
    const gone = () => resolve("disconnected");
    socket.once("disconnect", gone);
    socket
      .timeout(10_000)
      .emitWithAck(event, payload)
      .then(
        (reply: Reply) => resolve(reply),
        () => resolve("disconnected"),
      )
      .finally(() => socket.off("disconnect", gone));
  });
}

/** Joins a run's room as a terminal does, and waits out the replay of its running step. */
async function watch(socket: Socket, runId: string): Promise<void> {
  const replayed = new Promise<void>((resolve) => {
    const done = (chunk: { runId: string; done: boolean }) => {
      if (chunk.runId !== runId || !chunk.done) return;
      socket.off("step.replay", done);
      resolve();
    };
    socket.on("step.replay", done);
  });
  const reply = await command(socket, "run.subscribe", { runId });
  if (reply === "disconnected" || !reply.ok) throw new Error(`could not watch ${runId}: ${JSON.stringify(reply)}`);
  if ((reply.run as { activeStepRunId: string | null }).activeStepRunId) await replayed;
}

// ── The /ui table ───────────────────────────────────────────────────────────

/** The state a try acts on, set up by the run's owner. */
type SceneKind = "host" | "idle" | "idle-all" | "running" | "finished";

interface Scene {
  hostId: string;
  runId: string;
  stepRunId: string;
}

interface TryContext {
  scene: Scene;
  seen: Seen;
  socket: Socket;
  /** The tables changed since the try began. */
  tables(): Set<string>;
  /** Whether the host's agent was sent this since the try began. */
  agentGot(event: "step.start" | "step.cancel"): boolean;
}

/** A run-scoped event: only the run's owner (an operator) or an admin may send it. */
type UiRule = Rule | "run-owner";

interface UiEntry {
  who: UiRule;
  scene: SceneKind;
  /** Sent in order (a signal's effect can take two). */
  payloads: (scene: Scene) => unknown[];
  /** The sender watches the run first (joins its room), as a terminal would. */
  watches?: boolean;
  /** An allowed try changes the scene (a fresh one per try). */
  consumes?: boolean;
  /** Tables an allowed try changes (at least); none: it changes nothing, even when allowed. */
  writes?: string[];
  /** What an allowed try brings about, beyond its table writes. */
  effect?: (t: TryContext) => boolean;
}

const UI_EXAMPLE = '{ who: "<viewer|operator|admin|run-owner>", scene: "…", payloads: (s) => [{ … }], writes: ["…"] }';
const ref = (s: Scene) => [{ runId: s.runId }];

/** Who may send each /ui event. */
const UI: Record<string, UiEntry> = {
  "run.start": {
    who: "operator",
    scene: "host",
    payloads: (s) => [{ playbook: "matrix", hostId: s.hostId, inputs: {} }],
    writes: ["Run"],
  },
  "run.subscribe": {
    who: "viewer",
    scene: "running",
    payloads: ref,
    effect: (t) => t.seen.output(t.scene.runId).includes(LIVE),
  },
  "run.unsubscribe": {
    who: "viewer",
    scene: "running",
    watches: true,
    payloads: ref,
    effect: (t) => !serverSocket(t.socket)?.rooms.has(runRoom(t.scene.runId)),
  },
  "step.run": {
    who: "run-owner",
    scene: "idle",
    consumes: true,
    payloads: (s) => [{ runId: s.runId, stepId: "quick" }],
    writes: ["StepRun"],
    effect: (t) => t.agentGot("step.start"),
  },
  "step.cancel": {
    who: "run-owner",
    scene: "running",
    consumes: true,
    payloads: ref,
    writes: ["StepRun"],
    effect: (t) => t.agentGot("step.cancel"),
  },
  "run.runAllRead": {
    who: "run-owner",
    scene: "idle-all",
    consumes: true,
    payloads: ref,
    writes: ["StepRun"],
    effect: (t) => t.agentGot("step.start"),
  },
  "run.finish": { who: "run-owner", scene: "idle", consumes: true, payloads: ref, writes: ["Run"] },
  "step.replay": {
    who: "viewer",
    scene: "finished",
    payloads: (s) => [{ runId: s.runId, stepRunId: s.stepRunId }],
    effect: (t) => t.seen.output(t.scene.runId).includes(RECORDED),
  },
  // Counted only from a watcher of the run: its second, backwards acknowledgement drops it from
  // flow control, and the hub tells it so.
  "output.ack": {
    who: "viewer",
    scene: "running",
    watches: true,
    payloads: (s) => [
      { stepRunId: s.stepRunId, offset: 2 },
      { stepRunId: s.stepRunId, offset: 1 },
    ],
    // Acknowledging backwards drops the watcher from the step's live output: it is told to re-sync.
    effect: (t) => t.seen.events.some((e) => e.event === "step.resync"),
  },
};

/** Besides the principals: the operator who started the run. `operator` is another operator. */
const UI_PRINCIPALS = [...PRINCIPALS, "owner"] as const;
type UiPrincipal = (typeof UI_PRINCIPALS)[number];

function uiVerdict(rule: UiRule, principal: UiPrincipal): Verdict {
  if (rule === "run-owner") {
    if (principal === "owner" || principal === "admin") return "allowed";
    return expectedVerdict("operator", principal === "operator" ? "viewer" : principal);
  }
  return expectedVerdict(rule, principal === "owner" ? "operator" : principal);
}

function serverSocket(socket: Socket) {
  return h.hub.io.of(UI_NAMESPACE).sockets.get(socket.id ?? "");
}

/** A stage: the owner's own socket, which starts the runs the tries act on and sees their output. */
async function stageClient(): Promise<UiClient> {
  const client = h.uiClient(ownerCookie);
  await client.connected();
  return client;
}

async function stage(owner: UiClient, kind: SceneKind): Promise<Scene> {
  const scene = { hostId, runId: "", stepRunId: "" };
  if (kind === "host") return scene;
  const started = await owner.call("run.start", {
    playbook: kind === "idle-all" ? "matrix-all" : "matrix",
    hostId,
    inputs: {},
  });
  if (!started.ok) throw new Error(`run.start: ${started.error.message}`);
  scene.runId = started.runId as string;
  if (kind === "idle" || kind === "idle-all") return scene;
  const step = await owner.call("step.run", { runId: scene.runId, stepId: kind === "running" ? "hold" : "quick" });
  if (!step.ok) throw new Error(`step.run: ${step.error.message}`);
  scene.stepRunId = step.stepRunId as string;
  if (kind === "finished") await owner.finished(scene.stepRunId);
  else await waitFor(() => owner.output(scene.stepRunId).toString().includes(LIVE));
  // Stored too (the recorder writes shortly after), so no write of the owner's lands during a try.
  const stored = async () =>
    ((await h.db.stepRun.findUnique({ where: { id: scene.stepRunId } }))?.outputBytes ?? 0) > LIVE.length;
  await waitFor(stored);
  return scene;
}

/** Ends the scene's running step, if it still runs. */
async function clear(owner: UiClient, scene: Scene): Promise<void> {
  const run = scene.runId ? await h.hub.runs.view(scene.runId) : null;
  if (!run?.activeStepRunId) return;
  await owner.call("step.cancel", { runId: scene.runId });
  await owner.finished(run.activeStepRunId);
}

/** An admin who opened a socket (and watched, if the entry watches), then was banned. */
async function bannedSocket(entry: UiEntry, scene: Scene): Promise<Socket> {
  const id = next("banned-admin");
  await h.db.user.create({ data: { id, email: `${id}@example.com`, name: "Banned Admin", role: "admin" } });
  const socket = socketTo(UI_NAMESPACE, { cookie: await newSessionCookie(id) });
  if (!(await admitted(socket))) throw new Error("the admin-to-be-banned was not let in");
  if (entry.watches) await watch(socket, scene.runId);
  const { setBanned } = await import("@/lib/auth/user-admin");
  const ban = await setBanned(who.users.admin, { userId: id, banned: true }, new Headers({ cookie: adminCookie() }));
  if (!ban.ok) throw new Error(ban.message);
  return socket;
}

const adminCookie = () => who.credentials.admin.cookie!;

const hubRefusals = () => h.db.auditEvent.count({ where: { action: "hub.refused" } });

/** The principal's socket, let in or not, and the scene its try acts on (staged only if let in). */
async function openAs(principal: UiPrincipal, entry: UiEntry, owner: UiClient, shared: Scene | null) {
  let scene = shared;
  let socket: Socket;
  if (principal === "banned") {
    scene ??= await stage(owner, entry.scene);
    socket = await bannedSocket(entry, scene);
  } else {
    socket = socketTo(UI_NAMESPACE, principal === "owner" ? { cookie: ownerCookie } : who.credentials[principal]);
  }
  const isIn = await admitted(socket);
  // The others never get to send anything, so they need no scene.
  scene ??= isIn ? await stage(owner, entry.scene) : { hostId, runId: "none", stepRunId: "none" };
  if (isIn && entry.watches && principal !== "banned") await watch(socket, scene.runId);
  return { socket, isIn, scene };
}

/** Sends the entry's payloads; waits for its effect if the try should be allowed, else a moment. */
async function send(event: string, entry: UiEntry, t: TryContext, verdict: Verdict) {
  const signal = UI_COMMANDS[event as UiEvent].reply === null;
  let text = "";
  let ok = false;
  let refusal: Exclude<Verdict, "allowed"> | null = null;
  for (const payload of entry.payloads(t.scene)) {
    if (signal) {
      t.socket.emit(event, payload);
      continue;
    }
    const reply = await command(t.socket, event, payload);
    text = JSON.stringify(reply).slice(0, 300);
    ok = reply !== "disconnected" && reply.ok;
    if (reply === "disconnected" || (!reply.ok && reply.error.code === "unauthorized")) refusal = "sign-in";
    else if (!reply.ok && reply.error.code === "forbidden") refusal = "forbidden";
  }
  const done = () => (entry.writes ?? []).every((table) => t.tables().has(table)) && (entry.effect?.(t) ?? true);
  if (verdict === "allowed") await waitFor(done, 5000).catch(() => {});
  else await sleep(SETTLE_MS);
  // A signal has no answer: it is judged by its effect alone.
  if (signal) {
    ok = done();
    text = ok ? "its effect" : `no effect (connected: ${t.socket.connected})`;
    refusal = ok || verdict === "allowed" ? null : verdict;
  }
  return { ok, refusal, text };
}

async function uiTry(event: string, entry: UiEntry, principal: UiPrincipal, owner: UiClient, shared: Scene | null) {
  const verdict = uiVerdict(entry.who, principal);
  const at = `${event} as ${principal}`;
  const { socket, isIn, scene } = await openAs(principal, entry, owner, shared);
  // A refusal must change nothing, so nothing still being written for the scene may be counted. (Not
  // for the banned socket: it must send while the ban's re-check is still reading the session.)
  if (verdict !== "allowed" && principal !== "banned") await quiet();
  const seen = new Seen(socket);
  const refusalsBefore = await hubRefusals();
  const before = db$.take();
  const sentBefore = hostAgent.received.length;
  const sentSince = () => hostAgent.received.slice(sentBefore);
  const t: TryContext = {
    scene,
    seen,
    socket,
    tables: () => new Set(changes(before, db$.take()).map((line) => line.split(" ")[1]!)),
    agentGot: (sent) => sentSince().some((r) => r.event === sent),
  };
  const got = isIn
    ? await send(event, entry, t, verdict)
    : { ok: false, refusal: "sign-in" as const, text: "not let in" };
  const changed = changes(before, db$.take());
  const wrong = judgeTry(at, { verdict, writes: entry.writes ?? [], secrets: [] }, { ...got, changed });
  if (verdict === "allowed" && entry.effect && !entry.effect(t)) wrong.push(`${at}: allowed, but had no effect`);
  if (verdict !== "allowed") {
    const told = seen.unexpected();
    if (told.length) wrong.push(`${at}: refused, yet it was sent ${told.join("; ")}`);
    const reached = sentSince().filter((r) => r.event !== "step.ack");
    if (reached.length) wrong.push(`${at}: refused, yet the agent was sent ${reached.map((r) => r.event).join(", ")}`);
    // (A banned socket is closed, so it has left every room, whatever it sent.)
    if (isIn && principal !== "banned" && entry.effect?.(t)) wrong.push(`${at}: refused, yet it had its effect`);
    // Every command the hub refused is in the audit trail (a banned socket's too: it is sent
    // while the ban's re-check is still reading the session, so it reaches the hub).
    if (isIn && UI_COMMANDS[event as UiEvent].reply !== null && (await hubRefusals()) === refusalsBefore)
      wrong.push(`${at}: refused, but no hub.refused event was written`);
  }
  socket.disconnect();
  if (!shared && isIn) await clear(owner, scene);
  return wrong;
}

// ── The /agent table ────────────────────────────────────────────────────────

interface AgentScene {
  runId: string;
  stepRunId: string;
  /** Output chunks and bytes the agent has sent for the step. */
  chunks: number;
  sent: number;
}

interface AgentEntry {
  who: "host-agent";
  payload: (scene: AgentScene) => unknown;
  /** A command the hub answers (hello, step.exit) rather than a signal. */
  answered?: boolean;
  /** A connection's first message, so the host's agent sends it instead of its usual hello. */
  opens?: boolean;
  /** Tables the host's own agent changes with it. */
  writes: string[];
  /** The host's own agent's event reaches the run's watchers. */
  relays?: string;
  /** The try needs a step running on the agent's host. */
  running?: boolean;
}

const AGENT_EXAMPLE = '{ who: "host-agent", payload: (s) => ({ … }), writes: ["…"] }';

/** Who may send each /agent event: only a connected agent with its host's valid token. */
const AGENT: Record<string, AgentEntry> = {
  hello: {
    who: "host-agent",
    answered: true,
    opens: true,
    payload: (s) => ({ ...SCRIPTED_HELLO, os: next("matrix-os"), active: [{ stepRunId: s.stepRunId }] }),
    writes: ["Host"],
  },
  heartbeat: { who: "host-agent", payload: () => ({ at: new Date().toISOString(), running: 1 }), writes: ["Host"] },
  "step.output": {
    who: "host-agent",
    running: true,
    payload: (s) => ({
      stepRunId: s.stepRunId,
      seq: s.chunks,
      offset: s.sent,
      data: Buffer.from("matrix-agent-output"),
    }),
    writes: [],
    relays: "matrix-agent-output",
  },
  "step.exit": {
    who: "host-agent",
    answered: true,
    running: true,
    payload: (s) => ({
      stepRunId: s.stepRunId,
      exitCode: 0,
      signal: null,
      cause: "exited",
      totalBytes: s.sent,
      startedAt: new Date().toISOString(),
      endedAt: new Date().toISOString(),
    }),
    writes: ["StepRun"],
  },
  "step.refused": {
    who: "host-agent",
    running: true,
    payload: (s) => ({ stepRunId: s.stepRunId, reason: "matrix: forged refusal" }),
    writes: ["StepRun"],
  },
};

/** Besides the principals: the host's own agent with its valid token, which may send everything. */
const AGENT_PRINCIPALS = [...PRINCIPALS, "host-agent"] as const;

/** The revoked host: its agent was running a step when the token was revoked. */
let revoked: { token: string; scene: AgentScene };
/** The valid host, played by the test, for the host-agent column. */
let valid: { hostId: string; token: string; agent: ScriptedAgent | null };

// ── Setup ───────────────────────────────────────────────────────────────────

beforeAll(async () => {
  // The revoked agent's step must still be waiting for it, not ended as lost, while it tries.
  // No heartbeats while the matrix runs: a beat's Host write would look like a try's effect.
  h = await startHarness([book, allReads], {
    agentGraceMs: 120_000,
    heartbeatMs: 3_600_000,
    authenticateUser: async (headers) => {
      const user = await (await import("@/lib/auth/request-user")).userFromHeaders(headers);
      // A slow session store for a cookie it no longer knows: the re-check after a ban takes this
      // long, and what the banned socket sends meanwhile must be refused all the same.
      if (!user && headers.has("cookie")) await sleep(SLOW_SESSION_MS);
      return user;
    },
  });
  db$ = snapshotter(process.env.DATABASE_URL!);
  who = await createPrincipals("hub");
  ownerCookie = await newSessionCookie(
    (await h.db.user.create({ data: { id: "owner", email: "owner@example.com", name: "Owner", role: "operator" } })).id,
  );
  const box = await h.hosts.createHost("matrix-box");
  hostId = box.host.id;
  hostAgent = await scriptedAgent(h.url, box.token, "matrix-box", plan);
  await hostAgent.hello();

  // A host whose agent is running a step (with output) when an admin revokes its token.
  const owner = await stageClient();
  const r = await h.hosts.createHost("matrix-revoked");
  const rogue = await scriptedAgent(h.url, r.token, "matrix-r");
  await rogue.hello();
  const run = await owner.call("run.start", { playbook: "matrix", hostId: r.host.id, inputs: {} });
  if (!run.ok) throw new Error(run.error.message);
  const started = rogue.nextStart();
  await owner.call("step.run", { runId: run.runId, stepId: "hold" });
  const { stepRunId } = await started;
  rogue.output(stepRunId, "before the revocation\n");
  await waitFor(() => owner.output(stepRunId).length > 0);
  const gone = new Promise((resolve) => rogue.socket.once("disconnect", resolve));
  await h.hosts.revokeHost(r.host.id, who.users.admin.id);
  await gone;
  revoked = { token: r.token, scene: { runId: run.runId as string, stepRunId, chunks: 1, sent: 22 } };
  // The hub persists output and the interrupted step after it relays them; on a slow machine those
  // writes would otherwise land during the first try below and be counted as its doing.
  await quiet();

  const v = await h.hosts.createHost("matrix-valid");
  valid = { hostId: v.host.id, token: v.token, agent: null };
}, 120_000);

afterAll(async () => {
  hostAgent?.close();
  valid?.agent?.close();
  db$?.close();
  await h?.stop();
});

// ── The matrix ──────────────────────────────────────────────────────────────

const agentEvents = await agentEventNames();
const uiEvents = Object.keys(UI_COMMANDS);

describe("the expectation tables", () => {
  it("have one entry for every /ui command and /agent event, and none for anything else", () => {
    const where = (table: string) => `${table} in server/hub/hub-matrix.test.ts`;
    expect([
      ...tableGaps(uiEvents, UI, where("UI"), UI_EXAMPLE),
      ...tableGaps(agentEvents, AGENT, where("AGENT"), AGENT_EXAMPLE),
    ]).toEqual([]);
  });

  it("agree with the role the command table gives each /ui event (UI_HANDLERS' needs)", () => {
    const disagree = Object.entries(UI_HANDLERS)
      .map(([event, handler]) => [event, RUN_ACTIONS[handler.needs].role, UI[event]?.who] as const)
      .filter(([, , listed]) => listed !== undefined)
      .filter(([, role, listed]) => role !== (listed === "run-owner" ? "operator" : listed))
      .map(([event, role, listed]) => `${event}: UI_HANDLERS needs ${role}, the matrix says "${listed}"`);
    expect(disagree).toEqual([]);
  });

  it("list every event the hub listens for", async () => {
    const viewer = socketTo(UI_NAMESPACE, who.credentials.viewer);
    await admitted(viewer);
    const agent = await scriptedAgent(h.url, (await h.hosts.createHost("matrix-listens")).token);
    await agent.hello();
    const listened = (namespace: string, id: string | undefined) =>
      (
        h.hub.io
          .of(namespace)
          .sockets.get(id ?? "")
          ?.eventNames() ?? []
      )
        .map(String)
        // socket.io's own: a no-op "error" listener on every socket, and the disconnect handlers.
        .filter((e) => e !== "disconnect" && e !== "error");
    expect(listened(UI_NAMESPACE, viewer.id).sort()).toEqual([...uiEvents].sort());
    expect(listened(AGENT_NAMESPACE, agent.socket.id).sort()).toEqual(agentEvents);
    viewer.disconnect();
    agent.close();
  });
});

describe("/ui events", () => {
  it.each(uiEvents.filter((event) => event in UI))("%s", async (event) => {
    const entry = UI[event]!;
    const owner = await stageClient();
    const shared = entry.consumes ? null : await stage(owner, entry.scene);
    const wrong: string[] = [];
    for (const principal of UI_PRINCIPALS) wrong.push(...(await uiTry(event, entry, principal, owner, shared)));
    if (shared) await clear(owner, shared);
    owner.socket.disconnect();
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
});

describe("/agent events", () => {
  it.each(agentEvents.filter((event) => event in AGENT))("%s", async (event) => {
    const entry = AGENT[event]!;
    const owner = await stageClient();
    await owner.call("run.subscribe", { runId: revoked.scene.runId });
    const wrong: string[] = [];
    for (const principal of AGENT_PRINCIPALS) {
      const at = `${event} as ${principal}`;
      const verdict: Verdict = principal === "host-agent" ? "allowed" : "sign-in";
      let scene = revoked.scene;
      let socket: Socket;
      let isIn: boolean;
      if (principal === "host-agent") {
        // A fresh connection each time, as a restarted agent would open; a step to act on if needed.
        valid.agent?.close();
        valid.agent = await scriptedAgent(h.url, valid.token, "matrix-v");
        if (!entry.opens) await valid.agent.hello();
        socket = valid.agent.socket;
        isIn = true;
        if (entry.running) scene = await runOnValidHost(owner, valid.agent);
      } else {
        // The revoked agent reconnects as the same process would; the others bring a session.
        const credentials = principal === "agent" ? { agentToken: revoked.token } : who.credentials[principal];
        socket = socketTo(AGENT_NAMESPACE, credentials, { instance: "matrix-r" });
        isIn = await admitted(socket);
      }
      owner.states.length = 0;
      const outputBefore = owner.output(revoked.scene.stepRunId).length;
      const before = db$.take();
      let text = isIn ? "sent" : "not let in";
      if (isIn) {
        if (entry.answered) text = JSON.stringify(await socket.timeout(5000).emitWithAck(event, entry.payload(scene)));
        else socket.emit(event, entry.payload(scene));
      }
      const relayed = () => !entry.relays || owner.output(scene.stepRunId).toString().includes(entry.relays);
      const landed = () => entry.writes.every((table) => tablesOf(before).has(table)) && relayed();
      if (verdict === "allowed") await waitFor(landed, 5000).catch(() => {});
      else await sleep(SETTLE_MS);
      const changed = changes(before, db$.take());
      const ok = isIn && landed();
      const got = { ok, refusal: isIn ? null : ("sign-in" as const), text, changed };
      wrong.push(...judgeTry(at, { verdict, writes: entry.writes, secrets: [] }, got));
      if (verdict !== "allowed") {
        if (owner.output(revoked.scene.stepRunId).length !== outputBefore) wrong.push(`${at}: its output was relayed`);
        if (owner.states.length) wrong.push(`${at}: a step changed state: ${JSON.stringify(owner.states)}`);
        socket.disconnect();
      } else if (entry.running && (await h.hub.runs.view(scene.runId))?.activeStepRunId) {
        await valid.agent!.exit(scene.stepRunId, 0);
      }
    }
    owner.socket.disconnect();
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
});

/** Waits until the database stops changing: nothing written in two snapshots SETTLE_MS apart. */
async function quiet(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const before = db$.take();
    await sleep(SETTLE_MS);
    if (changes(before, db$.take()).length === 0) return;
  }
  throw new Error("the database kept changing");
}

function tablesOf(before: Snapshot): Set<string> {
  return new Set(changes(before, db$.take()).map((line) => line.split(" ")[1]!));
}

/** A run on the valid host with a step running on its (scripted) agent. */
async function runOnValidHost(owner: UiClient, agent: ScriptedAgent): Promise<AgentScene> {
  const run = await owner.call("run.start", { playbook: "matrix", hostId: valid.hostId, inputs: {} });
  if (!run.ok) throw new Error(run.error.message);
  const started = agent.nextStart();
  const step = await owner.call("step.run", { runId: run.runId, stepId: "hold" });
  if (!step.ok) throw new Error(step.error.message);
  const { stepRunId } = await started;
  return { runId: run.runId as string, stepRunId, chunks: 0, sent: 0 };
}
