// The import benchmark's scores as text: a Markdown table per set (printed, and written to
// docs/benchmarks.md) and, per guide, the misses an importer author needs to see.
import { observations, targets, type GuideScore, type Score, type TargetResult } from "./score";

const mark = (met: boolean | null) => (met === null ? "–" : met ? "✓" : "✗");

export function scoreTable(score: Score): string {
  const rows = [...targets(score), ...observations(score)].map(
    (r: TargetResult) => `| ${r.what} | ${r.target} | ${r.measured} | ${mark(r.met)} |`,
  );
  return ["| what | target | measured | |", "|---|---|---|---|", ...rows].join("\n");
}

const ratio = ({ hit, of }: { hit: number; of: number }) => `${hit}/${of}`;

/** One line per guide, so a regression can be traced to the guide it came from. */
export function guideTable(scores: readonly GuideScore[]): string {
  const rows = scores.map((s) => {
    const junk = s.symptoms.of - s.symptoms.hit;
    const wrongSteps = s.outputSteps.hit + s.interactiveSteps.hit;
    const check = s.threw ? "threw" : s.checked.hit ? "✓" : "✗";
    return (
      `| ${s.name} | ${ratio(s.commandSteps)} | ${wrongSteps} | ${s.underClassified.hit} | ` +
      `${ratio(s.errors)} | ${junk} | ${ratio(s.searchTop1)} | ${check} |`
    );
  });
  return [
    "| guide | commands → steps | output/interactive → steps | under-classified | errors found | junk symptoms | " +
      "search top-1 | check |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

function list(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`  ${title}:`, ...items.map((i) => `    - ${i}`)];
}

/** What went wrong in one guide, or null when nothing did. */
export function guideMisses(score: GuideScore): string | null {
  const m = score.misses;
  const lines = [
    ...(m.threw ? [`  the import threw: ${m.threw}`] : []),
    ...list("blocks", m.blocks),
    ...list("error lines that are not symptoms", m.errorsNotSymptoms),
    ...list("junk symptoms", m.junkSymptoms),
    ...list("search ranked another playbook first", m.search),
    ...list("content check", m.checkErrors),
    ...(m.unlabelledReportBlocks.length
      ? [`  report blocks on lines no label is on: ${m.unlabelledReportBlocks.join(", ")}`]
      : []),
  ];
  return lines.length === 0 ? null : [`${score.name}`, ...lines].join("\n");
}
