// The audit trail: the one writer every audit event goes through (step executions here, host and
// user events from where they happen), and the listing for the admin's audit page.
import "server-only";
import { db } from "@/lib/db/client";
import { databaseUrl, isPostgres } from "@/lib/db/url";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import { eventHash, type ChainedEvent } from "./audit-chain";
import type { AuditQuery } from "./audit-query";

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

const POSTGRES = isPostgres(databaseUrl());
/** The advisory lock key that queues audit appends on PostgreSQL (any constant unique to this use). */
const AUDIT_APPEND_LOCK = 0x0a0d17;

/** Attempts before an append gives up; each conflict means another writer got the seq first. */
const MAX_ATTEMPTS = 10;

/**
 * Does `work` and appends the event it describes in one transaction, so neither is kept without the
 * other (a step run is never created without its start event).
 *
 * Appends are serialised: the transaction reads the last event and inserts the next seq. On SQLite
 * the database's write lock orders writers. On PostgreSQL (read committed, maybe several instances)
 * the append first takes a transaction-scoped advisory lock, so appenders queue instead of reading
 * the same last event. seq is unique as well: if two appends still collide, the second fails and the
 * whole transaction is retried on the new last event.
 */
export async function withAudit<T>(work: (tx: Tx) => Promise<T>, describe: (result: T) => AuditInput): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(
        async (tx) => {
          const result = await work(tx);
          await append(tx, describe(result));
          return result;
        },
        { maxWait: 10_000, timeout: 10_000 },
      );
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS || !isWriteConflict(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

export async function recordAudit(event: AuditInput): Promise<void> {
  await withAudit(
    async () => undefined,
    () => event,
  );
}

/** P2002: another writer took the seq; P2034: the database aborted a conflicting transaction. */
function isWriteConflict(err: unknown): boolean {
  const code = typeof err === "object" && err !== null && "code" in err ? err.code : undefined;
  return code === "P2002" || code === "P2034" || /SQLITE_BUSY|database is locked/.test(String(err));
}

/**
 * Seals the event onto the chain. It keeps the actor's email and name as they are now: a user can
 * rename themselves without an audit event, so the trail must not follow the live User row.
 */
async function append(tx: Tx, input: AuditInput): Promise<void> {
  const actor = input.userId
    ? await tx.user.findUnique({ where: { id: input.userId }, select: { email: true, name: true } })
    : null;
  if (POSTGRES) await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const event: ChainedEvent = {
    id: randomUUID(),
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    action: input.action,
    userEmail: actor?.email ?? null,
    userName: actor?.name ?? null,
    hostName: input.hostName ?? null,
    playbook: input.playbook ?? null,
    stepId: input.stepId ?? null,
    stepRunId: input.stepRunId ?? null,
    command: input.command ?? null,
    exitCode: input.exitCode ?? null,
    verdict: input.verdict ?? null,
    startedAt: input.startedAt ?? null,
    endedAt: input.endedAt ?? null,
    detail: input.detail ?? null,
    prevHash: last?.hash ?? null,
  };
  await tx.auditEvent.create({ data: { ...event, userId: input.userId ?? null, hash: eventHash(event) } });
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
  /** The event's place in the hash chain, and the page cursor. */
  seq: number;
  at: string;
  action: string;
  /** The actor as they were when the event was written. */
  userEmail: string | null;
  userName: string | null;
  hostName: string | null;
  playbook: string | null;
  stepId: string | null;
  stepRunId: string | null;
  command: string | null;
  exitCode: number | null;
  verdict: string | null;
  startedAt: string | null;
  endedAt: string | null;
  detail: string | null;
  prevHash: string | null;
  hash: string | null;
}

export const AUDIT_PAGE_MAX = 1000;

/** Newest first, older than `before` (a seq) when given, for the audit page and the export. */
export async function listAudit(opts: AuditQuery & { take?: number } = {}): Promise<AuditEntry[]> {
  const rows = await db.auditEvent.findMany({
    where: {
      seq: opts.before ? { lt: opts.before } : undefined,
      action: opts.action,
      hostName: opts.host,
      at: opts.from || opts.to ? { gte: opts.from, lt: opts.to } : undefined,
      OR: opts.user ? [{ userEmail: { contains: opts.user } }, { userName: { contains: opts.user } }] : undefined,
    },
    orderBy: { seq: "desc" },
    take: Math.min(opts.take ?? 100, AUDIT_PAGE_MAX),
  });
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    at: r.at.toISOString(),
    action: r.action,
    userEmail: r.userEmail,
    userName: r.userName,
    hostName: r.hostName,
    playbook: r.playbook,
    stepId: r.stepId,
    stepRunId: r.stepRunId,
    command: r.command,
    exitCode: r.exitCode,
    verdict: r.verdict,
    startedAt: r.startedAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null,
    detail: r.detail,
    prevHash: r.prevHash,
    hash: r.hash,
  }));
}
