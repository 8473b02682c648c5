// What a Markdown importer reads out of a document before validation: strings as written, so the
// schema can report a bad severity or date with the line it came from.
import { blankIncident } from "../fields";
import type { IncidentInput, RootCauseInput } from "../schema";

/** A validated value as it reads in a document: dates and choices are the text written there. */
type AsWritten<T> = T extends Date
  ? string
  : T extends boolean
    ? boolean
    : T extends string
      ? string
      : T extends readonly (infer Item)[]
        ? AsWritten<Item>[]
        : T extends object
          ? { [K in keyof T]: AsWritten<T[K]> }
          : T;

export type RawIncident = AsWritten<IncidentInput>;
export type RawRootCause = AsWritten<RootCauseInput>;

/** An importer's result: the incident and the 1-based line each part started on. */
export interface ParsedWriteUp {
  incident: RawIncident;
  /** Keys are dotted input paths (`severity`, `rootCauses.2`); the deepest known prefix wins. */
  lines: Map<string, number>;
}

export function emptyRawIncident(): RawIncident {
  return blankIncident();
}

export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
