// Imports every labelled guide of bench/import/guides/, checks each draft as content/ is checked,
// searches each labelled error line across the drafts and content/, and scores each set. Shared by
// `npm run bench:import` (which prints and records the scores) and import-targets.test.ts (which
// holds the dev set to the targets).
import path from "node:path";
import { checkDraft, type DraftCheck } from "@/lib/import/check-draft";
import { symptomText } from "@/lib/import/playbook-draft";
import { troubleshootingToPlaybook, type ImportedPlaybook } from "@/lib/import/troubleshooting-to-playbook";
import { buildContentIndex } from "@/lib/playbooks/build-content-index";
import { formatContentError } from "@/lib/playbooks/content-error";
import type { Playbook, Risk } from "@/lib/playbooks/types";
import { buildSearchIndex } from "@/lib/search";
import { GUIDE_SETS, readGuideSet, type Guide, type GuideSet } from "./labels";
import { scoreGuide, sumScores, type GuideRun, type GuideScore, type Score } from "./score";

interface Imported {
  guide: Guide;
  slug: string;
  result?: ImportedPlaybook;
  threw?: string;
  check?: DraftCheck;
}

export interface SetResult {
  set: GuideSet;
  scores: GuideScore[];
  total: Score;
}

export interface ImportBenchRun {
  results: SetResult[];
  importMs: number;
  /** Playbooks search ran over: content/ and every draft that passed the check. */
  corpusSize: number;
  labelProblems: string[];
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

export async function runImportBench(contentDir = path.resolve("content")): Promise<ImportBenchRun> {
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
  const content = await buildContentIndex(contentDir, { logErrors: false });
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
  return { results, importMs, corpusSize: corpus.length, labelProblems };
}
