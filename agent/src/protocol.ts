// The wire format between a Casebook server and its agents (socket.io namespace `/agent`), written
// once as zod schemas: the types come from them, the hub validates what agents send with them and
// the agent validates what the server sends. It lives in the agent package and needs nothing but
// zod (a dependency of the agent), so the agent installs and runs on its own.
//
// Output flow, per step execution (identified by the StepRun id):
// - the agent sends `step.output` chunks carrying a sequence number and the byte offset of their
//   first byte in the step's raw output;
// - the server answers `step.ack` with the offset up to which it has taken the bytes; that is also
//   the credit: the agent keeps at most `windowBytes` unacknowledged and pauses the PTY beyond it;
// - after a dropped connection the agent says hello again (listing its unfinished steps), the server
//   acks each step it still tracks, and the agent resends everything after that ack; the server drops
//   bytes it already has (by offset), so nothing is lost or doubled;
// - `step.exit` is sent only after all output was sent, carries the total byte count, and is resent
//   until the server acknowledges it.
// A namespace import, so that the bundle (agent/scripts/pack.mjs) leaves out what is never used.
import * as z from "zod";
import { RISKS } from "./risk";

export const AGENT_NAMESPACE = "/agent";
export const AGENT_PROTOCOL_VERSION = 1;

const stepRunId = z.string().min(1).max(100);
const risk = z.enum(RISKS);

/** What this agent accepts, whatever the server asks. */
export const agentPolicySchema = z.object({
  maxRisk: risk,
  /** When set, a step runs only if its playbook has at least one of these tags. */
  allowTags: z.array(z.string()).nullable(),
  /** When set, a step runs only if its playbook slug is listed. */
  allowPlaybooks: z.array(z.string()).nullable(),
});

/** Sent in the socket.io handshake: `io(url + "/agent", { auth })`. */
export const agentAuthSchema = z.object({
  token: z.string(),
  /** Random per agent process: a reconnect of the same process replaces its stale connection,
   *  while a second process with the same token is refused until the first one leaves. */
  instance: z.string().optional(),
});

export const agentHelloSchema = z.object({
  protocol: z.number(),
  name: z.string().max(200),
  os: z.string().max(500), // e.g. "linux 6.8.0 x64 (Debian GNU/Linux 12)"
  version: z.string().max(50), // casebook-agent package version
  hostname: z.string().max(255),
  policy: agentPolicySchema,
  /** Steps still running or with output/exit not yet acknowledged, after a reconnect. */
  active: z.array(z.object({ stepRunId })).max(1000),
});

export const agentWelcomeSchema = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    hostId: z.string(),
    hostName: z.string(),
    /** Most unacknowledged output bytes per step before the agent must pause its PTY. */
    windowBytes: z.number().positive(),
    heartbeatMs: z.number().positive(),
    /** Of the steps the agent reported active, those the server no longer wants (discard them). */
    forget: z.array(z.string()),
  }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

export const heartbeatSchema = z.object({ at: z.string(), running: z.number() });

/** Server → agent: run one step. The command comes from the server's content index. */
export const stepStartSchema = z.object({
  stepRunId,
  runId: z.string(),
  playbook: z.string(), // slug
  contentHash: z.string(),
  playbookTags: z.array(z.string()),
  stepId: z.string(),
  risk,
  /** Interpreter from the step's code fence (bash, sh, zsh...); null means the agent's --shell. */
  shell: z.string().nullable(),
  command: z.string(),
  /** Playbook inputs and earlier steps' captures; they reach the command only as environment variables. */
  env: z.record(z.string(), z.string()),
  timeoutMs: z.number().nonnegative(),
  maxOutputBytes: z.number().int().nonnegative(),
  cols: z.number().int().positive(),
  rows: z.number().int().positive(),
});

export const stepOutputSchema = z.object({
  stepRunId,
  seq: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  // Buffer in Node, Uint8Array elsewhere; any backing buffer.
  data: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "expected bytes"),
});

export const stepAckSchema = z.object({
  stepRunId,
  /** Every byte before this offset has been taken by the server. */
  offset: z.number().int().nonnegative(),
});

/** How the step's process ended. */
export const EXIT_CAUSES = [
  "exited", // the process ended on its own (exitCode or signal set)
  "cancelled", // cancelled on request
  "timed-out", // killed after its timeout
  "output-cap", // killed after writing more than maxOutputBytes
  "spawn-failed", // never started (e.g. shell not found); see `error`
] as const;

export const stepExitSchema = z.object({
  stepRunId,
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  cause: z.enum(EXIT_CAUSES),
  totalBytes: z.number().int().nonnegative(),
  error: z.string().max(2000).optional(),
  startedAt: z.string(), // ISO time on the agent
  endedAt: z.string(),
});

/** Longest refusal reason the hub takes; the agent shortens longer ones rather than have them dropped. */
export const REFUSAL_REASON_MAX = 2000;

export const stepRefusalSchema = z.object({ stepRunId, reason: z.string().max(REFUSAL_REASON_MAX) });

export const stepCancelSchema = z.object({ stepRunId });

export type AgentPolicy = z.infer<typeof agentPolicySchema>;
export type AgentHandshakeAuth = z.infer<typeof agentAuthSchema>;
export type AgentHello = z.infer<typeof agentHelloSchema>;
export type AgentWelcome = z.infer<typeof agentWelcomeSchema>;
export type StepStart = z.infer<typeof stepStartSchema>;
export type StepOutput = z.infer<typeof stepOutputSchema>;
export type StepAck = z.infer<typeof stepAckSchema>;
export type ExitCause = (typeof EXIT_CAUSES)[number];
export type StepExit = z.infer<typeof stepExitSchema>;
export type StepRefusal = z.infer<typeof stepRefusalSchema>;
export type StepCancel = z.infer<typeof stepCancelSchema>;

/** What the server sends, by event: each side of the wire checks a message against its schema. */
export const SERVER_TO_AGENT = {
  "step.start": stepStartSchema,
  "step.ack": stepAckSchema,
  "step.cancel": stepCancelSchema,
} as const;

export type ServerToAgentEvents = {
  [E in keyof typeof SERVER_TO_AGENT]: (payload: z.infer<(typeof SERVER_TO_AGENT)[E]>) => void;
};

/** What an agent sends, by event: the hub checks each message against its schema. */
export const AGENT_TO_SERVER = {
  hello: agentHelloSchema,
  heartbeat: heartbeatSchema,
  "step.output": stepOutputSchema,
  "step.exit": stepExitSchema,
  "step.refused": stepRefusalSchema,
} as const satisfies { [E in keyof AgentToServerEvents]: z.ZodType };

export interface AgentToServerEvents {
  hello: (hello: AgentHello, reply: (welcome: AgentWelcome) => void) => void;
  heartbeat: (beat: z.infer<typeof heartbeatSchema>) => void;
  "step.output": (chunk: StepOutput) => void;
  "step.exit": (exit: StepExit, ack: () => void) => void;
  "step.refused": (refusal: StepRefusal) => void;
}
