import { FIELD_LABELS, partLabel, rowName } from "@/lib/incidents/labels";
import { TIMELINE_KINDS } from "@/lib/incidents/schema";
import { DateTimeField, SelectField, TextField } from "../form-fields";
import styles from "../incidents.module.css";
import { options, type FormEdit } from "./form-edit";
import { RemoveButton } from "./remove-button";

export function TimelineFieldset({ edit }: { edit: FormEdit }) {
  const { state, set, updateRow, removeRow, errorsAt } = edit;
  const add = () => {
    const now = new Date().toISOString().slice(0, 16);
    set("timeline", [...state.timeline, { at: now, kind: "note", text: "", link: "" }]);
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend>{FIELD_LABELS.timeline.label}</legend>
      {state.timeline.map((t, i) => (
        <div key={i} className={styles.timelineRow}>
          <DateTimeField
            path={`timeline.${i}.at`}
            label={partLabel("timeline", i, "at")}
            value={t.at}
            onChange={(v) => updateRow("timeline", i, { at: v })}
            errors={errorsAt(`timeline.${i}.at`)}
          />
          <SelectField
            path={`timeline.${i}.kind`}
            label={partLabel("timeline", i, "kind")}
            value={t.kind}
            options={options(TIMELINE_KINDS)}
            onChange={(v) => updateRow("timeline", i, { kind: v })}
            errors={errorsAt(`timeline.${i}.kind`)}
          />
          <TextField
            path={`timeline.${i}.text`}
            label={partLabel("timeline", i, "text")}
            value={t.text}
            onChange={(v) => updateRow("timeline", i, { text: v })}
            errors={errorsAt(`timeline.${i}.text`)}
          />
          <TextField
            path={`timeline.${i}.link`}
            label={partLabel("timeline", i, "link")}
            value={t.link}
            onChange={(v) => updateRow("timeline", i, { link: v })}
            errors={errorsAt(`timeline.${i}.link`)}
            placeholder="/runs/…"
          />
          <RemoveButton onClick={() => removeRow("timeline", i)} name={rowName("timeline", i)} />
        </div>
      ))}
      <button type="button" className="button" onClick={add}>
        Add timeline entry
      </button>
      <p className={styles.hint}>Status changes are added to the timeline when you save.</p>
    </fieldset>
  );
}
