"use client";
// Upload a write-up (Markdown) or a JSON export; problems come back as file:line reasons and the
// chosen file stays selected so it can be fixed and sent again.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import styles from "./incidents.module.css";

export function ImportForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setErrors(["Choose a Markdown write-up (.md) or a JSON export (.json) first."]);
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      const res = await fetch("/api/incidents/import", { method: "POST", body: data });
      const body = (await res.json().catch(() => ({}))) as {
        id?: string;
        error?: string;
        issues?: Array<{ path: string; message: string }>;
      };
      if (res.ok && body.id) {
        router.push(`/incidents/${body.id}`);
        return;
      }
      setErrors(
        body.issues?.length
          ? body.issues.map((i) => (i.path ? `${i.message} (${i.path})` : i.message))
          : [body.error ?? `Import failed (HTTP ${res.status}).`],
      );
    } catch {
      setErrors(["Could not reach the server; nothing was imported."]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit}>
      {errors.length ? (
        <div className={styles.errorSummary} role="alert">
          <p>
            <strong>Nothing was imported.</strong>
          </p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className={styles.field}>
        <label htmlFor="import-file">Write-up file</label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".md,.markdown,.txt,.json,text/markdown,application/json"
        />
        <p className={styles.hint}>
          A session write-up (problem summary, root causes with Symptom / Root Cause / Solution, key insights, lessons,
          next steps), a Casebook Markdown export, or a JSON export.
        </p>
      </div>
      <div className={styles.formActions}>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Importing…" : "Import"}
        </button>
      </div>
    </form>
  );
}
