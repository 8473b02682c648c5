// Saves an edited incident. The lists are replaced as a whole inside one transaction, a status
// change is written into the timeline, and an edit based on a stale copy is refused.
import "server-only";
import type * as z from "zod";
import { db } from "@/lib/db/client";
import { emitIncidentEvent } from "./incident-events";
import { incidentSelect, toIncidentRecord } from "./incident-record";
import { incidentsChanged } from "./search-source";
import { parseIncidentInput, type expectedUpdatedAtSchema, type IncidentInputRaw, type Status } from "./schema";
import type { IncidentRecord } from "./types";
import { addAuthor, checkRunsExist, incidentColumns, writeIncidentParts } from "./write-incident-parts";

export class IncidentNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`No incident with id "${id}"`);
    this.name = "IncidentNotFoundError";
  }
}

/** Someone saved the incident after this edit was started from it. */
export class IncidentConflictError extends Error {
  constructor(readonly current: Date) {
    super("This incident was changed by someone else since you opened it; reload to see their changes.");
    this.name = "IncidentConflictError";
  }
}

export interface UpdateOptions {
  editorId?: string;
  editorName?: string;
  /** updatedAt of the copy the edit started from (required); an edit of any other copy is refused. */
  expectedUpdatedAt: z.input<typeof expectedUpdatedAtSchema>;
  now?: Date;
}

export async function updateIncident(
  id: string,
  raw: IncidentInputRaw | unknown,
  opts: UpdateOptions,
): Promise<IncidentRecord> {
  const expected = new Date(opts.expectedUpdatedAt);
  const input = parseIncidentInput(raw);
  const now = opts.now ?? new Date();
  const from = await db.$transaction(async (tx) => {
    const current = await tx.incident.findUnique({ where: { id }, select: { status: true, updatedAt: true } });
    if (!current) throw new IncidentNotFoundError(id);
    if (expected.getTime() !== current.updatedAt.getTime()) throw new IncidentConflictError(current.updatedAt);
    await checkRunsExist(tx, input.runs);
    const statusEntry =
      current.status !== input.status
        ? [
            {
              at: now,
              kind: "status" as const,
              text:
                `Status changed from ${current.status} to ${input.status}` +
                (opts.editorName ? ` by ${opts.editorName}` : ""),
              link: null,
            },
          ]
        : [];
    await tx.incident.update({
      where: { id },
      data: { ...incidentColumns(input), updatedAt: now },
      select: { id: true },
    });
    const where = { where: { incidentId: id } };
    await tx.timelineEntry.deleteMany(where);
    await tx.rootCause.deleteMany(where);
    await tx.learning.deleteMany(where);
    await tx.actionItem.deleteMany(where);
    await tx.incidentPlaybook.deleteMany(where);
    await tx.incidentRun.deleteMany(where);
    await writeIncidentParts(tx, id, input, statusEntry);
    await addAuthor(tx, id, opts.editorId);
    return current.status as Status;
  });
  incidentsChanged();
  const row = await db.incident.findUniqueOrThrow({ where: { id }, select: incidentSelect });
  const record = toIncidentRecord(row);
  if (from !== record.status) {
    await emitIncidentEvent({ type: "status", incident: record, from, by: opts.editorName ?? null });
  }
  return record;
}
