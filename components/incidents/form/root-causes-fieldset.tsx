import { CAUSE_FIELDS, type CauseField } from "@/lib/incidents/fields";
import { FIELD_LABELS, partLabel, partName, rowName } from "@/lib/incidents/labels";
import { TextArea, TextField } from "../form-fields";
import { emptyCause } from "../form-state";
import styles from "../incidents.module.css";
import type { FormEdit } from "./form-edit";
import { OptionalPart } from "./optional-part";
import { RemoveButton } from "./remove-button";

const ROWS: Partial<Record<CauseField, number>> = { prevention: 2 };
// What a cause needs first; the rest folds away until it holds something.
const MAIN: readonly CauseField[] = ["symptom", "cause", "fix"];
const more = CAUSE_FIELDS.filter((f) => !MAIN.includes(f));
const moreTitle = more.map((f) => partName("rootCauses", f)).join(" and ");
const FIX_HINT = "Markdown; fenced ```bash blocks become the fix step of a draft playbook.";

export function RootCausesFieldset({ edit }: { edit: FormEdit }) {
  const { state, set, updateRow, removeRow, errorsAt } = edit;
  return (
    <fieldset className={styles.fieldset}>
      <legend>{FIELD_LABELS.rootCauses.label}</legend>
      {state.rootCauses.map((c, i) => {
        const field = (f: CauseField) => (
          <TextArea
            key={f}
            path={`rootCauses.${i}.${f}`}
            label={partLabel("rootCauses", i, f)}
            value={c[f]}
            // Prefilled evidence runs to several lines; show it whole, up to a point.
            rows={Math.min(10, Math.max(ROWS[f] ?? 3, c[f].split("\n").length))}
            onChange={(v) => updateRow("rootCauses", i, { [f]: v })}
            errors={errorsAt(`rootCauses.${i}.${f}`)}
            hint={f === "fix" ? FIX_HINT : undefined}
          />
        );
        return (
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
            {CAUSE_FIELDS.filter((f) => MAIN.includes(f)).map(field)}
            <OptionalPart
              title={moreTitle.charAt(0).toUpperCase() + moreTitle.slice(1)}
              note={more.some((f) => c[f].trim() !== "") ? "" : "optional"}
              filled={more.some((f) => c[f].trim() !== "")}
              hasErrors={more.some((f) => errorsAt(`rootCauses.${i}.${f}`).length > 0)}
              inCard
            >
              {more.map(field)}
            </OptionalPart>
          </div>
        );
      })}
      <p className={styles.fieldError}>{errorsAt("rootCauses").join(" ")}</p>
      <button type="button" className="button" onClick={() => set("rootCauses", [...state.rootCauses, emptyCause()])}>
        Add root cause
      </button>
    </fieldset>
  );
}
