// Past incidents that match a pasted error, beside the playbook results: what they saw and what
// fixed it. A server component for the search page (see docs/incidents.md).
import Link from "next/link";
import { Snippet } from "@/components/search-result";
import { isIncidentResult, type IncidentSearchResult } from "@/lib/incidents/search-source";
import { log } from "@/lib/log";
import { search } from "@/lib/search";
import { SeverityBadge, StatusBadge } from "./badges";
import styles from "./incidents.module.css";
import { relevantCauses } from "./relevant-causes";
import type { Severity, Status } from "@/lib/incidents/schema";

export async function IncidentSearchResults({ query, limit = 5 }: { query: string; limit?: number }) {
  if (!query.trim()) return null;
  let hits;
  try {
    const found = (await search(query, { limit: 30 })).filter(isIncidentResult);
    // Incidents that matched only a stray word are noise beside the playbooks.
    const top = found[0]?.score ?? 0;
    hits = found.filter((h) => h.score >= top * 0.3).slice(0, limit);
  } catch (err) {
    log.error({ err }, "incident search failed");
    return null;
  }
  if (hits.length === 0) return null;
  return (
    <section className={styles.searchIncidents} aria-labelledby="incident-results">
      <h2 id="incident-results">Past incidents that saw this</h2>
      <ol className="search-results" data-kind="incidents">
        {hits.map((hit) => (
          <li key={hit.id} className="search-result">
            <h3 className="search-result-title">
              <Link href={hit.match.href}>{hit.title}</Link>
            </h3>
            <p className={styles.meta}>
              <SeverityBadge severity={hit.severity as Severity} />
              <StatusBadge status={hit.status as Status} />
              <span>{hit.date.slice(0, 10)}</span>
              <span className={`part-chip part-${hit.match.part}`}>{hit.match.label}</span>
            </p>
            {hit.match.snippet ? (
              <p className="search-result-snippet">
                <Snippet text={hit.match.snippet} highlights={hit.match.highlights} />
              </p>
            ) : null}
            <Fixes query={query} causes={hit.causes} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Fixes({ query, causes }: { query: string; causes: IncidentSearchResult["causes"] }) {
  const shown = relevantCauses(query, causes).slice(0, 4);
  if (shown.length === 0) return null;
  return (
    <>
      <p className="search-result-summary">What fixed it:</p>
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
