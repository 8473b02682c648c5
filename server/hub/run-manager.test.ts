// RunManager alone: an in-memory run store, a fake agent link and a fake room of browsers. No
// database, no sockets, no processes; the integration tests beside it cover those.
import { describe, expect, it } from "vitest";
import type { ServerToAgentEvents, StepExit } from "@/agent/src/protocol";
import { OPEN_HOST_ACCESS } from "@/lib/auth/host-access";
import type { SessionUser } from "@/lib/auth/request-user";
import type { Role } from "@/lib/auth/roles";
import type { Playbook } from "@/lib/playbooks/types";
import type { StepAudit } from "@/lib/runs/audit";
import type { RunView, RunWalk, StepRunView } from "@/lib/runs/protocol";
import type { LiveRunState } from "@/lib/runs/run-views";
import type { NewRun, NewStepRun, OutputSink, RunStore, StepRunEnd } from "@/lib/runs/run-store";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { hasProcessSingleton } from "@/lib/process-singleton";
import { redisSeal } from "./redis-seal";
import { RunManager, type AgentLink } from "./run-manager";

const playbook = testPlaybook(
  "unit",
  [
    testStep("greet", 'echo "hello $WHO"', { expect: { exit: 0, match: "^hello world" } }),
    testStep("install", "apt-get install -y thing", { risk: "change" }),
    testStep("wipe", "rm -rf /var/cache/thing", { risk: "danger" }),
  ],
  { inputs: [{ name: "WHO", label: "Who", required: true, secret: false }] },
);

const reads = testPlaybook("reads", [testStep("one", "echo one"), testStep("two", "echo two")]);
const needs = testPlaybook("needs", [
  testStep("tool-installed", "command -v tool", { onFail: "install-tool", failMeans: "the tool is missing" }),
  testStep("install-tool", "apt-get install -y tool", { risk: "change" }),
  testStep("tool-works", "tool --version", { requires: ["tool-installed"] }),
]);

const operator: SessionUser = { id: "u1", name: "Olga", email: "olga@example.com", role: "operator" };
const otherOperator: SessionUser = { id: "u2", name: "Otto", email: "otto@example.com", role: "operator" };
const admin: SessionUser = { id: "u3", name: "Ada", email: "ada@example.com", role: "admin" };

interface StoredStep extends NewStepRun {
  id: string;
  startedAt: Date;
  end: StepRunEnd | null;
  output: Buffer[];
}

/** The run store in memory: just enough rows to build the views the hub publishes. */
class MemoryStore implements RunStore {
  readonly runs = new Map<string, NewRun & { status: "active" | "finished" }>();
  readonly steps = new Map<string, StoredStep>();
  readonly audits: StepAudit[] = [];
  readonly hubEvents: Array<{ action: string; userId: string | null; runId?: string | null }> = [];
  readonly walks = new Map<string, RunWalk>();
  private ids = 0;

