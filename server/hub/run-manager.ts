// The run hub's core: active runs, their one running step each, and the traffic between browsers
// (UiRoom) and agents (AgentLink). It holds the in-memory lifecycle and its timers; what is kept
// goes through the RunStore. Who may send a request was checked by the /ui command table before
// it gets here; only the rules that need the step (lib/auth/permissions) are applied here.
// Commands come only from the content index.
import type { AgentHello, ServerToAgentEvents, StepExit, StepOutput, StepRefusal } from "@/agent/src/protocol";
import { mayUseHost } from "@/lib/auth/host-access";
import { mayActOnRun, mayDo, stepRefusal } from "@/lib/auth/permissions";
import type { UserDirectory } from "@/lib/auth/recheck-user";
import type { SessionUser } from "@/lib/auth/request-user";
import type { HostStore } from "@/lib/hosts/host-store";
import { retryWrite } from "@/lib/db/retry-write";
import { log } from "@/lib/log";
import type { HubCounts } from "@/lib/metrics/metrics";
import { agentStepCommand } from "@/lib/playbooks/step-wire";
import type { Playbook, Step } from "@/lib/playbooks/types";
import { endedStepView, newRunView, startedStepView } from "@/lib/runs/assemble-run-view";
import { nextWalkMove, prerequisiteRefusal } from "@/lib/runs/diagnosis-walk";
import { checkInputs } from "@/lib/runs/inputs";
import type { RunStartRequest, RunView, StepRunRequest, StepRunView, UiError, UiResult } from "@/lib/runs/protocol";
import type { RunStore, StepRunEnd } from "@/lib/runs/run-store";
import type { LiveRunState } from "@/lib/runs/run-views";
import { SecretMasker } from "@/lib/runs/secret-masker";
import type { RecorderStart } from "@/lib/runs/output-recorder";
import type { StoredRun, StoredRunningStep } from "@/lib/runs/stored-runs";
import type { HubOptions } from "./options";
import type { Seal } from "./redis-seal";
import { openLive, sealLive, type ActiveStep, type RunState } from "./run-state";
import { recordEnding, type Ending } from "./step-ending";
import { StepSession } from "./step-session";

/** How the hub talks to one connected agent. */
export interface AgentLink {
  hostId: string;
  hostName: string;
  send<E extends keyof ServerToAgentEvents>(event: E, payload: Parameters<ServerToAgentEvents[E]>[0]): void;
}

/** How the hub talks to the browsers watching runs. */
export interface UiRoom {
  runState(run: RunView): void;
  stepState(runId: string, step: StepRunView): void;
  /** Live output, to the run's watchers except those dropped (socket ids). */
  output(runId: string, stepRunId: string, offset: number, data: Buffer, except: ReadonlySet<string>): void;
  /** To one watcher dropped from a running step: catch up by replay. */
  resync(runId: string, stepRunId: string, socketId: string): void;
}

export interface RunManagerDeps {
  options: Pick<HubOptions, "getPlaybook" | "agentGraceMs" | "maxOutputBytes">;
  ui: UiRoom;
  store: RunStore;
  /** Access lists: run-all re-checks its host's before every step, as it re-checks its user. */
  hosts: Pick<HostStore, "runnableHost" | "access">;
  /** Stored roles: run-all re-checks its user before every step it launches. */
  users: UserDirectory;
  /** Seals a run's live values for the database (Run.live), so another instance can take it over. */
  seal: Seal;
  /** The other instances: asked to let go of a host's runs before this one takes them over. */
  cluster?: { release(hostId: string): Promise<void> };
}

type Refused = { ok: false; error: UiError };
type Found = { ok: true; playbook: Playbook; step: Step };

const err = (code: UiError["code"], message: string): Refused => ({ ok: false, error: { code, message } });
/** Why a walk stopped when the server itself could not go on with it. */
const WALK_FAILED =
  "stopped: the server could not go on (a database or content error; its log says which); run the next step yourself";
