import { FIELD_LABELS } from "@/lib/incidents/labels";
import { TextField } from "../form-fields";
import styles from "../incidents.module.css";
import type { PlaybookOption } from "../incident-form";
import type { FormEdit } from "./form-edit";

export function LinksFieldset({ edit, playbooks }: { edit: FormEdit; playbooks: PlaybookOption[] }) {
  const { state, set, errorsUnder } = edit;
  return (
    <fieldset className={styles.fieldset}>
      <legend>Links</legend>
      <div className={styles.row3}>
        <TextField
          path="tags"
          label={FIELD_LABELS.tags.label}
          value={state.tags}
          onChange={(v) => set("tags", v)}
          errors={errorsUnder("tags")}
          hint="Comma-separated, e.g. podman, ray"
        />
        <TextField
          path="playbooks"
          label={FIELD_LABELS.playbooks.label}
          value={state.playbooks}
          onChange={(v) => set("playbooks", v)}
          errors={errorsUnder("playbooks")}
          list="incident-playbook-slugs"
          hint="Comma-separated playbook slugs"
        />
        <TextField
          path="runs"
          label={FIELD_LABELS.runs.label}
          value={state.runs}
          onChange={(v) => set("runs", v)}
          errors={errorsUnder("runs")}
          hint="Comma-separated run ids"
        />
      </div>
      <datalist id="incident-playbook-slugs">
        {playbooks.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.title}
          </option>
        ))}
      </datalist>
    </fieldset>
  );
}
