// What past incidents taught about a playbook (and about one of its steps): the feedback loop.
import "server-only";
import { db } from "@/lib/db/client";
import type { LearningInput, LearningKind, Severity, Status } from "./schema";
import type { IncidentRecord } from "./types";

export type PlaybookLearning = Pick<LearningInput, "kind" | "text" | "stepId"> & {
  incident: Pick<IncidentRecord, "id" | "title" | "severity" | "status"> & { date: Date };
};

export async function listPlaybookLearnings(slug: string, opts: { stepId?: string } = {}): Promise<PlaybookLearning[]> {
  const rows = await db.learning.findMany({
    where: { playbookSlug: slug, ...(opts.stepId ? { stepId: opts.stepId } : {}) },
    select: {
      kind: true,
      text: true,
      stepId: true,
      position: true,
      incident: { select: { id: true, title: true, severity: true, status: true, startedAt: true, createdAt: true } },
    },
  });
  return rows
    .map((r) => ({
      kind: r.kind as LearningKind,
      text: r.text,
      stepId: r.stepId,
      position: r.position,
      incident: {
        id: r.incident.id,
        title: r.incident.title,
        severity: r.incident.severity as Severity,
        status: r.incident.status as Status,
        date: r.incident.startedAt ?? r.incident.createdAt,
      },
    }))
    .sort(
      (a, b) =>
        b.incident.date.getTime() - a.incident.date.getTime() ||
        a.incident.id.localeCompare(b.incident.id) ||
        a.position - b.position,
    )
    .map(({ position: _p, ...rest }) => rest);
}

/** How many distinct incidents the learnings came from. */
export function countIncidents(learnings: readonly PlaybookLearning[]): number {
  return new Set(learnings.map((l) => l.incident.id)).size;
}