const lost = (reason: string): [Ending, string] => [{ cause: "agent-lost", exitCode: null, signal: null }, reason];

export class RunManager {
  private readonly runs = new Map<string, RunState>();
  private readonly steps = new Map<string, RunState>(); // by running StepRun id
  private readonly links = new Map<string, AgentLink>(); // by host id
  private readonly opts: RunManagerDeps["options"];
  private readonly ui: UiRoom;
  private readonly store: RunStore;
  private readonly hosts: RunManagerDeps["hosts"];
  private readonly users: UserDirectory;
  private readonly seal: Seal;
  private readonly cluster: NonNullable<RunManagerDeps["cluster"]>;

  constructor(deps: RunManagerDeps) {
    ({ options: this.opts, ui: this.ui, store: this.store, hosts: this.hosts, users: this.users } = deps);
    this.seal = deps.seal;
    this.cluster = deps.cluster ?? { release: async () => {} };
  }

  // ── Browsers ──────────────────────────────────────────────────────────────

  async startRun(user: SessionUser, req: RunStartRequest): Promise<UiResult<{ runId: string; run: RunView }>> {
    const playbook = await this.opts.getPlaybook(req.playbook);
    if (!playbook) return err("not-found", `No playbook "${req.playbook}".`);
    const host = await this.hosts.runnableHost(req.hostId);
    if (!host) return err("not-found", "No such host.");
    if (!this.links.has(host.id))
      return err("host-offline", `Host "${host.name}" is offline: its agent is not connected.`);
    const checked = checkInputs(playbook.inputs, req.inputs);
    if (!checked.ok) return err("bad-request", checked.message);
    const live = { values: checked.inputs.values, captured: {}, secrets: checked.inputs.secrets, runAllUserId: null };
    const run = await this.store.createRun(
      {
        playbookSlug: playbook.slug,
        contentHash: playbook.contentHash,
        hostId: host.id,
        userId: user.id,
        inputs: checked.inputs.stored,
        live: sealLive(this.seal, live),
      },
      { hostName: host.name },
    );
    this.runs.set(run.id, {
      id: run.id,
      playbookSlug: playbook.slug,
      contentHash: playbook.contentHash,
      hostId: host.id,
      hostName: host.name,
      ownerId: user.id,
      ownerName: user.name,
      ...live,
      active: null,
      history: [],
      walk: null,
      walking: false,
    });
    log.info({ runId: run.id, playbook: playbook.slug, host: host.name, user: user.email }, "run started");
    const head = {
      id: run.id,
      playbookSlug: playbook.slug,
      contentHash: playbook.contentHash,
      hostId: host.id,
      hostName: host.name,
      userId: user.id,
      userName: user.name,
      createdAt: run.createdAt.toISOString(),
    };
    return { ok: true, runId: run.id, run: newRunView(head, checked.inputs.stored, playbook) };
  }

  async runStep(user: SessionUser, req: StepRunRequest): Promise<UiResult<{ stepRunId: string }>> {
    const run = await this.held(req.runId);
    if (!run) return this.notActive(req.runId);
    const notOwner = this.ownerRefusal(user, run);
    if (notOwner) return notOwner;
    if (run.active)
      return err("conflict", `Step "${run.active.step.id}" is still running in this run; wait for it or cancel it.`);
    const found = await this.currentStep(run, req.stepId);
    if (!found.ok) return found;
    const { playbook, step } = found;
    const blocked = prerequisiteRefusal(playbook, run.history, step);
    if (blocked) return err("conflict", blocked);
    const refusal = stepRefusal(user, step, req);
    if (refusal) return err(refusal.code, refusal.message);
    run.walking = false;
    return this.launch(run, playbook, step, user.id, user.name);
  }

