import { FIELD_LABELS } from "@/lib/incidents/labels";
import { TextArea } from "../form-fields";
import styles from "../incidents.module.css";
import type { FormEdit } from "./form-edit";

export function ResolutionFieldset({ edit }: { edit: FormEdit }) {
  const { state, set, errorsAt } = edit;
  return (
    <fieldset className={styles.fieldset}>
      <legend>{FIELD_LABELS.resolution.label}</legend>
      <TextArea
        path="resolution"
        label={FIELD_LABELS.resolution.label}
        value={state.resolution}
        onChange={(v) => set("resolution", v)}
        rows={4}
        errors={errorsAt("resolution")}
        hint="Markdown."
      />
    </fieldset>
  );
}
