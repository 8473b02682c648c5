// The run hub's /ui namespace (browsers), written once as zod schemas; the types come from them.
// Client-safe: the browser imports it. The /agent namespace has its own module, agent/src/protocol.ts.
//
// Authenticated by the better-auth session cookie sent with the handshake (same origin:
// `io("/ui", { withCredentials: true })`). Every command (UI_COMMANDS) takes an acknowledgement
// callback answered with UiResult. Payloads are checked with the schemas below, which reject unknown
// fields: the browser names a playbook, a step and input values, never a command. The hub's half of
// the table (role, owner, handler) is server/hub/ui-commands.ts.
//
// Output in /ui: bytes are the step's output with secret inputs masked. Each chunk carries the
// byte offset of its first byte in that (masked) stream. `step.output` is live; `step.replay`
// sends what was produced before (on subscribe for the running step, or on request for a finished
// one). Live and replayed chunks may overlap; a client writes bytes in offset order and drops what
// it already has (OutputAssembler in lib/runs/output-assembler.ts does exactly that).
// Flow control: a client may report `output.ack` with the offset its terminal has consumed (after
// xterm's write callback). While a reporting client is more than UI_WINDOW_BYTES behind, the hub
// stops crediting the agent, so the PTY pauses; a client that never reports is not waited for. One
// that stalls or reports backwards is dropped: no more live output of that step, `step.resync`,
// and a replay of the step resumes its live output from the replay's end.
import { z } from "zod";
import { agentPolicySchema, stepOutputSchema } from "@/agent/src/protocol";
import { hostAccessSchema } from "@/lib/auth/host-access";
import { RISKS } from "@/lib/playbooks/format";
import { MAX_INPUT_LENGTH } from "./input-rules";

/** For lib/runs/verdict.ts, which judges how the agent says a step ended. */
export type { ExitCause } from "@/agent/src/protocol";

export const UI_NAMESPACE = "/ui";
/** A reporting browser may be this many bytes behind live output before the agent is paused. */
export const UI_WINDOW_BYTES = 2 * 1024 * 1024;
/** Replay chunks are at most this large. */
export const REPLAY_CHUNK_BYTES = 256 * 1024;

// ── Views ───────────────────────────────────────────────────────────────────

export const VERDICTS = [
  "running",
  "passed",
  "failed",
  "error",
  "cancelled",
  "timed-out",
  "interrupted", // the server restarted while the step ran
  "refused", // the agent's local policy or the hub refused it before it started
] as const;

export const RUN_STATUSES = ["active", "finished", "interrupted"] as const;

const isoTime = z.string();

/** A value a step took from its output (lib/runs/captures.ts); a secret one is stored masked. */
export const capturedValueSchema = z.object({ name: z.string(), value: z.string(), secret: z.boolean() });

export const stepRunViewSchema = z.object({
  id: z.string(),
  runId: z.string(),
  stepId: z.string(),
  title: z.string(),
  risk: z.enum(RISKS),
  verdict: z.enum(VERDICTS),
  /** Why, in words: refusal reason, "timed out after 60 s", "output cap of 16 MB reached"... */
  reason: z.string().nullable(),
  exitCode: z.number().nullable(),
  signal: z.string().nullable(),
  startedAt: isoTime,
  endedAt: isoTime.nullable(),
  outputBytes: z.number(),
  truncated: z.boolean(),
  cols: z.number(),
  rows: z.number(),
  userName: z.string().nullable(),
  /** The step to run next, from onPass/onFail or document order; null at the end. */
  suggestedNext: z.string().nullable(),
  /** What the step captured from its output; the later steps of the run get them as variables. */
  captures: z.array(capturedValueSchema),
});