  async runAllRead(user: SessionUser, runId: string): Promise<UiResult<object>> {
    const run = await this.held(runId);
    if (!run) return this.notActive(runId);
    const notOwner = this.ownerRefusal(user, run);
    if (notOwner) return notOwner;
    if (run.active) return err("conflict", `Step "${run.active.step.id}" is still running in this run.`);
    const playbook = await this.opts.getPlaybook(run.playbookSlug);
    if (!playbook || playbook.contentHash !== run.contentHash) {
      return err("conflict", "The playbook changed since this run started; start a new run.");
    }
    run.walk = { path: [], stopped: null };
    run.walking = true;
    run.runAllUserId = user.id;
    await this.store.saveLive(run.id, sealLive(this.seal, run));
    const next = await this.walkOn(run, playbook);
    if (!run.walking) await this.publishRun(run.id);
    return next.ok ? { ok: true } : next;
  }

  async cancel(user: SessionUser, runId: string): Promise<UiResult<object>> {
    const run = await this.held(runId);
    if (!run) return this.notActive(runId);
    const notOwner = this.ownerRefusal(user, run);
    if (notOwner) return notOwner;
    const hadRunAll = run.walking;
    if (hadRunAll) await this.stopWalk(run, `stopped: cancelled by ${user.name}`);
    const active = run.active;
    if (!active) {
      if (hadRunAll) await this.publishRun(run.id);
      return hadRunAll ? { ok: true } : err("conflict", "No step is running in this run.");
    }
    const link = this.links.get(run.hostId);
    if (link) link.send("step.cancel", { stepRunId: active.stepRunId });
    else
      void this.end(
        run,
        active,
        { cause: "cancelled", exitCode: null, signal: null },
        "cancelled while the agent was disconnected",
      );
    log.info({ runId, stepRunId: active.stepRunId, user: user.email }, "step cancel requested");
    await this.store.auditHub("step.cancel", { userId: user.id, runId, detail: { stepRunId: active.stepRunId } });
    await this.publishRun(run.id);
    return { ok: true };
  }

  async finishRun(user: SessionUser, runId: string): Promise<UiResult<{ run: RunView }>> {
    const run = await this.held(runId);
    if (!run) return this.notActive(runId);
    const notOwner = this.ownerRefusal(user, run);
    if (notOwner) return notOwner;
    if (run.active) return err("conflict", `Step "${run.active.step.id}" is still running; cancel it first.`);
    this.runs.delete(runId);
    await this.store.finishRun(runId, user.id);
    const view = await this.publishRun(runId, run.playbookSlug);
    return view ? { ok: true, run: view } : err("internal", "The run vanished.");
  }

  /** The run as stored plus what only this process knows. */
  async view(runId: string, knownSlug?: string): Promise<RunView | null> {
    const slug = knownSlug ?? this.runs.get(runId)?.playbookSlug ?? (await this.store.playbookOf(runId));
    if (!slug) return null;
    return this.store.runView(runId, await this.opts.getPlaybook(slug), this.liveState(runId));
  }

  liveState(runId: string): LiveRunState | undefined {
    const state = this.runs.get(runId);
    return state ? { activeStepRunId: state.active?.stepRunId ?? null, runningAllRead: state.walking } : undefined;
  }

  /** The host of a run active here, without a read; null when this process does not hold it. */
  hostOfHeld(runId: string): string | null {
    return this.runs.get(runId)?.hostId ?? null;
  }

  /** Whether the run is active in this process (under scale-out, requests about it come here). */
  holdsRun(runId: string): boolean {
    return this.runs.has(runId);
  }

  /** The running step's session, for replay on subscribe and browser flow control. */
  session(stepRunId: string): StepSession | null {
    return this.steps.get(stepRunId)?.active?.session ?? null;
  }

  /** The run whose step this is, while it runs here. */
  runOfStep(stepRunId: string): string | null {
    return this.steps.get(stepRunId)?.id ?? null;
  }

  watcherGone(socketId: string): void {
    for (const run of this.steps.values()) run.active?.session.watcherGone(socketId);
  }

  // ── Agents ────────────────────────────────────────────────────────────────

  /** For /metrics: what this instance holds now. */
  counts(): HubCounts {
    return { agents: this.links.size, runs: this.runs.size, steps: this.steps.size };
  }

