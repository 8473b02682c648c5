// The incident list, filtered by status, severity, tag and playbook.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { incidentHeadSelect, stringArray } from "./incident-record";
import type { Severity, Status } from "./schema";
import type { IncidentRecord } from "./types";

export interface IncidentFilter {
  status?: string;
  severity?: string;
  tag?: string;
  playbook?: string;
}

export type IncidentListItem = Pick<
  IncidentRecord,
  "id" | "title" | "severity" | "status" | "startedAt" | "createdAt" | "tags" | "playbooks" | "symptoms"
> & {
  /** How many it has, not the causes and learnings themselves. */
  rootCauses: number;
  learnings: number;
};

export async function listIncidents(
  filter: IncidentFilter = {},
  opts: { limit?: number } = {},
): Promise<IncidentListItem[]> {
  const where: Prisma.IncidentWhereInput = {};
  if (filter.status) where.status = filter.status;
  if (filter.severity) where.severity = filter.severity;
  if (filter.playbook) where.playbooks = { some: { playbookSlug: filter.playbook } };
  const rows = await db.incident.findMany({
    where,
    select: {
      ...incidentHeadSelect,
      playbooks: { select: { playbookSlug: true }, orderBy: { playbookSlug: "asc" } },
      _count: { select: { rootCauses: true, learnings: true } },
    },
    orderBy: [{ startedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
  });
  const tag = filter.tag?.toLowerCase();
  // Tags live in a JSON column, which SQLite cannot query portably; incident counts are small.
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      severity: r.severity as Severity,
      status: r.status as Status,
      startedAt: r.startedAt,
      createdAt: r.createdAt,
      tags: stringArray(r.tags),
      symptoms: stringArray(r.symptoms),
      playbooks: r.playbooks.map((p) => p.playbookSlug),
      rootCauses: r._count.rootCauses,
      learnings: r._count.learnings,
    }))
    .filter((r) => !tag || r.tags.includes(tag))
    .slice(0, opts.limit ?? 500);
}
