import type { Metadata } from "next";
import Link from "next/link";
import { SearchBox } from "@/components/search-box";
import { SearchResult } from "@/components/search-result";
import {
  IncidentsBesidePlaybook,
  IncidentsOnTheirOwn,
  searchIncidents,
} from "@/components/incidents/incident-search-results";
import { placeIncidents } from "@/lib/incidents/search-placement";
import { requireUser } from "@/lib/auth/session";
import { MAX_QUERY_CHARS, searchPlaybooks } from "@/lib/search";

interface Props {
  searchParams: Promise<{ q?: string | string[] }>;
}

function queryOf(q: string | string[] | undefined): string {
  return (Array.isArray(q) ? q[0] : q)?.trim() ?? "";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = queryOf((await searchParams).q);
  return { title: q ? `Search: ${q.slice(0, 60)}` : "Search" };
}

export default async function SearchPage({ searchParams }: Props) {
  await requireUser();
  const q = queryOf((await searchParams).q);
  const query = q.slice(0, MAX_QUERY_CHARS);
  const [results, incidents] = q
    ? await Promise.all([searchPlaybooks(query, { limit: 20 }), searchIncidents(query)])
    : [[], []];
  const { beside, alone } = placeIncidents(results, incidents);
  return (
    <div className="page page-medium">
      <header className="page-header">
        <h1 className="visually-hidden">Search</h1>
        <SearchBox variant="large" defaultValue={q} />
      </header>
      {!q ? (
        <p className="muted">
          Paste an error message or describe what you see; Casebook searches symptoms, steps, commands and prose.
        </p>
      ) : results.length === 0 ? (
        <section className="empty-state" aria-live="polite">
          <h2>No playbook matches that yet</h2>
          <p>
            Try the most specific line of the error, without paths or ids that are particular to your machine, or browse
            by tag.
          </p>
          <p>
            <Link href="/tags">Browse tags</Link> · <Link href="/playbooks">All playbooks</Link>
          </p>
        </section>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {results.length} {results.length === 1 ? "result" : "results"} for{" "}
            <q>{q.length > 80 ? `${q.slice(0, 80)}…` : q}</q>
          </p>
          <ol className="search-results">
            {results.map((result, i) => (
              <SearchResult key={result.slug} result={result} rank={i + 1}>
                <IncidentsBesidePlaybook hits={beside.get(result.slug) ?? []} query={query} />
              </SearchResult>
            ))}
          </ol>
        </>
      )}
      <IncidentsOnTheirOwn hits={alone} query={query} afterPlaybooks={results.length > 0} />
    </div>
  );
}
