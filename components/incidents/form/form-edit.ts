// What a section of the incident form gets from the form: the state, ways to change it, and the
// server's reasons for the field at a path.
import type { RowField } from "@/lib/incidents/fields";
import type { IncidentFormState } from "../form-state";

/** The form's fields that hold one piece of text (a date, a select and a list are text here too). */
export type TextKey = {
  [K in keyof IncidentFormState]: IncidentFormState[K] extends string ? K : never;
}[keyof IncidentFormState];

/** What a labelled input of form-fields.tsx needs for one field. */
export interface BoundField {
  path: TextKey;
  label: string;
  value: string;
  onChange(value: string): void;
  errors: string[];
}

export interface FormEdit {
  state: IncidentFormState;
  set<K extends keyof IncidentFormState>(key: K, value: IncidentFormState[K]): void;
  updateRow<K extends RowField>(key: K, index: number, patch: Partial<IncidentFormState[K][number]>): void;
  removeRow(key: RowField | "symptoms", index: number): void;
  /** Reasons about exactly this path. */
  errorsAt(path: string): string[];
  /** Reasons about this path or anything inside it (a tag of the tags). */
  errorsUnder(path: string): string[];
  /** One text field wired up: its path, the label the form asks with, value, setter and reasons. */
  bind(key: TextKey): BoundField;
}

export const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
