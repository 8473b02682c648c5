// `casebook search "<error>"`: the playbooks for a pasted error, best first, each with the part that
// matched and, when it is a step, the step to run (GET /api/search).
import type { Context } from "../context";
import { EXIT, printJson } from "../context";

interface SearchResult {
  kind: string;
  slug?: string;
  title: string;
  score: number;
  match: { part: string; label: string; href: string; snippet: string };
}

/** The step a match points at: hrefs are /playbooks/<slug>#step-<id> (lib/search/playbook-documents.ts). */
export function stepOf(href: string): string | null {
  return /#step-(.+)$/.exec(href)?.[1] ?? null;
}

export async function search(ctx: Context, query: string, opts: { limit: string }): Promise<number> {
  const params = new URLSearchParams({ q: query, limit: opts.limit });
  const body = await ctx.client.json<{ results: SearchResult[] }>("GET", `/api/search?${params}`);
  const results = body.results.map((r) => ({ ...r, step: stepOf(r.match.href), url: ctx.client.link(r.match.href) }));
  // Like grep: nothing found is exit 1, so a script can tell.
  if (ctx.json) {
    printJson(ctx, { query, results });
    return results.length ? EXIT.passed : EXIT.failed;
  }
  if (results.length === 0) {
    ctx.io.stderr(`No playbook matches "${query}".\n`);
    return EXIT.failed;
  }
  for (const r of results) {
    ctx.io.stdout(`${r.slug ?? r.kind}  ${r.title}\n`);
    ctx.io.stdout(`  ${r.match.label}${r.step ? ` (step ${r.step})` : ""}: ${r.match.snippet}\n`);
    ctx.io.stdout(`  ${r.url}\n`);
    if (r.kind === "playbook" && r.slug) {
      ctx.io.stdout(`  casebook run ${r.slug} --host <host> ${r.step ? `--step ${r.step}` : "--all-read"}\n`);
    }
  }
  return EXIT.passed;
}
