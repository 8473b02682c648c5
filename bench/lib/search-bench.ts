// The search part of `npm run bench`: latency over BENCH_SEARCH_PLAYBOOKS generated playbooks (default
// 20,000) plus the four seed playbooks, and over half as many playbooks plus as many incidents; the
// search index's build time and heap. Queries are what people type and paste: error lines bare and
// with noise, 1–3 keyword queries (biased to frequent words, as the vocabulary is) and misspellings.
// Ranking quality is reported beside speed, so speed is never bought with it.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { incidentDocument } from "@/lib/incidents/search-documents";
import type { Playbook } from "@/lib/playbooks/types";
import { playbookDocument } from "@/lib/search/playbook-documents";
import type { SearchDoc, SearchIndex } from "@/lib/search";
import { incidentRow } from "../generate-incidents";
import { generatePlaybooks } from "../generate-playbooks";
import { ms, percentile } from "./stats";
import { rng, vocabulary } from "./vocabulary";

export const SEARCH_PLAYBOOKS = Number(process.env.BENCH_SEARCH_PLAYBOOKS ?? 20_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2000);
const WARM_UP = 200;
const SEEDS = path.resolve(import.meta.dirname, "..", "..", "content");

v8.setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

export interface Query {
  text: string;
  kind: "symptom" | "pasted" | "seed" | "keywords" | "title words" | "misspelled";
  /** The playbook that must rank first, where there is one right answer. */
  expected?: string;
}

type Engine = (docs: SearchDoc[]) => SearchIndex;

/** Writes the generated playbooks and the seeds into `dir` (the seeds must stand out among them). */
export function writeSearchCorpus(dir: string, count = SEARCH_PLAYBOOKS): void {
  generatePlaybooks(dir, count);
  for (const f of fs.readdirSync(SEEDS).filter((f) => f.endsWith(".mdx"))) {
    fs.copyFileSync(path.join(SEEDS, f), path.join(dir, f));
  }
}

function typo(rand: () => number, word: string): string {
  const i = 1 + Math.floor(rand() * (word.length - 2));
  switch (Math.floor(rand() * 3)) {
    case 0: // swapped letters
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1: // dropped letter
      return word.slice(0, i) + word.slice(i + 1);
    default: // wrong letter
      return word.slice(0, i) + "xqzjk"[Math.floor(rand() * 5)] + word.slice(i + 1);
  }
}

/** A deterministic mix of queries over `playbooks`. */
export function searchQueries(playbooks: readonly Playbook[], count = QUERIES): Query[] {
  const rand = rng(0xbe7c);
  const v = vocabulary();
  const generated = playbooks.filter((p) => p.slug.startsWith("synthetic-"));
  const seeds = playbooks.filter((p) => !p.slug.startsWith("synthetic-"));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const queries: Query[] = [];
  for (let i = 0; i < count; i++) {
    const p = pick(generated);
    const r = rand();
    if (r < 0.2) queries.push({ kind: "symptom", text: pick(p.symptoms), expected: p.slug });
    else if (r < 0.4) {
      const text =
        `2026-11-22T10:${String(i % 60).padStart(2, "0")}:00.${1000 + i}Z worker[${4000 + i}] ` +
        `${pick(p.symptoms)}\n  at run (/home/user/app/${v.word(rand)}.py:${i % 500})\n` +
        `  at main (/home/user/app/main.py:${i % 97})`;
      queries.push({ kind: "pasted", text, expected: p.slug });
    } else if (r < 0.45 && seeds.length > 0) {
      const s = pick(seeds);
      const text =
        rand() < 0.5 ? pick(s.symptoms) : `2026-11-22 10:22:31,123\tERROR worker.py:201 -- ${pick(s.symptoms)}`;
      queries.push({ kind: "seed", text, expected: s.slug });
    } else if (r < 0.65) {
      queries.push({ kind: "keywords", text: v.sentence(rand, 1 + Math.floor(rand() * 3)) });
    } else if (r < 0.8) {
      const words = p.title.split(/\s+/).slice(3);
      const from = Math.floor(rand() * words.length);
      queries.push({ kind: "title words", text: words.slice(from, from + 1 + Math.floor(rand() * 3)).join(" ") });
    } else {
      const words = pick(p.symptoms)
        .split(/\s+/)
        .filter((w) => /^\p{L}{4,}$/u.test(w));
      const from = Math.floor(rand() * Math.max(1, words.length - 2));
      const chosen = words.slice(from, from + 1 + Math.floor(rand() * 3));
      const k = Math.floor(rand() * chosen.length);
      if (chosen[k]) chosen[k] = typo(rand, chosen[k]);
      queries.push({ kind: "misspelled", text: chosen.join(" ") || typo(rand, v.word(rand)) });
    }
  }
  return queries;
}

export interface BuildFigures {
  ms: number;
  /** Heap the index retains, after a full GC. */
  heapBytes: number;
}

