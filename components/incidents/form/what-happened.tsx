import { DATE_FIELDS } from "@/lib/incidents/fields";
import { SEVERITIES, STATUSES } from "@/lib/incidents/schema";
import { DateTimeField, SelectField, TextArea, TextField } from "../form-fields";
import styles from "../incidents.module.css";
import { options, type FormEdit } from "./form-edit";

export function WhatHappened({ edit }: { edit: FormEdit }) {
  return (
    <fieldset className={styles.fieldset}>
      <legend>Overview</legend>
      <TextField {...edit.bind("title")} placeholder="Ray actors stuck in PENDING_CREATION" />
      <div className={styles.row3}>
        <SelectField {...edit.bind("severity")} options={options(SEVERITIES)} />
        <SelectField {...edit.bind("status")} options={options(STATUSES)} />
        <TextField {...edit.bind("environment")} />
      </div>
      <div className={styles.row3}>
        {DATE_FIELDS.map((field) => (
          <DateTimeField key={field} {...edit.bind(field)} />
        ))}
      </div>
      <TextArea {...edit.bind("summary")} rows={5} hint="Markdown." />
    </fieldset>
  );
}
