// The run hub's core: active runs, their one running step each, and the traffic between browsers
// (UiRoom) and agents (AgentLink). Commands come only from the content index.
import type { SessionUser } from "@/lib/auth/request-user";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { isShellLang } from "@/lib/playbooks/format";
import type { Playbook, Step } from "@/lib/playbooks/types";
import { auditStep } from "@/lib/runs/audit";
import { checkInputs } from "@/lib/runs/inputs";
import type {
  AgentHello,
  RunStartRequest,
  RunView,
  StepExit,
  StepOutput,
  StepRefusal,
  StepRunRequest,
  StepStart,
  UiError,
  UiResult,
} from "@/lib/runs/protocol";
import { loadRunView, loadStepRunView, type LiveRunState } from "@/lib/runs/run-views";
import { SecretMasker } from "@/lib/runs/secret-masker";
import { judge, type StepEnding } from "@/lib/runs/verdict";
import type { HubOptions } from "./options";
import { StepSession } from "./step-session";

/** How the hub talks to one connected agent. */
export interface AgentLink {
  hostId: string;
  hostName: string;
  send: {
    start(start: StepStart): void;
    ack(stepRunId: string, offset: number): void;
    cancel(stepRunId: string): void;
  };
}

/** How the hub talks to the browsers watching runs. */
export interface UiRoom {
  runState(run: RunView): void;
  stepState(runId: string, step: NonNullable<Awaited<ReturnType<typeof loadStepRunView>>>): void;
  output(runId: string, stepRunId: string, offset: number, data: Buffer): void;
}

interface ActiveStep {
  stepRunId: string;
  step: Step;
  userId: string;
  command: string;
  startedAt: Date;
  session: StepSession;
  /** Set while the agent is away: the step ends as lost when it fires. */
  lostTimer: NodeJS.Timeout | null;
  safetyTimer: NodeJS.Timeout;
  ending: boolean;
}

interface RunState {
  id: string;
  playbookSlug: string;
  contentHash: string;
  hostId: string;
  hostName: string;
  values: Record<string, string>;
  secrets: string[];
  active: ActiveStep | null;
  /** "Run all read steps": the step ids still to run. */
  runAll: string[] | null;
  runAllUserId: string | null;
}

const err = (code: UiError["code"], message: string): { ok: false; error: UiError } => ({ ok: false, error: { code, message } });

export class RunManager {
  private readonly runs = new Map<string, RunState>();
  private readonly steps = new Map<string, RunState>(); // by running StepRun id
  private readonly links = new Map<string, AgentLink>(); // by host id

  constructor(
    private readonly opts: HubOptions,
    private readonly ui: UiRoom,
  ) {}

  // ── Browsers ──────────────────────────────────────────────────────────────

  async startRun(user: SessionUser, req: RunStartRequest): Promise<UiResult<{ runId: string; run: RunView }>> {
    if (!hasRole(user, "operator")) return err("forbidden", `Running playbooks needs the operator role; you are ${user.role}.`);
    const playbook = await this.opts.getPlaybook(req.playbook);
    if (!playbook) return err("not-found", `No playbook "${req.playbook}".`);
    const host = await db.host.findUnique({ where: { id: req.hostId }, select: { id: true, name: true, revokedAt: true } });
    if (!host || host.revokedAt) return err("not-found", "No such host.");
    if (!this.links.has(host.id)) return err("host-offline", `Host "${host.name}" is offline: its agent is not connected.`);
    const checked = checkInputs(playbook.inputs, req.inputs);
    if (!checked.ok) return err("bad-request", checked.message);
    const run = await db.run.create({
      data: { playbookSlug: playbook.slug, contentHash: playbook.contentHash, hostId: host.id, userId: user.id, inputs: checked.inputs.stored },
      select: { id: true },
    });
    this.runs.set(run.id, {
      id: run.id,
      playbookSlug: playbook.slug,
      contentHash: playbook.contentHash,
      hostId: host.id,
      hostName: host.name,
      values: checked.inputs.values,
      secrets: checked.inputs.secrets,
      active: null,
      runAll: null,
      runAllUserId: null,
    });
    log.info({ runId: run.id, playbook: playbook.slug, host: host.name, user: user.email }, "run started");
    const view = await this.view(run.id);
    if (!view) return err("internal", "The run vanished.");
    return { ok: true, runId: run.id, run: view };
  }

