// The one Prisma select an incident is read with, and its mapping to IncidentRecord.
import type { Prisma } from "@/lib/db/generated/client";
import type { IncidentRecord } from "./types";
import type { LearningKind, Severity, Status, TimelineKind } from "./schema";

export const incidentSelect = {
  id: true,
  title: true,
  severity: true,
  status: true,
  startedAt: true,
  detectedAt: true,
  resolvedAt: true,
  environment: true,
  symptoms: true,
  summary: true,
  resolution: true,
  tags: true,
  createdAt: true,
  updatedAt: true,
  authors: { select: { user: { select: { id: true, name: true } } } },
  timeline: { select: { at: true, kind: true, text: true, link: true }, orderBy: [{ at: "asc" }, { id: "asc" }] },
  rootCauses: {
    select: { title: true, symptom: true, cause: true, evidence: true, fix: true, prevention: true },
    orderBy: { position: "asc" },
  },
  learnings: { select: { kind: true, text: true, playbookSlug: true, stepId: true }, orderBy: { position: "asc" } },
  actionItems: { select: { text: true, owner: true, done: true }, orderBy: { position: "asc" } },
  playbooks: { select: { playbookSlug: true }, orderBy: { playbookSlug: "asc" } },
  runs: { select: { runId: true }, orderBy: { runId: "asc" } },
} satisfies Prisma.IncidentSelect;

export type IncidentRow = Prisma.IncidentGetPayload<{ select: typeof incidentSelect }>;

/** Json columns hold string arrays; anything else (a hand-edited row) reads as empty. */
export function stringArray(value: Prisma.JsonValue): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function toIncidentRecord(row: IncidentRow): IncidentRecord {
  return {
    id: row.id,
    title: row.title,
    severity: row.severity as Severity,
    status: row.status as Status,
    startedAt: row.startedAt,
    detectedAt: row.detectedAt,
    resolvedAt: row.resolvedAt,
    environment: row.environment,
    symptoms: stringArray(row.symptoms),
    summary: row.summary,
    resolution: row.resolution,
    tags: stringArray(row.tags),
    timeline: row.timeline.map((t) => ({ ...t, kind: t.kind as TimelineKind })),
    rootCauses: row.rootCauses,
    learnings: row.learnings.map((l) => ({ ...l, kind: l.kind as LearningKind })),
    actionItems: row.actionItems,
    playbooks: row.playbooks.map((p) => p.playbookSlug),
    runs: row.runs.map((r) => r.runId),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    authors: row.authors.map((a) => a.user),
  };
}