export function timedBuild(engine: Engine, docs: SearchDoc[]): { index: SearchIndex; build: BuildFigures } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = engine(docs);
  const elapsed = performance.now() - t0;
  gc();
  return { index, build: { ms: elapsed, heapBytes: process.memoryUsage().heapUsed - before } };
}

export interface LatencyFigures {
  latencies: number[];
  byKind: Map<Query["kind"], number[]>;
  /** Queries with a right answer that got it first, by kind. */
  first: Map<Query["kind"], { hits: number; of: number }>;
}

export function runQueries(
  index: SearchIndex,
  queries: readonly Query[],
  slugOf: (hit: unknown) => string | undefined,
): LatencyFigures {
  for (const q of queries.slice(0, WARM_UP)) index.search(q.text, { limit: 10 });
  const out: LatencyFigures = { latencies: [], byKind: new Map(), first: new Map() };
  for (const q of queries) {
    const s = performance.now();
    const results = index.search(q.text, { limit: 10 });
    const elapsed = performance.now() - s;
    out.latencies.push(elapsed);
    out.byKind.set(q.kind, [...(out.byKind.get(q.kind) ?? []), elapsed]);
    if (q.expected) {
      const f = out.first.get(q.kind) ?? { hits: 0, of: 0 };
      f.of++;
      if (slugOf(results[0]) === q.expected) f.hits++;
      out.first.set(q.kind, f);
    }
  }
  return out;
}

const slugOf = (hit: unknown) => (hit as { slug?: string } | undefined)?.slug;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const pct = (xs: number[], p: number) => percentile(xs, p);

export type Row = readonly [what: string, target: string, measured: string, ok: boolean];

export interface SearchBenchResult {
  rows: Row[];
  notes: string[];
}

/** Runs every search figure over `playbooks` (the content index of writeSearchCorpus's folder). */
export function searchBench(
  engine: Engine,
  playbooks: readonly Playbook[],
  contentBuildMs?: number,
): SearchBenchResult {
  const n = playbooks.filter((p) => p.slug.startsWith("synthetic-")).length;
  const count = n.toLocaleString("en");
  const docs = playbooks.map(playbookDocument);
  const queries = searchQueries(playbooks);
  // In a function of its own, so the big index can be collected before the mixed one is built.
  const { build, big } = (() => {
    const { index, build } = timedBuild(engine, docs);
    return { build, big: runQueries(index, queries, slugOf) };
  })();

  // Half the playbooks plus as many incidents, half of which saw a playbook's error.
  const half = playbooks.slice(0, Math.ceil(playbooks.length / 2));
  const incidents = Array.from({ length: Math.floor(n / 2) }, (_, i) => incidentDocument(incidentRow(i, half)));
  const mixed = timedBuild(engine, [...half.map(playbookDocument), ...incidents]);
  const mixedLatency = runQueries(mixed.index, searchQueries(half), slugOf);

  const p95 = pct(big.latencies, 95);
  const p99 = pct(big.latencies, 99);
  const mixedP95 = pct(mixedLatency.latencies, 95);
  const halfCount = Math.floor(n / 2).toLocaleString("en");
  const kinds = [...big.byKind].map(([k, xs]) => `${k} ${ms(pct(xs, 95))}`).join(", ");
  const quality = [...big.first].map(([k, f]) => `${k} ${f.hits} of ${f.of}`).join(", ");
  const rows: Row[] = [
    [
      `search over ${count} generated playbooks, p95 / p99 (${queries.length.toLocaleString("en")} queries)`,
      "under 20 ms / under 50 ms",
      `${ms(p95)} / ${ms(p99)} (p50 ${ms(pct(big.latencies, 50))}, max ${ms(Math.max(...big.latencies))}); ` +
        `p95 by kind: ${kinds}`,
      p95 < 20 && p99 < 50,
    ],
    [
      `search over ${halfCount} playbooks plus ${halfCount} incidents, p95`,
      "under 20 ms",
      `${ms(mixedP95)} (p50 ${ms(pct(mixedLatency.latencies, 50))}, p99 ${ms(pct(mixedLatency.latencies, 99))})`,
      mixedP95 < 20,
    ],
  ];
  const notes = [
    `Search corpus: ${count} generated playbooks plus the ${playbooks.length - n} seeds, all text from one ` +
      "Zipf vocabulary (s = 1.05) whose most frequent words are the seeds' error words. Queries, drawn with a " +
      "seeded PRNG: error lines bare and pasted with a timestamp and a stack, the seeds' error lines, " +
      "1–3 keyword queries, title words, misspelled symptom words.",
    `Ranking kept: a query with one right answer (an error line, bare or pasted) ranked it first — ${quality}.`,
    `Building this corpus's indexes in this process: content ` +
      (contentBuildMs === undefined ? "not timed" : ms(contentBuildMs)) +
      `, search ${ms(build.ms)} (its heap ${mb(build.heapBytes)}); the build row times both in a process of its own.`,
    `The mixed index (${halfCount} + ${halfCount}) built in ${ms(mixed.build.ms)}, heap ${mb(mixed.build.heapBytes)}.`,
  ];
  return { rows, notes };
}
