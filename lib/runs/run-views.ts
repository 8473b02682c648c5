// Run and StepRun rows as the UI sees them (lib/runs/protocol.ts RunView / StepRunView).
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { isRisk } from "@/lib/playbooks/format";
import type { Playbook } from "@/lib/playbooks/types";
import { capturedValueSchema, type RunStatus, type RunView, type StepRunView, type Verdict } from "./protocol";
import { suggestNext } from "./verdict";

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

export function toStepRunView(row: StepRow, playbook: Playbook | undefined): StepRunView {
  const verdict = row.verdict as Verdict;
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
    suggestedNext: playbook && verdict !== "running" ? suggestNext(playbook, row.stepId, verdict) : null,
    captures: storedCaptures.safeParse(row.captures ?? []).data ?? [],
  };
}

export async function loadStepRunView(stepRunId: string, playbook: Playbook | undefined): Promise<StepRunView | null> {
  const row = await db.stepRun.findUnique({ where: { id: stepRunId }, select: stepSelect });
  return row ? toStepRunView(row, playbook) : null;
}

export interface LiveRunState {
  activeStepRunId: string | null;
  runningAllRead: boolean;
}

/** What both the run page and the run list read of a run row. */
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
type RunHead = Omit<RunView, "inputs" | "steps" | "activeStepRunId" | "runningAllRead" | "suggestedNext" | "stale">;

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
    select: { ...runHeadSelect, inputs: true, steps: { orderBy: { startedAt: "asc" }, select: stepSelect } },
  });
  if (!run) return null;
  const steps = run.steps.map((s) => toStepRunView(s, playbook));
  const lastDone = [...steps].reverse().find((s) => s.verdict !== "running");
  const inputs: Record<string, string> = {};
  if (run.inputs && typeof run.inputs === "object" && !Array.isArray(run.inputs)) {
    for (const [key, value] of Object.entries(run.inputs)) if (typeof value === "string") inputs[key] = value;
  }
  return {
    ...toRunHead(run),
    inputs,
    steps,
    activeStepRunId: live?.activeStepRunId ?? steps.find((s) => s.verdict === "running")?.id ?? null,
    runningAllRead: live?.runningAllRead ?? false,
    suggestedNext: lastDone ? lastDone.suggestedNext : (playbook?.steps[0]?.id ?? null),
    stale: playbook ? playbook.contentHash !== run.contentHash : true,
  };
}

export type RunListItem = RunHead & {
  stepCount: number;
  /** Verdict counts, e.g. { passed: 3, failed: 1 }. */
  verdicts: Partial<Record<Verdict, number>>;
};

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
  return runs.map((run) => {
    const verdicts: Partial<Record<Verdict, number>> = {};
    for (const s of run.steps) verdicts[s.verdict as Verdict] = (verdicts[s.verdict as Verdict] ?? 0) + 1;
    return {
      ...toRunHead(run),
      stepCount: run.steps.length,
      verdicts,
    };
  });
}
