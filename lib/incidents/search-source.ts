// Incidents in search, beside playbooks: pasting an error finds the past incidents that saw it and
// what fixed them. The documents themselves are search-documents.ts's; this reads and registers them.
import "server-only";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { invalidateSearchIndex, registerSearchSource } from "@/lib/search/sources";
import type { SearchDoc } from "@/lib/search/types";
import { processSingleton } from "@/lib/process-singleton";
import { incidentDocument, incidentSearchSelect, type IncidentHead, type IncidentMatchPart } from "./search-documents";

export {
  fixSummary,
  isIncidentResult,
  type IncidentHead,
  type IncidentMatchPart,
  type IncidentSearchResult,
} from "./search-documents";

export async function incidentDocuments(): Promise<Array<SearchDoc<IncidentHead, IncidentMatchPart>>> {
  const rows = await db.incident.findMany({ select: incidentSearchSelect });
  return rows.map(incidentDocument);
}

/** Adds incidents to search, once per process; server start-up calls it (server/startup.ts). */
export function registerIncidentSearch(): void {
  processSingleton("incidentSearch", () => {
    registerSearchSource("incidents", { documents: incidentDocuments });
    log.debug("incidents registered as a search source");
    return true;
  });
}

/** Call after an incident changes, so the next search sees it. */
export function incidentsChanged(): void {
  invalidateSearchIndex();
}
