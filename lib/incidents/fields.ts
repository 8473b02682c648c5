// The incident's fields read off the schema: their names, what each holds before anyone fills it
// in, and which of them hold text, dates or lists. Code that handles every field loops over these,
// so a field added to the schema reaches the store, the form and the importers without a new list.
import type { z } from "zod";
import { incidentInputSchema, rootCauseSchema, type IncidentInput, type RootCauseInput } from "./schema";

export type IncidentField = keyof IncidentInput;

/** Every field, in schema order. */
export const INCIDENT_FIELDS = Object.keys(incidentInputSchema.shape) as IncidentField[];

/** The keys of T whose values are a V. */
export type KeysOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T];

/** Fields that hold one piece of text, a choice included (severity, status). */
export type TextField = KeysOf<IncidentInput, string>;
export type DateField = KeysOf<IncidentInput, Date | null>;
export type ListField = KeysOf<IncidentInput, readonly unknown[]>;
/** Lists whose items are records of their own: a timeline entry, a root cause. */
export type RowField = KeysOf<IncidentInput, ReadonlyArray<object>>;
export type StringListField = KeysOf<IncidentInput, readonly string[]>;

/**
 * `list`, checked at compile time to name every member of T, for code that must treat each field
 * of a kind specially: a field of that kind added to the schema later fails to compile until named.
 */
export function allOf<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L => list;
}

export const DATE_FIELDS = allOf<DateField>()(["startedAt", "detectedAt", "resolvedAt"]);

type Blank<T> = {
  [K in keyof T]: T[K] extends readonly unknown[] ? never[] : T[K] extends Date | null ? null : T[K];
};
export type BlankIncident = Blank<IncidentInput>;

/** What each field of `shape` becomes when left out: its schema default, if it has one. */
function defaultsOf(shape: Record<string, z.ZodType>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(shape).flatMap(([key, field]) => {
      const result = field.safeParse(undefined);
      return result.success ? [[key, result.data]] : [];
    }),
  );
}

/**
 * An incident nobody has filled in yet: the schema's defaults, an empty title, and SEV3 for the
 * one choice the schema requires. New forms and write-ups that leave a field out start from it.
 */
export function blankIncident(): BlankIncident {
  return { title: "", severity: "SEV3", ...defaultsOf(incidentInputSchema.shape) } as BlankIncident;
}

export function blankRootCause(): RootCauseInput {
  return { title: "", ...defaultsOf(rootCauseSchema.shape) } as RootCauseInput;
}

/** A root cause's text fields after its title, in schema order. */
export type CauseField = Exclude<keyof RootCauseInput, "title">;
export const CAUSE_FIELDS = Object.keys(rootCauseSchema.shape).filter((k): k is CauseField => k !== "title");