  async createRun(run: NewRun) {
    const id = `run-${++this.ids}`;
    this.runs.set(id, { ...run, status: "active" });
    return { id, createdAt: new Date() };
  }
  async finishRun(runId: string, byUserId: string | null) {
    this.runs.get(runId)!.status = "finished";
    this.hubEvents.push({ action: "run.finish", userId: byUserId, runId });
  }
  async auditHub(action: string, event: { userId: string | null; runId?: string | null }) {
    this.hubEvents.push({ action, userId: event.userId, runId: event.runId });
  }
  async saveWalk(runId: string, walk: RunWalk) {
    this.walks.set(runId, structuredClone(walk));
  }
  async playbookOf(runId: string) {
    return this.runs.get(runId)?.playbookSlug ?? null;
  }
  async runView(runId: string, _playbook: Playbook | undefined, live?: LiveRunState) {
    const run = this.runs.get(runId);
    if (!run) return null;
    const steps = [...this.steps.values()].filter((s) => s.runId === runId).map((s) => this.toView(s));
    const view: RunView = {
      id: runId,
      playbookSlug: run.playbookSlug,
      contentHash: run.contentHash,
      hostId: run.hostId,
      hostName: "box",
      userId: run.userId,
      userName: null,
      inputs: run.inputs,
      status: run.status,
      createdAt: new Date(0).toISOString(),
      finishedAt: null,
      steps,
      activeStepRunId: live?.activeStepRunId ?? null,
      runningAllRead: live?.runningAllRead ?? false,
      walk: this.walks.get(runId) ?? null,
      suggestedNext: null,
      stale: false,
    };
    return view;
  }
  async createStepRun(step: NewStepRun) {
    const id = `step-${++this.ids}`;
    this.steps.set(id, { ...step, id, startedAt: new Date(), end: null, output: [] });
    return { id, startedAt: this.steps.get(id)!.startedAt, cols: 120, rows: 30 };
  }
  async discardStepRun(stepRunId: string) {
    this.steps.delete(stepRunId);
  }
  async endStepRun(stepRunId: string, end: StepRunEnd, audit: StepAudit) {
    this.steps.get(stepRunId)!.end = end;
    this.audits.push(audit);
  }
  recordOutput(stepRunId: string, _startedAt: Date, onCommitted: () => void): OutputSink {
    const parts = this.steps.get(stepRunId)!.output;
    let bytes = 0;
    let raw = 0;
    return {
      get bytes() {
        return bytes;
      },
      get committedRaw() {
        return raw;
      },
      uncommittedBytes: 0,
      push: (data, rawEnd) => {
        parts.push(data);
        bytes += data.length;
        raw = rawEnd;
        onCommitted();
      },
      snapshot: () => ({ committedSeq: parts.length, committedBytes: bytes, tail: Buffer.alloc(0) }),
      flush: async () => onCommitted(),
    };
  }
  async activeRuns() {
    return []; // one instance, never restarted: nothing to take over
  }
  async saveLive() {}
  async stepRunOutput(stepRunId: string) {
    const step = this.steps.get(stepRunId);
    return step ? { runId: step.runId, outputBytes: Buffer.concat(step.output).length } : null;
  }
  async *readOutput(stepRunId: string) {
    let offset = 0;
    for (const [seq, data] of (this.steps.get(stepRunId)?.output ?? []).entries()) {
      yield { seq, t: 0, offset, data };
      offset += data.length;
    }
  }

  private toView(step: StoredStep): StepRunView {
    return {
      id: step.id,
      runId: step.runId,
      stepId: step.stepId,
      title: step.title,
      risk: step.risk as StepRunView["risk"],
      verdict: step.end?.verdict ?? "running",
      reason: step.end?.reason ?? null,
      exitCode: step.end?.exitCode ?? null,
      signal: step.end?.signal ?? null,
      startedAt: step.startedAt.toISOString(),
      endedAt: step.end?.endedAt.toISOString() ?? null,
      outputBytes: step.end?.outputBytes ?? 0,
      truncated: step.end?.truncated ?? false,
      cols: 120,
      rows: 30,
      userName: null,
      suggestedNext: null,
      captures: step.end?.captures ?? [],
    };
  }
}

type AgentEvent = keyof ServerToAgentEvents;
type Sent = { [E in AgentEvent]: { event: E; payload: Parameters<ServerToAgentEvents[E]>[0] } }[AgentEvent];

/** The agent's hello: it runs anything, and holds no step (a restart says the same). */
const HELLO = {
  protocol: 1,
  name: "box",
  os: "linux",
  version: "0.1.0",
  hostname: "box",
  active: [],
  policy: { maxRisk: "danger" as const, allowTags: null, allowPlaybooks: null },
};

