"use client";
// Saves the incident's playbook draft for review, under a slug the author can change. Nothing is
// published here: the draft waits on /drafts for an editor. When the slug is taken, the server says
// which version is published, and the author may say the draft replaces that version.
import { useState, type FormEvent } from "react";
import styles from "./incidents.module.css";

type Result = { ok: true; href: string } | { ok: false; text: string; published?: string };

export function DraftSave({ incidentId, slug }: { incidentId: string; slug: string }) {
  const [value, setValue] = useState(slug);
  const [replaces, setReplaces] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const res = await fetch(`/api/incidents/${incidentId}/draft-playbook`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ slug: value, ...(replaces ? { replaces } : {}) }),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: string; href?: string; published?: string };
      setResult(
        res.ok && body.href
          ? { ok: true, href: body.href }
          : { ok: false, text: body.error ?? `Saving failed (HTTP ${res.status}).`, published: body.published },
      );
    } catch {
      setResult({ ok: false, text: "Could not reach the server." });
    } finally {
      setBusy(false);
    }
  }

  const offerReplace = result && !result.ok ? result.published : undefined;
  return (
    <form onSubmit={save} className={styles.row3}>
      <div className={styles.field}>
        <label htmlFor="draft-slug">Playbook slug</label>
        <input
          id="draft-slug"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setReplaces(null);
          }}
        />
      </div>
      <div className={styles.field}>
        <span aria-hidden="true">&nbsp;</span>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Saving…" : "Save draft for review"}
        </button>
      </div>
      {offerReplace ? (
        <label className={styles.checkRow}>
          <input
            type="checkbox"
            checked={replaces === offerReplace}
            onChange={(e) => setReplaces(e.target.checked ? offerReplace : null)}
          />
          Replace the published version {offerReplace} (the review shows the diff)
        </label>
      ) : null}
      {result ? (
        <p role="status" className={result.ok ? styles.ok : styles.bad} style={{ whiteSpace: "pre-wrap" }}>
          {result.ok ? (
            <>
              Saved as a draft. It cannot run until an editor reviews and publishes it.{" "}
              <a href={result.href}>Open the draft</a>
            </>
          ) : (
            result.text
          )}
        </p>
      ) : null}
    </form>
  );
}
