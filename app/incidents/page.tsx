import type { Metadata } from "next";
import { FilterActions } from "@/components/filter-actions";
import Link from "next/link";
import { SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { formatDay } from "@/lib/format/dates";
import styles from "@/components/incidents/incidents.module.css";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { SEVERITIES, STATUSES } from "@/lib/incidents/schema";
import { getContentIndex } from "@/lib/playbooks/content-index";

export const metadata: Metadata = { title: "Incidents" };
export const dynamic = "force-dynamic";

type Params = Record<"status" | "severity" | "tag" | "playbook", string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser();
  const p = await searchParams;
  const filter = { status: one(p.status), severity: one(p.severity), tag: one(p.tag), playbook: one(p.playbook) };
  const [incidents, all, index] = await Promise.all([listIncidents(filter), listIncidents(), getContentIndex()]);
  const tags = [...new Set(all.flatMap((i) => i.tags))].sort();
  const playbooks = [...new Set([...index.playbooks.keys(), ...all.flatMap((i) => i.playbooks)])].sort();
  const titleOf = (slug: string) => index.playbooks.get(slug)?.title ?? slug;
  const filtered = Object.values(filter).some(Boolean);
  const canRecord = hasRole(user, "operator");

  return (
    <div className="page page-medium">
      <header className="page-header">
        <h1>Incidents</h1>
        <p className="page-lead">
          What went wrong, why, what fixed it, and what we learned: each incident feeds its playbooks.
        </p>
      </header>
      <div className={styles.toolbar}>
        <p className="muted">
          {incidents.length} {incidents.length === 1 ? "incident" : "incidents"}
          {filtered ? " match" : ""}
        </p>
        {canRecord ? (
          <div className={styles.toolbarActions}>
            <Link className="button button-primary" href="/incidents/new">
              Record incident
            </Link>
            <Link className="button" href="/incidents/import">
              Import write-up
            </Link>
          </div>
        ) : null}
      </div>
      <form className={styles.filters} method="get" role="search" aria-label="Filter incidents">
        <label>
          Status
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Severity
          <select name="severity" defaultValue={filter.severity ?? ""}>
            <option value="">Any</option>
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select name="tag" defaultValue={filter.tag ?? ""}>
            <option value="">Any</option>
            {tags.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Playbook
          <select name="playbook" defaultValue={filter.playbook ?? ""}>
            <option value="">Any</option>
            {playbooks.map((slug) => (
              <option key={slug} value={slug}>
                {titleOf(slug)}
              </option>
            ))}
          </select>
        </label>
        <FilterActions clearHref="/incidents" filtered={filtered} />
      </form>
      {incidents.length === 0 ? (
        <section className="empty-state">
          <h2>{filtered ? "No incident matches these filters" : "No incidents recorded yet"}</h2>
          <p>
            {canRecord
              ? "Record one from scratch, from a failed run, or import a write-up."
              : "Operators record incidents; they show here."}
          </p>
        </section>
      ) : (
        <ul className={styles.incidentList}>
          {incidents.map((i) => (
            <li key={i.id} className={styles.incidentItem}>
              <h2>
                <Link href={`/incidents/${i.id}`}>{i.title}</Link>
              </h2>
              <div className={styles.meta}>
                <SeverityBadge severity={i.severity} />
                <StatusBadge status={i.status} />
                <time dateTime={(i.startedAt ?? i.createdAt).toISOString()}>
                  {formatDay(i.startedAt ?? i.createdAt)}
                </time>
                <span>
                  {i.rootCauses} {i.rootCauses === 1 ? "root cause" : "root causes"} · {i.learnings}{" "}
                  {i.learnings === 1 ? "learning" : "learnings"}
                </span>
                {i.playbooks.map((slug) => (
                  <Link key={slug} href={`/playbooks/${slug}`}>
                    {titleOf(slug)}
                  </Link>
                ))}
                {i.tags.map((t) => (
                  <Link key={t} className="tag-badge" href={`/incidents?tag=${encodeURIComponent(t)}`}>
                    {t}
                  </Link>
                ))}
              </div>
              {i.symptoms[0] ? <p className={styles.symptomPreview}>{i.symptoms[0]}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
