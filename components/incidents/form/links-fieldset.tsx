"use client";
// Tags, and the playbooks and runs the incident concerns: pickers to search and choose from, or
// without JavaScript the comma-separated text fields they stand in for.
import { TextField } from "../form-fields";
import { splitList } from "../form-state";
import styles from "../incidents.module.css";
import type { PlaybookOption } from "../incident-form";
import type { BoundField, FormEdit } from "./form-edit";
import { Picker } from "./picker";
import type { PickerOption } from "./picker-match";
import { useHydrated } from "./use-hydrated";

interface Props {
  edit: FormEdit;
  playbooks: PlaybookOption[];
  runs: PickerOption[];
}

export function LinksFieldset({ edit, playbooks, runs }: Props) {
  const hydrated = useHydrated();
  const playbookChoices = playbooks.map((p) => ({ value: p.slug, label: p.title, hint: p.slug }));
  const picker = (field: BoundField, options: PickerOption[], placeholder: string, hint: string) =>
    hydrated ? (
      <Picker
        {...field}
        value={splitList(field.value)}
        onChange={(values) => field.onChange(values.join(", "))}
        options={options}
        placeholder={placeholder}
      />
    ) : (
      <TextField {...field} hint={hint} />
    );
  return (
    <div className={styles.fieldset}>
      {picker(edit.bind("playbooks"), playbookChoices, "Search by title or slug", "Comma-separated playbook slugs")}
      {picker(edit.bind("runs"), runs, "Search by playbook, host or date", "Comma-separated run ids")}
      <TextField {...edit.bind("tags")} hint="Comma-separated, e.g. podman, ray" />
    </div>
  );
}