  async runStep(user: SessionUser, req: StepRunRequest): Promise<UiResult<{ stepRunId: string }>> {
    if (!hasRole(user, "operator")) return err("forbidden", `Running steps needs the operator role; you are ${user.role}.`);
    const run = this.runs.get(req.runId);
    if (!run) return this.notActive(req.runId);
    if (run.active) return err("conflict", `Step "${run.active.step.id}" is still running in this run; wait for it or cancel it.`);
    const found = await this.currentStep(run, req.stepId);
    if (!found.ok) return found;
    const { playbook, step } = found;
    if (step.risk === "change" && req.confirm !== true) {
      return err("needs-confirmation", `Step "${step.id}" changes the host; confirm to run it.`);
    }
    if (step.risk === "danger") {
      if (!hasRole(user, "admin")) return err("forbidden", `Step "${step.id}" is dangerous: only admins may run it.`);
      if (req.typedStepId !== step.id) return err("forbidden", `Step "${step.id}" is dangerous: type its id to run it.`);
      if (req.confirm !== true) return err("needs-confirmation", `Step "${step.id}" is dangerous; confirm to run it.`);
    }
    run.runAll = null;
    return this.launch(run, playbook, step, user.id);
  }

  async runAllRead(user: SessionUser, runId: string): Promise<UiResult<object>> {
    if (!hasRole(user, "operator")) return err("forbidden", `Running steps needs the operator role; you are ${user.role}.`);
    const run = this.runs.get(runId);
    if (!run) return this.notActive(runId);
    if (run.active) return err("conflict", `Step "${run.active.step.id}" is still running in this run.`);
    const playbook = await this.opts.getPlaybook(run.playbookSlug);
    if (!playbook || playbook.contentHash !== run.contentHash) return err("conflict", "The playbook changed since this run started; start a new run.");
    const queue = playbook.steps.filter((s) => s.risk === "read").map((s) => s.id);
    if (queue.length === 0) return err("not-found", "This playbook has no read-only steps.");
    run.runAll = queue;
    run.runAllUserId = user.id;
    const next = await this.continueRunAll(run);
    return next.ok ? { ok: true } : next;
  }

  async cancel(user: SessionUser, runId: string): Promise<UiResult<object>> {
    if (!hasRole(user, "operator")) return err("forbidden", `Cancelling steps needs the operator role; you are ${user.role}.`);
    const run = this.runs.get(runId);
    if (!run) return this.notActive(runId);
    const hadRunAll = run.runAll !== null;
    run.runAll = null;
    const active = run.active;
    if (!active) {
      if (hadRunAll) await this.publishRun(run.id);
      return hadRunAll ? { ok: true } : err("conflict", "No step is running in this run.");
    }
    const link = this.links.get(run.hostId);
    if (link) link.send.cancel(active.stepRunId);
    else void this.end(run, active, { cause: "cancelled", exitCode: null, signal: null }, "cancelled while the agent was disconnected");
    log.info({ runId, stepRunId: active.stepRunId, user: user.email }, "step cancel requested");
    await this.publishRun(run.id);
    return { ok: true };
  }

  async finishRun(user: SessionUser, runId: string): Promise<UiResult<{ run: RunView }>> {
    if (!hasRole(user, "operator")) return err("forbidden", `Finishing runs needs the operator role; you are ${user.role}.`);
    const run = this.runs.get(runId);
    if (!run) return this.notActive(runId);
    if (run.active) return err("conflict", `Step "${run.active.step.id}" is still running; cancel it first.`);
    this.runs.delete(runId);
    await db.run.update({ where: { id: runId }, data: { status: "finished", finishedAt: new Date() } });
    const view = await this.publishRun(runId);
    return view ? { ok: true, run: view } : err("internal", "The run vanished.");
  }

  /** The run as stored plus what only this process knows. */
  async view(runId: string): Promise<RunView | null> {
    const slug = this.runs.get(runId)?.playbookSlug ?? (await db.run.findUnique({ where: { id: runId }, select: { playbookSlug: true } }))?.playbookSlug;
    if (!slug) return null;
    return loadRunView(runId, await this.opts.getPlaybook(slug), this.liveState(runId));
  }

  liveState(runId: string): LiveRunState | undefined {
    const state = this.runs.get(runId);
    return state ? { activeStepRunId: state.active?.stepRunId ?? null, runningAllRead: state.runAll !== null } : undefined;
  }

  /** The running step's session, for replay on subscribe and browser flow control. */
  session(stepRunId: string): StepSession | null {
    return this.steps.get(stepRunId)?.active?.session ?? null;
  }

  watcherGone(socketId: string): void {
    for (const run of this.steps.values()) run.active?.session.watcherGone(socketId);
  }

  // ── Agents ────────────────────────────────────────────────────────────────

  isConnected(hostId: string): boolean {
    return this.links.has(hostId);
  }

