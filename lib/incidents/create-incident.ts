// Records a new incident: everything in one transaction, so a failure leaves nothing behind.
import "server-only";
import { db } from "@/lib/db/client";
import { emitIncidentEvent } from "./incident-events";
import { incidentSelect, toIncidentRecord } from "./incident-record";
import { incidentsChanged } from "./search-source";
import { parseIncidentInput, type IncidentInputRaw } from "./schema";
import type { IncidentRecord } from "./types";
import { addAuthor, checkRunsExist, incidentColumns, writeIncidentParts } from "./write-incident-parts";

export interface CreateOptions {
  authorId?: string;
  /** A fixed id, for seeded incidents that must be recognised on the next start. */
  id?: string;
}

export async function createIncident(
  raw: IncidentInputRaw | unknown,
  opts: CreateOptions = {},
): Promise<IncidentRecord> {
  const input = parseIncidentInput(raw);
  const id = await db.$transaction(async (tx) => {
    await checkRunsExist(tx, input.runs);
    const created = await tx.incident.create({
      data: { ...incidentColumns(input), ...(opts.id ? { id: opts.id } : {}) },
      select: { id: true },
    });
    await writeIncidentParts(tx, created.id, input);
    await addAuthor(tx, created.id, opts.authorId);
    return created.id;
  });
  incidentsChanged();
  const row = await db.incident.findUniqueOrThrow({ where: { id }, select: incidentSelect });
  const record = toIncidentRecord(row);
  // Seeded incidents are history, not news.
  if (!opts.id) await emitIncidentEvent({ type: "opened", incident: record });
  return record;
}
