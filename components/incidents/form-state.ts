// The incident form's state: every field as the text the person typed, so a rejected save keeps
// exactly what was on screen. Converted to the API's JSON only when submitting. Its shape follows
// the schema: a date is the value of a UTC datetime-local input, a list of names one
// comma-separated string, a list of records rows of strings, and any other field its text.
import {
  allOf,
  blankIncident,
  blankRootCause,
  DATE_FIELDS,
  INCIDENT_FIELDS,
  type DateField,
  type IncidentField,
  type ListField,
  type StringListField,
} from "@/lib/incidents/fields";
import type {
  ActionItemInput,
  IncidentInput,
  IncidentInputRaw,
  LearningInput,
  RootCauseInput,
  TimelineEntryInput,
} from "@/lib/incidents/schema";

/** A record as typed: its values are strings ("" for none), except flags. */
type Typed<T> = { [K in keyof T]-?: T[K] extends boolean ? boolean : string };
export type TimelineRow = Typed<TimelineEntryInput>;
export type CauseRow = Typed<RootCauseInput>;
export type LearningRow = Typed<LearningInput>;
export type ActionRow = Typed<ActionItemInput>;

export type IncidentFormState = {
  [K in IncidentField]: K extends "symptoms"
    ? string[]
    : IncidentInput[K] extends ReadonlyArray<infer Item>
      ? Item extends object
        ? Typed<Item>[]
        : string
      : string;
};

/** Whatever a form starts from: a stored incident, a draft from a run, or a few defaults. */
export type FormSource = Partial<IncidentInputRaw>;

/** Lists of names, typed into one input. */
type CommaField = Exclude<StringListField, "symptoms">;
const COMMA_FIELDS = allOf<CommaField>()(["tags", "playbooks", "runs"]);
// Every list is converted by name below; everything else is a date or typed as it is.
const LIST_FIELDS: readonly string[] = allOf<ListField>()([
  "symptoms",
  ...COMMA_FIELDS,
  "timeline",
  "rootCauses",
  "learnings",
  "actionItems",
]);
type PlainField = Exclude<IncidentField, DateField | ListField>;
const PLAIN_FIELDS = INCIDENT_FIELDS.filter(
  (f): f is PlainField => !LIST_FIELDS.includes(f) && !(DATE_FIELDS as readonly string[]).includes(f),
);

/** A stored date as the value of a UTC `datetime-local` input. */
export function toInputDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 16);
}

/** A `datetime-local` value (UTC) as ISO 8601; anything else is sent as typed, for the server to judge. */
export function fromInputDate(value: string): string | null {
  const v = value.trim();
  if (v === "") return null;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v.length === 16 ? `${v}:00` : v}.000Z` : v;
}

/** The names in a comma-separated field. */
export const splitList = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

const text = (v: unknown): string => (typeof v === "string" ? v : "");

/** `Object.fromEntries` over `keys`, typed as the record it builds. */
function record<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;
}

export function formStateFrom(src: FormSource): IncidentFormState {
  const blank = blankIncident();
  return {
    ...record(PLAIN_FIELDS, (f) => {
      const v = src[f];
      return typeof v === "string" ? v : blank[f];
    }),
    ...record(DATE_FIELDS, (f) => toInputDate(src[f])),
    ...record(COMMA_FIELDS, (f) => (src[f] ?? []).join(", ")),
    symptoms: src.symptoms?.length ? [...src.symptoms] : [""],
    timeline: (src.timeline ?? []).map((t) => ({
      at: toInputDate(t.at),
      kind: t.kind,
      text: t.text,
      link: text(t.link),
    })),
    rootCauses: (src.rootCauses ?? []).map((c) => {
      const cause = blankRootCause();
      return record(Object.keys(cause) as Array<keyof CauseRow>, (f) => c[f] ?? cause[f]);
    }),
    learnings: (src.learnings ?? []).map((l) => ({
      kind: l.kind ?? "insight",
      text: l.text,
      playbookSlug: text(l.playbookSlug),
      stepId: text(l.stepId),
    })),
    actionItems: (src.actionItems ?? []).map((a) => ({ text: a.text, owner: a.owner ?? "", done: a.done ?? false })),
  };
}

export function emptyCause(): CauseRow {
  return blankRootCause();
}

/** The JSON the API validates, row for row, so an error's path (rootCauses.2.title) names the row on screen. */
export function formStateToInput(s: IncidentFormState): IncidentInputRaw {
  // Choices (severity, status) are sent as typed; the server judges them like every other field.
  const plain = record(PLAIN_FIELDS, (f) => s[f]) as Pick<IncidentInputRaw, PlainField>;
  return {
    ...plain,
    ...record(DATE_FIELDS, (f) => fromInputDate(s[f])),
    ...record(COMMA_FIELDS, (f) => splitList(s[f])),
    symptoms: s.symptoms,
    timeline: s.timeline.map((t) => ({
      at: fromInputDate(t.at) ?? "",
      kind: t.kind as "note",
      text: t.text,
      link: t.link || null,
    })),
    rootCauses: s.rootCauses,
    learnings: s.learnings.map((l) => ({
      kind: l.kind as "insight",
      text: l.text,
      playbookSlug: l.playbookSlug || null,
      stepId: l.stepId || null,
    })),
    actionItems: s.actionItems,
  };
}
