"use client";
// A searchable multi-select: type to filter, arrow keys to move, Enter to choose, Escape to close;
// chosen items show as chips with a remove button. ARIA combobox with a listbox (the APG's
// "list autocomplete" pattern), so a screen reader announces the option in focus.
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { fieldId } from "../form-fields";
import incidentStyles from "../incidents.module.css";
import styles from "./form.module.css";
import { matchOptions, type PickerOption } from "./picker-match";

export interface PickerProps {
  path: string;
  label: string;
  hint?: string;
  options: readonly PickerOption[];
  /** The chosen values, in order. */
  value: readonly string[];
  onChange(value: string[]): void;
  errors: string[];
  placeholder?: string;
}

export function Picker({ path, label, hint, options, value, onChange, errors, placeholder }: PickerProps) {
  const id = fieldId(path);
  const listId = `${useId()}-list`;
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const found = open ? matchOptions(options, query, value) : [];
  const current = found[Math.min(active, found.length - 1)];
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;

  const choose = (v: string) => {
    if (v && !value.includes(v)) onChange([...value, v]);
    setQuery("");
    setOpen(false);
  };
  const move = (by: number) => {
    if (!open) {
      setActive(0);
      return setOpen(true);
    }
    const next = found.length ? (active + by + found.length) % found.length : 0;
    setActive(next);
    list.current?.children[next]?.scrollIntoView({ block: "nearest" });
  };

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      // Enter chooses, never submits the form; text matching nothing is taken as typed (an old run id).
      Enter: () => (open && current ? choose(current.value) : query.trim() ? choose(query.trim()) : undefined),
      Escape: () => (open ? setOpen(false) : setQuery("")),
    };
    if (e.key === "Backspace" && query === "" && value.length) return onChange(value.slice(0, -1));
    const handle = keys[e.key];
    if (!handle || (e.key === "Enter" && !open && !query.trim())) return;
    e.preventDefault();
    handle();
  }

  const describedBy = [hint && `${id}-hint`, ...errors.map((_, i) => `${id}-error-${i}`)].filter(Boolean).join(" ");
  return (
    // A form field like the others (incidents.module.css: label, input, invalid border), spaced for chips.
    <div className={`${incidentStyles.field} ${styles.picker} ${errors.length ? incidentStyles.fieldInvalid : ""}`}>
      <label htmlFor={id}>{label}</label>
      {value.length ? (
        <ul className={styles.chips} aria-label={`Chosen ${label.toLowerCase()}`}>
          {value.map((v) => (
            <li key={v} className={styles.chip}>
              <span>{labelOf(v)}</span>
              <button
                type="button"
                aria-label={`Remove ${labelOf(v)}`}
                onClick={() => onChange(value.filter((x) => x !== v))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className={styles.combo}>
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={found.length > 0}
          aria-controls={listId}
          aria-activedescendant={open && current ? `${listId}-${current.value}` : undefined}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={describedBy || undefined}
          value={query}
          placeholder={placeholder}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul ref={list} id={listId} role="listbox" aria-label={label} className={styles.listbox} hidden={!found.length}>
          {found.map((o) => (
            <li
              key={o.value}
              id={`${listId}-${o.value}`}
              role="option"
              aria-selected={o === current}
              // Keep focus in the input, so the list does not close before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(o.value)}
            >
              <span>{o.label}</span>
              {o.hint ? <span className={styles.optionHint}>{o.hint}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      <p className={open && !found.length ? incidentStyles.hint : "visually-hidden"} aria-live="polite">
        {!open
          ? ""
          : found.length
            ? `${found.length} to choose from`
            : `No match${query ? "; Enter adds it as typed" : ""}`}
      </p>
      {hint ? (
        <p id={`${id}-hint`} className={incidentStyles.hint}>
          {hint}
        </p>
      ) : null}
      {errors.map((e, i) => (
        <p key={i} className={incidentStyles.fieldError} id={`${id}-error-${i}`}>
          {e}
        </p>
      ))}
    </div>
  );
}