export const runViewSchema = z.object({
  id: z.string(),
  playbookSlug: z.string(),
  contentHash: z.string(),
  hostId: z.string(),
  hostName: z.string(),
  /** Who started the run, its owner (lib/auth/permissions: mayActOnRun); null once deleted. */
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  /** Input values as stored: secret ones are SECRET_MASK (lib/runs/secret-masker.ts). */
  inputs: z.record(z.string(), z.string()),
  status: z.enum(RUN_STATUSES),
  createdAt: isoTime,
  finishedAt: isoTime.nullable(),
  steps: z.array(stepRunViewSchema), // in start order
  activeStepRunId: z.string().nullable(),
  /** True while "run all read steps" is working through the playbook. */
  runningAllRead: z.boolean(),
  /** What to run next: the last finished step's suggestion, or the first step. */
  suggestedNext: z.string().nullable(),
  /** True when the run's playbook version differs from the content index's current one. */
  stale: z.boolean(),
});

export const hostViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  local: z.boolean(),
  online: z.boolean(),
  lastSeenAt: isoTime.nullable(),
  os: z.string().nullable(),
  agentVersion: z.string().nullable(),
  policy: agentPolicySchema.nullable(),
  revoked: z.boolean(),
  tokenPrefix: z.string(),
  createdAt: isoTime,
  /** Who may use it (lib/auth/host-access: mayUseHost), shown to everyone. */
  access: hostAccessSchema,
});

export type Verdict = (typeof VERDICTS)[number];
export type RunStatus = (typeof RUN_STATUSES)[number];
export type StepRunView = z.infer<typeof stepRunViewSchema>;
export type RunView = z.infer<typeof runViewSchema>;
export type HostView = z.infer<typeof hostViewSchema>;
export type CapturedValue = z.infer<typeof capturedValueSchema>;

// ── Errors ──────────────────────────────────────────────────────────────────

export const UI_ERROR_CODES = [
  "bad-request", // the payload failed validation; message names the field
  "unauthorized", // no session
  "forbidden", // role too low, or danger step without the typed id
  "not-found", // run, playbook, step or host unknown
  "conflict", // a step is already running in this run, or the run is over
  "needs-confirmation", // change step without confirm: true
  "host-offline",
  "internal",
] as const;

export const uiErrorSchema = z.object({ code: z.enum(UI_ERROR_CODES), message: z.string() });

export type UiErrorCode = (typeof UI_ERROR_CODES)[number];
export type UiError = z.infer<typeof uiErrorSchema>;
export type UiResult<T> = ({ ok: true } & T) | { ok: false; error: UiError };

// ── Browser → server: the command table ─────────────────────────────────────

const id = z.string().min(1).max(100);
const inputName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "input names are UPPER_SNAKE_CASE");

