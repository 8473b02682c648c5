import { CAUSE_FIELDS } from "@/lib/incidents/fields";
import { FIELD_LABELS, partLabel, rowName } from "@/lib/incidents/labels";
import { TextArea, TextField } from "../form-fields";
import { emptyCause } from "../form-state";
import styles from "../incidents.module.css";
import type { FormEdit } from "./form-edit";
import { RemoveButton } from "./remove-button";

const ROWS: Partial<Record<(typeof CAUSE_FIELDS)[number], number>> = { prevention: 2 };
const FIX_HINT = "Markdown; fenced ```bash blocks become the fix step of a draft playbook.";

export function RootCausesFieldset({ edit }: { edit: FormEdit }) {
  const { state, set, updateRow, removeRow, errorsAt } = edit;
  return (
    <fieldset className={styles.fieldset}>
      <legend>{FIELD_LABELS.rootCauses.label}</legend>
      {state.rootCauses.map((c, i) => (
        <div key={i} className={styles.card}>
          <div className={styles.cardHead}>
            <h3>{rowName("rootCauses", i)}</h3>
            <RemoveButton onClick={() => removeRow("rootCauses", i)} name={rowName("rootCauses", i)} />
          </div>
          <TextField
            path={`rootCauses.${i}.title`}
            label={partLabel("rootCauses", i, "title")}
            value={c.title}
            onChange={(v) => updateRow("rootCauses", i, { title: v })}
            errors={errorsAt(`rootCauses.${i}.title`)}
          />
          {CAUSE_FIELDS.map((field) => (
            <TextArea
              key={field}
              path={`rootCauses.${i}.${field}`}
              label={partLabel("rootCauses", i, field)}
              value={c[field]}
              rows={ROWS[field] ?? 3}
              onChange={(v) => updateRow("rootCauses", i, { [field]: v })}
              errors={errorsAt(`rootCauses.${i}.${field}`)}
              hint={field === "fix" ? FIX_HINT : undefined}
            />
          ))}
        </div>
      ))}
      <p className={styles.fieldError}>{errorsAt("rootCauses").join(" ")}</p>
      <button type="button" className="button" onClick={() => set("rootCauses", [...state.rootCauses, emptyCause()])}>
        Add root cause
      </button>
    </fieldset>
  );
}
