// The audit trail: the one writer every audit event goes through (step executions here, host and
// user events from where they happen), and the listing for the admin's audit page.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

type Tx = Prisma.TransactionClient;

/** What a caller says about an event; the writer adds the time and the actor's identity snapshot. */
export interface AuditInput {
  action: string;
  userId?: string | null;
  hostName?: string | null;
  playbook?: string | null;
  stepId?: string | null;
  stepRunId?: string | null;
  command?: string | null;
  exitCode?: number | null;
  verdict?: string | null;
  startedAt?: Date | null;
  endedAt?: Date | null;
  detail?: string | null;
}

/**
 * Does `work` and writes the event it describes in one transaction, so neither is kept without the
 * other (a step run is never created without its start event).
 */
export async function withAudit<T>(work: (tx: Tx) => Promise<T>, describe: (result: T) => AuditInput): Promise<T> {
  return db.$transaction(async (tx) => {
    const result = await work(tx);
    await append(tx, describe(result));
    return result;
  });
}

export async function recordAudit(event: AuditInput): Promise<void> {
  await withAudit(
    async () => undefined,
    () => event,
  );
}

/**
 * Keeps the actor's email and name as they are now: a user can rename themselves without an audit
 * event, so the trail must not follow the live User row.
 */
async function append(tx: Tx, event: AuditInput): Promise<void> {
  const actor = event.userId
    ? await tx.user.findUnique({ where: { id: event.userId }, select: { email: true, name: true } })
    : null;
  await tx.auditEvent.create({
    data: { ...event, userId: event.userId ?? null, userEmail: actor?.email ?? null, userName: actor?.name ?? null },
  });
}

export interface StepAudit {
  userId: string | null;
  hostName: string;
  playbookSlug: string;
  contentHash: string;
  stepId: string;
  command: string;
  exitCode: number | null;
  verdict: string;
  startedAt: Date;
  endedAt: Date;
  detail?: string | null;
}

/** The event for a step's end; its start was written with the step run (see run-store-prisma.ts). */
export function stepEndEvent(a: StepAudit, stepRunId?: string): AuditInput {
  return {
    action: "step.run",
    stepRunId: stepRunId ?? null,
    userId: a.userId,
    hostName: a.hostName,
    playbook: `${a.playbookSlug}@${a.contentHash}`,
    stepId: a.stepId,
    command: a.command,
    exitCode: a.exitCode,
    verdict: a.verdict,
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    detail: a.detail ?? null,
  };
}

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  /** The actor as they were when the event was written. */
  userEmail: string | null;
  userName: string | null;
  hostName: string | null;
  playbook: string | null;
  stepId: string | null;
  command: string | null;
  exitCode: number | null;
  verdict: string | null;
  startedAt: string | null;
  endedAt: string | null;
  detail: string | null;
}

/** Newest first, for the admin's audit log page. */
export async function listAudit(opts: { take?: number; before?: Date; action?: string } = {}): Promise<AuditEntry[]> {
  const rows = await db.auditEvent.findMany({
    where: { at: opts.before ? { lt: opts.before } : undefined, action: opts.action },
    orderBy: { at: "desc" },
    take: Math.min(opts.take ?? 100, 1000),
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    userEmail: r.userEmail,
    userName: r.userName,
    hostName: r.hostName,
    playbook: r.playbook,
    stepId: r.stepId,
    command: r.command,
    exitCode: r.exitCode,
    verdict: r.verdict,
    startedAt: r.startedAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null,
    detail: r.detail,
  }));
}
