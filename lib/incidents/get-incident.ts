import "server-only";
import { db } from "@/lib/db/client";
import { incidentSelect, toIncidentRecord } from "./incident-record";
import type { IncidentRecord } from "./types";

export async function getIncident(id: string): Promise<IncidentRecord | null> {
  const row = await db.incident.findUnique({ where: { id }, select: incidentSelect });
  return row ? toIncidentRecord(row) : null;
}
