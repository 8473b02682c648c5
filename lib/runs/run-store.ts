// What the run hub keeps: runs, step runs, their output and the audit trail of executions.
// The hub's RunManager works against this interface only; run-store-prisma.ts is the database
// behind it, and tests hand in a fake.
import type { Playbook } from "@/lib/playbooks/types";
import type { StepAudit } from "./audit";
import type { RecorderSnapshot, RecorderStart } from "./output-recorder";
import type { CapturedValue, RunView, RunWalk, Verdict } from "./protocol";
import type { RecordedChunk } from "./read-output";
import type { LiveRunState } from "./run-views";
import type { StoredRun } from "./stored-runs";

export interface NewRun {
  playbookSlug: string;
  contentHash: string;
  hostId: string;
  userId: string;
  /** As stored: secret values already masked. */
  inputs: Record<string, string>;
  /** The hub's sealed live values (Run.live). */
  live: string;
}

export interface NewStepRun {
  runId: string;
  stepId: string;
  title: string;
  risk: string;
  /** Secrets already masked. */
  command: string;
  shell: string;
  userId: string;
}

/** What the hub already holds that a start's audit event names, so the store need not read it back. */
export interface StartContext {
  hostName: string;
}

export interface StartedStepRun {
  id: string;
  startedAt: Date;
  cols: number;
  rows: number;
}

export interface StepRunEnd {
  endedAt: Date;
  exitCode: number | null;
  signal: string | null;
  verdict: Exclude<Verdict, "running">;
  reason: string | null;
  outputBytes: number;
  truncated: boolean;
  /** What the step captured, secret values masked; left out when it captured nothing. */
  captures?: CapturedValue[];
}

/** Where a running step's output goes: buffered, committed in batches (OutputRecorder). */
export interface OutputSink {
  /** Bytes recorded so far, committed or not. */
  readonly bytes: number;
  readonly uncommittedBytes: number;
  /** The raw agent offset the committed output accounts for. */
  readonly committedRaw: number;
  /** `data` accounts for the agent's raw output up to `rawEnd`. */
  push(data: Buffer, rawEnd: number): void;
  snapshot(): RecorderSnapshot;
  /** Resolves once everything pushed so far is committed. */
  flush(): Promise<void>;
}

export interface HubEvent {
  userId: string | null;
  runId?: string | null;
  /** For a request that names a host and no run (run.start): the event records its name. */
  hostId?: string | null;
  detail: Record<string, unknown>;
}

export interface RunStore {
  createRun(run: NewRun, about: StartContext): Promise<{ id: string; createdAt: Date }>;
  /** Audited as `run.finish` by `byUserId`; creating is `run.start`. */
  finishRun(runId: string, byUserId: string | null): Promise<void>;
  /** Audits what the hub did or refused (`step.cancel`, `hub.refused`); a named run adds its host and playbook. */
  auditHub(action: string, event: HubEvent): Promise<void>;
  /** Keeps the run's "run all read steps" walk: its path so far and why it stopped. */
  saveWalk(runId: string, walk: RunWalk): Promise<void>;
  /** The slug of the run's playbook; null for an unknown run. */
  playbookOf(runId: string): Promise<string | null>;
  /** The run as stored; `live` adds what only the hub knows, `playbook` is the current version. */
  runView(runId: string, playbook: Playbook | undefined, live?: LiveRunState): Promise<RunView | null>;
  /** Creates the step run with its `step.start` audit event, before the command is sent. */
  createStepRun(
    step: NewStepRun,
    about: StartContext & { playbookSlug: string; contentHash: string },
  ): Promise<StartedStepRun>;
  /** Drops a step run that never reached the agent (audited as `step.discard`). */
  discardStepRun(stepRunId: string): Promise<void>;
  /** Records how a step ended, with its audit event. */
  endStepRun(stepRunId: string, end: StepRunEnd, audit: StepAudit): Promise<void>;
  /** Where a running step's output is recorded; `onCommitted` runs after each batch; `from` resumes one. */
  recordOutput(stepRunId: string, startedAt: Date, onCommitted: () => void, from?: RecorderStart): OutputSink;
  /** Active runs as stored, for taking them over: those on a host, or one. */
  activeRuns(where: { hostId: string } | { runId: string }): Promise<StoredRun[]>;
  /** Keeps the run's sealed live values (after a step captured some, or run-all started). */
  saveLive(runId: string, live: string): Promise<void>;
  /** The run a step run belongs to and its stored output size; null when unknown. */
  stepRunOutput(stepRunId: string): Promise<{ runId: string; outputBytes: number } | null>;
  /** Recorded output in order; rows with seq below `beforeSeq` (all when omitted). */
  readOutput(stepRunId: string, beforeSeq?: number): AsyncIterable<RecordedChunk>;
}
