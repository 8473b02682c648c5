"use client";
// Saves the incident's playbook draft into content/ under a slug the author can change.
import { useState, type FormEvent } from "react";
import styles from "./incidents.module.css";

export function DraftSave({ incidentId, slug }: { incidentId: string; slug: string }) {
  const [value, setValue] = useState(slug);
  const [result, setResult] = useState<{ ok: boolean; text: string; href?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const res = await fetch(`/api/incidents/${incidentId}/draft-playbook`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ slug: value }),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: string; file?: string; href?: string };
      setResult(
        res.ok
          ? { ok: true, text: `Saved as ${body.file}.`, href: body.href }
          : { ok: false, text: body.error ?? `Saving failed (HTTP ${res.status}).` },
      );
    } catch {
      setResult({ ok: false, text: "Could not reach the server." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} className={styles.row3}>
      <div className={styles.field}>
        <label htmlFor="draft-slug">Save as content/…mdx</label>
        <input id="draft-slug" value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <div className={styles.field}>
        <span aria-hidden="true">&nbsp;</span>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Saving…" : "Save into content/"}
        </button>
      </div>
      {result ? (
        <p role="status" className={result.ok ? styles.ok : styles.bad} style={{ whiteSpace: "pre-wrap" }}>
          {result.text} {result.href ? <a href={result.href}>Open the playbook</a> : null}
        </p>
      ) : null}
    </form>
  );
}