export const runStartSchema = z.strictObject({
  playbook: z.string().min(1).max(200),
  hostId: id,
  inputs: z.record(inputName, z.string().max(MAX_INPUT_LENGTH)).default({}),
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

/** A success that carries nothing beyond `ok: true`. */
const done = z.looseObject({});

/**
 * Every event a browser sends: its payload and, for a command, what a success carries; `reply:
 * null` marks a signal, sent without an acknowledgement. The hub's half, keyed the same, says who
 * may send it, which instance handles it and how (server/hub/ui-commands.ts).
 */
export const UI_COMMANDS = {
  /** Starts a run of `playbook` on an online host; the caller is subscribed to it. */
  "run.start": { payload: runStartSchema, reply: z.object({ runId: z.string(), run: runViewSchema }) },
  /** Joins the run's room; replies with its state, then replays the running step's output. */
  "run.subscribe": { payload: runRefSchema, reply: z.object({ run: runViewSchema }) },
  "run.unsubscribe": { payload: runRefSchema, reply: done },
  /** One step at a time per run. */
  "step.run": { payload: stepRunSchema, reply: z.object({ stepRunId: z.string() }) },
  /** Cancels the running step (Ctrl-C, SIGTERM, then SIGKILL) and stops "run all read". */
  "step.cancel": { payload: runRefSchema, reply: done },
  /** Runs the playbook's read steps in document order; stops at the first that does not pass. */
  "run.runAllRead": { payload: runRefSchema, reply: done },
  /** Closes the run (no more steps). */
  "run.finish": { payload: runRefSchema, reply: z.object({ run: runViewSchema }) },
  /** Sends a step's recorded output as `step.replay` chunks. */
  "step.replay": { payload: stepReplaySchema, reply: z.object({ totalBytes: z.number() }) },
  /** Optional flow control: the client's terminal has consumed output up to `offset`. */
  "output.ack": { payload: outputAckSchema, reply: null },
} as const satisfies Record<string, { payload: z.ZodType; reply: z.ZodType | null }>;

type Commands = typeof UI_COMMANDS;
export type UiEvent = keyof Commands;
/** The events answered through an acknowledgement. */
export type UiCommand = { [E in UiEvent]: Commands[E]["reply"] extends null ? never : E }[UiEvent];
export type UiSignal = Exclude<UiEvent, UiCommand>;
/** A payload as the hub sees it, once parsed (defaults filled in). */
export type UiRequest<E extends UiEvent> = z.output<Commands[E]["payload"]>;
/** A payload as a browser may send it. */
export type UiRequestInput<E extends UiEvent> = z.input<Commands[E]["payload"]>;
export type UiReply<E extends UiCommand> = UiResult<z.output<NonNullable<Commands[E]["reply"]>>>;

export type RunStartRequest = UiRequest<"run.start">;
export type RunRef = UiRequest<"run.subscribe">;
export type StepRunRequest = UiRequest<"step.run">;
export type StepReplayRequest = UiRequest<"step.replay">;
export type OutputAck = UiRequest<"output.ack">;

export type UiClientToServerEvents = {
  [E in UiCommand]: (req: UiRequestInput<E>, reply: (res: UiReply<E>) => void) => void;
} & {
  [E in UiSignal]: (req: UiRequestInput<E>) => void;
};

// ── Server → browser ────────────────────────────────────────────────────────

export const uiStepOutputSchema = stepOutputSchema
  .pick({ stepRunId: true, offset: true, data: true })
  .extend({ runId: z.string() });

export const uiStepReplaySchema = uiStepOutputSchema.extend({
  /** The step's output size when the replay started. */
  totalBytes: z.number(),
  /** Last chunk of this replay (an empty `data` with done: true is possible). */
  done: z.boolean(),
});

export const uiRunErrorSchema = z.object({ runId: z.string().nullable(), error: uiErrorSchema });

/**
 * To one watcher: it fell too far behind a running step and gets no more of its live output; a
 * `step.replay` (or `run.subscribe`) of the step sends what is recorded and resumes live output
 * from exactly there (server/hub/step-session.ts).
 */
export const uiStepResyncSchema = z.object({ runId: z.string(), stepRunId: z.string() });

export const UI_EVENTS = {
  "run.state": runViewSchema,
  "step.state": stepRunViewSchema,
  /** Bytes arrive as ArrayBuffer/Uint8Array in the browser, Buffer in Node. */
  "step.output": uiStepOutputSchema,
  "step.replay": uiStepReplaySchema,
  "run.error": uiRunErrorSchema,
  "step.resync": uiStepResyncSchema,
  /** Sent to every /ui client when an agent connects, disconnects or says hello. */
  "host.status": hostViewSchema,
} as const;

export type UiStepOutput = z.infer<typeof uiStepOutputSchema>;
export type UiStepReplay = z.infer<typeof uiStepReplaySchema>;
export type UiRunError = z.infer<typeof uiRunErrorSchema>;
export type UiStepResync = z.infer<typeof uiStepResyncSchema>;

export type UiServerToClientEvents = {
  [E in keyof typeof UI_EVENTS]: (payload: z.infer<(typeof UI_EVENTS)[E]>) => void;
};
