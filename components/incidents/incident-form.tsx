"use client";
// Recording and editing an incident. Everything typed stays in this component's state; a rejected
// save shows the server's reasons next to the fields and changes nothing else on screen. The parts
// of the form are in ./form (./form/form-sections.tsx lays them out).
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FIELD_LABELS, type Label } from "@/lib/incidents/labels";
import { ErrorSummary, type Issue } from "./form/error-summary";
import type { FormEdit } from "./form/form-edit";
import { FormSections } from "./form/form-sections";
import type { PickerOption } from "./form/picker-match";
import { formStateToInput, type IncidentFormState } from "./form-state";
import styles from "./incidents.module.css";

export interface PlaybookOption {
  slug: string;
  title: string;
  steps: Array<{ id: string; title: string }>;
}

interface Props {
  mode: "create" | "edit";
  incidentId?: string;
  initial: IncidentFormState;
  expectedUpdatedAt?: string;
  playbooks: PlaybookOption[];
  /** Recent runs, and those already linked, to choose from. */
  runs: PickerOption[];
}

/** How the form asks for a field: its form wording where it has one. */
const formLabel = (label: Label) => label.form ?? label.label;

export function IncidentForm({ mode, incidentId, initial, expectedUpdatedAt, playbooks, runs }: Props) {
  const router = useRouter();
  const [state, setState] = useState(initial);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const errorsUnder = (path: string) =>
    issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => i.message);
  const edit: FormEdit = {
    state,
    set: (key, value) => setState((s) => ({ ...s, [key]: value })),
    updateRow: (key, index, patch) =>
      setState((s) => ({ ...s, [key]: s[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) })),
    removeRow: (key, index) => {
      setState((s) => ({ ...s, [key]: (s[key] as unknown[]).filter((_, i) => i !== index) }));
      // Row numbers shift; old reasons would point at the wrong rows.
      setIssues([]);
    },
    errorsAt: (path) => issues.filter((i) => i.path === path).map((i) => i.message),
    errorsUnder,
    bind: (key) => ({
      path: key,
      label: formLabel(FIELD_LABELS[key]),
      value: state[key],
      onChange: (value) => setState((s) => ({ ...s, [key]: value })),
      errors: errorsUnder(key),
    }),
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setFormError(null);
    try {
      const url = mode === "create" ? "/api/incidents" : `/api/incidents/${incidentId}`;
      const res = await fetch(url, {
        method: mode === "create" ? "POST" : "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ incident: formStateToInput(state), expectedUpdatedAt }),
      });
      const body = (await res.json().catch(() => ({}))) as { id?: string; error?: string; issues?: Issue[] };
      if (res.ok && body.id) {
        router.push(`/incidents/${body.id}`);
        router.refresh();
        return;
      }
      const found = body.issues ?? [];
      setIssues(found);
      const problems = `${found.length} ${found.length === 1 ? "problem" : "problems"} to fix.`;
      setFormError(found.length ? problems : (body.error ?? `Saving failed (HTTP ${res.status}).`));
      window.scrollTo({ top: 0, behavior: "smooth" });
    } catch {
      setFormError("Could not reach the server; nothing was saved. Your input is still here.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {formError ? <ErrorSummary message={formError} issues={issues} /> : null}
      <FormSections edit={edit} playbooks={playbooks} runs={runs} />
      <div className={styles.formActions}>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? "Saving…" : mode === "create" ? "Record incident" : "Save changes"}
        </button>
      </div>
    </form>
  );
}
