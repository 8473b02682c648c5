import { FIELD_LABELS, rowName } from "@/lib/incidents/labels";
import { TextArea } from "../form-fields";
import styles from "../incidents.module.css";
import type { FormEdit } from "./form-edit";
import { RemoveButton } from "./remove-button";

export function SymptomsFieldset({ edit }: { edit: FormEdit }) {
  const { state, set, removeRow, errorsAt } = edit;
  return (
    <fieldset className={styles.fieldset}>
      <legend>{FIELD_LABELS.symptoms.label}</legend>
      <p className={styles.hint}>The error text, verbatim: what the next person will paste into search.</p>
      {state.symptoms.map((symptom, i) => (
        <div key={i} className={styles.listRow}>
          <TextArea
            path={`symptoms.${i}`}
            label={rowName("symptoms", i)}
            value={symptom}
            mono
            rows={2}
            onChange={(v) =>
              set(
                "symptoms",
                state.symptoms.map((s, j) => (j === i ? v : s)),
              )
            }
            errors={errorsAt(`symptoms.${i}`)}
          />
          <RemoveButton onClick={() => removeRow("symptoms", i)} name={rowName("symptoms", i)} />
        </div>
      ))}
      <p className={styles.fieldError}>{errorsAt("symptoms").join(" ")}</p>
      <button type="button" className="button" onClick={() => set("symptoms", [...state.symptoms, ""])}>
        Add symptom
      </button>
    </fieldset>
  );
}
