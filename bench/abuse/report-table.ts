// The Markdown for the "abuse" section of docs/benchmarks.md: each flood's figures beside the
// baseline's, with the targets (#8, "Abuse of the socket namespaces").
import { percentile } from "../lib/stats";
import type { FloodResult } from "./flood";

export interface PhaseFigures {
  delays: number[];
  health: number[];
  /** MB: the baseline's median, or a flood's peak. */
  rss: number;
  flood: FloodResult | null;
}

export const TARGETS = { delayMs: 100, healthP99Ms: 100, rssMb: 50 };

const f = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : "–");
const ratio = (n: number, base: number) => (base > 0 ? ` (×${(n / base).toFixed(1)})` : "");
const mark = (ok: boolean) => (ok ? "✓" : "✗");

export function renderAbuseReport(baseline: PhaseFigures, floods: PhaseFigures[], header: string): string {
  const p = (xs: number[], q: number) => percentile(xs, q);
  const b = { d50: p(baseline.delays, 50), d99: p(baseline.delays, 99), h50: p(baseline.health, 50) };
  const bh99 = p(baseline.health, 99);
  const rows = floods.map(({ delays, health, rss, flood }) => {
    const d99 = p(delays, 99);
    const h99 = p(health, 99);
    const grown = rss - baseline.rss;
    const fl = flood!;
    const cut = fl.disconnected ? `yes, after ≤ ${fl.sent} sent (${fl.disconnected})` : `no (${fl.sent} sent)`;
    const met = d99 < TARGETS.delayMs && h99 < TARGETS.healthP99Ms && grown < TARGETS.rssMb && fl.disconnected !== null;
    return (
      `| ${fl.kind} | ${cut}; ${fl.replies} replies; ${f(fl.ms / 1000)} s | ` +
      `${f(p(delays, 50))}${ratio(p(delays, 50), b.d50)} / ${f(d99)}${ratio(d99, b.d99)} (${delays.length}) | ` +
      `${f(p(health, 50))}${ratio(p(health, 50), b.h50)} / ${f(h99)}${ratio(h99, bh99)} (${health.length}) | ` +
      `${f(rss)} (${grown >= 0 ? "+" : ""}${f(grown)}) | ${mark(met)} |`
    );
  });
  return [
    "## Abuse (`npm run bench:abuse`)",
    "",
    header,
    "",
    "| flood (10,000 messages) | flooder disconnected | victim output delay p50 / p99, ms (ticks) | " +
      "`/api/health` p50 / p99, ms (requests) | server RSS, MB (vs baseline) | targets met |",
    "|---|---|---|---|---|---|",
    `| none (baseline) | – | ${f(b.d50)} / ${f(b.d99)} (${baseline.delays.length}) | ` +
      `${f(b.h50)} / ${f(bh99)} (${baseline.health.length}) | ${f(baseline.rss)} (median) | |`,
    ...rows,
    `| **target** | disconnected | p99 < ${TARGETS.delayMs} | p99 < ${TARGETS.healthP99Ms} | ` +
      `peak within ${TARGETS.rssMb} MB of baseline | |`,
  ].join("\n");
}
