"use client";
// Labelled inputs that show the server's reason under the field it is about.
import type { ReactNode } from "react";
import styles from "./incidents.module.css";

/** The element id for an input path, e.g. rootCauses.0.title → f-rootCauses-0-title. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, "-")}`;
}

interface Common {
  path: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
}

function Wrap({ path, label, errors, hint, children }: Common & { children: ReactNode }) {
  const id = fieldId(path);
  return (
    <div className={`${styles.field} ${errors?.length ? styles.fieldInvalid : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <p className={styles.hint}>{hint}</p> : null}
      {errors?.map((e, i) => (
        <p key={i} className={styles.fieldError} id={`${id}-error-${i}`}>
          {e}
        </p>
      ))}
    </div>
  );
}

const describedBy = (path: string, errors?: string[]) =>
  errors?.length ? errors.map((_, i) => `${fieldId(path)}-error-${i}`).join(" ") : undefined;

export function TextField(
  props: Common & { value: string; onChange: (v: string) => void; type?: string; placeholder?: string; list?: string },
) {
  const { path, value, onChange, type = "text", placeholder, list, errors } = props;
  return (
    <Wrap {...props}>
      <input
        id={fieldId(path)}
        name={path}
        type={type}
        value={value}
        placeholder={placeholder}
        list={list}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(path, errors)}
      />
    </Wrap>
  );
}

/** A UTC date and time; the label says so, since the browser shows no time zone. */
export function DateTimeField(props: Common & { value: string; onChange: (v: string) => void }) {
  return <TextField {...props} label={`${props.label} (UTC)`} type="datetime-local" />;
}

export function TextArea(
  props: Common & { value: string; onChange: (v: string) => void; rows?: number; placeholder?: string; mono?: boolean },
) {
  const { path, value, onChange, rows = 4, placeholder, mono, errors } = props;
  return (
    <Wrap {...props}>
      <textarea
        id={fieldId(path)}
        name={path}
        rows={rows}
        value={value}
        placeholder={placeholder}
        className={mono ? styles.mono : undefined}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(path, errors)}
      />
    </Wrap>
  );
}

export function SelectField(
  props: Common & {
    value: string;
    onChange: (v: string) => void;
    options: ReadonlyArray<{ value: string; label: string }>;
  },
) {
  const { path, value, onChange, options, errors } = props;
  return (
    <Wrap {...props}>
      <select
        id={fieldId(path)}
        name={path}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(path, errors)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}
