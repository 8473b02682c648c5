// Keeps recorded runs within RUN_RETENTION_DAYS and RUN_RETENTION_MAX_OUTPUT_MB by deleting the
// oldest runs that are no longer active (their audit events stay).
import "server-only";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";

export interface RetentionLimits {
  days: number | null;
  maxOutputBytes: number | null;
}

function positive(value: string | undefined, name: string): number | null {
  if (value === undefined || value.trim() === "" || value === "0") return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
}

/**
 * From the environment: RUN_RETENTION_DAYS (default 90) and RUN_RETENTION_MAX_OUTPUT_MB (default 2048);
 * 0 = no limit.
 */
export function retentionLimits(env: Readonly<Record<string, string | undefined>> = process.env): RetentionLimits {
  const days = positive(env.RUN_RETENTION_DAYS ?? "90", "RUN_RETENTION_DAYS");
  const mb = positive(env.RUN_RETENTION_MAX_OUTPUT_MB ?? "2048", "RUN_RETENTION_MAX_OUTPUT_MB");
  return { days, maxOutputBytes: mb === null ? null : Math.floor(mb * 1024 * 1024) };
}

export async function pruneRuns(
  limits: RetentionLimits = retentionLimits(),
  now = new Date(),
): Promise<{ deletedRuns: number }> {
  let deleted = 0;
  if (limits.days !== null) {
    const cutoff = new Date(now.getTime() - limits.days * 24 * 3600 * 1000);
    const res = await db.run.deleteMany({ where: { createdAt: { lt: cutoff }, status: { not: "active" } } });
    deleted += res.count;
  }
  if (limits.maxOutputBytes !== null) {
    const total = (await db.stepRun.aggregate({ _sum: { outputBytes: true } }))._sum.outputBytes ?? 0;
    let excess = total - limits.maxOutputBytes;
    if (excess > 0) {
      const runs = await db.run.findMany({
        where: { status: { not: "active" } },
        orderBy: { createdAt: "asc" },
        select: { id: true, steps: { select: { outputBytes: true } } },
      });
      const victims: string[] = [];
      for (const run of runs) {
        if (excess <= 0) break;
        victims.push(run.id);
        excess -= run.steps.reduce((n, s) => n + s.outputBytes, 0);
      }
      if (victims.length) deleted += (await db.run.deleteMany({ where: { id: { in: victims } } })).count;
    }
  }
  if (deleted) log.info({ deletedRuns: deleted, limits }, "pruned recorded runs");
  return { deletedRuns: deleted };
}

/** Prunes now and then daily; returns a stop function. */
export function schedulePruning(limits: RetentionLimits = retentionLimits()): () => void {
  const run = () => pruneRuns(limits).catch((err: unknown) => log.error({ err }, "pruning runs failed"));
  void run();
  const timer = setInterval(run, 24 * 3600 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** The hosts of runs left with a step running: after a restart, those whose agent does not come back. */
export async function activeRunHosts(): Promise<string[]> {
  const runs = await db.run.findMany({
    where: { status: "active", steps: { some: { verdict: "running" } } },
    select: { hostId: true },
    distinct: ["hostId"],
  });
  return runs.map((r) => r.hostId);
}