  isConnected(hostId: string): boolean {
    return this.links.has(hostId);
  }

  /**
   * A (re)connected agent said hello: take its host's runs over from wherever they were driven
   * (another instance, or this one before a restart), pick its running steps back up, end those it
   * lost. Returns the steps it reported that no run here knows: it should drop them.
   */
  async agentHello(link: AgentLink, hello: AgentHello): Promise<string[]> {
    await this.cluster.release(link.hostId);
    this.links.set(link.hostId, link);
    const reported = new Set(hello.active.map((a) => a.stepRunId));
    await this.takeOver({ hostId: link.hostId });
    const forget = [...reported].filter((id) => this.steps.get(id)?.hostId !== link.hostId);
    for (const run of this.runsOnHost(link.hostId)) {
      const active = run.active;
      if (!active) {
        if (run.walking) {
          const goOn = () => this.walkOn(run).catch((err: unknown) => this.walkFailed(run, err));
          setImmediate(() => void goOn().then(() => this.publishRun(run.id)));
        }
        continue;
      }
      if (reported.has(active.stepRunId)) {
        if (active.lostTimer) clearTimeout(active.lostTimer);
        active.lostTimer = null;
        // Where the agent resends from: everything after what we already have.
        link.send("step.ack", { stepRunId: active.stepRunId, offset: active.session.received });
      } else {
        void this.end(run, active, ...lost("the agent restarted while the step ran; output up to then is kept"));
      }
    }
    return forget;
  }

  /**
   * Another instance took this host's agent: stop driving its runs, without ending anything, once
   * what they emitted is committed. The new owner carries on from the database.
   */
  async release(hostId: string): Promise<void> {
    this.links.delete(hostId);
    for (const run of this.runsOnHost(hostId)) {
      this.runs.delete(run.id);
      const active = run.active;
      if (!active) continue;
      if (active.ended) await active.ended;
      else {
        if (active.lostTimer) clearTimeout(active.lostTimer);
        clearTimeout(active.safetyTimer);
        await active.session.release();
      }
      this.steps.delete(active.stepRunId);
    }
  }

  /** Active runs left by an instance that stopped, when their agent did not come back: end their steps. */
  async sweepOrphans(isOnline: (hostId: string) => Promise<boolean>, hostIds: string[]): Promise<void> {
    for (const hostId of hostIds) {
      // A run this process holds in its agent's grace is no orphan: its own lost timer ends it.
      if (this.links.has(hostId) || this.inGrace(hostId) || (await isOnline(hostId))) continue;
      await this.takeOver({ hostId });
      const seconds = Math.round(this.opts.agentGraceMs / 1000);
      const reason = `the server stopped while the step ran and the agent did not come back within ${seconds} s`;
      for (const run of this.runsOnHost(hostId)) {
        if (run.active) await this.end(run, run.active, ...lost(`${reason}; output up to then is kept`));
      }
    }
  }

  private inGrace(hostId: string): boolean {
    return this.runsOnHost(hostId).some((run) => run.active?.lostTimer);
  }

  agentGone(link: AgentLink): void {
    if (this.links.get(link.hostId) !== link) return; // a newer connection (or another instance) has it
    this.links.delete(link.hostId);
    for (const run of this.runsOnHost(link.hostId)) this.awaitAgent(run);
  }

  /** The run's step ends as lost unless its agent is back within the grace period. */
  private awaitAgent(run: RunState): void {
    const active = run.active;
    if (!active || active.lostTimer) return;
    const seconds = Math.round(this.opts.agentGraceMs / 1000);
    const reason = `the agent disconnected and did not come back within ${seconds} s; output up to then is kept`;
    active.lostTimer = setTimeout(() => void this.end(run, active, ...lost(reason)), this.opts.agentGraceMs);
  }

  output(link: AgentLink, chunk: StepOutput): void {
    const run = this.steps.get(chunk.stepRunId);
    if (!run || run.hostId !== link.hostId || !run.active) return;
    run.active.session.take(chunk);
  }

