import type { Metadata } from "next";
import Link from "next/link";
import { DraftUpload } from "@/components/drafts/draft-upload";
import styles from "@/components/drafts/drafts.module.css";
import { TableHead } from "@/components/table-head";
import { reviewUser } from "@/lib/auth/editor";
import { isEditor } from "@/lib/auth/review-permissions";
import { requireUser } from "@/lib/auth/session";
import { listDrafts, type DraftListItem } from "@/lib/drafts/list-drafts";
import { describeReviewRule } from "@/lib/drafts/review-setting";
import { formatDay } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Drafts" };
export const dynamic = "force-dynamic";

const SOURCE_LABELS = { incident: "From an incident", import: "Imported guide", upload: "Uploaded" } as const;

export default async function DraftsPage() {
  const user = await reviewUser(await requireUser("operator"));
  const [{ open, decided }, rule] = await Promise.all([listDrafts(), describeReviewRule()]);
  const editor = isEditor(user);

  return (
    <div className="page page-medium">
      <header className="page-header">
        <h1>Drafts</h1>
        <p className="page-lead">
          Playbooks waiting for review. A draft cannot run and search does not find it until an editor publishes it into
          content/.
        </p>
      </header>
      <p className={styles.rule}>
        {editor ? "You can review and publish drafts." : "You can write drafts; an editor publishes them."} {rule.text}
      </p>

      <section aria-labelledby="h-open" className={styles.section}>
        <h2 id="h-open">Waiting for review ({open.length})</h2>
        {open.length === 0 ? (
          <p className="muted">No drafts are waiting. Draft one from an incident, or upload one below.</p>
        ) : (
          <DraftTable drafts={open} />
        )}
      </section>

      <section aria-labelledby="h-upload" className={styles.section}>
        <h2 id="h-upload">Upload a draft</h2>
        <p className="muted">
          A playbook (.mdx) is kept as written; a troubleshooting guide (.md) is imported into one. To change a
          published playbook, give the version it replaces (shown on its page): the review shows the diff.
        </p>
        <DraftUpload />
      </section>

      {decided.length ? (
        <section aria-labelledby="h-decided" className={styles.section}>
          <h2 id="h-decided">Decided</h2>
          <DraftTable drafts={decided} decided />
        </section>
      ) : null}
    </div>
  );
}

function DraftTable({ drafts, decided = false }: { drafts: DraftListItem[]; decided?: boolean }) {
  return (
    <div className="table-scroll">
      <table className={`data-table ${styles.table}`}>
        <TableHead
          columns={["Draft", "From", "Author", decided ? "Decided" : "Saved", decided ? "Outcome" : "Reviews"]}
        />
        <tbody>
          {drafts.map((d) => (
            <tr key={d.id}>
              <td>
                <Link href={`/drafts/${d.id}`} className={styles.draftLink}>
                  {d.title}
                </Link>
                <code className={styles.slug}>
                  {d.slug}
                  {d.replaces ? " (replaces the published one)" : ""}
                </code>
              </td>
              <td>{SOURCE_LABELS[d.source]}</td>
              <td>{d.author ?? "a former user"}</td>
              <td>{formatDay(decided && d.decidedAt ? d.decidedAt : d.createdAt)}</td>
              <td>{decided ? <span className={styles[`status-${d.status}`]}>{d.status}</span> : d.reviews}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
