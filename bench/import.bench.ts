// `npm run bench:import`: the guide importer on the hand-labelled guides of bench/import/guides/
// (dev, which the importer is tuned against, and holdout, which it is not), scored as
// bench/import/README.md describes. Prints a table per set and each guide's misses, and writes
// the "Import" section of docs/benchmarks.md. `--json` prints the scores as JSON instead;
// `--check` exits 1 when a target is missed (otherwise the exit code is 0: it is a measurement).
import os from "node:os";
import { guideMisses, guideTable, scoreTable } from "./import/render";
import { observations, targets } from "./import/score";
import { writeBenchmarkSection } from "./lib/report";

const args = new Set(process.argv.slice(2));
const asJson = args.has("--json");
const check = args.has("--check");
process.env.LOG_LEVEL ??= "error";

// Loaded after LOG_LEVEL is set: the content index logs through the process logger.
const { runImportBench } = await import("./import/run-sets");
const { results, importMs, corpusSize, labelProblems } = await runImportBench();

const date = new Date().toISOString().slice(0, 10);
const setLine = results.map((r) => `${r.set} ${r.total.guides} guide${r.total.guides === 1 ? "" : "s"}`).join(", ");
const section = [
  "## Import (`npm run bench:import`)",
  "",
  [
    `${date}, ${os.cpus().length} cores, Node ${process.version}.`,
    `The guide importer (\`troubleshootingToPlaybook\`) on the hand-labelled guides of bench/import/guides/`,
    `(${setLine}): dev is what the importer is tuned against; holdout was written by someone else, and its`,
    "first-contact scores are in docs/import.md. Labels and scores: bench/import/README.md.",
    "Search top-1 searches each labelled error line",
    `across every imported draft that passes the content check and content/ (${corpusSize} playbooks).`,
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
