// Hub commands for server code outside the hub: route handlers (the REST API) and alert triage.
// The hub (server/hub/in-process.ts) registers its entry point here at attachHub(); the Next
// bundle loads its own copy of this module, so the entry lives in a process singleton, which both
// copies resolve to the same slot. Each call is checked exactly like the /ui socket's: the payload
// against UI_COMMANDS, the user's role against the hub's command table, the host's access list,
// and it runs on the instance that owns the host or run under scale-out.
import type { SessionUser } from "@/lib/auth/request-user";
import { processSingleton } from "@/lib/process-singleton";
import type { RunView, StepRunView, UiCommand, UiReply, UiRequestInput, UiResult } from "./protocol";

/** Commands with no socket to answer on: what a caller without a browser may send. */
export const OWNED_COMMANDS = ["run.start", "step.run", "step.cancel", "run.runAllRead", "run.finish"] as const;
export type OwnedCommand = (typeof OWNED_COMMANDS)[number] & UiCommand;

/** What a watcher of a run hears, in the order the hub sends it to the run's room. */
export type RunEvent =
  | { type: "run"; run: RunView }
  | { type: "step"; step: StepRunView }
  | { type: "output"; stepRunId: string; offset: number; data: Buffer }
  /** The last event: the watcher may no longer see the run (its host's access list or its user changed). */
  | { type: "refused"; message: string };

/** What a watch or a follow answers: a refusal, or how to stop it. */
export type Watching = UiResult<{ stop: () => void }>;

export interface HubEntry {
  run<E extends OwnedCommand>(user: SessionUser, event: E, payload: unknown): Promise<UiReply<E>>;
  /** Checked like run.subscribe; the first event is the run's current state. */
  watch(user: SessionUser, runId: string, onEvent: (event: RunEvent) => void): Promise<Watching>;
  /** Checked like step.replay: the recorded output, then live output until the step ends. */
  follow(user: SessionUser, runId: string, stepRunId: string, sink: OutputSink): Promise<Watching>;
}

/** Where followed output goes: bytes in order from offset 0, gap-free, then the end. */
export interface OutputSink {
  data(chunk: Buffer): Promise<void> | void;
  end(): void;
}

const slot = () => processSingleton("hub-entry", () => ({ entry: null as HubEntry | null }));

const NO_HUB = {
  ok: false as const,
  error: { code: "host-offline" as const, message: "The run hub is not running in this server process." },
};

/** Called by attachHub(); returns what unregisters it (only if it is still the registered one). */
export function registerHubEntry(entry: HubEntry): () => void {
  slot().entry = entry;
  return () => {
    if (slot().entry === entry) slot().entry = null;
  };
}

export function runHubCommand<E extends OwnedCommand>(
  user: SessionUser,
  event: E,
  payload: UiRequestInput<E>,
): Promise<UiReply<E>> {
  const entry = slot().entry;
  return entry ? entry.run(user, event, payload) : Promise.resolve(NO_HUB);
}

/** Watches a run's events in this process; `stop` ends the watch. */
export function watchRun(user: SessionUser, runId: string, onEvent: (event: RunEvent) => void): Promise<Watching> {
  const entry = slot().entry;
  return entry ? entry.watch(user, runId, onEvent) : Promise.resolve(NO_HUB);
}

/**
 * A step's recorded output, then (while it runs on this instance) its live output, to `sink`,
 * gap-free; `sink.end()` once the step has ended. `stop` ends following early.
 */
export function followOutput(user: SessionUser, runId: string, stepRunId: string, sink: OutputSink): Promise<Watching> {
  const entry = slot().entry;
  return entry ? entry.follow(user, runId, stepRunId, sink) : Promise.resolve(NO_HUB);
}
