// The audit trail's hash chain: what each event's hash covers, and the walk that checks it. The one
// writer that seals events is recordAudit/withAudit in ./audit.ts.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import type { AuditEvent } from "@/lib/db/generated/client";

/**
 * The fields a hash covers, in this order. `userId` is left out on purpose: deleting a user sets it
 * to NULL (onDelete: SetNull), and the snapshot (userEmail, userName) already says who acted.
 */
export const CHAINED_FIELDS = [
  "id",
  "seq",
  "at",
  "action",
  "userEmail",
  "userName",
  "hostName",
  "playbook",
  "stepId",
  "stepRunId",
  "command",
  "exitCode",
  "verdict",
  "startedAt",
  "endedAt",
  "detail",
  "prevHash",
] as const satisfies readonly (keyof AuditEvent)[];

export type ChainedEvent = Pick<AuditEvent, (typeof CHAINED_FIELDS)[number]>;

/** sha256 over a JSON array of the fields (dates as ISO strings), so no value can run into the next. */
export function eventHash(event: ChainedEvent): string {
  const values = CHAINED_FIELDS.map((field) => {
    const value = event[field];
    return value instanceof Date ? value.toISOString() : value;
  });
  return createHash("sha256")
    .update(JSON.stringify(["casebook-audit-v1", ...values]))
    .digest("hex");
}

export interface BrokenLink {
  id: string;
  seq: number;
  at: string;
  problem: string;
}

export type ChainCheck =
  | { ok: true; checked: number; unchained: number; head: { seq: number; hash: string } | null }
  | { ok: false; checked: number; broken: BrokenLink };

const BATCH = 1000;

/**
 * Walks the events in seq order and stops at the first one that does not follow from the one before.
 * Events from before the chain existed (hash NULL) may only come first. Deleting the newest events
 * leaves no gap to find: compare the head printed here with one recorded earlier.
 */
export async function verifyAuditChain(): Promise<ChainCheck> {
  let prev: { seq: number; hash: string | null } | null = null;
  let checked = 0;
  let unchained = 0;
  for (;;) {
    const rows: AuditEvent[] = await db.auditEvent.findMany({
      where: prev ? { seq: { gt: prev.seq } } : undefined,
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      const problem = linkProblem(prev, row);
      if (problem)
        return { ok: false, checked, broken: { id: row.id, seq: row.seq, at: row.at.toISOString(), problem } };
      checked++;
      if (row.hash === null) unchained++;
      prev = { seq: row.seq, hash: row.hash };
    }
    if (rows.length < BATCH) break;
  }
  const head = prev?.hash ? { seq: prev.seq, hash: prev.hash } : null;
  return { ok: true, checked, unchained, head };
}

function linkProblem(prev: { seq: number; hash: string | null } | null, row: AuditEvent): string | null {
  const expectedSeq = (prev?.seq ?? 0) + 1;
  if (row.seq !== expectedSeq) {
    const missing = row.seq - 1 === expectedSeq ? `seq ${expectedSeq} is` : `seq ${expectedSeq}–${row.seq - 1} are`;
    return `${missing} missing before it (deleted?)`;
  }
  if (row.hash === null) {
    return prev?.hash ? "it has no hash, but follows chained events (hash removed?)" : null;
  }
  const expectedPrev = prev?.hash ?? null;
  if (row.prevHash !== expectedPrev) {
    const found = row.prevHash ?? "null";
    const wanted = `seq ${prev?.seq ?? "—"} (${expectedPrev ?? "null"})`;
    return `its prevHash ${found} is not the hash of ${wanted}: that event or this link was rewritten`;
  }
  const computed = eventHash(row);
  if (row.hash !== computed) {
    return `its content does not match its hash (stored ${row.hash}, computed ${computed}): a field was edited`;
  }
  return null;
}
