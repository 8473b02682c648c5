import { partLabel, rowName } from "@/lib/incidents/labels";
import { TextField } from "../form-fields";
import styles from "../incidents.module.css";
import type { FormEdit } from "./form-edit";
import { RemoveButton } from "./remove-button";

export function FollowUpFieldset({ edit }: { edit: FormEdit }) {
  const { state, set, updateRow, removeRow, errorsAt } = edit;
  const setDone = (i: number, done: boolean) => updateRow("actionItems", i, { done });
  const add = () => set("actionItems", [...state.actionItems, { text: "", owner: "", done: false }]);
  return (
    <fieldset className={styles.fieldset}>
      <legend>Follow-up</legend>
      {state.actionItems.map((a, i) => (
        <div key={i} className={styles.actionRow}>
          <TextField
            path={`actionItems.${i}.text`}
            label={rowName("actionItems", i)}
            value={a.text}
            onChange={(v) => updateRow("actionItems", i, { text: v })}
            errors={errorsAt(`actionItems.${i}.text`)}
          />
          <TextField
            path={`actionItems.${i}.owner`}
            label={partLabel("actionItems", i, "owner")}
            value={a.owner}
            onChange={(v) => updateRow("actionItems", i, { owner: v })}
            errors={errorsAt(`actionItems.${i}.owner`)}
          />
          <label className={styles.check}>
            <input type="checkbox" checked={a.done} onChange={(e) => setDone(i, e.target.checked)} /> Done
          </label>
          <RemoveButton onClick={() => removeRow("actionItems", i)} name={rowName("actionItems", i)} />
        </div>
      ))}
      <button type="button" className="button" onClick={add}>
        Add action item
      </button>
    </fieldset>
  );
}
