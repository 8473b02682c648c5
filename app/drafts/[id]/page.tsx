import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { ContentErrorPanel } from "@/components/content-error-panel";
import { DraftDiffView } from "@/components/drafts/draft-diff-view";
import { ImportReportView } from "@/components/drafts/import-report-view";
import styles from "@/components/drafts/drafts.module.css";
import { ApproveForm, DeleteForm, EditForm, PublishForm, RejectForm } from "@/components/drafts/review-forms";
import { StepFindings } from "@/components/drafts/step-findings";
import { InputsTable } from "@/components/inputs-table";
import { playbookComponents } from "@/components/mdx-components";
import { RiskBadge } from "@/components/risk-badge";
import { Symptoms } from "@/components/symptoms";
import { TagList } from "@/components/tag-badge";
import { reviewUser } from "@/lib/auth/editor";
import { isEditor, mayDiscardDraft, mayEditDraft } from "@/lib/auth/review-permissions";
import { requireUser } from "@/lib/auth/session";
import { assessDraft } from "@/lib/drafts/assess-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { publishCheck } from "@/lib/drafts/publish-check";
import { publishedName } from "@/lib/drafts/published-file";
import { formatDate } from "@/lib/format/dates";
import { renderPlaybookBody } from "@/lib/render/render-body";

export const metadata: Metadata = { title: "Review draft" };
export const dynamic = "force-dynamic";

const TRAIL = [{ href: "/drafts", label: "Drafts" }];

