// The run hub's socket.io protocol, both namespaces, typed for server and clients alike.
//
// /agent — agents (see agent/src/protocol.ts, re-exported below).
// /ui    — browsers. Authenticated by the better-auth session cookie sent with the handshake
//          (same origin: `io("/ui", { withCredentials: true })`). Every client → server event takes
//          an acknowledgement callback answered with UiResult. Payloads are checked with the zod
//          schemas below, which reject unknown fields: the browser names a playbook, a step and
//          input values, never a command.
//
// Output in /ui: bytes are the step's output with secret inputs masked. Each chunk carries the
// byte offset of its first byte in that (masked) stream. `step.output` is live; `step.replay`
// sends what was produced before (on subscribe for the running step, or on request for a finished
// one). Live and replayed chunks may overlap; a client writes bytes in offset order and drops what
// it already has (OutputAssembler in lib/runs/output-assembler.ts does exactly that).
// Flow control: a client may report `output.ack` with the offset its terminal has consumed (after
// xterm's write callback). While a reporting client is more than UI_WINDOW_BYTES behind, the hub
// stops crediting the agent, so the PTY pauses; a client that never reports is not waited for.
import { z } from "zod";
import type { Risk } from "@/lib/playbooks/format";

export * from "../../agent/src/protocol";

export const UI_NAMESPACE = "/ui";
/** A reporting browser may be this many bytes behind live output before the agent is paused. */
export const UI_WINDOW_BYTES = 2 * 1024 * 1024;
/** Replay chunks are at most this large. */
export const REPLAY_CHUNK_BYTES = 256 * 1024;

// ── Shared views ────────────────────────────────────────────────────────────

export type Verdict =
  | "running"
  | "passed"
  | "failed"
  | "error"
  | "cancelled"
  | "timed-out"
  | "interrupted" // the server restarted while the step ran
  | "refused"; // the agent's local policy or the hub refused it before it started

export type RunStatus = "active" | "finished" | "interrupted";

export interface StepRunView {
  id: string;
  runId: string;
  stepId: string;
  title: string;
  risk: Risk;
  verdict: Verdict;
  /** Why, in words: refusal reason, "timed out after 60 s", "output cap of 16 MB reached"... */
  reason: string | null;
  exitCode: number | null;
  signal: string | null;
  startedAt: string; // ISO
  endedAt: string | null;
  outputBytes: number;
  truncated: boolean;
  cols: number;
  rows: number;
  userName: string | null;
  /** The step to run next, from onPass/onFail or document order; null at the end. */
  suggestedNext: string | null;
}

export interface RunView {
  id: string;
  playbookSlug: string;
  contentHash: string;
  hostId: string;
  hostName: string;
  userName: string | null;
  /** Input values as stored: secret ones are "••••••". */
  inputs: Record<string, string>;
  status: RunStatus;
  createdAt: string;
  finishedAt: string | null;
  steps: StepRunView[]; // in start order
  activeStepRunId: string | null;
  /** True while "run all read steps" is working through the playbook. */
  runningAllRead: boolean;
  /** What to run next: the last finished step's suggestion, or the first step. */
  suggestedNext: string | null;
  /** True when the run's playbook version differs from the content index's current one. */
  stale: boolean;
}

export interface HostView {
  id: string;
  name: string;
  local: boolean;
  online: boolean;
  lastSeenAt: string | null;
  os: string | null;
  agentVersion: string | null;
  policy: { maxRisk: Risk; allowTags: string[] | null; allowPlaybooks: string[] | null } | null;
  revoked: boolean;
  tokenPrefix: string;
  createdAt: string;
}

// ── Errors ──────────────────────────────────────────────────────────────────

export type UiErrorCode =
  | "bad-request" // the payload failed validation; message names the field
  | "unauthorized" // no session
  | "forbidden" // role too low, or danger step without the typed id
  | "not-found" // run, playbook, step or host unknown
  | "conflict" // a step is already running in this run, or the run is over
  | "needs-confirmation" // change step without confirm: true
  | "host-offline"
  | "internal";

