"use client";
// Recording and editing an incident. Everything typed stays in this component's state; a rejected
// save shows the server's reasons next to the fields and changes nothing else on screen.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { LEARNING_KINDS, SEVERITIES, STATUSES, TIMELINE_KINDS } from "@/lib/incidents/schema";
import { fieldId, SelectField, TextArea, TextField } from "./form-fields";
import { describePath } from "./describe-path";
import { emptyCause, formStateToInput, type IncidentFormState } from "./form-state";
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
}

interface Issue {
  path: string;
  message: string;
}

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export function IncidentForm({ mode, incidentId, initial, expectedUpdatedAt, playbooks }: Props) {
  const router = useRouter();
  const [state, setState] = useState(initial);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof IncidentFormState>(key: K, value: IncidentFormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const errorsAt = (path: string) => issues.filter((i) => i.path === path).map((i) => i.message);
  const errorsUnder = (path: string) => issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => i.message);

  function updateRow<K extends "timeline" | "rootCauses" | "learnings" | "actionItems">(key: K, index: number, patch: Partial<IncidentFormState[K][number]>) {
    setState((s) => ({ ...s, [key]: s[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  }
  function removeRow(key: "timeline" | "rootCauses" | "learnings" | "actionItems" | "symptoms", index: number) {
    setState((s) => ({ ...s, [key]: (s[key] as unknown[]).filter((_, i) => i !== index) }));
    // Row numbers shift; old reasons would point at the wrong rows.
    setIssues([]);
  }

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
      setFormError(found.length ? `${found.length} ${found.length === 1 ? "problem" : "problems"} to fix.` : (body.error ?? `Saving failed (HTTP ${res.status}).`));
      window.scrollTo({ top: 0, behavior: "smooth" });
    } catch {
      setFormError("Could not reach the server; nothing was saved. Your input is still here.");
    } finally {
      setSaving(false);
    }
  }

  const playbookSteps = (slug: string) => playbooks.find((p) => p.slug === slug)?.steps ?? [];

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {formError ? (
        <div className={styles.errorSummary} role="alert">
          <p>
            <strong>{formError}</strong> Nothing was saved; everything you typed is still here.
          </p>
          {issues.length ? (
            <ul>
              {issues.map((i, n) => (
                <li key={n}>
                  <a href={`#${fieldId(i.path.split(".").slice(0, 3).join("."))}`}>{describePath(i.path)}</a>: {i.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <fieldset className={styles.fieldset}>
        <legend>What happened</legend>
        <TextField path="title" label="Title" value={state.title} onChange={(v) => set("title", v)} errors={errorsAt("title")} placeholder="Ray actors stuck in PENDING_CREATION" />
        <div className={styles.row3}>
          <SelectField path="severity" label="Severity" value={state.severity} onChange={(v) => set("severity", v)} options={options(SEVERITIES)} errors={errorsAt("severity")} />
          <SelectField path="status" label="Status" value={state.status} onChange={(v) => set("status", v)} options={options(STATUSES)} errors={errorsAt("status")} />
          <TextField path="environment" label="Hosts or environment" value={state.environment} onChange={(v) => set("environment", v)} errors={errorsAt("environment")} />
        </div>
        <div className={styles.row3}>
          <TextField path="startedAt" label="Started (UTC)" type="datetime-local" value={state.startedAt} onChange={(v) => set("startedAt", v)} errors={errorsAt("startedAt")} />
          <TextField path="detectedAt" label="Detected (UTC)" type="datetime-local" value={state.detectedAt} onChange={(v) => set("detectedAt", v)} errors={errorsAt("detectedAt")} />
          <TextField path="resolvedAt" label="Resolved (UTC)" type="datetime-local" value={state.resolvedAt} onChange={(v) => set("resolvedAt", v)} errors={errorsAt("resolvedAt")} />
        </div>
        <TextArea path="summary" label="Problem summary" value={state.summary} onChange={(v) => set("summary", v)} rows={5} errors={errorsAt("summary")} hint="Markdown." />
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>Symptoms</legend>
        <p className={styles.hint}>The error text, verbatim: what the next person will paste into search.</p>
        {state.symptoms.map((symptom, i) => (
          <div key={i} className={styles.listRow}>
            <TextArea path={`symptoms.${i}`} label={`Symptom ${i + 1}`} value={symptom} mono rows={2} onChange={(v) => set("symptoms", state.symptoms.map((s, j) => (j === i ? v : s)))} errors={errorsAt(`symptoms.${i}`)} />
            <button type="button" className={styles.remove} onClick={() => removeRow("symptoms", i)} aria-label={`Remove symptom ${i + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <p className={styles.fieldError}>{errorsAt("symptoms").join(" ")}</p>
        <button type="button" className="button" onClick={() => set("symptoms", [...state.symptoms, ""])}>
          Add symptom
        </button>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>Root causes</legend>
        {state.rootCauses.map((c, i) => (
          <div key={i} className={styles.card}>
            <div className={styles.cardHead}>
              <h3>Root cause {i + 1}</h3>
              <button type="button" className={styles.remove} onClick={() => removeRow("rootCauses", i)} aria-label={`Remove root cause ${i + 1}`}>
                Remove
              </button>
            </div>
            <TextField path={`rootCauses.${i}.title`} label={`Root cause ${i + 1} title`} value={c.title} onChange={(v) => updateRow("rootCauses", i, { title: v })} errors={errorsAt(`rootCauses.${i}.title`)} />
            <TextArea path={`rootCauses.${i}.symptom`} label={`Root cause ${i + 1} symptom`} value={c.symptom} rows={3} onChange={(v) => updateRow("rootCauses", i, { symptom: v })} errors={errorsAt(`rootCauses.${i}.symptom`)} />
            <TextArea path={`rootCauses.${i}.cause`} label={`Root cause ${i + 1} cause`} value={c.cause} rows={3} onChange={(v) => updateRow("rootCauses", i, { cause: v })} errors={errorsAt(`rootCauses.${i}.cause`)} />
            <TextArea path={`rootCauses.${i}.evidence`} label={`Root cause ${i + 1} evidence`} value={c.evidence} rows={3} onChange={(v) => updateRow("rootCauses", i, { evidence: v })} errors={errorsAt(`rootCauses.${i}.evidence`)} />
            <TextArea path={`rootCauses.${i}.fix`} label={`Root cause ${i + 1} fix`} value={c.fix} rows={3} onChange={(v) => updateRow("rootCauses", i, { fix: v })} errors={errorsAt(`rootCauses.${i}.fix`)} hint="Markdown; fenced ```bash blocks become the fix step of a draft playbook." />
            <TextArea path={`rootCauses.${i}.prevention`} label={`Root cause ${i + 1} prevention`} value={c.prevention} rows={2} onChange={(v) => updateRow("rootCauses", i, { prevention: v })} errors={errorsAt(`rootCauses.${i}.prevention`)} />
          </div>
        ))}
        <p className={styles.fieldError}>{errorsAt("rootCauses").join(" ")}</p>
        <button type="button" className="button" onClick={() => set("rootCauses", [...state.rootCauses, emptyCause()])}>
          Add root cause
        </button>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>Resolution</legend>
        <TextArea path="resolution" label="Resolution" value={state.resolution} onChange={(v) => set("resolution", v)} rows={4} errors={errorsAt("resolution")} hint="Markdown." />
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>Learnings</legend>
        <p className={styles.hint}>Attach a learning to a playbook (and a step) and it shows there for the next reader.</p>
        {state.learnings.map((l, i) => (
          <div key={i} className={styles.card}>
            <div className={styles.cardHead}>
              <h3>Learning {i + 1}</h3>
              <button type="button" className={styles.remove} onClick={() => removeRow("learnings", i)} aria-label={`Remove learning ${i + 1}`}>
                Remove
              </button>
            </div>
            <TextArea path={`learnings.${i}.text`} label={`Learning ${i + 1} text`} value={l.text} rows={3} onChange={(v) => updateRow("learnings", i, { text: v })} errors={errorsAt(`learnings.${i}.text`)} />
            <div className={styles.row3}>
              <SelectField path={`learnings.${i}.kind`} label={`Learning ${i + 1} kind`} value={l.kind} options={options(LEARNING_KINDS)} onChange={(v) => updateRow("learnings", i, { kind: v })} errors={errorsAt(`learnings.${i}.kind`)} />
              <SelectField
                path={`learnings.${i}.playbookSlug`}
                label={`Learning ${i + 1} playbook`}
                value={l.playbookSlug}
                options={[{ value: "", label: "— none —" }, ...playbooks.map((p) => ({ value: p.slug, label: p.title })), ...(l.playbookSlug && !playbooks.some((p) => p.slug === l.playbookSlug) ? [{ value: l.playbookSlug, label: l.playbookSlug }] : [])]}
                onChange={(v) => updateRow("learnings", i, { playbookSlug: v, stepId: "" })}
                errors={errorsAt(`learnings.${i}.playbookSlug`)}
              />
              <SelectField
                path={`learnings.${i}.stepId`}
                label={`Learning ${i + 1} step`}
                value={l.stepId}
                options={[{ value: "", label: "— whole playbook —" }, ...playbookSteps(l.playbookSlug).map((s) => ({ value: s.id, label: s.title })), ...(l.stepId && !playbookSteps(l.playbookSlug).some((s) => s.id === l.stepId) ? [{ value: l.stepId, label: l.stepId }] : [])]}
                onChange={(v) => updateRow("learnings", i, { stepId: v })}
                errors={errorsAt(`learnings.${i}.stepId`)}
              />
            </div>
          </div>
        ))}
        <button type="button" className="button" onClick={() => set("learnings", [...state.learnings, { kind: "insight", text: "", playbookSlug: state.playbooks.split(",")[0]?.trim() ?? "", stepId: "" }])}>
          Add learning
        </button>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>Timeline</legend>
        {state.timeline.map((t, i) => (
          <div key={i} className={styles.timelineRow}>
            <TextField path={`timeline.${i}.at`} label={`Entry ${i + 1} time (UTC)`} type="datetime-local" value={t.at} onChange={(v) => updateRow("timeline", i, { at: v })} errors={errorsAt(`timeline.${i}.at`)} />
            <SelectField path={`timeline.${i}.kind`} label={`Entry ${i + 1} kind`} value={t.kind} options={options(TIMELINE_KINDS)} onChange={(v) => updateRow("timeline", i, { kind: v })} errors={errorsAt(`timeline.${i}.kind`)} />
            <TextField path={`timeline.${i}.text`} label={`Entry ${i + 1} text`} value={t.text} onChange={(v) => updateRow("timeline", i, { text: v })} errors={errorsAt(`timeline.${i}.text`)} />
            <TextField path={`timeline.${i}.link`} label={`Entry ${i + 1} link`} value={t.link} onChange={(v) => updateRow("timeline", i, { link: v })} errors={errorsAt(`timeline.${i}.link`)} placeholder="/runs/…" />
            <button type="button" className={styles.remove} onClick={() => removeRow("timeline", i)} aria-label={`Remove timeline entry ${i + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => set("timeline", [...state.timeline, { at: new Date().toISOString().slice(0, 16), kind: "note", text: "", link: "" }])}>
          Add timeline entry
        </button>
        <p className={styles.hint}>Status changes are added to the timeline when you save.</p>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>Follow-up</legend>
        {state.actionItems.map((a, i) => (
          <div key={i} className={styles.actionRow}>
            <TextField path={`actionItems.${i}.text`} label={`Action ${i + 1}`} value={a.text} onChange={(v) => updateRow("actionItems", i, { text: v })} errors={errorsAt(`actionItems.${i}.text`)} />
            <TextField path={`actionItems.${i}.owner`} label={`Action ${i + 1} owner`} value={a.owner} onChange={(v) => updateRow("actionItems", i, { owner: v })} errors={errorsAt(`actionItems.${i}.owner`)} />
            <label className={styles.check}>
              <input type="checkbox" checked={a.done} onChange={(e) => updateRow("actionItems", i, { done: e.target.checked })} /> Done
            </label>
            <button type="button" className={styles.remove} onClick={() => removeRow("actionItems", i)} aria-label={`Remove action ${i + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => set("actionItems", [...state.actionItems, { text: "", owner: "", done: false }])}>
          Add action item
        </button>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>Links</legend>
        <div className={styles.row3}>
          <TextField path="tags" label="Tags" value={state.tags} onChange={(v) => set("tags", v)} errors={errorsUnder("tags")} hint="Comma-separated, e.g. podman, ray" />
          <TextField path="playbooks" label="Playbooks" value={state.playbooks} onChange={(v) => set("playbooks", v)} errors={errorsUnder("playbooks")} list="incident-playbook-slugs" hint="Comma-separated playbook slugs" />
          <TextField path="runs" label="Runs" value={state.runs} onChange={(v) => set("runs", v)} errors={errorsUnder("runs")} hint="Comma-separated run ids" />
        </div>
        <datalist id="incident-playbook-slugs">
          {playbooks.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.title}
            </option>
          ))}
        </datalist>
      </fieldset>

      <div className={styles.formActions}>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? "Saving…" : mode === "create" ? "Record incident" : "Save changes"}
        </button>
      </div>
    </form>
  );
}
