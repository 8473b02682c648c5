// The run store in the database: Run and StepRun rows through Prisma, output through the chunk
// store, executions into the audit trail.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit, stepEndEvent, withAudit, type AuditInput } from "./audit";
import { OutputRecorder } from "./output-recorder";
import { readOutput } from "./read-output";
import type { RunStore } from "./run-store";
import { loadRunView } from "./run-views";
import { loadActiveRuns, saveLive } from "./stored-runs";
import { metrics } from "@/lib/metrics/metrics";

/** What a step's start and discard events say, read from the step run and its run. */
const STEP_AUDIT_SELECT = {
  id: true,
  stepId: true,
  command: true,
  userId: true,
  startedAt: true,
  run: { select: { playbookSlug: true, contentHash: true, host: { select: { name: true } } } },
} as const;

function stepEvent(action: string, s: Prisma.StepRunGetPayload<{ select: typeof STEP_AUDIT_SELECT }>): AuditInput {
  return {
    action,
    userId: s.userId,
    hostName: s.run.host.name,
    playbook: `${s.run.playbookSlug}@${s.run.contentHash}`,
    stepId: s.stepId,
    stepRunId: s.id,
    command: s.command,
    startedAt: s.startedAt,
  };
}

const RUN_AUDIT_SELECT = {
  id: true,
  playbookSlug: true,
  contentHash: true,
  host: { select: { name: true } },
} as const;

function runEvent(
  action: string,
  r: Prisma.RunGetPayload<{ select: typeof RUN_AUDIT_SELECT }>,
  userId: string | null,
  detail: Record<string, unknown> = {},
): AuditInput {
  return {
    action,
    userId,
    hostName: r.host.name,
    playbook: `${r.playbookSlug}@${r.contentHash}`,
    detail: JSON.stringify({ runId: r.id, ...detail }),
  };
}

export const prismaRunStore: RunStore = {
  // The event is made from what the hub passed in, not read back through the row's relations:
  // a start is the hot path when many runs start at once.
  async createRun(run, { hostName }) {
    return withAudit(
      (tx) => tx.run.create({ data: run, select: { id: true, createdAt: true } }),
      ({ id }) => runEvent("run.start", { id, ...run, host: { name: hostName } }, run.userId),
    );
  },

  async finishRun(runId, byUserId) {
    await withAudit(
      (tx) =>
        tx.run.update({
          where: { id: runId },
          data: { status: "finished", finishedAt: new Date() },
          select: RUN_AUDIT_SELECT,
        }),
      (r) => runEvent("run.finish", r, byUserId),
    );
  },

  async auditHub(action, { userId, runId, hostId, detail }) {
    const run = runId ? await db.run.findUnique({ where: { id: runId }, select: RUN_AUDIT_SELECT }) : null;
    if (run) return recordAudit(runEvent(action, run, userId, detail));
    const host = hostId ? await db.host.findUnique({ where: { id: hostId }, select: { name: true } }) : null;
    await recordAudit({ action, userId, hostName: host?.name ?? null, detail: JSON.stringify(detail) });
  },

  async playbookOf(runId) {
    return (await db.run.findUnique({ where: { id: runId }, select: { playbookSlug: true } }))?.playbookSlug ?? null;
  },

  runView: loadRunView,

  async saveWalk(runId, walk) {
    await db.run.update({ where: { id: runId }, data: { walk } });
  },

  // The start is audited with the row, before the hub sends the command, so a crash mid-step
  // still leaves who started what where.
  async createStepRun(step, { hostName, playbookSlug, contentHash }) {
    return withAudit(
      (tx) => tx.stepRun.create({ data: step, select: { id: true, startedAt: true, cols: true, rows: true } }),
      (s) => stepEvent("step.start", { ...step, ...s, run: { playbookSlug, contentHash, host: { name: hostName } } }),
    );
  },

  async discardStepRun(stepRunId) {
    await withAudit(
      (tx) => tx.stepRun.delete({ where: { id: stepRunId }, select: STEP_AUDIT_SELECT }),
      (s) => ({ ...stepEvent("step.discard", s), detail: "never sent to the agent" }),
    );
  },

  async endStepRun(stepRunId, end, audit) {
    await withAudit(
      (tx) => tx.stepRun.update({ where: { id: stepRunId }, data: end }),
      () => stepEndEvent(audit, stepRunId),
    );
    metrics.stepOutcomes.inc({ verdict: end.verdict });
  },

  recordOutput(stepRunId, startedAt, onCommitted, from) {
    return new OutputRecorder(stepRunId, startedAt.getTime(), onCommitted, from);
  },

  activeRuns: loadActiveRuns,
  saveLive,

  async stepRunOutput(stepRunId) {
    return db.stepRun.findUnique({ where: { id: stepRunId }, select: { runId: true, outputBytes: true } });
  },

  readOutput,
};