  async exit(link: AgentLink, exit: StepExit): Promise<void> {
    const run = this.steps.get(exit.stepRunId);
    if (!run || run.hostId !== link.hostId || !run.active) return; // already ended (e.g. lost): nothing to do
    const active = run.active;
    if (exit.totalBytes !== active.session.received) {
      const sizes = { agentBytes: exit.totalBytes, received: active.session.received };
      log.warn({ stepRunId: exit.stepRunId, ...sizes }, "agent reports a different output size than received");
    }
    await this.end(run, active, { cause: exit.cause, exitCode: exit.exitCode, signal: exit.signal, error: exit.error });
  }

  async refused(link: AgentLink, refusal: StepRefusal): Promise<void> {
    const run = this.steps.get(refusal.stepRunId);
    if (!run || run.hostId !== link.hostId || !run.active) return;
    const reason = `refused by the agent on ${run.hostName}: ${refusal.reason}`;
    await this.end(run, run.active, { cause: "refused", exitCode: null, signal: null }, reason);
  }

  /**
   * Server shutdown: lets go of every run once its output so far is committed. Running steps stay
   * "running": their agent reconnects to another instance, or to this one restarted, which takes
   * them over (or ends them as lost when the agent does not come back).
   */
  async close(): Promise<void> {
    const hostIds = new Set([...this.runs.values()].map((r) => r.hostId));
    await Promise.all([...hostIds].map((hostId) => this.release(hostId)));
  }

  // ── Inside ────────────────────────────────────────────────────────────────

  /** The run's running step from now on: its session, and the timer for an agent that never reports. */
  private track(
    run: RunState,
    stepRun: { id: string; startedAt: Date },
    step: Step,
    userId: string,
    from?: RecorderStart,
  ): ActiveStep {
    const session = new StepSession({
      stepRunId: stepRun.id,
      secrets: run.secrets,
      maxOutputBytes: this.opts.maxOutputBytes,
      from,
      record: (onCommitted) => this.store.recordOutput(stepRun.id, stepRun.startedAt, onCommitted, from),
      broadcast: (offset, data, except) => this.ui.output(run.id, stepRun.id, offset, data, except),
      resync: (socketId) => this.ui.resync(run.id, stepRun.id, socketId),
      sendAck: (offset) => this.links.get(run.hostId)?.send("step.ack", { stepRunId: stepRun.id, offset }),
    });
    const sinceStart = Date.now() - stepRun.startedAt.getTime();
    const active: ActiveStep = {
      stepRunId: stepRun.id,
      step,
      userId,
      command: agentStepCommand(step).command,
      startedAt: stepRun.startedAt,
      session,
      lostTimer: null,
      ended: null,
      // The agent enforces the timeout; this catches an agent that never reports back.
      safetyTimer: setTimeout(
        () => void this.end(run, active, ...lost("the agent did not report the end of the step in time")),
        Math.max(0, step.timeout * 1000 + 120_000 - sinceStart),
      ),
    };
    run.active = active;
    this.steps.set(stepRun.id, run);
    return active;
  }

  /** The run if it is active: driven here, or taken over from the database when no instance drives it. */
  private async held(runId: string): Promise<RunState | null> {
    const run = this.runs.get(runId);
    if (run) return run;
    await this.takeOver({ runId });
    return this.runs.get(runId) ?? null;
  }

  /** Rebuilds active runs from the database that this instance does not drive yet. */
  private async takeOver(where: { hostId: string } | { runId: string }): Promise<void> {
    for (const stored of await this.store.activeRuns(where)) {
      if (this.runs.has(stored.id)) continue;
      const rebuilt = await this.rebuild(stored);
      if (!rebuilt || this.runs.has(stored.id)) continue; // taken over meanwhile by a concurrent request
      const { run, running } = rebuilt;
      this.runs.set(run.id, run);
      if (running) {
        const { row, step } = running;
        this.track(run, { id: row.id, startedAt: row.startedAt }, step, row.userId ?? run.ownerId, row.from);
        if (!this.links.has(run.hostId)) this.awaitAgent(run);
      }
      log.info({ runId: run.id, host: run.hostName, running: run.active?.stepRunId }, "run taken over");
    }
  }

