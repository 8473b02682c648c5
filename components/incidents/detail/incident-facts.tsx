import Link from "next/link";
import type { ReactNode } from "react";
import { DATE_FIELDS } from "@/lib/incidents/fields";
import { AUTHORS_LABEL, FIELD_LABELS } from "@/lib/incidents/labels";
import type { IncidentRecord } from "@/lib/incidents/types";
import { formatTime } from "@/lib/format/dates";
import styles from "../incidents.module.css";
import { linkLabel, type LinkNames } from "@/lib/incidents/link-label";

const NONE = "—";

/** The incident at a glance: its times, where it happened, and what it links to. */
export function IncidentFacts({ incident, names }: { incident: IncidentRecord; names: LinkNames }) {
  const playbooks = incident.playbooks.map((slug) => ({ href: `/playbooks/${slug}`, text: names.playbook(slug) }));
  const runs = incident.runs.map((runId) => ({ href: `/runs/${runId}`, text: linkLabel(`/runs/${runId}`, names) }));
  return (
    <dl className={styles.facts}>
      {DATE_FIELDS.map((field) => {
        const at = incident[field];
        return (
          <Fact key={field} label={FIELD_LABELS[field].label}>
            {at ? formatTime(at) : NONE}
          </Fact>
        );
      })}
      <Fact label={FIELD_LABELS.environment.label}>{incident.environment || NONE}</Fact>
      <Fact label={FIELD_LABELS.playbooks.label}>
        <LinkList links={playbooks} />
      </Fact>
      <Fact label={FIELD_LABELS.runs.label}>
        <LinkList links={runs} />
      </Fact>
      <Fact label={AUTHORS_LABEL.label}>{incident.authors.map((a) => a.name).join(", ") || NONE}</Fact>
      <Fact label={FIELD_LABELS.tags.label}>
        {incident.tags.length
          ? incident.tags.map((t) => (
              <Link key={t} className="tag-badge" href={`/incidents?tag=${encodeURIComponent(t)}`}>
                {t}
              </Link>
            ))
          : NONE}
      </Fact>
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Links separated by commas, or a dash when there are none. */
function LinkList({ links }: { links: Array<{ href: string; text: string }> }) {
  if (links.length === 0) return NONE;
  return links.map((link, i) => (
    <span key={link.href}>
      {i > 0 ? ", " : ""}
      <Link href={link.href}>{link.text}</Link>
    </span>
  ));
}
