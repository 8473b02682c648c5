"use client";
// Upload a playbook (.mdx) or a troubleshooting guide (.md) as a draft for review. Problems come back
// as file:line reasons; a taken slug comes back with its published version, to replace on purpose.
// A guide can be previewed first (a dry run of the same upload): its import report and the MDX it
// would be saved as, before anything is saved.
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { readImportReport } from "@/lib/import/import-report-schema";
import type { ImportReport } from "@/lib/import/import-report";
import styles from "./drafts.module.css";
import { ImportReportView } from "./import-report-view";
import reportStyles from "./import-report.module.css";

const GUIDE = /\.(md|markdown|txt)$/i;

interface Preview {
  slug: string;
  title: string;
  mdx: string;
  report: ImportReport | null;
}

type Answer = { href?: string; error?: string; published?: string; slug?: string; title?: string; mdx?: string };

/** The request an upload (or its dry run) sends, or null when no file is chosen. */
function uploadRequest(form: HTMLFormElement, dryRun: boolean): { url: string; body: FormData } | null {
  const data = new FormData(form);
  const file = data.get("file");
  if (!(file instanceof File) || file.size === 0) return null;
  const query = new URLSearchParams();
  for (const key of ["slug", "replaces"]) {
    const value = data.get(key);
    if (typeof value === "string" && value.trim()) query.set(key, value.trim());
  }
  if (dryRun) query.set("dryRun", "1");
  const body = new FormData();
  body.set("file", file);
  return { url: `/api/drafts${query.size ? `?${query}` : ""}`, body };
}

export function DraftUpload() {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<{ text: string; published?: string } | null>(null);
  const [busy, setBusy] = useState<"upload" | "preview" | null>(null);
  const [guide, setGuide] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);

  async function send(dryRun: boolean) {
    const request = form.current ? uploadRequest(form.current, dryRun) : null;
    if (!request) {
      setError({ text: "Choose a playbook (.mdx) or a troubleshooting guide (.md) first." });
      return;
    }
    setBusy(dryRun ? "preview" : "upload");
    setError(null);
    try {
      const res = await fetch(request.url, { method: "POST", body: request.body });
      const body = (await res.json().catch(() => ({}))) as Answer & { report?: unknown };
      if (res.ok && dryRun && typeof body.mdx === "string") {
        const report = readImportReport(body.report);
        setPreview({ slug: body.slug ?? "", title: body.title ?? "", mdx: body.mdx, report });
        return;
      }
      if (res.ok && body.href) {
        router.push(body.href);
        return;
      }
      setPreview(null);
      const failed = dryRun ? "Preview failed" : "Upload failed";
      setError({ text: body.error ?? `${failed} (HTTP ${res.status}).`, published: body.published });
    } catch {
      setError({ text: "Could not reach the server; nothing was saved." });
    } finally {
      setBusy(null);
    }
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void send(false);
  }

  return (
    <>
      <form
        ref={form}
        className={styles.upload}
        onSubmit={submit}
        // Whatever changes, a preview shown no longer says what would be saved.
        onChange={() => setPreview(null)}
      >
        <label className={styles.label}>
          Playbook or guide
          <input
            name="file"
            type="file"
            accept=".mdx,.md,.markdown,.txt,text/markdown"
            onChange={(e) => setGuide(GUIDE.test(e.currentTarget.files?.[0]?.name ?? ""))}
          />
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
        <div className={styles.uploadButtons}>
          {guide ? (
            <button type="button" className="button" disabled={busy !== null} onClick={() => void send(true)}>
              {busy === "preview" ? "Importing…" : "Preview import"}
            </button>
          ) : null}
          <button type="submit" className="button button-primary" disabled={busy !== null}>
            {busy === "upload" ? "Uploading…" : "Upload as draft"}
          </button>
        </div>
        {error ? (
          <p className={styles.refusal} role="alert">
            {error.text}
          </p>
        ) : null}
      </form>
      {preview ? (
        <section className={reportStyles.preview} aria-label="Import preview">
          <h3>Preview: {preview.title}</h3>
          <p className="muted">
            It would be saved as <code>{preview.slug}</code> and passes the format check. Nothing is saved until you
            upload it as a draft.
          </p>
          {preview.report ? <ImportReportView report={preview.report} open /> : null}
          <details className={reportStyles.mdx} open>
            <summary>The MDX it would save</summary>
            <pre>{preview.mdx}</pre>
          </details>
        </section>
      ) : null}
    </>
  );
}