  private async rebuild(
    stored: StoredRun,
  ): Promise<{ run: RunState; running: { row: StoredRunningStep; step: Step } | null } | null> {
    const live = openLive(this.seal, stored.live);
    if (!live) log.warn({ runId: stored.id }, "run's live values are not readable here; its inputs are empty");
    const run: RunState = {
      id: stored.id,
      playbookSlug: stored.playbookSlug,
      contentHash: stored.contentHash,
      hostId: stored.hostId,
      hostName: stored.hostName,
      ownerId: stored.ownerId ?? "",
      ownerName: stored.ownerName,
      ...(live ?? { values: {}, captured: {}, secrets: [], runAllUserId: null }),
      active: null,
      history: stored.history,
      walk: stored.walk,
      walking: stored.walk !== null && stored.walk.stopped === null && live?.runAllUserId != null,
    };
    const row = stored.running;
    if (!row) return { run, running: null };
    const playbook = await this.opts.getPlaybook(run.playbookSlug);
    const step = playbook?.contentHash === run.contentHash && playbook.steps.find((s) => s.id === row.stepId);
    if (!step) {
      log.warn({ runId: run.id, step: row.stepId }, "running step is not in the current playbook; left alone");
      return null;
    }
    return { run, running: { row, step } };
  }

  private notActive(runId: string): Refused {
    return err("conflict", `Run ${runId} is not active (finished, interrupted or unknown); start a new run.`);
  }

  private ownerRefusal(user: Pick<SessionUser, "id" | "role">, run: RunState): Refused | null {
    const may = mayActOnRun(user, { userId: run.ownerId, userName: run.ownerName });
    return may.allowed ? null : err("forbidden", may.reason);
  }

  /** Run-all's user as stored now: a ban, demotion or deletion since the last step stops the queue. */
  private async runAllRefusal(run: RunState, userId: string): Promise<Refused | null> {
    const role = await this.users.currentRole(userId);
    if (!role) return err("forbidden", "Run all read steps stopped: its user is banned or no longer exists.");
    const user = { id: userId, role };
    const may = mayDo(user, "run-steps");
    if (!may.allowed) return err("forbidden", `Run all read steps stopped: ${may.reason}`);
    const host = await this.hosts.access(run.hostId);
    const use = host ? mayUseHost(user, host) : { allowed: false as const, reason: "its host no longer exists." };
    if (!use.allowed) return err("forbidden", `Run all read steps stopped: ${use.reason}`);
    return this.ownerRefusal(user, run);
  }

  private runsOnHost(hostId: string): RunState[] {
    return [...this.runs.values()].filter((r) => r.hostId === hostId);
  }

  private async currentStep(run: RunState, stepId: string): Promise<Found | Refused> {
    const playbook = await this.opts.getPlaybook(run.playbookSlug);
    if (!playbook) return err("not-found", `Playbook "${run.playbookSlug}" is no longer in the content index.`);
    if (playbook.contentHash !== run.contentHash) {
      const change = `${run.contentHash} → ${playbook.contentHash}`;
      return err("conflict", `The playbook changed since this run started (${change}); start a new run.`);
    }
    const step = playbook.steps.find((s) => s.id === stepId);
    if (!step) return err("not-found", `Playbook "${playbook.slug}" has no step "${stepId}".`);
    return { ok: true, playbook, step };
  }