export default async function DraftReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await reviewUser(await requireUser("operator"));
  const { id } = await params;
  const draft = await getDraft(id);
  if (!draft) notFound();
  const assessment = await assessDraft(draft.mdx, draft.slug);
  const { playbook } = assessment;
  const open = draft.status === "open";
  const editor = isEditor(user);
  const check = open && editor ? await publishCheck(draft, assessment, user.id) : null;
  const refusal = check ? [...check.blockers, check.twoPerson].filter(Boolean).join(" ") || null : null;
  const staleReplace = draft.replacesContentHash !== null && draft.publishedNow !== draft.replacesContentHash;
  const byId = new Map(assessment.steps.map((s) => [s.step.id, s]));
  const stepExtra = (stepId: string) => {
    const step = byId.get(stepId);
    return step ? <StepFindings assessment={step} /> : null;
  };
  const body = playbook ? await renderPlaybookBody(playbook, playbookComponents(playbook, stepExtra)) : null;
  const approvals = draft.reviews.filter((r) => r.current);

  return (
    <div className="page page-medium">
      <Breadcrumb trail={TRAIL} current={draft.title} />
      <header className="page-header">
        <p className="eyebrow">Draft · {draft.status}</p>
        <h1>{draft.title}</h1>
        <p className="page-lead">
          {draft.replacesContentHash ? (
            <>
              Replaces <Link href={`/playbooks/${draft.slug}`}>{publishedName(draft.slug)}</Link> version{" "}
              <code>{draft.replacesContentHash}</code>.
            </>
          ) : (
            <>
              A new playbook, <code>{publishedName(draft.slug)}</code>.
            </>
          )}{" "}
          Not runnable and not searchable until it is published.
        </p>
      </header>

      <section className={styles.panel} aria-labelledby="h-review">
        <h2 id="h-review">Review</h2>
        <dl className={styles.facts}>
          <dt>Author</dt>
          <dd>{draft.author?.name ?? "a former user"}</dd>
          <dt>From</dt>
          <dd>
            {draft.source === "incident" && draft.sourceRef ? (
              <Link href={`/incidents/${draft.sourceRef}`}>an incident</Link>
            ) : (
              (draft.sourceRef ?? draft.source)
            )}
          </dd>
          <dt>Saved</dt>
          <dd>
            {formatDate(draft.updatedAt)}, version <code>{draft.contentHash}</code>
          </dd>
          <dt>Highest risk</dt>
          <dd>
            <RiskBadge risk={assessment.highest} /> <span className="muted">declared or classified, the higher</span>
          </dd>
          <dt>Approvals</dt>
          <dd>
            {approvals.length === 0
              ? "none yet for this version"
              : approvals.map((r) => r.reviewer?.name ?? "a former user").join(", ")}
          </dd>
          {draft.status !== "open" ? (
            <>
              <dt>{draft.status === "published" ? "Published by" : "Rejected by"}</dt>
              <dd>
                {draft.decidedBy?.name ?? "a former user"}
                {draft.decidedAt ? `, ${formatDate(draft.decidedAt)}` : ""}
                {draft.reason ? `: ${draft.reason}` : ""}
              </dd>
            </>
          ) : null}
        </dl>
        {draft.reviews.some((r) => r.note) ? (
          <ul className={styles.notes}>
            {draft.reviews
              .filter((r) => r.note)
              .map((r, i) => (
                <li key={i}>
                  <strong>{r.reviewer?.name ?? "a former user"}</strong>
                  {r.current ? "" : " (an earlier version)"}: {r.note}
                </li>
              ))}
          </ul>
        ) : null}
        {draft.status === "published" ? (
          <p>
            <Link className="button button-primary" href={`/playbooks/${draft.slug}`}>
              Open the published playbook
            </Link>
          </p>
        ) : null}
        {open && editor ? (
          <div className={styles.actions}>
            <PublishForm draftId={draft.id} refusal={refusal} />
            {draft.author?.id !== user.id ? <ApproveForm draftId={draft.id} /> : null}
            <RejectForm draftId={draft.id} />
          </div>
        ) : open ? (
          <p className="muted">An editor reviews and publishes this draft; you can still edit or delete it.</p>
        ) : null}
        <div className={styles.secondary}>
          <a className="button" href={`/api/drafts/${draft.id}/mdx`} download={`${draft.slug}.mdx`}>
            Download the MDX
          </a>
          {mayDiscardDraft(user, draft).allowed ? <DeleteForm draftId={draft.id} /> : null}
        </div>
      </section>

      {staleReplace && open ? (
        <p className={styles.refusal} role="alert">
          {draft.publishedNow
            ? `${publishedName(draft.slug)} changed since this draft was made (version ${draft.publishedNow} is ` +
              "published now): publishing it would be refused. Draft again from the current version."
            : `${publishedName(draft.slug)} is no longer published.`}
        </p>
      ) : null}

      {draft.importReport ? (
        <section className={styles.section} aria-label="Import report">
          <ImportReportView
            report={draft.importReport}
            note="It describes the import; edits to the draft since are not in it."
          />
        </section>
      ) : null}

      {draft.diff ? (
        <section className={styles.section} aria-labelledby="h-diff">
          <h2 id="h-diff">Changes against version {draft.publishedNow}</h2>
          <DraftDiffView diff={draft.diff} />
        </section>
      ) : null}

      <section className={styles.section} aria-labelledby="h-rendered">
        <h2 id="h-rendered">The playbook as it will read</h2>
        {!playbook ? (
          <ContentErrorPanel title="This draft does not pass the format check" errors={assessment.errors} />
        ) : (
          <article className={`playbook ${styles.rendered}`} data-draft="">
            <header className="playbook-header">
              <p className="playbook-summary">{playbook.summary}</p>
              <div className="playbook-meta">
                <TagList tags={playbook.tags} />
                <span className="meta-item">
                  {playbook.steps.length} {playbook.steps.length === 1 ? "step" : "steps"}
                </span>
              </div>
            </header>
            <Symptoms playbook={playbook} />
            <InputsTable inputs={playbook.inputs} />
            {body?.ok ? (
              <div className="prose">{body.element}</div>
            ) : body ? (
              <ContentErrorPanel title="This draft's text cannot be rendered" errors={[body.error]} />
            ) : null}
          </article>
        )}
      </section>

      {mayEditDraft(user, draft).allowed ? (
        <details className={styles.section}>
          <summary>Edit the MDX</summary>
          <p className="muted">Saving checks the format again; approvals of earlier versions no longer count.</p>
          <EditForm draftId={draft.id} mdx={draft.mdx} version={draft.contentHash} />
        </details>
      ) : null}
    </div>
  );
}
