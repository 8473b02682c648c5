// `npm run bench:import`: the guide importer on the hand-labelled guides of bench/import/guides/
// (dev, which the importer is tuned against, and holdout, which it is not), scored as
// bench/import/README.md describes. Prints a table per set and each guide's misses, and writes
// the "Import" section of docs/benchmarks.md. `--json` prints the scores as JSON instead;
// `--check` exits 1 when a target is missed (otherwise the exit code is 0: it is a measurement).
import os from "node:os";
import path from "node:path";
import type { DraftCheck } from "@/lib/import/check-draft";
import type { ImportedPlaybook } from "@/lib/import/troubleshooting-to-playbook";
import { symptomText } from "@/lib/import/playbook-draft";
import type { Playbook, Risk } from "@/lib/playbooks/types";
import { GUIDE_SETS, readGuideSet, type Guide, type GuideSet } from "./import/labels";
import { guideMisses, guideTable, scoreTable } from "./import/render";
import { observations, scoreGuide, sumScores, targets, type GuideRun, type GuideScore } from "./import/score";
import { writeBenchmarkSection } from "./lib/report";

const args = new Set(process.argv.slice(2));
const asJson = args.has("--json");
const check = args.has("--check");
process.env.LOG_LEVEL ??= "error";

// Loaded after LOG_LEVEL is set: the content index logs through the process logger.
const { troubleshootingToPlaybook } = await import("@/lib/import/troubleshooting-to-playbook");
const { checkDraft } = await import("@/lib/import/check-draft");
const { buildContentIndex } = await import("@/lib/playbooks/build-content-index");
const { formatContentError } = await import("@/lib/playbooks/content-error");
const { buildSearchIndex } = await import("@/lib/search");

interface Imported {
  guide: Guide;
  slug: string;
  result?: ImportedPlaybook;
  threw?: string;
  check?: DraftCheck;
}

/** Imports one guide and checks its draft as content/ would be checked. Never throws. */
async function importGuide(guide: Guide): Promise<Imported> {
  // Guides of both sets share one search index, and may share a name: the set keeps slugs apart.
  const slug = `bench-${guide.set}-${guide.name}`;
  try {
    const result = await troubleshootingToPlaybook(guide.markdown, { file: guide.file, slug });
    const check = await checkDraft(result.mdx, result.draft.slug);
    return { guide, slug: result.draft.slug, result, check };
  } catch (error) {
    return { guide, slug, threw: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

function stepRisks(result: ImportedPlaybook): Record<string, Risk> {
  const risks: Record<string, Risk> = Object.fromEntries(result.report.steps.map((s) => [s.id, s.risk]));
  // The draft's steps are what the playbook declares; the report only describes them.
  for (const block of result.draft.blocks) if (block.kind === "step") risks[block.step.id] = block.step.risk;
  return risks;
}

const started = performance.now();
const sets = GUIDE_SETS.map((set) => ({ set, guides: readGuideSet(set) }));
const imported = new Map<GuideSet, Imported[]>();
for (const { set, guides } of sets) {
  const results: Imported[] = [];
  for (const guide of guides) results.push(await importGuide(guide));
  imported.set(set, results);
}
const importMs = performance.now() - started;

// Search as the app searches: one index over every playbook in content/ and every imported draft.
const content = await buildContentIndex(path.resolve("content"), { logErrors: false });
const drafts = [...imported.values()].flat().flatMap((i) => (i.check?.playbook ? [i.check.playbook] : []));
const corpus: Playbook[] = [...content.playbooks.values(), ...drafts];
const search = buildSearchIndex(corpus);
const firstFor = (query: string) => search.search(query, { limit: 1 })[0]?.slug ?? null;

const labelProblems: string[] = [];
const results = sets.map(({ set }) => {
  const scores: GuideScore[] = [];
  for (const i of imported.get(set) ?? []) {
    if (!i.guide.labels) {
      labelProblems.push(i.guide.labelProblem ?? `${i.guide.file}: no labels`);
      continue;
    }
    const run: GuideRun = {
      name: `${set}/${i.guide.name}`,
      slug: i.slug,
      labels: i.guide.labels,
      ...(i.result
        ? {
            imported: {
              report: i.result.report,
              symptoms: i.result.draft.symptoms.map(symptomText),
              stepRisks: stepRisks(i.result),
            },
          }
        : {}),
      ...(i.threw === undefined ? {} : { threw: i.threw }),
      checkErrors: (i.check?.errors ?? []).map(formatContentError),
      searchFirst: Object.fromEntries(i.guide.labels.errors.map((e) => [e, firstFor(e)])),
    };
    scores.push(scoreGuide(run));
  }
  return { set, scores, total: sumScores(scores) };
});

const date = new Date().toISOString().slice(0, 10);
const setLine = results.map((r) => `${r.set} ${r.total.guides} guide${r.total.guides === 1 ? "" : "s"}`).join(", ");
const section = [
  "## Import (`npm run bench:import`)",
  "",
  [
    `${date}, ${os.cpus().length} cores, Node ${process.version}.`,
    `The guide importer (\`troubleshootingToPlaybook\`) on the hand-labelled guides of bench/import/guides/`,
    `(${setLine}): dev is what the importer is tuned against, holdout is written by someone else and never`,
    "tuned against. Labels and scores: bench/import/README.md. Search top-1 searches each labelled error line",
    `across every imported draft that passes the content check and content/ (${corpus.length} playbooks).`,
  ].join(" "),
  ...results.flatMap((r) =>
    r.total.guides === 0
      ? ["", `### ${r.set}`, "", "No guides yet."]
      : ["", `### ${r.set}`, "", scoreTable(r.total), "", guideTable(r.scores)],
  ),
  "",
  "Each guide's misses (which labelled block became what, which error lines were not symptoms, which symptoms " +
    "were junk) are printed by the run.",
].join("\n");
writeBenchmarkSection("import", section);

if (asJson) {
  const json = {
    date,
    node: process.version,
    importMs: Math.round(importMs),
    labelProblems,
    sets: Object.fromEntries(
      results.map((r) => [
        r.set,
        { total: r.total, targets: targets(r.total), observations: observations(r.total), guides: r.scores },
      ]),
    ),
  };
  console.log(JSON.stringify(json, null, 2));
} else {
  for (const r of results) {
    console.log(`\n## ${r.set}: ${r.total.guides} guides\n`);
    if (r.total.guides === 0) continue;
    console.log(`${scoreTable(r.total)}\n\n${guideTable(r.scores)}\n`);
    const misses = r.scores.map(guideMisses).filter((m): m is string => m !== null);
    console.log(misses.length ? `Misses:\n\n${misses.join("\n\n")}` : "No misses.");
  }
  for (const p of labelProblems) console.error(`labels: ${p}`);
  console.log(`\n${os.cpus().length} cores; imported in ${Math.round(importMs)} ms. Wrote docs/benchmarks.md.`);
}

const missed = results.flatMap((r) =>
  targets(r.total)
    .filter((t) => t.met === false)
    .map((t) => `${r.set}: ${t.what}`),
);
if (check && (missed.length > 0 || labelProblems.length > 0)) {
  for (const m of missed) console.error(`target missed: ${m}`);
  process.exit(1);
}
// The content index's parse pool may keep worker threads alive; the measurement is done.
process.exit(0);