export interface UiError {
  code: UiErrorCode;
  message: string;
}

export type UiResult<T> = ({ ok: true } & T) | { ok: false; error: UiError };

// ── Client → server payloads (validated with these schemas) ─────────────────

const id = z.string().min(1).max(100);
const inputName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "input names are UPPER_SNAKE_CASE");

export const runStartSchema = z.strictObject({
  playbook: z.string().min(1).max(200),
  hostId: id,
  inputs: z.record(inputName, z.string().max(4096)).default({}),
});
export const runRefSchema = z.strictObject({ runId: id });
export const stepRunSchema = z.strictObject({
  runId: id,
  stepId: z.string().min(1).max(200),
  /** Required (true) for `change` and `danger` steps. */
  confirm: z.boolean().optional(),
  /** Required for `danger` steps: the user types the step id. */
  typedStepId: z.string().max(200).optional(),
});
export const stepReplaySchema = z.strictObject({ runId: id, stepRunId: id });
export const outputAckSchema = z.strictObject({ stepRunId: id, offset: z.number().int().nonnegative() });

export type RunStartRequest = z.infer<typeof runStartSchema>;
export type RunRef = z.infer<typeof runRefSchema>;
export type StepRunRequest = z.infer<typeof stepRunSchema>;
export type StepReplayRequest = z.infer<typeof stepReplaySchema>;
export type OutputAck = z.infer<typeof outputAckSchema>;

// ── Server → client payloads ────────────────────────────────────────────────

export interface UiStepOutput {
  runId: string;
  stepRunId: string;
  offset: number;
  data: Uint8Array; // arrives as ArrayBuffer/Uint8Array in the browser, Buffer in Node
}

export interface UiStepReplay extends UiStepOutput {
  /** The step's output size when the replay started. */
  totalBytes: number;
  /** Last chunk of this replay (an empty `data` with done: true is possible). */
  done: boolean;
}

export interface UiRunError {
  runId: string | null;
  error: UiError;
}

export interface UiClientToServerEvents {
  /** Operator+. Starts a run of `playbook` on an online host; the caller is subscribed to it. */
  "run.start": (req: RunStartRequest, reply: (res: UiResult<{ runId: string; run: RunView }>) => void) => void;
  /** Viewer+. Joins the run's room; replies with its state, then replays the running step's output. */
  "run.subscribe": (req: RunRef, reply: (res: UiResult<{ run: RunView }>) => void) => void;
  "run.unsubscribe": (req: RunRef, reply: (res: UiResult<object>) => void) => void;
  /** Operator+ (danger: admin). One step at a time per run. */
  "step.run": (req: StepRunRequest, reply: (res: UiResult<{ stepRunId: string }>) => void) => void;
  /** Operator+. Cancels the running step (Ctrl-C, SIGTERM, then SIGKILL) and stops "run all read". */
  "step.cancel": (req: RunRef, reply: (res: UiResult<object>) => void) => void;
  /** Operator+. Runs the playbook's read steps in document order; stops at the first that does not pass. */
  "run.runAllRead": (req: RunRef, reply: (res: UiResult<object>) => void) => void;
  /** Operator+. Closes the run (no more steps). */
  "run.finish": (req: RunRef, reply: (res: UiResult<{ run: RunView }>) => void) => void;
  /** Viewer+. Sends a step's recorded output as `step.replay` chunks. */
  "step.replay": (req: StepReplayRequest, reply: (res: UiResult<{ totalBytes: number }>) => void) => void;
  /** Optional flow control: the client's terminal has consumed output up to `offset`. */
  "output.ack": (ack: OutputAck) => void;
}

export interface UiServerToClientEvents {
  "run.state": (run: RunView) => void;
  "step.state": (step: StepRunView) => void;
  "step.output": (chunk: UiStepOutput) => void;
  "step.replay": (chunk: UiStepReplay) => void;
  "run.error": (err: UiRunError) => void;
  /** Sent to every /ui client when an agent connects, disconnects or says hello. */
  "host.status": (host: HostView) => void;
}