  private async launch(
    run: RunState,
    playbook: Playbook,
    step: Step,
    userId: string,
    userName: string | null = null,
  ): Promise<UiResult<{ stepRunId: string }>> {
    const link = this.links.get(run.hostId);
    if (!link) return err("host-offline", `Host "${run.hostName}" is offline: its agent is not connected.`);
    // Revoked since the run started, maybe on another instance: no new step for its agent.
    if (!(await this.hosts.runnableHost(run.hostId)))
      return err("forbidden", `Host "${run.hostName}" was revoked; its agent may not run steps.`);
    const masker = new SecretMasker(run.secrets);
    const { command, shell } = agentStepCommand(step);
    const stepRun = await this.store.createStepRun(
      {
        runId: run.id,
        stepId: step.id,
        title: step.title,
        risk: step.risk,
        command: masker.maskText(command),
        shell: shell ?? "default",
        userId,
      },
      { hostName: run.hostName, playbookSlug: run.playbookSlug, contentHash: run.contentHash },
    );
    // Re-check after the await: another request may have started a step meanwhile.
    if (run.active) {
      await this.store.discardStepRun(stepRun.id);
      return err("conflict", `Step "${run.active.step.id}" is still running in this run.`);
    }
    const active = this.track(run, { id: stepRun.id, startedAt: stepRun.startedAt }, step, userId);
    link.send("step.start", {
      stepRunId: stepRun.id,
      runId: run.id,
      playbook: playbook.slug,
      contentHash: playbook.contentHash,
      playbookTags: playbook.tags,
      stepId: step.id,
      risk: step.risk,
      shell,
      command,
      // Captures arrive as inputs do; the content check keeps their names apart.
      env: { ...run.captured, ...run.values },
      timeoutMs: step.timeout * 1000,
      maxOutputBytes: this.opts.maxOutputBytes,
      cols: stepRun.cols,
      rows: stepRun.rows,
    });
    log.info(
      { runId: run.id, stepRunId: stepRun.id, step: step.id, risk: step.risk, host: run.hostName },
      "step sent to agent",
    );
    // A step started by hand changes nothing in the run that its own state does not say, so watchers
    // get that state from memory, at its start and its end: reading the run's view (five queries)
    // was 9.8 of the 29 ms a start cost the hub's thread, with fifty runs starting. A walk reads
    // the view, as the walk's own state changes with its steps.
    if (run.walking) await this.publishStep(run, stepRun.id);
    else {
      active.view = startedStepView(stepRun, { runId: run.id, step, userName });
      this.ui.stepState(run.id, active.view);
    }
    return { ok: true, stepRunId: stepRun.id };
  }

  private end(run: RunState, active: ActiveStep, ending: Ending, reason?: string): Promise<void> {
    active.ended ??= this.writeEnd(run, active, ending, reason);
    return active.ended;
  }

  private async writeEnd(run: RunState, active: ActiveStep, ending: Ending, reason?: string): Promise<void> {
    if (active.lostTimer) clearTimeout(active.lostTimer);
    clearTimeout(active.safetyTimer);
    const output = await active.session.close();
    const stopped = { ...ending, error: reason ?? ending.error };
    const { end, audit, captured } = recordEnding({ ...active, run }, stopped, output, this.opts.maxOutputBytes);
    Object.assign(run.captured, captured.values);
    run.secrets.push(...captured.secrets); // masked in every later step's command, output and reason
    // The agent is told the end is recorded only once it is: a database outage must not leave the step running.
    await retryWrite(() => this.store.endStepRun(active.stepRunId, end, audit), { stepRunId: active.stepRunId });
    if (Object.keys(captured.values).length > 0) await this.store.saveLive(run.id, sealLive(this.seal, run));
    this.steps.delete(active.stepRunId);
    if (run.active === active) run.active = null;
    const result = { verdict: end.verdict, exitCode: ending.exitCode, bytes: output.bytes };
    log.info({ runId: run.id, stepRunId: active.stepRunId, step: active.step.id, ...result }, "step ended");
    run.history.push({ stepId: active.step.id, verdict: end.verdict });
    const walked = run.walk?.path.at(-1);
    if (walked?.verdict === "running" && walked.stepId === active.step.id) {
      walked.verdict = end.verdict;
      if (!run.walking) await this.store.saveWalk(run.id, run.walk!);
    }
    // Telling watchers is best effort: a failed read here must not stop the walk below.
    await this.publishEnd(run, active, end).catch((err: unknown) =>
      log.warn({ err, stepRunId: active.stepRunId }, "could not tell watchers a step ended"),
    );
    if (!run.walking) return;
    const next = await this.walkOn(run).catch((err: unknown) => this.walkFailed(run, err));
    if (!next.ok) log.warn({ runId: run.id, error: next.error }, "run all read steps stopped");
    // A walk that went on told watchers with its next step; one that stopped says so here.
    if (!run.walking) await this.publishRun(run.id);
  }

