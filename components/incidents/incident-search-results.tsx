// Past incidents that match a pasted error: what they saw and what fixed it. Shown with the
// playbook result they concern, or in their own group when none of their playbooks is listed
// (lib/incidents/search-placement.ts; see docs/incidents.md). Server components for the search page.
import Link from "next/link";
import { Snippet } from "@/components/search-result";
import { relevantIncidents } from "@/lib/incidents/search-placement";
import { isIncidentResult, type IncidentSearchResult } from "@/lib/incidents/search-source";
import { log } from "@/lib/log";
import { search } from "@/lib/search";
import { SeverityBadge, StatusBadge } from "./badges";
import styles from "./incidents.module.css";
import { relevantCauses } from "./relevant-causes";
import type { Severity, Status } from "@/lib/incidents/schema";

/** The incidents worth showing for `query`; none when the incident source fails. */
export async function searchIncidents(query: string, limit = 5): Promise<IncidentSearchResult[]> {
  if (!query.trim()) return [];
  try {
    return relevantIncidents((await search(query, { limit: 30 })).filter(isIncidentResult), limit);
  } catch (err) {
    log.error({ err }, "incident search failed");
    return [];
  }
}

/** The incidents that concern one playbook result, inside that result. */
export function IncidentsBesidePlaybook({ hits, query }: { hits: IncidentSearchResult[]; query: string }) {
  if (hits.length === 0) return null;
  return (
    <div className={styles.besidePlaybook} data-kind="incidents">
      <p className={styles.besideTitle}>
        {hits.length === 1 ? "A past incident with this playbook" : "Past incidents with this playbook"}
      </p>
      <ol className={styles.besideList}>
        {hits.map((hit) => (
          <IncidentHit key={hit.id} hit={hit} query={query} compact />
        ))}
      </ol>
    </div>
  );
}

/** Incidents whose playbooks are not among the results. */
export function IncidentsOnTheirOwn({ hits, query, afterPlaybooks }: IncidentListProps & { afterPlaybooks: boolean }) {
  if (hits.length === 0) return null;
  return (
    <section className={styles.searchIncidents} aria-labelledby="incident-results">
      <h2 id="incident-results">
        {afterPlaybooks ? "Other past incidents that saw this" : "Past incidents that saw this"}
      </h2>
      <ol className="search-results" data-kind="incidents">
        {hits.map((hit) => (
          <IncidentHit key={hit.id} hit={hit} query={query} />
        ))}
      </ol>
    </section>
  );
}

interface IncidentListProps {
  hits: IncidentSearchResult[];
  query: string;
}

function IncidentHit({ hit, query, compact }: { hit: IncidentSearchResult; query: string; compact?: boolean }) {
  const Title = compact ? "h4" : "h3";
  return (
    <li className={compact ? styles.besideItem : "search-result"}>
      <Title className={compact ? styles.besideItemTitle : "search-result-title"}>
        <Link href={hit.match.href}>{hit.title}</Link>
      </Title>
      <p className={styles.meta}>
        <SeverityBadge severity={hit.severity as Severity} />
        <StatusBadge status={hit.status as Status} />
        <span>{hit.date.slice(0, 10)}</span>
        <span className={`part-chip part-${hit.match.part}`}>{hit.match.label}</span>
      </p>
      {hit.match.snippet && !compact ? (
        <p className="search-result-snippet">
          <Snippet text={hit.match.snippet} highlights={hit.match.highlights} />
        </p>
      ) : null}
      <Fixes query={query} causes={hit.causes} />
    </li>
  );
}

function Fixes({ query, causes }: { query: string; causes: IncidentSearchResult["causes"] }) {
  const shown = relevantCauses(query, causes).slice(0, 4);
  if (shown.length === 0) return null;
  return (
    <>
      <p className={styles.fixedBy}>What fixed it:</p>
      <ul className={styles.fixes}>
        {shown.map((c, i) => (
          <li key={i}>
            <strong>{c.title}</strong>
            {c.fix ? <> — {c.fix}</> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
