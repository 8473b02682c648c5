// The audit trail of step executions (host and user events are written where they happen).
import "server-only";
import { db } from "@/lib/db/client";

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

export async function auditStep(a: StepAudit): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: "step.run",
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
    },
  });
}

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
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
    include: { user: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    userName: r.user?.name ?? null,
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
