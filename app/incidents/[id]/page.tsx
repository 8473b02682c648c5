import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { formatDay, formatTime } from "@/components/incidents/format";
import styles from "@/components/incidents/incidents.module.css";
import { Markdown } from "@/components/incidents/markdown";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getIncident } from "@/lib/incidents/get-incident";
import type { RootCauseInput } from "@/lib/incidents/schema";
import { getContentIndex } from "@/lib/playbooks/content-index";
import { Breadcrumb } from "@/components/breadcrumb";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const incident = await getIncident((await params).id);
  return { title: incident ? incident.title : "Incident not found" };
}

const CAUSE_FIELDS: Array<[keyof RootCauseInput, string]> = [
  ["symptom", "Symptom"],
  ["cause", "Root cause"],
  ["evidence", "Evidence"],
  ["fix", "Solution"],
  ["prevention", "Prevention"],
];

export default async function IncidentPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const [incident, index] = await Promise.all([getIncident(id), getContentIndex()]);
  if (!incident) notFound();
  const canEdit = hasRole(user, "operator");
  const titleOf = (slug: string) => index.playbooks.get(slug)?.title ?? slug;
  const stepTitle = (slug: string, stepId: string) => index.playbooks.get(slug)?.steps.find((s) => s.id === stepId)?.title ?? stepId;
  const insights = incident.learnings.filter((l) => l.kind === "insight");
  const lessons = incident.learnings.filter((l) => l.kind === "lesson");

  return (
    <div className="page page-medium">
      <Breadcrumb trail={[{ href: "/incidents", label: "Incidents" }]} current={incident.title} />
      <header className={styles.detailHeader}>
        <div className={styles.meta}>
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
          <time dateTime={(incident.startedAt ?? incident.createdAt).toISOString()}>{formatDay(incident.startedAt ?? incident.createdAt)}</time>
        </div>
        <h1>{incident.title}</h1>
        <dl className={styles.facts}>
          <Fact label="Started">{incident.startedAt ? formatTime(incident.startedAt) : "—"}</Fact>
          <Fact label="Detected">{incident.detectedAt ? formatTime(incident.detectedAt) : "—"}</Fact>
          <Fact label="Resolved">{incident.resolvedAt ? formatTime(incident.resolvedAt) : "—"}</Fact>
          <Fact label="Environment">{incident.environment || "—"}</Fact>
          <Fact label="Playbooks">
            {incident.playbooks.length
              ? incident.playbooks.map((slug, i) => (
                  <span key={slug}>
                    {i > 0 ? ", " : ""}
                    <Link href={`/playbooks/${slug}`}>{titleOf(slug)}</Link>
                  </span>
                ))
              : "—"}
          </Fact>
          <Fact label="Runs">
            {incident.runs.length
              ? incident.runs.map((runId, i) => (
                  <span key={runId}>
                    {i > 0 ? ", " : ""}
                    <Link href={`/runs/${runId}`}>{runId.slice(0, 10)}</Link>
                  </span>
                ))
              : "—"}
          </Fact>
          <Fact label="Authors">{incident.authors.map((a) => a.name).join(", ") || "—"}</Fact>
          <Fact label="Tags">
            {incident.tags.length
              ? incident.tags.map((t) => (
                  <Link key={t} className="tag-badge" href={`/incidents?tag=${encodeURIComponent(t)}`}>
                    {t}
                  </Link>
                ))
              : "—"}
          </Fact>
        </dl>
        <div className={styles.actions}>
          {canEdit ? (
            <Link className="button button-primary" href={`/incidents/${id}/edit`}>
              Edit
            </Link>
          ) : null}
          <a className="button" href={`/api/incidents/${id}/export?format=md`} download>
            Export Markdown
          </a>
          <a className="button" href={`/api/incidents/${id}/export?format=json`} download>
            Export JSON
          </a>
          <Link className="button" href={`/incidents/${id}/draft`}>
            Draft playbook
          </Link>
        </div>
      </header>

      <section className={styles.section} id="summary" aria-labelledby="h-summary">
        <h2 id="h-summary">Problem summary</h2>
        {incident.summary ? <Markdown text={incident.summary} /> : <p className="muted">Not written yet.</p>}
      </section>

      <section className={styles.section} id="symptoms" aria-labelledby="h-symptoms">
        <h2 id="h-symptoms">Symptoms</h2>
        {incident.symptoms.length ? (
          incident.symptoms.map((s, i) => (
            <pre key={i} className={styles.symptomBlock}>
              {s}
            </pre>
          ))
        ) : (
          <p className="muted">None recorded.</p>
        )}
      </section>

      <section className={styles.section} id="root-causes" aria-labelledby="h-causes">
        <h2 id="h-causes">Root causes</h2>
        {incident.rootCauses.length === 0 ? <p className="muted">None recorded yet.</p> : null}
        {incident.rootCauses.map((cause, i) => (
          <article key={i} className={styles.cause} id={`cause-${i + 1}`}>
            <h3>
              {i + 1}. {cause.title}
            </h3>
            {CAUSE_FIELDS.filter(([field]) => cause[field]).map(([field, label]) => (
              <div key={field} className={styles.causeField}>
                <p className={styles.causeLabel}>{label}</p>
                <Markdown text={cause[field]} />
              </div>
            ))}
          </article>
        ))}
      </section>

      {incident.resolution ? (
        <section className={styles.section} id="resolution" aria-labelledby="h-resolution">
          <h2 id="h-resolution">Resolution</h2>
          <Markdown text={incident.resolution} />
        </section>
      ) : null}

      <section className={styles.section} id="learnings" aria-labelledby="h-learnings">
        <h2 id="h-learnings">Learnings</h2>
        {incident.learnings.length === 0 ? <p className="muted">None recorded yet.</p> : null}
        {[
          ["Key insights", insights],
          ["Lessons", lessons],
        ].map(([label, list]) =>
          (list as typeof insights).length ? (
            <div key={label as string}>
              <h3>{label as string}</h3>
              <ul className={styles.learningList}>
                {(list as typeof insights).map((l, i) => (
                  <li key={i} className={styles.learning}>
                    <Markdown text={l.text} />
                    {l.playbookSlug ? (
                      <p className={styles.learningSource}>
                        Shown on <Link href={`/playbooks/${l.playbookSlug}${l.stepId ? `#step-${l.stepId}` : "#learnings"}`}>{titleOf(l.playbookSlug)}</Link>
                        {l.stepId ? ` · step “${stepTitle(l.playbookSlug, l.stepId)}”` : ""}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null,
        )}
      </section>

      <section className={styles.section} id="timeline" aria-labelledby="h-timeline">
        <h2 id="h-timeline">Timeline</h2>
        {incident.timeline.length === 0 ? (
          <p className="muted">No entries.</p>
        ) : (
          <ol className={styles.timeline}>
            {incident.timeline.map((t, i) => (
              <li key={i}>
                <time className={styles.timelineWhen} dateTime={t.at.toISOString()}>
                  {formatTime(t.at)}
                </time>
                <span className={styles.kind}>{t.kind}</span>
                {t.link ? <Link href={t.link}>link</Link> : null}
                <Markdown text={t.text} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className={styles.section} id="next-steps" aria-labelledby="h-actions">
        <h2 id="h-actions">Next steps</h2>
        {incident.actionItems.length === 0 ? (
          <p className="muted">No follow-up recorded.</p>
        ) : (
          <ul className={styles.checklist}>
            {incident.actionItems.map((a, i) => (
              <li key={i}>
                <input type="checkbox" checked={a.done} readOnly disabled aria-label={a.done ? "done" : "open"} /> {a.text}
                {a.owner ? <span className="muted"> — {a.owner}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
