import { partLabel, rowName } from "@/lib/incidents/labels";
import { LEARNING_KINDS } from "@/lib/incidents/schema";
import { SelectField, TextArea } from "../form-fields";
import styles from "../incidents.module.css";
import type { PlaybookOption } from "../incident-form";
import { options, type FormEdit } from "./form-edit";
import { RemoveButton } from "./remove-button";

/** The choices, plus the current value when it is not among them (a renamed playbook), so it shows. */
function withCurrent(choices: Array<{ value: string; label: string }>, current: string) {
  const known = !current || choices.some((c) => c.value === current);
  return known ? choices : [...choices, { value: current, label: current }];
}

export function LearningsFieldset({ edit, playbooks }: { edit: FormEdit; playbooks: PlaybookOption[] }) {
  const { state, set, updateRow, removeRow, errorsAt } = edit;
  const playbookSteps = (slug: string) => playbooks.find((p) => p.slug === slug)?.steps ?? [];
  const playbookChoices = playbooks.map((p) => ({ value: p.slug, label: p.title }));
  const add = () =>
    set("learnings", [
      ...state.learnings,
      { kind: "insight", text: "", playbookSlug: state.playbooks.split(",")[0]?.trim() ?? "", stepId: "" },
    ]);
  return (
    <fieldset className={styles.fieldset}>
      <legend>Insights and lessons</legend>
      <p className={styles.hint}>
        Attach a learning to a playbook (and a step) and it shows there for the next reader.
      </p>
      {state.learnings.map((l, i) => (
        <div key={i} className={styles.card}>
          <div className={styles.cardHead}>
            <h3>{rowName("learnings", i)}</h3>
            <RemoveButton onClick={() => removeRow("learnings", i)} name={rowName("learnings", i)} />
          </div>
          <TextArea
            path={`learnings.${i}.text`}
            label={partLabel("learnings", i, "text")}
            value={l.text}
            rows={3}
            onChange={(v) => updateRow("learnings", i, { text: v })}
            errors={errorsAt(`learnings.${i}.text`)}
          />
          <div className={styles.row3}>
            <SelectField
              path={`learnings.${i}.kind`}
              label={partLabel("learnings", i, "kind")}
              value={l.kind}
              options={options(LEARNING_KINDS)}
              onChange={(v) => updateRow("learnings", i, { kind: v })}
              errors={errorsAt(`learnings.${i}.kind`)}
            />
            <SelectField
              path={`learnings.${i}.playbookSlug`}
              label={partLabel("learnings", i, "playbookSlug")}
              value={l.playbookSlug}
              options={[{ value: "", label: "— none —" }, ...withCurrent(playbookChoices, l.playbookSlug)]}
              onChange={(v) => updateRow("learnings", i, { playbookSlug: v, stepId: "" })}
              errors={errorsAt(`learnings.${i}.playbookSlug`)}
            />
            <SelectField
              path={`learnings.${i}.stepId`}
              label={partLabel("learnings", i, "stepId")}
              value={l.stepId}
              options={[
                { value: "", label: "— whole playbook —" },
                ...withCurrent(
                  playbookSteps(l.playbookSlug).map((s) => ({ value: s.id, label: s.title })),
                  l.stepId,
                ),
              ]}
              onChange={(v) => updateRow("learnings", i, { stepId: v })}
              errors={errorsAt(`learnings.${i}.stepId`)}
            />
          </div>
        </div>
      ))}
      <button type="button" className="button" onClick={add}>
        Add learning
      </button>
    </fieldset>
  );
}
