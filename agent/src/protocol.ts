// The wire format between a Casebook server and its agents (socket.io namespace `/agent`).
// It has no dependencies so the agent package can be installed on its own; the server
// re-exports it from lib/runs/protocol.ts.
//
// Output flow, per step execution (identified by the StepRun id):
// - the agent sends `step.output` chunks carrying a sequence number and the byte offset of their
//   first byte in the step's raw output;
// - the server answers `step.ack` with the offset up to which it has taken the bytes; that is also
//   the credit: the agent keeps at most `windowBytes` unacknowledged and pauses the PTY beyond it;
// - after a dropped connection the agent says hello again, then resends everything from the last
//   acknowledged offset; the server drops bytes it already has (by offset), so nothing is lost or
//   doubled;
// - `step.exit` is sent only after all output was sent, carries the total byte count, and is resent
//   until the server acknowledges it.

export const AGENT_NAMESPACE = "/agent";
export const AGENT_PROTOCOL_VERSION = 1;

import type { Risk } from "./risk";

export type AgentRisk = Risk;

/** What this agent accepts, whatever the server asks. */
export interface AgentPolicy {
  maxRisk: AgentRisk;
  /** When set, a step runs only if its playbook has at least one of these tags. */
  allowTags: string[] | null;
  /** When set, a step runs only if its playbook slug is listed. */
  allowPlaybooks: string[] | null;
}

/** Sent in the socket.io handshake: `io(url + "/agent", { auth })`. */
export interface AgentHandshakeAuth {
  token: string;
  /** Random per agent process: a reconnect of the same process replaces its stale connection,
   *  while a second process with the same token is refused until the first one leaves. */
  instance?: string;
}

export interface AgentHello {
  protocol: number;
  name: string;
  os: string; // e.g. "linux 6.8.0 x64 (Debian GNU/Linux 12)"
  version: string; // casebook-agent package version
  hostname: string;
  policy: AgentPolicy;
  /** Steps still running or with output/exit not yet acknowledged, after a reconnect. */
  active: { stepRunId: string; ackedOffset: number; exited: boolean }[];
}

export type AgentWelcome =
  | {
      ok: true;
      hostId: string;
      hostName: string;
      /** Most unacknowledged output bytes per step before the agent must pause its PTY. */
      windowBytes: number;
      heartbeatMs: number;
      /** Of the steps the agent reported active, those the server no longer wants (discard them). */
      forget: string[];
    }
  | { ok: false; reason: string };

/** Server → agent: run one step. The command comes from the server's content index. */
export interface StepStart {
  stepRunId: string;
  runId: string;
  playbook: string; // slug
  contentHash: string;
  playbookTags: string[];
  stepId: string;
  risk: AgentRisk;
  /** Interpreter from the step's code fence (bash, sh, zsh...); null means the agent's --shell. */
  shell: string | null;
  command: string;
  /** Playbook inputs; they reach the command only as environment variables. */
  env: Record<string, string>;
  timeoutMs: number;
  maxOutputBytes: number;
  cols: number;
  rows: number;
}

export interface StepOutput {
  stepRunId: string;
  seq: number;
  offset: number;
  data: Uint8Array;
}

export interface StepAck {
  stepRunId: string;
  /** Every byte before this offset has been taken by the server. */
  offset: number;
}

/** How the step's process ended. */
export type ExitCause =
  | "exited" // the process ended on its own (exitCode or signal set)
  | "cancelled" // cancelled on request
  | "timed-out" // killed after its timeout
  | "output-cap" // killed after writing more than maxOutputBytes
  | "spawn-failed"; // never started (e.g. shell not found); see `error`

export interface StepExit {
  stepRunId: string;
  exitCode: number | null;
  signal: string | null;
  cause: ExitCause;
  totalBytes: number;
  error?: string;
  startedAt: string; // ISO time on the agent
  endedAt: string;
}

export interface StepRefusal {
  stepRunId: string;
  reason: string;
}

export interface StepCancel {
  stepRunId: string;
}

export interface StepStarted {
  stepRunId: string;
  pid: number;
}

export interface AgentToServerEvents {
  hello: (hello: AgentHello, reply: (welcome: AgentWelcome) => void) => void;
  heartbeat: (beat: { at: string; running: number }) => void;
  "step.started": (started: StepStarted) => void;
  "step.output": (chunk: StepOutput) => void;
  "step.exit": (exit: StepExit, ack: () => void) => void;
  "step.refused": (refusal: StepRefusal) => void;
}

export interface ServerToAgentEvents {
  "step.start": (start: StepStart) => void;
  "step.ack": (ack: StepAck) => void;
  "step.cancel": (cancel: StepCancel) => void;
}
