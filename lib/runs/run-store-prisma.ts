// The run store in the database: Run and StepRun rows through Prisma, output through the chunk
// store, executions into the audit trail.
import "server-only";
import { db } from "@/lib/db/client";
import { auditStep } from "./audit";
import { OutputRecorder } from "./output-recorder";
import { readOutput } from "./read-output";
import type { RunStore } from "./run-store";
import { loadRunView, loadStepRunView } from "./run-views";

export const prismaRunStore: RunStore = {
  async createRun(run) {
    return db.run.create({ data: run, select: { id: true } });
  },

  async finishRun(runId) {
    await db.run.update({ where: { id: runId }, data: { status: "finished", finishedAt: new Date() } });
  },

  async playbookOf(runId) {
    return (await db.run.findUnique({ where: { id: runId }, select: { playbookSlug: true } }))?.playbookSlug ?? null;
  },

  runView: loadRunView,

  async createStepRun(step) {
    return db.stepRun.create({ data: step, select: { id: true, startedAt: true, cols: true, rows: true } });
  },

  async discardStepRun(stepRunId) {
    await db.stepRun.delete({ where: { id: stepRunId } });
  },

  async endStepRun(stepRunId, end, audit) {
    await db.stepRun.update({ where: { id: stepRunId }, data: end });
    await auditStep(audit);
  },

  stepRunView: loadStepRunView,

  recordOutput(stepRunId, startedAt, onCommitted) {
    return new OutputRecorder(stepRunId, startedAt.getTime(), onCommitted);
  },

  async stepRunOutput(stepRunId) {
    return db.stepRun.findUnique({ where: { id: stepRunId }, select: { runId: true, outputBytes: true } });
  },

  readOutput,
};
