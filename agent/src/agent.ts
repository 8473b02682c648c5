// The agent's connection to the server: dial out to /agent, say hello, heartbeat, run the steps
// it is sent (within its own policy) and keep every output byte until the server has it.
import crypto from "node:crypto";
import os from "node:os";
import { io, type Socket } from "socket.io-client";
import { log } from "./log";
import { describeManifest, type ManifestFile } from "./manifest-file";
import { OutgoingOutput, stepWindow } from "./outgoing-output";
import { refusalReason } from "./policy";
import {
  AGENT_NAMESPACE,
  AGENT_PROTOCOL_VERSION,
  agentWelcomeSchema,
  REFUSAL_REASON_MAX,
  SERVER_TO_AGENT,
  type AgentHello,
  type AgentPolicy,
  type AgentToServerEvents,
  type ServerToAgentEvents,
  type StepExit,
  type StepStart,
} from "./protocol";
import { ServerRotation, type NextDial } from "./server-rotation";
import { StepProcess } from "./step-process";
import { agentVersion, describeOs } from "./system";

export interface AgentConfig {
  /** Tried in this order, round and round (server-rotation.ts); at least one. */
  servers: string[];
  token: string;
  name: string;
  policy: AgentPolicy;
  workdir: string;
  shell: string;
  graceMs: number;
  /** With --manifest: only the signed manifest's commands run, at the manifest's risk. */
  manifest: ManifestFile | null;
}

/** Exit status for "fix the configuration before restarting" (systemd: RestartPreventExitStatus). */
export const EXIT_CONFIG = 78;

interface ActiveStep {
  start: StepStart;
  process: StepProcess | null;
  output: OutgoingOutput;
  exit: StepExit | null;
}

type AgentSocket = Socket<ServerToAgentEvents, AgentToServerEvents>;
type ServerPayload<E extends keyof ServerToAgentEvents> = Parameters<ServerToAgentEvents[E]>[0];

export class Agent {
  private socket: AgentSocket;
  private readonly rotation: ServerRotation;
  /** The same on every server: how a server tells this process reconnecting from a second agent. */
  private readonly instance = crypto.randomUUID();
  private readonly steps = new Map<string, ActiveStep>();
  private welcomed = false;
  private windowBytes = 1024 * 1024;
  private heartbeat: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private readonly baseEnv: Record<string, string>;

  constructor(
    private readonly config: AgentConfig,
    private readonly onFatal: (reason: string) => void,
  ) {
    this.baseEnv = stepEnvironment(process.env);
    this.rotation = new ServerRotation(config.servers);
    this.socket = this.open(this.rotation.current);
  }

  /**
   * A socket to one server. socket.io's Manager, and so its reconnection, is per URL: the agent
   * reconnects by itself instead, with a new socket each time (rotation decides where and when).
   */
  private open(server: string): AgentSocket {
    const socket: AgentSocket = io(server.replace(/\/+$/, "") + AGENT_NAMESPACE, {
      auth: { token: this.config.token, instance: this.instance },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      autoConnect: false,
    });
    socket.on("connect", () => this.sayHello());
    socket.on("disconnect", (reason) => this.onDisconnect(reason));
    socket.on("connect_error", (err) => this.onConnectError(err));
    this.onServer(socket, "step.start", (start) => this.onStart(start));
    this.onServer(socket, "step.ack", ({ stepRunId, offset }) => this.steps.get(stepRunId)?.output.ack(offset));
    this.onServer(socket, "step.cancel", ({ stepRunId }) => this.steps.get(stepRunId)?.process?.stop("cancelled"));
    return socket;
  }

