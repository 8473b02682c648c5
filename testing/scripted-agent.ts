// An agent played by the test over the real /agent protocol: it says hello, keeps what the hub
// sends it (step.start, step.cancel), and sends output and exits when told (or, with `autorun`, as
// a step's command says), so a test can hold a step running, see exactly what reached the agent,
// and forge what a rogue would send.
import { io as connect, type Socket } from "socket.io-client";
import {
  AGENT_NAMESPACE,
  AGENT_PROTOCOL_VERSION,
  type AgentHello,
  type AgentWelcome,
  type ExitCause,
  type StepCancel,
  type StepStart,
} from "@/agent/src/protocol";

export const SCRIPTED_HELLO: AgentHello = {
  protocol: AGENT_PROTOCOL_VERSION,
  name: "scripted",
  os: "linux (scripted)",
  version: "0.0.0",
  hostname: "scripted",
  policy: { maxRisk: "danger", allowTags: null, allowPlaybooks: null },
  active: [],
};

export interface ScriptedAgent {
  socket: Socket;
  /** Everything the hub sent, in order. */
  received: { event: "step.start" | "step.cancel" | "step.ack"; payload: StepStart | StepCancel | unknown }[];
  /** Resolves with the next step.start. */
  nextStart(): Promise<StepStart>;
  hello(overrides?: Partial<AgentHello>): Promise<AgentWelcome>;
  /** Sends output for a step, at the next offset and sequence number. */
  output(stepRunId: string, text: string): void;
  /** Ends a step with `exitCode`; resolves when the hub acknowledged the exit. */
  exit(stepRunId: string, exitCode: number, cause?: ExitCause): Promise<void>;
  close(): void;
}

/**
 * What the agent does on its own with a step: print `output`, then exit with `exit` (or keep the
 * step running until it is cancelled, when `exit` is null). No plan: it only records the start.
 */
export type Autorun = (start: StepStart) => { output: string; exit: number | null } | null;

/** Connects to `url`'s /agent with `token`; `instance` marks reconnects of one agent process. */
export async function scriptedAgent(
  url: string,
  token: string,
  instance = "scripted",
  autorun?: Autorun,
): Promise<ScriptedAgent> {
  const socket = connect(`${url}${AGENT_NAMESPACE}`, {
    transports: ["websocket"],
    auth: { token, instance },
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const received: ScriptedAgent["received"] = [];
  const waiting: ((start: StepStart) => void)[] = [];
  const sent = new Map<string, { seq: number; offset: number }>();
  socket.on("step.start", (start: StepStart) => {
    received.push({ event: "step.start", payload: start });
    waiting.shift()?.(start);
    const plan = autorun?.(start);
    if (!plan) return;
    agent.output(start.stepRunId, plan.output);
    if (plan.exit !== null) void agent.exit(start.stepRunId, plan.exit);
  });
  socket.on("step.cancel", (cancel: StepCancel) => {
    received.push({ event: "step.cancel", payload: cancel });
    if (autorun) void agent.exit(cancel.stepRunId, 130, "cancelled");
  });
  socket.on("step.ack", (ack: unknown) => received.push({ event: "step.ack", payload: ack }));

  const agent: ScriptedAgent = {
    socket,
    received,
    nextStart: () => new Promise((resolve) => waiting.push(resolve)),
    hello: (overrides = {}) => socket.timeout(5000).emitWithAck("hello", { ...SCRIPTED_HELLO, ...overrides }),
    output(stepRunId, text) {
      const at = sent.get(stepRunId) ?? { seq: 0, offset: 0 };
      const data = Buffer.from(text);
      socket.emit("step.output", { stepRunId, seq: at.seq, offset: at.offset, data });
      sent.set(stepRunId, { seq: at.seq + 1, offset: at.offset + data.length });
    },
    async exit(stepRunId, exitCode, cause = "exited") {
      const at = sent.get(stepRunId) ?? { seq: 0, offset: 0 };
      const now = new Date().toISOString();
      await socket.timeout(5000).emitWithAck("step.exit", {
        stepRunId,
        exitCode,
        signal: null,
        cause,
        totalBytes: at.offset,
        startedAt: now,
        endedAt: now,
      });
    },
    close: () => void socket.disconnect(),
  };
  return agent;
}
