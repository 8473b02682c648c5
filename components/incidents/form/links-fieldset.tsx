import { TextField } from "../form-fields";
import styles from "../incidents.module.css";
import type { PlaybookOption } from "../incident-form";
import type { FormEdit } from "./form-edit";

export function LinksFieldset({ edit, playbooks }: { edit: FormEdit; playbooks: PlaybookOption[] }) {
  return (
    <fieldset className={styles.fieldset}>
      <legend>Links</legend>
      <div className={styles.row3}>
        <TextField {...edit.bind("tags")} hint="Comma-separated, e.g. podman, ray" />
        <TextField {...edit.bind("playbooks")} list="incident-playbook-slugs" hint="Comma-separated playbook slugs" />
        <TextField {...edit.bind("runs")} hint="Comma-separated run ids" />
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