  /** Handles a server event whose payload passes its schema; a malformed step.start is refused. */
  private onServer<E extends keyof ServerToAgentEvents>(
    socket: AgentSocket,
    event: E,
    handle: (payload: ServerPayload<E>) => void,
  ): void {
    const schema = SERVER_TO_AGENT[event];
    const listen = socket.on.bind(socket) as (event: string, listener: (raw: unknown) => void) => void;
    listen(event, (raw) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) return handle(parsed.data as ServerPayload<E>);
      const issue = parsed.error.issues[0];
      const reason = `malformed ${event}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`.trim();
      log.warn({ reason }, "message from the server ignored");
      const stepRunId = (raw as { stepRunId?: unknown } | null)?.stepRunId;
      // Otherwise the server would wait for a step that never starts.
      if (event === "step.start" && typeof stepRunId === "string") this.refuse(stepRunId, reason);
    });
  }

  start(): void {
    const { servers, name, policy, manifest } = this.config;
    const pinned = manifest?.current;
    log.info(
      { servers, name, policy, ...(pinned && { manifestFile: manifest.file, ...describeManifest(pinned) }) },
      "connecting",
    );
    manifest?.watch();
    this.socket.connect();
  }

  /** Cancels running steps, waits (up to `waitMs`) until the server has their output, disconnects. */
  async stop(waitMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const step of this.steps.values()) step.process?.stop("cancelled");
    const deadline = Date.now() + waitMs;
    while (this.steps.size > 0 && this.socket.connected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.config.manifest?.close();
    this.close();
  }

  /** Done with the current socket: none of its events reach the agent any more. */
  private close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private sayHello(): void {
    const hello: AgentHello = {
      protocol: AGENT_PROTOCOL_VERSION,
      name: this.config.name,
      os: describeOs(),
      version: agentVersion(),
      hostname: os.hostname(),
      policy: this.config.policy,
      active: [...this.steps.keys()].map((stepRunId) => ({ stepRunId })),
    };
    this.socket.emit("hello", hello, (raw) => this.onWelcome(raw));
  }

  private onWelcome(raw: unknown): void {
    const parsed = agentWelcomeSchema.safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues[0]?.message ?? "invalid";
      this.onFatal(`the server's welcome is not one this agent understands: ${why}`);
      return;
    }
    const welcome = parsed.data;
    if (!welcome.ok) {
      this.onFatal(`server refused this agent: ${welcome.reason}`);
      return;
    }
    this.welcomed = true;
    this.rotation.welcomed();
    this.windowBytes = welcome.windowBytes;
    const server = this.rotation.current;
    log.info({ server, hostId: welcome.hostId, host: welcome.hostName, resuming: this.steps.size }, "connected");
    for (const stepRunId of welcome.forget) {
      const step = this.steps.get(stepRunId);
      step?.process?.stop("cancelled");
      this.steps.delete(stepRunId);
      log.warn({ stepRunId }, "server no longer tracks this step; dropped it");
    }
    this.shareWindow();
    for (const step of this.steps.values()) {
      step.output.resend();
      if (step.exit) this.sendExit(step);
    }
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      this.socket.emit("heartbeat", { at: new Date().toISOString(), running: this.steps.size });
    }, welcome.heartbeatMs);
  }

  private onDisconnect(reason: string): void {
    this.welcomed = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (this.stopping) return;
    const server = this.rotation.current;
    // A server that closed the connection on purpose (shutting down, say) is not asked again first.
    const next = reason === "io server disconnect" ? this.rotation.failed() : this.rotation.dropped();
    log.warn({ server, reason, unsentSteps: this.steps.size, next: next.url }, "disconnected");
    this.redial(next);
  }

  private onConnectError(err: Error & { data?: { fatal?: boolean } }): void {
    if (err.data?.fatal) {
      this.onFatal(`server refused this agent: ${err.message}`);
      return;
    }
    const server = this.rotation.current;
    const next = this.rotation.failed();
    log.warn({ server, error: err.message, next: next.url }, "cannot reach the server; retrying");
    this.redial(next);
  }

  /** Leaves the current socket and, after the wait, dials the next server; unsent output stays put. */
  private redial(next: NextDial): void {
    if (this.reconnectTimer || this.stopping) return;
    this.close();
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.socket = this.open(next.url);
      this.socket.connect();
    }, next.delayMs);
  }

  private refuse(stepRunId: string, reason: string): void {
    const short = reason.length > REFUSAL_REASON_MAX ? `${reason.slice(0, REFUSAL_REASON_MAX - 1)}…` : reason;
    this.socket.emit("step.refused", { stepRunId, reason: short });
  }

  /** The step as it will run (its risk and tags from the signed manifest, when pinned), or why not. */
  private judge(sent: StepStart): { start: StepStart } | { reason: string } {
    if (this.stopping) return { reason: "the agent is shutting down" };
    const pinned = this.config.manifest ? this.config.manifest.pin(sent) : { ok: true as const, start: sent };
    if (!pinned.ok) return { reason: pinned.reason };
    const reason = refusalReason(this.config.policy, pinned.start, sent.risk);
    return reason ? { reason } : { start: pinned.start };
  }

  private onStart(sent: StepStart): void {
    if (this.steps.has(sent.stepRunId)) return;
    const judged = this.judge(sent);
    if ("reason" in judged) {
      const { reason } = judged;
      log.warn({ stepRunId: sent.stepRunId, playbook: sent.playbook, step: sent.stepId, reason }, "step refused");
      this.refuse(sent.stepRunId, reason);
      return;
    }
    const { start } = judged;
    const step: ActiveStep = {
      start,
      process: null,
      exit: null,
      output: new OutgoingOutput(
        start.stepRunId,
        (chunk) => {
          if (this.welcomed) this.socket.emit("step.output", chunk);
        },
        (over) => (over ? step.process?.pause() : step.process?.resume()),
        this.windowBytes,
      ),
    };
    this.steps.set(start.stepRunId, step);
    this.shareWindow();
    step.process = new StepProcess(start, {
      defaultShell: this.config.shell,
      workdir: this.config.workdir,
      graceMs: this.config.graceMs,
      baseEnv: this.baseEnv,
      onOutput: (bytes) => step.output.push(bytes),
      onExit: (result) => {
        step.output.flush();
        step.exit = {
          stepRunId: start.stepRunId,
          exitCode: result.exitCode,
          signal: result.signal,
          cause: result.cause,
          totalBytes: step.output.produced,
          error: result.error,
          startedAt: result.startedAt.toISOString(),
          endedAt: result.endedAt.toISOString(),
        };
        this.shareWindow();
        log.info(
          {
            stepRunId: start.stepRunId,
            step: start.stepId,
            exitCode: result.exitCode,
            signal: result.signal,
            cause: result.cause,
            bytes: step.output.produced,
          },
          "step ended",
        );
        this.sendExit(step);
      },
    });
    log.info(
      { stepRunId: start.stepRunId, playbook: start.playbook, step: start.stepId, risk: start.risk },
      "step starting",
    );
    step.process.run();
  }

  /** Divides the server's window among the steps still producing output (see stepWindow). */
  private shareWindow(): void {
    const producing = [...this.steps.values()].filter((step) => !step.exit);
    const share = stepWindow(this.windowBytes, producing.length);
    for (const step of producing) step.output.setWindow(share);
  }

  private sendExit(step: ActiveStep): void {
    if (!this.welcomed || !step.exit) return;
    const stepRunId = step.exit.stepRunId;
    this.socket.emit("step.exit", step.exit, () => {
      this.steps.delete(stepRunId);
    });
  }
}

/** What steps inherit: the agent's environment without its own settings (the token above all). */
export function stepEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || key.startsWith("CASEBOOK_")) continue;
    out[key] = value;
  }
  return out;
}
