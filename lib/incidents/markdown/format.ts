// The shape of an exported incident write-up, shared by the exporter and the strict importer. It
// follows the session-learnings write-ups people already keep (problem summary, root causes with
// symptom / cause / solution, key insights, lessons, next steps) and adds the fields Casebook has.
// Where a field goes is decided here; what its heading says comes from the label table.
import {
  CAUSE_FIELDS,
  type CauseField,
  type DateField,
  type KeysOf,
  type StringListField,
  type TextField,
} from "../fields";
import { AUTHORS_LABEL, FIELD_LABELS, LEARNING_KIND_LABELS } from "../labels";
import type { LearningKind } from "../schema";

/** Marks a write-up Casebook produced, so the importer reads it exactly instead of guessing. */
export const MARKER = "<!-- casebook-incident v1 -->";

/** Fields the write-up has a name for. */
type Named = KeysOf<typeof FIELD_LABELS, { markdown: string }>;

export type HeaderLine =
  | { field: TextField & Named; kind: "text" }
  | { field: DateField & Named; kind: "date" }
  | { field: StringListField & Named; kind: "list" };

/**
 * The `**Label**: value` lines under the title, in this order, each written only when set. A
 * `**Date**` line (the day it started) comes first and `**Authors**` last; neither is a field.
 */
export const HEADER_LINES = [
  { field: "severity", kind: "text" },
  { field: "status", kind: "text" },
  { field: "startedAt", kind: "date" },
  { field: "detectedAt", kind: "date" },
  { field: "resolvedAt", kind: "date" },
  { field: "environment", kind: "text" },
  { field: "tags", kind: "list" },
  { field: "playbooks", kind: "list" },
  { field: "runs", kind: "list" },
] as const satisfies readonly HeaderLine[];
export const DATE_LABEL = "Date";
export const AUTHORS = AUTHORS_LABEL.markdown;

export type Section =
  | { field: TextField & Named; kind: "prose" }
  | { field: "symptoms" | "timeline" | "rootCauses" | "actionItems"; kind: "list" }
  | { field: "learnings"; kind: LearningKind };

/** The `## ` sections after the header, in order. A prose section holds one Markdown text field. */
export const SECTIONS = [
  { field: "summary", kind: "prose" },
  { field: "symptoms", kind: "list" },
  { field: "timeline", kind: "list" },
  { field: "rootCauses", kind: "list" },
  { field: "resolution", kind: "prose" },
  { field: "learnings", kind: "insight" },
  { field: "learnings", kind: "lesson" },
  { field: "actionItems", kind: "list" },
] as const satisfies readonly Section[];

export function sectionTitle(section: Section): string {
  if (section.field === "learnings") return LEARNING_KIND_LABELS[section.kind].markdown;
  return FIELD_LABELS[section.field].markdown;
}

/** A root cause's fields go after its `### n. title` heading, in schema order, as `**Label**: text`. */
export const CAUSE_LABEL: Record<CauseField, string> = Object.fromEntries(
  CAUSE_FIELDS.map((field) => [field, FIELD_LABELS.rootCauses.parts[field].markdown]),
) as Record<CauseField, string>;

export const EMPTY = "_None recorded._";

const sectionNames = new Set(SECTIONS.map((s) => sectionTitle(s).toLowerCase()));
const causeLabels = Object.values(CAUSE_LABEL).join("|");

export const NUMBERED_HEADING = /^### (\d+)\.(?: (.*))?$/;
export const CAUSE_LABEL_LINE = new RegExp(`^\\*\\*(${causeLabels})\\*\\*:(?: (.*))?$`);
// The playbook's link, then optionally the step's.
export const LEARNING_LINK = new RegExp(
  /^→ Playbook: \[([a-z0-9-]+)\]\(\/playbooks\/[a-z0-9-]+\)/.source +
    /(?: · step \[([a-z0-9-]+)\]\(\/playbooks\/[a-z0-9-]+#step-[a-z0-9-]+\))?$/.source,
);
export const TIMELINE_ITEM = /^- `([^`]+)` \*\*([a-z]+)\*\*(?: · \[link\]\(<([^<>\n]*)>\))?$/;
export const ACTION_ITEM = /^- \[( |x|X)\] (.*?)(?: _\(owner: ([^)]*)\)_)?$/;

export function sectionHeading(line: string): string | null {
  const m = /^## (.+)$/.exec(line);
  return m?.[1] && sectionNames.has(m[1].toLowerCase()) ? m[1] : null;
}

/** Where a field's text sits in the write-up, which decides what would read as structure there. */
export type FieldContext = "prose" | "cause" | "learning";

/** Lines that would read as structure if they appeared inside a field's text in `context`. */
export function structuralIn(context: FieldContext): (line: string) => boolean {
  return (line) =>
    line === EMPTY ||
    sectionHeading(line) !== null ||
    (context !== "prose" && NUMBERED_HEADING.test(line)) ||
    (context === "cause" && CAUSE_LABEL_LINE.test(line)) ||
    (context === "learning" && line.startsWith("→ Playbook: "));
}
