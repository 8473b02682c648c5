// What each incident field is called: on screen (the form, its error summary, the incident page,
// search results) and in the Markdown write-up. The write-up's names are a file format: renaming
// one would stop older exports from importing, so they are kept apart from the on-screen label.
import type { RowField } from "./fields";
import type { IncidentInput, LearningKind } from "./schema";

export interface Label {
  label: string;
  /** The write-up's section heading or `**Label**:` line for the field, if it has one. */
  markdown?: string;
  /** How the form asks for it, where that differs from the label. */
  form?: string;
}

/** A field of one item in a list (a root cause's fix). */
export interface PartLabel {
  /** After the item's name in a path or a form label ("Root cause 2 · fix"); the key if absent. */
  name?: string;
  /** On its own on the incident page. */
  label?: string;
  markdown?: string;
}

interface RowLabel<Item> extends Label {
  /** One item, numbered on screen: "Root cause 2". */
  row: string;
  /** Shorter, where the form repeats the item's name on each of its inputs. */
  formRow?: string;
  parts: { [K in keyof Item]-?: PartLabel };
}

type FieldLabels = {
  [K in keyof IncidentInput]-?: IncidentInput[K] extends ReadonlyArray<infer Item>
    ? Item extends object
      ? RowLabel<Item>
      : Label & { row?: string }
    : Label;
};

export const FIELD_LABELS = {
  title: { label: "Title" },
  severity: { label: "Severity", markdown: "Severity" },
  status: { label: "Status", markdown: "Status" },
  startedAt: { label: "Started", markdown: "Started" },
  detectedAt: { label: "Detected", markdown: "Detected" },
  resolvedAt: { label: "Resolved", markdown: "Resolved" },
  environment: { label: "Environment", markdown: "Environment", form: "Hosts or environment" },
  symptoms: { label: "Symptoms", row: "Symptom", markdown: "Symptoms" },
  summary: { label: "Problem summary", markdown: "Problem Summary" },
  resolution: { label: "Resolution", markdown: "Resolution" },
  tags: { label: "Tags", markdown: "Tags" },
  timeline: {
    label: "Timeline",
    row: "Timeline entry",
    formRow: "Entry",
    markdown: "Timeline",
    parts: { at: { name: "time" }, kind: {}, text: {}, link: {} },
  },
  rootCauses: {
    label: "Root causes",
    row: "Root cause",
    markdown: "Root Causes Identified",
    parts: {
      title: {},
      symptom: { label: "Symptom", markdown: "Symptom" },
      cause: { label: "Root cause", markdown: "Root Cause" },
      evidence: { label: "Evidence", markdown: "Evidence" },
      fix: { label: "Solution", markdown: "Solution" },
      prevention: { label: "Prevention", markdown: "Prevention" },
    },
  },
  // The write-up splits learnings by kind, under the kinds' headings (LEARNING_KIND_LABELS).
  learnings: {
    label: "Learnings",
    row: "Learning",
    parts: { kind: {}, text: {}, playbookSlug: { name: "playbook" }, stepId: { name: "step" } },
  },
  actionItems: { label: "Next steps", row: "Action", markdown: "Next Steps", parts: { text: {}, owner: {}, done: {} } },
  playbooks: { label: "Playbooks", markdown: "Playbooks" },
  runs: { label: "Runs", markdown: "Runs" },
} satisfies FieldLabels;

export const LEARNING_KIND_LABELS = {
  insight: { label: "Key insights", markdown: "Key Insights" },
  lesson: { label: "Lessons", markdown: "Lessons Learned" },
} satisfies Record<LearningKind, Required<Pick<Label, "label" | "markdown">>>;

/** Authors are the store's, not a field anyone types, but the page and the write-up name them. */
export const AUTHORS_LABEL = { label: "Authors", markdown: "Authors" } satisfies Label;

type PartOf<F extends RowField> = keyof (typeof FIELD_LABELS)[F]["parts"];

/** An item of a list as numbered on screen: `rowName("rootCauses", 1)` is "Root cause 2". */
export function rowName(field: RowField | "symptoms", index: number, opts: { form?: boolean } = {}): string {
  const labels: { row: string; formRow?: string } = FIELD_LABELS[field];
  return `${(opts.form ? labels.formRow : undefined) ?? labels.row} ${index + 1}`;
}

/** A field of an item as named after the item: "fix", "time" (for a timeline entry's `at`). */
export function partName<F extends RowField>(field: F, part: PartOf<F> & string): string {
  const parts: Record<string, PartLabel> = FIELD_LABELS[field].parts;
  return parts[part]?.name ?? part;
}

/** An input of an item as the form labels it: "Root cause 2 fix", "Entry 1 time". */
export function partLabel<F extends RowField>(field: F, index: number, part: PartOf<F> & string): string {
  return `${rowName(field, index, { form: true })} ${partName(field, part)}`;
}
