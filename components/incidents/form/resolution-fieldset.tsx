import { FIELD_LABELS } from "@/lib/incidents/labels";
import { TextArea } from "../form-fields";
import styles from "../incidents.module.css";
import type { FormEdit } from "./form-edit";

export function ResolutionFieldset({ edit }: { edit: FormEdit }) {
  return (
    <fieldset className={styles.fieldset}>
      <legend>{FIELD_LABELS.resolution.label}</legend>
      <TextArea {...edit.bind("resolution")} rows={4} hint="Markdown." />
    </fieldset>
  );
}
