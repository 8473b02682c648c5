import { DATE_FIELDS } from "@/lib/incidents/fields";
import { FIELD_LABELS } from "@/lib/incidents/labels";
import { SEVERITIES, STATUSES } from "@/lib/incidents/schema";
import { DateTimeField, SelectField, TextArea, TextField } from "../form-fields";
import styles from "../incidents.module.css";
import { options, type FormEdit } from "./form-edit";

export function WhatHappened({ edit }: { edit: FormEdit }) {
  const { state, set, errorsAt } = edit;
  const L = FIELD_LABELS;
  return (
    <fieldset className={styles.fieldset}>
      <legend>What happened</legend>
      <TextField
        path="title"
        label={L.title.label}
        value={state.title}
        onChange={(v) => set("title", v)}
        errors={errorsAt("title")}
        placeholder="Ray actors stuck in PENDING_CREATION"
      />
      <div className={styles.row3}>
        <SelectField
          path="severity"
          label={L.severity.label}
          value={state.severity}
          onChange={(v) => set("severity", v)}
          options={options(SEVERITIES)}
          errors={errorsAt("severity")}
        />
        <SelectField
          path="status"
          label={L.status.label}
          value={state.status}
          onChange={(v) => set("status", v)}
          options={options(STATUSES)}
          errors={errorsAt("status")}
        />
        <TextField
          path="environment"
          label={L.environment.form}
          value={state.environment}
          onChange={(v) => set("environment", v)}
          errors={errorsAt("environment")}
        />
      </div>
      <div className={styles.row3}>
        {DATE_FIELDS.map((field) => (
          <DateTimeField
            key={field}
            path={field}
            label={L[field].label}
            value={state[field]}
            onChange={(v) => set(field, v)}
            errors={errorsAt(field)}
          />
        ))}
      </div>
      <TextArea
        path="summary"
        label={L.summary.label}
        value={state.summary}
        onChange={(v) => set("summary", v)}
        rows={5}
        errors={errorsAt("summary")}
        hint="Markdown."
      />
    </fieldset>
  );
}
