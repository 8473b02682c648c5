// Past incidents that match a pasted error, beside the playbook results: what they saw and what
// fixed it. A server component for the search page (see docs/incidents.md).
import Link from "next/link";
import { Snippet } from "@/components/search-result";
import { isIncidentResult, registerIncidentSearch } from "@/lib/incidents/search-source";
import { log } from "@/lib/log";
import { search } from "@/lib/search";
import { SeverityBadge, StatusBadge } from "./badges";
import styles from "./incidents.module.css";
import type { Severity, Status } from "@/lib/incidents/schema";

export async function IncidentSearchResults({ query, limit = 5 }: { query: string; limit?: number }) {
  if (!query.trim()) return null;
  registerIncidentSearch();
  let hits;
  try {
    hits = (await search(query, { limit: 30 })).filter(isIncidentResult).slice(0, limit);
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
            {hit.fixes.length ? (
              <>
                <p className="search-result-summary">What fixed it:</p>
                <ul className={styles.fixes}>
                  {hit.fixes.slice(0, 4).map((f, i) => (
                    <li key={i}>{f}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