function setUp() {
  const store = new MemoryStore();
  const runStates: RunView[] = [];
  const stepStates: StepRunView[] = [];
  const live: { offset: number; data: string }[] = [];
  // Stored roles as the users port reads them; null: banned or deleted.
  const roles = new Map<string, Role | null>([operator, otherOperator, admin].map((u) => [u.id, u.role]));
  // Hosts revoked since (as another instance would record it in the database).
  const revoked = new Set<string>();
  // A database that fails the next reads of the users port.
  const faults: { role: Error | null } = { role: null };
  const manager = new RunManager({
    seal: redisSeal("test-secret-test-secret-test-secret-0123"),
    users: {
      currentRole: async (userId) => {
        if (faults.role) throw faults.role;
        return roles.get(userId) ?? null;
      },
    },
    options: {
      getPlaybook: async (slug) => [playbook, reads, needs].find((p) => p.slug === slug),
      agentGraceMs: 1000,
      maxOutputBytes: 1 << 20,
    },
    store,
    hosts: {
      runnableHost: async (id) => (id === "host-1" && !revoked.has(id) ? { id, name: "box" } : null),
      access: async (id) => (id === "host-1" ? { id, name: "box", access: OPEN_HOST_ACCESS } : null),
    },
    ui: {
      runState: (run) => runStates.push(run),
      stepState: (_runId, step) => stepStates.push(step),
      output: (_runId, _stepRunId, offset, data) => live.push({ offset, data: data.toString() }),
      resync: () => {},
    },
  });
  const sent: Sent[] = [];
  const send: AgentLink["send"] = (event, payload) => sent.push({ event, payload } as Sent);
  const link: AgentLink = { hostId: "host-1", hostName: "box", send };
  manager.agentHello(link, HELLO);
  return { store, manager, link, sent, runStates, stepStates, live, roles, revoked, faults };
}

function exited(stepRunId: string, totalBytes: number): StepExit {
  const at = new Date().toISOString();
  return { stepRunId, exitCode: 0, signal: null, cause: "exited", totalBytes, startedAt: at, endedAt: at };
}

async function startRun(t: ReturnType<typeof setUp>, slug = "unit"): Promise<string> {
  const inputs: Record<string, string> = slug === "unit" ? { WHO: "world" } : {};
  const started = await t.manager.startRun(operator, { playbook: slug, hostId: "host-1", inputs });
  if (!started.ok) throw new Error(started.error.message);
  return started.runId;
}

