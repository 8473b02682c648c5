// Where past incidents go on the search page: beside the playbook they concern, so a reader sees
// what fixed it last time next to the steps that diagnose it. An incident linked to several listed
// playbooks goes with the best-ranked of them; one linked to none of them has its own group.
import type { IncidentSearchResult } from "./search-source";

/** Incidents scoring under this share of the best incident matched only a stray word. */
const MIN_SHARE_OF_TOP = 0.3;

/** The incidents worth showing beside the playbooks, best first. */
export function relevantIncidents(hits: readonly IncidentSearchResult[], limit: number): IncidentSearchResult[] {
  const top = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= top * MIN_SHARE_OF_TOP).slice(0, limit);
}

export interface IncidentPlacement {
  /** Incidents to show with a listed playbook's result, by playbook slug, best first. */
  beside: Map<string, IncidentSearchResult[]>;
  /** Incidents none of whose playbooks is listed. */
  alone: IncidentSearchResult[];
}

export function placeIncidents(
  playbooks: ReadonlyArray<{ slug: string }>,
  incidents: readonly IncidentSearchResult[],
): IncidentPlacement {
  const rank = new Map(playbooks.map((p, i) => [p.slug, i]));
  const beside = new Map<string, IncidentSearchResult[]>();
  const alone: IncidentSearchResult[] = [];
  for (const incident of incidents) {
    const listed = incident.playbooks.filter((slug) => rank.has(slug));
    if (listed.length === 0) {
      alone.push(incident);
      continue;
    }
    const best = listed.reduce((a, b) => (rank.get(b)! < rank.get(a)! ? b : a));
    beside.set(best, [...(beside.get(best) ?? []), incident]);
  }
  return { beside, alone };
}