  /** A walk that cannot go on (the database or the content failed it) stops and says so, not hangs. */
  private walkFailed(run: RunState, err: unknown): Promise<UiResult<object>> {
    log.error({ err, runId: run.id }, "run all read steps could not go on");
    return this.stopWalk(run, WALK_FAILED);
  }

  /** One move of the diagnosis walk: launch its next read step, or stop and say why. */
  private async walkOn(run: RunState, current?: Playbook): Promise<UiResult<object>> {
    const walk = run.walk!;
    const playbook = current ?? (await this.opts.getPlaybook(run.playbookSlug));
    if (!playbook || playbook.contentHash !== run.contentHash) {
      return this.stopWalk(run, "stopped: the playbook changed since this run started; start a new run");
    }
    const move = nextWalkMove(playbook, run.history, walk);
    if ("stop" in move) {
      if (move.skipped) walk.path.push({ ...move.skipped, verdict: "skipped" });
      return this.stopWalk(run, move.stop);
    }
    const refused = await this.runAllRefusal(run, run.runAllUserId!);
    if (refused) return this.stopWalk(run, refused.error.message, refused);
    const found = await this.currentStep(run, move.run);
    if (!found.ok) return this.stopWalk(run, `stopped: ${found.error.message}`, found);
    walk.path.push({ stepId: move.run, verdict: "running", reason: null });
    const launched = await this.launch(run, found.playbook, found.step, run.runAllUserId!);
    if (!launched.ok) {
      walk.path.pop();
      return this.stopWalk(run, `stopped: ${launched.error.message}`, launched);
    }
    await this.store.saveWalk(run.id, walk);
    return { ok: true };
  }

  private async stopWalk(run: RunState, reason: string, refused?: Refused): Promise<UiResult<object>> {
    run.walking = false;
    if (run.walk) {
      const walk = run.walk;
      walk.stopped = reason;
      // Kept through a short outage: the stored walk is what every page and instance reads.
      await retryWrite(() => this.store.saveWalk(run.id, walk), { runId: run.id });
    }
    return refused ?? { ok: true };
  }

  /**
   * Tells watchers a step started or ended: its state, then the run's. One read of the run serves
   * both, since the run's view holds its steps' (a step's own read cost three more queries, and a
   * start or end is what the run path does most).
   */
  private async publishStep(run: RunState, stepRunId: string): Promise<void> {
    const view = await this.view(run.id, run.playbookSlug);
    const step = view?.steps.find((s) => s.id === stepRunId);
    if (step) this.ui.stepState(run.id, step);
    if (view) this.ui.runState(view);
  }

  /** A step's end: from memory when its start was (launch), else from the run's view. */
  private async publishEnd(run: RunState, active: ActiveStep, end: StepRunEnd): Promise<void> {
    // No walk starts while a step runs (runAllRead refuses), so a step with a view is not a walk's.
    if (!active.view) return this.publishStep(run, active.stepRunId);
    const playbook = await this.opts.getPlaybook(run.playbookSlug);
    this.ui.stepState(run.id, endedStepView(active.view, end, playbook, run.history));
  }

  private async publishRun(runId: string, slug?: string): Promise<RunView | null> {
    const view = await this.view(runId, slug);
    if (view) this.ui.runState(view);
    return view;
  }
}
