// What a section of the incident form gets from the form: the state, ways to change it, and the
// server's reasons for the field at a path.
import type { RowField } from "@/lib/incidents/fields";
import type { IncidentFormState } from "../form-state";

export interface FormEdit {
  state: IncidentFormState;
  set<K extends keyof IncidentFormState>(key: K, value: IncidentFormState[K]): void;
  updateRow<K extends RowField>(key: K, index: number, patch: Partial<IncidentFormState[K][number]>): void;
  removeRow(key: RowField | "symptoms", index: number): void;
  /** Reasons about exactly this path. */
  errorsAt(path: string): string[];
  /** Reasons about this path or anything inside it (a tag of the tags). */
  errorsUnder(path: string): string[];
}

export const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
