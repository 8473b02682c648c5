// The one Prisma select an incident is read with, and its mapping to IncidentRecord. Every field
// the schema has that is not a list of its own is a column of the same name, so a new field is
// read and written without a change here; a column missing from Prisma fails to compile.
import type { Prisma } from "@/lib/db/generated/client";
import { blankIncident, INCIDENT_FIELDS, type IncidentField } from "./fields";
import type { IncidentInput, LearningKind, TimelineKind } from "./schema";
import type { IncidentRecord } from "./types";

/** The fields kept in tables of their own (write-incident-parts.ts writes them). */
const LIST_TABLES = ["timeline", "rootCauses", "learnings", "actionItems", "playbooks", "runs"] as const;
export type ColumnField = Exclude<IncidentField, (typeof LIST_TABLES)[number]>;
export type IncidentColumns = Pick<IncidentInput, ColumnField>;

export const COLUMN_FIELDS = INCIDENT_FIELDS.filter(
  (field): field is ColumnField => !(LIST_TABLES as readonly string[]).includes(field),
);

/** Columns whose value is a list: SQLite has no arrays, so Prisma keeps them as JSON. */
const blank = blankIncident();
const JSON_LISTS = new Set(COLUMN_FIELDS.filter((field) => Array.isArray(blank[field])));

const columnSelect = Object.fromEntries(COLUMN_FIELDS.map((field) => [field, true])) as { [K in ColumnField]: true };

/** What every list of incidents shows: the list page and the search documents. */
export const incidentHeadSelect = {
  id: true,
  title: true,
  severity: true,
  status: true,
  startedAt: true,
  createdAt: true,
  tags: true,
  symptoms: true,
} satisfies Prisma.IncidentSelect;

export const incidentSelect = {
  id: true,
  ...columnSelect,
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

/**
 * The columns as the schema types them. Text columns hold what the schema validated on the way in
 * (a choice such as severity is stored as its text), so only the JSON lists need reading.
 */
function columnsOf(row: IncidentRow): IncidentColumns {
  const columns = COLUMN_FIELDS.map((field) => {
    const value = row[field];
    return [field, JSON_LISTS.has(field) ? stringArray(value as Prisma.JsonValue) : value];
  });
  return Object.fromEntries(columns) as IncidentColumns;
}

export function toIncidentRecord(row: IncidentRow): IncidentRecord {
  return {
    id: row.id,
    ...columnsOf(row),
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
