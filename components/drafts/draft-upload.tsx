"use client";
// Upload a playbook (.mdx) or a troubleshooting guide (.md) as a draft for review. Problems come back
// as file:line reasons; a taken slug comes back with its published version, to replace on purpose.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import styles from "./drafts.module.css";

export function DraftUpload() {
  const router = useRouter();
  const [error, setError] = useState<{ text: string; published?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError({ text: "Choose a playbook (.mdx) or a troubleshooting guide (.md) first." });
      return;
    }
    const query = new URLSearchParams();
    for (const key of ["slug", "replaces"]) {
      const value = data.get(key);
      if (typeof value === "string" && value.trim()) query.set(key, value.trim());
    }
    const form = new FormData();
    form.set("file", file);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/drafts${query.size ? `?${query}` : ""}`, { method: "POST", body: form });
      const body = (await res.json().catch(() => ({}))) as { href?: string; error?: string; published?: string };
      if (res.ok && body.href) {
        router.push(body.href);
        return;
      }
      setError({ text: body.error ?? `Upload failed (HTTP ${res.status}).`, published: body.published });
    } catch {
      setError({ text: "Could not reach the server; nothing was saved." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.upload} onSubmit={submit}>
      <label className={styles.label}>
        Playbook or guide
        <input name="file" type="file" accept=".mdx,.md,.markdown,.txt,text/markdown" />
      </label>
      <label className={styles.label}>
        Slug (optional)
        <input name="slug" placeholder="from the file name" />
      </label>
      <label className={styles.label}>
        Replaces version (optional)
        <input
          name="replaces"
          placeholder="e.g. 3f2a9c01b7de"
          defaultValue={error?.published ?? ""}
          key={error?.published}
        />
      </label>
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Uploading…" : "Upload as draft"}
      </button>
      {error ? (
        <p className={styles.refusal} role="alert">
          {error.text}
        </p>
      ) : null}
    </form>
  );
}