  /** A (re)connected agent said hello: pick its running steps back up, end those it lost. */
  agentHello(link: AgentLink, hello: AgentHello): string[] {
    this.links.set(link.hostId, link);
    const reported = new Set(hello.active.map((a) => a.stepRunId));
    const forget = [...reported].filter((id) => this.steps.get(id)?.hostId !== link.hostId);
    for (const run of this.runsOnHost(link.hostId)) {
      const active = run.active;
      if (!active) continue;
      if (reported.has(active.stepRunId)) {
        if (active.lostTimer) clearTimeout(active.lostTimer);
        active.lostTimer = null;
        link.send.ack(active.stepRunId, active.session.received);
      } else {
        void this.end(run, active, { cause: "agent-lost", exitCode: null, signal: null }, "the agent restarted while the step ran; output up to then is kept");
      }
    }
    return forget;
  }

  agentGone(link: AgentLink): void {
    if (this.links.get(link.hostId) !== link) return;
    this.links.delete(link.hostId);
    for (const run of this.runsOnHost(link.hostId)) {
      const active = run.active;
      if (!active || active.lostTimer) continue;
      active.lostTimer = setTimeout(() => {
        void this.end(run, active, { cause: "agent-lost", exitCode: null, signal: null }, `the agent disconnected and did not come back within ${Math.round(this.opts.agentGraceMs / 1000)} s; output up to then is kept`);
      }, this.opts.agentGraceMs);
    }
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
      log.warn({ stepRunId: exit.stepRunId, agentBytes: exit.totalBytes, received: active.session.received }, "agent reports a different output size than received");
    }
    await this.end(run, active, { cause: exit.cause, exitCode: exit.exitCode, signal: exit.signal, error: exit.error });
  }

  async refused(link: AgentLink, refusal: StepRefusal): Promise<void> {
    const run = this.steps.get(refusal.stepRunId);
    if (!run || run.hostId !== link.hostId || !run.active) return;
    await this.end(run, run.active, { cause: "refused", exitCode: null, signal: null }, `refused by the agent on ${run.hostName}: ${refusal.reason}`);
  }

  /** Stops timers (server shutdown). Running steps stay "running" and are marked interrupted next start. */
  close(): void {
    for (const run of this.runs.values()) {
      if (run.active?.lostTimer) clearTimeout(run.active.lostTimer);
      if (run.active) clearTimeout(run.active.safetyTimer);
    }
  }

  // ── Inside ────────────────────────────────────────────────────────────────

  private notActive(runId: string): { ok: false; error: UiError } {
    return err("conflict", `Run ${runId} is not active (finished, interrupted or unknown); start a new run.`);
  }

  private runsOnHost(hostId: string): RunState[] {
    return [...this.runs.values()].filter((r) => r.hostId === hostId);
  }

  private async currentStep(run: RunState, stepId: string): Promise<{ ok: true; playbook: Playbook; step: Step } | { ok: false; error: UiError }> {
    const playbook = await this.opts.getPlaybook(run.playbookSlug);
    if (!playbook) return err("not-found", `Playbook "${run.playbookSlug}" is no longer in the content index.`);
    if (playbook.contentHash !== run.contentHash) {
      return err("conflict", `The playbook changed since this run started (${run.contentHash} → ${playbook.contentHash}); start a new run.`);
    }
    const step = playbook.steps.find((s) => s.id === stepId);
    if (!step) return err("not-found", `Playbook "${playbook.slug}" has no step "${stepId}".`);
    return { ok: true, playbook, step };
  }

  private async launch(run: RunState, playbook: Playbook, step: Step, userId: string): Promise<UiResult<{ stepRunId: string }>> {
    const link = this.links.get(run.hostId);
    if (!link) return err("host-offline", `Host "${run.hostName}" is offline: its agent is not connected.`);
    const masker = new SecretMasker(run.secrets);
    const command = step.code;
    const shell = isShellLang(step.lang) ? step.lang : null;
    const stepRun = await db.stepRun.create({
      data: {
        runId: run.id,
        stepId: step.id,
        title: step.title,
        risk: step.risk,
        command: masker.maskText(command),
        shell: shell ?? "default",
        userId,
      },
      select: { id: true, startedAt: true, cols: true, rows: true },
    });
    // Re-check after the await: another request may have started a step meanwhile.
    if (run.active) {
      await db.stepRun.delete({ where: { id: stepRun.id } });
      return err("conflict", `Step "${run.active.step.id}" is still running in this run.`);
    }
    const session = new StepSession({
      stepRunId: stepRun.id,
      startedAt: stepRun.startedAt,
      secrets: run.secrets,
      maxOutputBytes: this.opts.maxOutputBytes,
      broadcast: (offset, data) => this.ui.output(run.id, stepRun.id, offset, data),
      sendAck: (offset) => this.links.get(run.hostId)?.send.ack(stepRun.id, offset),
    });
    const timeoutMs = step.timeout * 1000;
    const active: ActiveStep = {
      stepRunId: stepRun.id,
      step,
      userId,
      command,
      startedAt: stepRun.startedAt,
      session,
      lostTimer: null,
      ending: false,
      // The agent enforces the timeout; this catches an agent that never reports back.
      safetyTimer: setTimeout(() => {
        void this.end(run, active, { cause: "agent-lost", exitCode: null, signal: null }, "the agent did not report the end of the step in time");
      }, timeoutMs + 120_000),
    };
    run.active = active;
    this.steps.set(stepRun.id, run);
    link.send.start({
      stepRunId: stepRun.id,
      runId: run.id,
      playbook: playbook.slug,
      contentHash: playbook.contentHash,
      playbookTags: playbook.tags,
      stepId: step.id,
      risk: step.risk,
      shell,
      command,
      env: run.values,
      timeoutMs,
      maxOutputBytes: this.opts.maxOutputBytes,
      cols: stepRun.cols,
      rows: stepRun.rows,
    });
    log.info({ runId: run.id, stepRunId: stepRun.id, step: step.id, risk: step.risk, host: run.hostName }, "step sent to agent");
    await this.publishStep(run, stepRun.id);
    await this.publishRun(run.id);
    return { ok: true, stepRunId: stepRun.id };
  }

  private async end(run: RunState, active: ActiveStep, ending: Omit<StepEnding, "text" | "timeoutSec" | "maxOutputBytes">, reason?: string): Promise<void> {
    if (active.ending) return;
    active.ending = true;
    if (active.lostTimer) clearTimeout(active.lostTimer);
    clearTimeout(active.safetyTimer);
    const output = await active.session.close();
    const judgement = judge(active.step.expect, {
      ...ending,
      error: reason ?? ending.error,
      text: output.text,
      timeoutSec: active.step.timeout,
      maxOutputBytes: this.opts.maxOutputBytes,
    });
    const endedAt = new Date();
    const masker = new SecretMasker(run.secrets);
    const truncated = output.truncated || ending.cause === "output-cap";
    await db.stepRun.update({
      where: { id: active.stepRunId },
      data: {
        endedAt,
        exitCode: ending.exitCode,
        signal: ending.signal,
        verdict: judgement.verdict,
        reason: judgement.reason === null ? null : masker.maskText(judgement.reason),
        outputBytes: output.bytes,
        truncated,
      },
    });
    await auditStep({
      userId: active.userId,
      hostName: run.hostName,
      playbookSlug: run.playbookSlug,
      contentHash: run.contentHash,
      stepId: active.step.id,
      command: masker.maskText(active.command),
      exitCode: ending.exitCode,
      verdict: judgement.verdict,
      startedAt: active.startedAt,
      endedAt,
      detail: judgement.reason === null ? null : masker.maskText(judgement.reason),
    });
    this.steps.delete(active.stepRunId);
    if (run.active === active) run.active = null;
    log.info({ runId: run.id, stepRunId: active.stepRunId, step: active.step.id, verdict: judgement.verdict, exitCode: ending.exitCode, bytes: output.bytes }, "step ended");
    if (run.runAll && judgement.verdict !== "passed") run.runAll = null;
    await this.publishStep(run, active.stepRunId);
    if (run.runAll) {
      const next = await this.continueRunAll(run);
      if (!next.ok) {
        run.runAll = null;
        log.warn({ runId: run.id, error: next.error }, "run all read steps stopped");
      }
    }
    await this.publishRun(run.id);
  }

  private async continueRunAll(run: RunState): Promise<UiResult<object>> {
    const id = run.runAll?.shift();
    if (!id || !run.runAllUserId) {
      run.runAll = null;
      return { ok: true };
    }
    const found = await this.currentStep(run, id);
    if (!found.ok) return found;
    const launched = await this.launch(run, found.playbook, found.step, run.runAllUserId);
    return launched.ok ? { ok: true } : launched;
  }

  private async publishStep(run: RunState, stepRunId: string): Promise<void> {
    const playbook = await this.opts.getPlaybook(run.playbookSlug);
    const view = await loadStepRunView(stepRunId, playbook);
    if (view) this.ui.stepState(run.id, view);
  }

  private async publishRun(runId: string): Promise<RunView | null> {
    const view = await this.view(runId);
    if (view) this.ui.runState(view);
    return view;
  }
}