describe("RunManager with a fake store and agent", () => {
  it("runs a step: sends it to the agent, relays and credits its output, judges its exit", async () => {
    const t = setUp();
    const runId = await startRun(t);
    const res = await t.manager.runStep(operator, { runId, stepId: "greet" });
    if (!res.ok) throw new Error(res.error.message);
    const stepRunId = res.stepRunId;
    const command = 'echo "hello $WHO"';
    expect(t.sent[0]).toMatchObject({ event: "step.start", payload: { stepRunId, command, env: { WHO: "world" } } });
    expect(t.manager.liveState(runId)).toEqual({ activeStepRunId: stepRunId, runningAllRead: false });
    expect(t.stepStates.at(-1)).toMatchObject({ id: stepRunId, verdict: "running" });

    t.manager.output(t.link, { stepRunId, seq: 0, offset: 0, data: Buffer.from("hello world\r\n") });
    expect(t.live).toEqual([{ offset: 0, data: "hello world\r\n" }]);
    expect(t.sent.at(-1)).toEqual({ event: "step.ack", payload: { stepRunId, offset: 13 } });

    await t.manager.exit(t.link, exited(stepRunId, 13));
    expect(t.stepStates.at(-1)).toMatchObject({ id: stepRunId, verdict: "passed", exitCode: 0, outputBytes: 13 });
    // A step run by hand is told by its own state at its start and end: the run is not read back.
    expect(t.runStates).toEqual([]);
    expect(t.manager.liveState(runId)).toEqual({ activeStepRunId: null, runningAllRead: false });
    const audit = { stepId: "greet", command, verdict: "passed", userId: "u1", hostName: "box" };
    expect(t.store.audits).toEqual([expect.objectContaining(audit)]);
    expect(t.manager.session(stepRunId)).toBeNull();

    const finished = await t.manager.finishRun(operator, runId);
    expect(finished).toMatchObject({ ok: true, run: { status: "finished" } });
    expect(t.manager.holdsRun(runId)).toBe(false);
    expect(t.store.hubEvents).toContainEqual({ action: "run.finish", userId: operator.id, runId });
  });

  it("fails a step whose output does not match its expectation", async () => {
    const t = setUp();
    const runId = await startRun(t);
    const res = await t.manager.runStep(operator, { runId, stepId: "greet" });
    const stepRunId = res.ok ? res.stepRunId : "";
    t.manager.output(t.link, { stepRunId, seq: 0, offset: 0, data: Buffer.from("goodbye\r\n") });
    await t.manager.exit(t.link, exited(stepRunId, 9));
    expect(t.stepStates.at(-1)).toMatchObject({ verdict: "failed", reason: "output does not match /^hello world/" });
  });

  it("refuses a change step without confirmation, and a danger step to an operator", async () => {
    const t = setUp();
    const runId = await startRun(t);
    expect(await t.manager.runStep(operator, { runId, stepId: "install" })).toEqual({
      ok: false,
      error: { code: "needs-confirmation", message: 'Step "install" changes the host; confirm to run it.' },
    });
    const danger = await t.manager.runStep(operator, { runId, stepId: "wipe", confirm: true, typedStepId: "wipe" });
    expect(danger).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(t.sent.filter((s) => s.event === "step.start")).toEqual([]);
    expect(t.store.steps.size).toBe(0);
  });

  it("sends no new step to a host revoked since the run started", async () => {
    const t = setUp();
    const runId = await startRun(t);
    t.revoked.add("host-1");
    expect(await t.manager.runStep(operator, { runId, stepId: "greet" })).toEqual({
      ok: false,
      error: { code: "forbidden", message: 'Host "box" was revoked; its agent may not run steps.' },
    });
    expect(t.sent.filter((s) => s.event === "step.start")).toEqual([]);
    expect(t.store.steps.size).toBe(0);
  });

  it("refuses a run on an unknown or offline host", async () => {
    const t = setUp();
    const start = (hostId: string) => t.manager.startRun(operator, { playbook: "unit", hostId, inputs: { WHO: "x" } });
    expect(await start("nope")).toMatchObject({ ok: false, error: { code: "not-found" } });
    t.manager.agentGone(t.link);
    expect(await start("host-1")).toMatchObject({ ok: false, error: { code: "host-offline" } });
  });

  it("lets only the run's owner or an admin act on it; another operator is refused", async () => {
    const t = setUp();
    const runId = await startRun(t);
    const notYours = {
      ok: false,
      error: {
        code: "forbidden",
        message: "This run belongs to Olga: only they or an admin may act on it; you can watch it.",
      },
    };
    expect(await t.manager.runStep(otherOperator, { runId, stepId: "greet" })).toEqual(notYours);
    expect(await t.manager.runAllRead(otherOperator, runId)).toEqual(notYours);
    expect(await t.manager.finishRun(otherOperator, runId)).toEqual(notYours);
    expect(t.sent.filter((s) => s.event === "step.start")).toEqual([]);

    const byAdmin = await t.manager.runStep(admin, { runId, stepId: "greet" });
    expect(byAdmin.ok).toBe(true);
    expect(await t.manager.cancel(otherOperator, runId)).toEqual(notYours);
    expect(t.sent.filter((s) => s.event === "step.cancel")).toEqual([]);
    expect(await t.manager.cancel(operator, runId)).toEqual({ ok: true });
    expect(t.manager.holdsRun(runId)).toBe(true);
    // Only the cancel that happened is audited, under the user who asked for it.
    expect(t.store.hubEvents).toEqual([{ action: "step.cancel", userId: operator.id, runId }]);
  });

  it.each([
    ["demoted to viewer", "viewer" as const],
    ["banned", null],
  ])("stops run-all before the next step when its user was %s", async (_what, role) => {
    const t = setUp();
    const runId = await startRun(t, "reads");
    expect(await t.manager.runAllRead(operator, runId)).toEqual({ ok: true });
    const starts = () => t.sent.filter((s) => s.event === "step.start");
    expect(starts()).toHaveLength(1);
    const first = starts()[0]!.payload as { stepRunId: string };

    t.roles.set(operator.id, role);
    await t.manager.exit(t.link, exited(first.stepRunId, 0));
    expect(starts()).toHaveLength(1);
    expect(t.manager.liveState(runId)).toEqual({ activeStepRunId: null, runningAllRead: false });
    expect(t.store.steps.size).toBe(1);
  });

  it("goes on with run-all while its user keeps the right", async () => {
    const t = setUp();
    const runId = await startRun(t, "reads");
    await t.manager.runAllRead(operator, runId);
    const first = t.sent.find((s) => s.event === "step.start")!.payload as { stepRunId: string };
    await t.manager.exit(t.link, exited(first.stepRunId, 0));
    expect(t.sent.filter((s) => s.event === "step.start").map((s) => (s.payload as { stepId: string }).stepId)).toEqual(
      ["one", "two"],
    );
  });

  it("stops a walk that cannot go on (its next check fails in the database), saying so, not hanging", async () => {
    const t = setUp();
    const runId = await startRun(t, "reads");
    await t.manager.runAllRead(operator, runId);
    const first = t.sent.find((s) => s.event === "step.start")!.payload as { stepRunId: string };
    t.faults.role = new Error("Connection terminated unexpectedly");
    await t.manager.exit(t.link, exited(first.stepRunId, 0));
    expect(t.manager.liveState(runId)).toEqual({ activeStepRunId: null, runningAllRead: false });
    expect(t.store.walks.get(runId)?.stopped).toMatch(/^stopped: the server could not go on/);
    expect(t.runStates.at(-1)?.walk?.stopped).toMatch(/^stopped: the server could not go on/);
    expect(t.sent.filter((s) => s.event === "step.start")).toHaveLength(1);
  });

  it("walks to the root cause, says why it stopped, and keeps the walk in the store", async () => {
    const t = setUp();
    const runId = await startRun(t, "needs");
    expect(await t.manager.runAllRead(operator, runId)).toEqual({ ok: true });
    expect(t.manager.liveState(runId)).toMatchObject({ runningAllRead: true });
    const first = t.sent.find((s) => s.event === "step.start")!.payload as { stepRunId: string };
    await t.manager.exit(t.link, { ...exited(first.stepRunId, 0), exitCode: 1 });
    expect(t.manager.liveState(runId)).toEqual({ activeStepRunId: null, runningAllRead: false });
    expect(t.store.walks.get(runId)).toEqual({
      path: [{ stepId: "tool-installed", verdict: "failed", reason: null }],
      stopped:
        "stopped: the tool is missing (`tool-installed` failed); next step `install-tool` changes the host; " +
        "run it yourself",
    });
    expect(t.runStates.at(-1)?.walk?.stopped).toMatch(/^stopped: the tool is missing/);
    expect(t.sent.filter((s) => s.event === "step.start")).toHaveLength(1);
  });

  it("refuses a manual run of a step whose required step failed, naming it", async () => {
    const t = setUp();
    const runId = await startRun(t, "needs");
    const res = await t.manager.runStep(operator, { runId, stepId: "tool-installed" });
    const stepRunId = res.ok ? res.stepRunId : "";
    await t.manager.exit(t.link, { ...exited(stepRunId, 0), exitCode: 1 });
    expect(await t.manager.runStep(operator, { runId, stepId: "tool-works" })).toEqual({
      ok: false,
      error: {
        code: "conflict",
        message:
          'Step "tool-works" requires "tool-installed", which failed in this run (the tool is missing); ' +
          'fix that first with "install-tool".',
      },
    });
    expect(t.sent.filter((s) => s.event === "step.start")).toHaveLength(1);
  });

  it("leaves a step in its agent's grace to that grace when the orphan sweep passes", async () => {
    const t = setUp();
    const runId = await startRun(t);
    const res = await t.manager.runStep(operator, { runId, stepId: "greet" });
    const stepRunId = res.ok ? res.stepRunId : "";
    t.manager.agentGone(t.link);
    // The startup sweep fires while the agent is away: this process still holds the run.
    await t.manager.sweepOrphans(async () => false, ["host-1"]);
    expect(t.manager.liveState(runId)).toEqual({ activeStepRunId: stepRunId, runningAllRead: false });

    await t.manager.agentHello(t.link, HELLO);
    await expect.poll(() => t.stepStates.at(-1)?.reason).toMatch(/^the agent restarted while the step ran/);
  });

  it("stays clear of the database", () => {
    expect(hasProcessSingleton("db")).toBe(false);
  });
});
