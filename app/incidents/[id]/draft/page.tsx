import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DraftSave } from "@/components/incidents/draft-save";
import styles from "@/components/incidents/incidents.module.css";
import { mayDraft } from "@/lib/auth/review-permissions";
import { requireUser } from "@/lib/auth/session";
import { incidentToPlaybookDraft } from "@/lib/incidents/draft-playbook";
import { getIncident } from "@/lib/incidents/get-incident";
import { helpHref } from "@/lib/help/help-pages";
import { checkDraft } from "@/lib/import/check-draft";
import { formatContentError } from "@/lib/playbooks/content-error";
import { Breadcrumb } from "@/components/breadcrumb";
import { incidentTrail } from "@/components/incidents/incident-trail";

export const metadata: Metadata = { title: "Draft playbook" };
export const dynamic = "force-dynamic";

export default async function DraftPlaybookPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const incident = await getIncident(id);
  if (!incident) notFound();
  const { draft, mdx } = await incidentToPlaybookDraft(incident);
  const check = await checkDraft(mdx, draft.slug);
  const steps = check.playbook?.steps ?? [];
  const canSave = mayDraft(user).allowed;

  return (
    <div className="page page-medium">
      <Breadcrumb trail={incidentTrail(incident)} current="Draft playbook" />
      <header className="page-header">
        <h1>Draft playbook</h1>
        <p className="page-lead">
          Each root cause becomes a diagnostic step and a fix step; the symptoms become the playbook’s symptoms. Saved,
          it waits on <a href="/drafts">Drafts</a> for an editor: it cannot run until it is reviewed and published.
        </p>
      </header>
      {check.errors.length ? (
        <div className={styles.errorSummary} role="alert">
          <p>
            <strong>The draft does not pass the format check:</strong>
          </p>
          <ul>
            {check.errors.map((e, i) => (
              <li key={i}>{formatContentError(e)}</li>
            ))}
          </ul>
          <p>
            Every rule is in <Link href={helpHref("playbook-format")}>the playbook format</Link>.
          </p>
        </div>
      ) : (
        <p className={styles.ok} role="status">
          Passes the format check: {steps.length} steps. Saved, each step declares at least the risk the classifier
          finds in its command, and the review shows the findings step by step.
        </p>
      )}
      <div className={styles.actions}>
        <a className="button" href={`/api/incidents/${id}/draft-playbook`} download={`${draft.slug}.mdx`}>
          Download {draft.slug}.mdx
        </a>
      </div>
      {canSave ? (
        <section className={styles.section}>
          <DraftSave incidentId={id} slug={draft.slug} />
        </section>
      ) : null}
      <section className={styles.section} aria-labelledby="h-source">
        <h2 id="h-source">{draft.slug}.mdx</h2>
        <pre className={styles.draftSource}>{mdx}</pre>
      </section>
    </div>
  );
}
