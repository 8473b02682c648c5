// The playbooks an alert's incident is linked to: the one its runbook_url names when that URL is a
// playbook page of this Casebook, otherwise the best matches of a search over its text.
import "server-only";
import { serverBaseUrl } from "@/lib/auth/origins";
import { getPlaybook } from "@/lib/playbooks/content-index";
import { searchPlaybooks } from "@/lib/search";
import type { Alert } from "./payloads";

/** Search suggestions: the best few, not every playbook that shares a word. */
const SEARCH_SUGGESTIONS = 3;
/** A runner-up is suggested when it scores at least this share of the best match. */
const RUNNER_UP = 0.5;

/** Best first: triage runs the first. */
export async function suggestPlaybooks(alert: Alert): Promise<string[]> {
  const linked = runbookSlug(alert.annotations.runbook_url ?? alert.annotations.runbook);
  if (linked && (await getPlaybook(linked))) return [linked];
  const query = alertText(alert).slice(0, 1000);
  if (!query.trim()) return [];
  const hits = await searchPlaybooks(query, { limit: SEARCH_SUGGESTIONS });
  // Close runners-up only: a playbook that merely shares a word with the alert is noise on the incident.
  const best = hits[0]?.score ?? 0;
  return hits
    .slice(0, SEARCH_SUGGESTIONS)
    .filter((h) => h.score >= best * RUNNER_UP)
    .map((h) => h.slug);
}

/** The text search reads: the alert's name and what its annotations say. */
export function alertText(alert: Alert): string {
  const { summary, description, message } = alert.annotations;
  return [alert.name, summary, description, message].filter(Boolean).join("\n");
}

/** `/playbooks/<slug>` on this site's origin (or a bare path); anything else is not ours. */
export function runbookSlug(runbook: string | undefined): string | null {
  if (!runbook) return null;
  let url: URL;
  const base = new URL(serverBaseUrl());
  try {
    url = new URL(runbook, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  const match = /^\/playbooks\/([a-z0-9][a-z0-9-]*)\/?$/.exec(url.pathname);
  return match?.[1] ?? null;
}
