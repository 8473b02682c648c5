// Active runs as the database holds them, for an instance taking them over: the instance that
// drove them died or lost the host's agent (issue 13). Everything the hub needs to carry on is
// here: the run's owner, its sealed live values, the steps it ran, and where the running step's
// stored output ends (in masked bytes, raw agent bytes and rows).
import "server-only";
import { db } from "@/lib/db/client";
import { historyOf, type Ran } from "./diagnosis-walk";
import type { RunWalk, Verdict } from "./protocol";
import { storedWalk } from "./run-views";

export interface StoredRunningStep {
  id: string;
  stepId: string;
  userId: string | null;
  startedAt: Date;
  /** Where its recording picks up. */
  from: { seq: number; bytes: number; raw: number };
}

export interface StoredRun {
  id: string;
  playbookSlug: string;
  contentHash: string;
  hostId: string;
  hostName: string;
  ownerId: string | null;
  ownerName: string;
  /** Sealed (Run.live); null for a run started before it was kept. */
  live: string | null;
  walk: RunWalk | null;
  history: Ran[];
  running: StoredRunningStep | null;
}

const SELECT = {
  id: true,
  playbookSlug: true,
  contentHash: true,
  hostId: true,
  userId: true,
  live: true,
  walk: true,
  host: { select: { name: true } },
  user: { select: { name: true } },
  steps: {
    orderBy: { startedAt: "asc" },
    select: {
      id: true,
      stepId: true,
      verdict: true,
      userId: true,
      startedAt: true,
      outputBytes: true,
      receivedBytes: true,
    },
  },
} as const;

export async function loadActiveRuns(where: { hostId: string } | { runId: string }): Promise<StoredRun[]> {
  const rows = await db.run.findMany({
    where: { status: "active", ...("runId" in where ? { id: where.runId } : { hostId: where.hostId }) },
    select: SELECT,
  });
  return Promise.all(
    rows.map(async (r) => {
      const running = r.steps.find((s) => s.verdict === "running") ?? null;
      return {
        id: r.id,
        playbookSlug: r.playbookSlug,
        contentHash: r.contentHash,
        hostId: r.hostId,
        hostName: r.host.name,
        ownerId: r.userId,
        ownerName: r.user?.name ?? "a deleted user",
        live: r.live,
        walk: storedWalk(r.walk),
        // Rows hold the verdict as a string; every one written is a Verdict.
        history: historyOf(r.steps.map((s) => ({ stepId: s.stepId, verdict: s.verdict as Verdict }))),
        running: running && {
          id: running.id,
          stepId: running.stepId,
          userId: running.userId,
          startedAt: running.startedAt,
          from: { seq: await nextSeq(running.id), bytes: running.outputBytes, raw: running.receivedBytes },
        },
      };
    }),
  );
}

async function nextSeq(stepRunId: string): Promise<number> {
  const last = await db.outputChunk.findFirst({
    where: { stepRunId },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  return last ? last.seq + 1 : 0;
}

export async function saveLive(runId: string, live: string): Promise<void> {
  await db.run.update({ where: { id: runId }, data: { live } });
}
