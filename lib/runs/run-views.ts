// Run and StepRun rows as the UI sees them (lib/runs/protocol.ts RunView / StepRunView).
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { isRisk } from "@/lib/playbooks/format";
import type { Playbook } from "@/lib/playbooks/types";
import { historyOf } from "./diagnosis-walk";
import {
  capturedValueSchema,
  runWalkSchema,
  type RunStatus,
  type RunView,
  type RunWalk,
  type StepRunView,
  type Verdict,
} from "./protocol";
import { assembleRunView, stepSuggestion, type LiveRunState } from "./assemble-run-view";
import { countVerdicts, type RunHead, type RunListItem } from "./run-list-item";

const stepSelect = {
  id: true,
  runId: true,
  stepId: true,
  title: true,
  risk: true,
  verdict: true,
  reason: true,
  exitCode: true,
  signal: true,
  startedAt: true,
  endedAt: true,
  outputBytes: true,
  truncated: true,
  cols: true,
  rows: true,
  captures: true,
  user: { select: { name: true } },
} as const;

const storedCaptures = capturedValueSchema.array();

type StepRow = Prisma.StepRunGetPayload<{ select: typeof stepSelect }>;

/**
 * `earlier`: the run's step runs started before this one, in order; the suggestion never repeats
 * one of them (lib/runs/diagnosis-walk.ts).
 */
function toStepRunView(
  row: StepRow,
  playbook: Playbook | undefined,
  earlier: readonly Pick<StepRow, "stepId" | "verdict">[],
): StepRunView {
  const verdict = row.verdict as Verdict;
  const ran = { stepId: row.stepId, verdict };
  // Rows hold the verdict as a string; every one written is a Verdict.
  const history = historyOf([...earlier.map((r) => ({ stepId: r.stepId, verdict: r.verdict as Verdict })), ran]);
  return {
    id: row.id,
    runId: row.runId,
    stepId: row.stepId,
    title: row.title,
    risk: isRisk(row.risk) ? row.risk : "read",
    verdict,
    reason: row.reason,
    exitCode: row.exitCode,
    signal: row.signal,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    outputBytes: row.outputBytes,
    truncated: row.truncated,
    cols: row.cols,
    rows: row.rows,
    userName: row.user?.name ?? null,
    suggestedNext: stepSuggestion(playbook, history, ran),
    captures: storedCaptures.safeParse(row.captures ?? []).data ?? [],
  };
}

export type { LiveRunState } from "./assemble-run-view";

/** The columns behind a RunHead. */
const runHeadSelect = {
  id: true,
  playbookSlug: true,
  contentHash: true,
  hostId: true,
  host: { select: { name: true } },
  userId: true,
  user: { select: { name: true } },
  status: true,
  createdAt: true,
  finishedAt: true,
} as const;

type RunHeadRow = Prisma.RunGetPayload<{ select: typeof runHeadSelect }>;

function toRunHead(run: RunHeadRow): RunHead {
  return {
    id: run.id,
    playbookSlug: run.playbookSlug,
    contentHash: run.contentHash,
    hostId: run.hostId,
    hostName: run.host.name,
    userId: run.userId,
    userName: run.user?.name ?? null,
    status: run.status as RunStatus,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** The run's stored state; `live` adds what only the hub knows. `playbook` is the current version. */
export async function loadRunView(
  runId: string,
  playbook: Playbook | undefined,
  live?: LiveRunState,
): Promise<RunView | null> {
  const run = await db.run.findUnique({
    where: { id: runId },
    select: {
      ...runHeadSelect,
      inputs: true,
      walk: true,
      steps: { orderBy: { startedAt: "asc" }, select: stepSelect },
    },
  });
  if (!run) return null;
  const steps = run.steps.map((s, i) => toStepRunView(s, playbook, run.steps.slice(0, i)));
  const inputs: Record<string, string> = {};
  if (run.inputs && typeof run.inputs === "object" && !Array.isArray(run.inputs)) {
    for (const [key, value] of Object.entries(run.inputs)) if (typeof value === "string") inputs[key] = value;
  }
  return assembleRunView(toRunHead(run), inputs, steps, storedWalk(run.walk), playbook, live);
}

/** A walk written by another version that no longer parses is dropped, not served half-right. */
export function storedWalk(value: Prisma.JsonValue | null): RunWalk | null {
  return runWalkSchema
    .nullable()
    .catch(null)
    .parse(value ?? null);
}

/** Newest first; filter by playbook and/or host. */
export async function listRuns(
  filter: { playbookSlug?: string; hostId?: string; take?: number } = {},
): Promise<RunListItem[]> {
  const runs = await db.run.findMany({
    where: { playbookSlug: filter.playbookSlug, hostId: filter.hostId },
    orderBy: { createdAt: "desc" },
    take: Math.min(filter.take ?? 50, 500),
    select: { ...runHeadSelect, steps: { select: { verdict: true } } },
  });
  return runs.map((run) => ({
    ...toRunHead(run),
    stepCount: run.steps.length,
    verdicts: countVerdicts(run.steps.map((s) => s.verdict as Verdict)),
  }));
}
