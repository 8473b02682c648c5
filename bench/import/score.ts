// The import benchmark's scores (defined in bench/import/README.md), as pure functions of what one
// import produced and the guide's hand labels: which labelled blocks became steps, how risky those
// steps were declared, which error lines became symptoms, what search ranked first. The bench
// gathers the inputs; everything that decides a number is here, so it can be tested on its own.
import type { BlockDecision, ImportReport } from "@/lib/import/import-report";
import { RISKS, type Risk } from "@/lib/playbooks/types";
import type { BlockLabel, GuideLabels } from "./labels";

/** Everything the bench learnt about one guide. */
export interface GuideRun {
  /** "dev/podman-rootless". */
  name: string;
  /** The slug the guide was imported under, which search must rank first. */
  slug: string;
  labels: GuideLabels;
  /** What the import returned; absent when it threw. */
  imported?: {
    report: ImportReport;
    /** The draft's symptoms: what the playbook declares and search matches exactly. */
    symptoms: string[];
    /** Every step's declared risk by step id. */
    stepRisks: Record<string, Risk>;
  };
  /** The import's exception message. */
  threw?: string;
  /** The content check's errors for the draft, formatted; empty when it passed. */
  checkErrors: string[];
  /** For each labelled error line, the slug search ranked first (null: no result). */
  searchFirst: Record<string, string | null>;
}

export interface Tally {
  hit: number;
  of: number;
}

export interface GuideMisses {
  /** Labelled blocks that were not treated as their class calls for. */
  blocks: string[];
  /** Labelled error lines that no symptom matches. */
  errorsNotSymptoms: string[];
  /** Symptoms that match no labelled error line. */
  junkSymptoms: string[];
  /** Error lines whose search ranked another playbook (or nothing) first. */
  search: string[];
  checkErrors: string[];
  /** Lines of report blocks that no label is on: the importer saw a block where there is none,
   *  or reported a wrong line. */
  unlabelledReportBlocks: number[];
  threw?: string;
}

export interface Score {
  guides: number;
  /** Command blocks that became steps. */
  commandSteps: Tally;
  /** Output blocks that became steps (every hit is a miss), of those the report accounts for: a
   *  block the report leaves out may or may not be a step, and `reported` shows how many those are. */
  outputSteps: Tally;
  /** Interactive blocks that became runnable steps (every hit is a miss), of those reported. */
  interactiveSteps: Tally;
  /** Config blocks that became steps (not a target; a file's content is not a command), of those reported. */
  configSteps: Tally;
  /** Labelled blocks the report accounts for (has a block on their line). */
  reported: Tally;
  /** Command blocks that became steps declared below their labelled risk, of those that became steps. */
  underClassified: Tally;
  /** Report blocks whose class is the labelled one, of labelled blocks the report has. */
  classAgreed: Tally;
  /** Labelled `#`-prompt blocks whose steps are marked root, of those that became steps. */
  rootKept: Tally;
  /** Labelled placeholders the report made inputs of. */
  placeholders: Tally;
  /** Symptoms that match a labelled error line, of all symptoms (precision); junk is of − hit. */
  symptoms: Tally;
  /** Labelled error lines some symptom matches (recall). */
  errors: Tally;
  /** Labelled error lines whose search ranks their own guide first. */
  searchTop1: Tally;
  /** Drafts that pass the content check, of guides. */
  checked: Tally;
  threw: number;
}

export interface GuideScore extends Score {
  name: string;
  misses: GuideMisses;
}

const EMPTY: Omit<Score, "guides" | "threw"> = {
  commandSteps: { hit: 0, of: 0 },
  outputSteps: { hit: 0, of: 0 },
  interactiveSteps: { hit: 0, of: 0 },
  configSteps: { hit: 0, of: 0 },
  reported: { hit: 0, of: 0 },
  underClassified: { hit: 0, of: 0 },
  classAgreed: { hit: 0, of: 0 },
  rootKept: { hit: 0, of: 0 },
  placeholders: { hit: 0, of: 0 },
  symptoms: { hit: 0, of: 0 },
  errors: { hit: 0, of: 0 },
  searchTop1: { hit: 0, of: 0 },
  checked: { hit: 0, of: 0 },
};
type TallyKey = keyof typeof EMPTY;
const TALLIES = Object.keys(EMPTY) as TallyKey[];

/** Below this many characters the shorter text says nothing on its own ("error", "failed"), so a
 *  symptom that short matches no error line however often the word occurs in one. */
const MIN_MATCH_CHARS = 10;

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** A symptom matches an error line when, case and spacing aside, either contains the other. */
export function symptomMatches(symptom: string, error: string): boolean {
  const [a, b] = [normalise(symptom), normalise(error)];
  if (Math.min(a.length, b.length) < MIN_MATCH_CHARS) return false;
  return a.includes(b) || b.includes(a);
}

const rank = (risk: Risk) => RISKS.indexOf(risk);

function describeDecision(decision: BlockDecision | undefined): string {
  if (!decision) return "not in the report";
  switch (decision.kind) {
    case "step":
      return `step ${decision.stepIds.join(", ")}`;
    case "expected-output":
      return `expected output of step ${decision.stepId}`;
    case "symptoms":
      return `symptoms (${decision.symptoms.length})`;
    case "prose":
      return "prose";
  }
}

function scoreBlocks(run: GuideRun, score: GuideScore) {
  const report = run.imported?.report;
  const stepRisks = run.imported?.stepRisks ?? {};
  const steps = new Map((report?.steps ?? []).map((s) => [s.id, s]));
  for (const label of run.labels.blocks) {
    const block = report?.blocks.find((b) => b.line === label.line);
    const decision = block?.decision;
    const isStep = decision?.kind === "step";
    const where = `L${label.line} ${label.class}${label.risk ? ` (${label.risk})` : ""}`;
    const became = `${describeDecision(decision)}${block?.reason ? `: ${block.reason}` : ""}`;
    const missed = (what: string) => score.misses.blocks.push(`${where} ${what}`);
    score.reported.of++;
    if (block) {
      score.reported.hit++;
      score.classAgreed.of++;
      if (block.class === label.class) score.classAgreed.hit++;
    }
    if (label.class === "commands") {
      score.commandSteps.of++;
      if (!isStep) missed(`→ ${became}`);
      else {
        score.commandSteps.hit++;
        scoreStepRisk(label, decision.stepIds, stepRisks, score, missed);
        if (label.root) {
          score.rootKept.of++;
          if (decision.stepIds.some((id) => steps.get(id)?.root)) score.rootKept.hit++;
          else missed("→ its steps are not marked root");
        }
      }
    } else {
      const tally = ({ output: "outputSteps", interactive: "interactiveSteps", config: "configSteps" } as const)[
        label.class
      ];
      if (!block) missed("→ not in the report");
      else score[tally].of++;
      if (isStep) {
        score[tally].hit++;
        missed(`→ ${became}`);
      }
    }
    if (block && block.class !== label.class && (label.class === "commands") === isStep) {
      missed(`→ reported as ${block.class} (${became})`);
    }
  }
  const labelled = new Set(run.labels.blocks.map((b) => b.line));
  score.misses.unlabelledReportBlocks = (report?.blocks ?? []).map((b) => b.line).filter((l) => !labelled.has(l));
}

function scoreStepRisk(
  label: BlockLabel,
  stepIds: string[],
  stepRisks: Record<string, Risk>,
  score: GuideScore,
  missed: (what: string) => void,
) {
  score.underClassified.of++;
  const risks = stepIds.map((id) => stepRisks[id]).filter((r): r is Risk => r !== undefined);
  // A step id the draft does not have cannot be shown to be safe.
  const known = risks.length > 0 && risks.length === stepIds.length;
  const highest = known ? risks.reduce((a, b) => (rank(b) > rank(a) ? b : a)) : undefined;
  if (highest !== undefined && rank(highest) >= rank(label.risk!)) return;
  score.underClassified.hit++;
  const declared = stepIds.map((id) => `${id}: ${stepRisks[id] ?? "no such step"}`).join(", ");
  missed(`→ declared below its risk (${declared})`);
}

function scoreSymptoms(run: GuideRun, score: GuideScore) {
  const symptoms = [...new Set(run.imported?.symptoms ?? [])];
  const errors = run.labels.errors;
  score.symptoms.of = symptoms.length;
  for (const s of symptoms) {
    if (errors.some((e) => symptomMatches(s, e))) score.symptoms.hit++;
    else score.misses.junkSymptoms.push(s);
  }
  score.errors.of = errors.length;
  for (const e of errors) {
    if (symptoms.some((s) => symptomMatches(s, e))) score.errors.hit++;
    else score.misses.errorsNotSymptoms.push(e);
  }
}

function scoreSearch(run: GuideRun, score: GuideScore) {
  score.searchTop1.of = run.labels.errors.length;
  for (const e of run.labels.errors) {
    const first = run.searchFirst[e] ?? null;
    if (first === run.slug) score.searchTop1.hit++;
    else score.misses.search.push(`${e} → ${first ?? "no result"}`);
  }
}

function scorePlaceholders(run: GuideRun, score: GuideScore) {
  const wanted = new Set(run.labels.blocks.flatMap((b) => b.placeholders ?? []));
  const made = new Set((run.imported?.report.placeholders ?? []).map((p) => p.text));
  score.placeholders.of = wanted.size;
  score.placeholders.hit = [...wanted].filter((p) => made.has(p)).length;
}

export function scoreGuide(run: GuideRun): GuideScore {
  const score: GuideScore = {
    name: run.name,
    guides: 1,
    threw: run.threw === undefined ? 0 : 1,
    ...structuredClone(EMPTY),
    misses: {
      blocks: [],
      errorsNotSymptoms: [],
      junkSymptoms: [],
      search: [],
      checkErrors: run.checkErrors,
      unlabelledReportBlocks: [],
      ...(run.threw === undefined ? {} : { threw: run.threw }),
    },
  };
  scoreBlocks(run, score);
  scoreSymptoms(run, score);
  scoreSearch(run, score);
  scorePlaceholders(run, score);
  score.checked = { hit: run.imported && run.checkErrors.length === 0 ? 1 : 0, of: 1 };
  return score;
}

/** A set's score: every guide's tallies added up. */
export function sumScores(scores: readonly Score[]): Score {
  const total: Score = { guides: 0, threw: 0, ...structuredClone(EMPTY) };
  for (const s of scores) {
    total.guides += s.guides;
    total.threw += s.threw;
    for (const key of TALLIES) {
      total[key].hit += s[key].hit;
      total[key].of += s[key].of;
    }
  }
  return total;
}

export interface TargetResult {
  what: string;
  target: string;
  measured: string;
  /** null when there was nothing to measure (no guides, or no blocks of that class). */
  met: boolean | null;
}

function percent({ hit, of }: Tally): string {
  return of === 0 ? "–" : `${((100 * hit) / of).toFixed(1)} % (${hit} of ${of})`;
}

function count({ hit, of }: Tally): string {
  return `${hit} of ${of}`;
}

const atLeast = (t: Tally, share: number) => (t.of === 0 ? null : t.hit / t.of >= share);
const none = (t: Tally) => (t.of === 0 ? null : t.hit === 0);

/** The targets of labels.md, each with what was measured and whether it was met. */
export function targets(s: Score): TargetResult[] {
  const some = s.guides > 0;
  const junk = { hit: s.symptoms.of - s.symptoms.hit, of: s.symptoms.of };
  return [
    {
      what: "command blocks that became steps",
      target: "≥ 95 %",
      measured: percent(s.commandSteps),
      met: atLeast(s.commandSteps, 0.95),
    },
    { what: "output blocks that became steps", target: "0", measured: count(s.outputSteps), met: none(s.outputSteps) },
    {
      what: "interactive blocks that became runnable steps",
      target: "0",
      measured: count(s.interactiveSteps),
      met: none(s.interactiveSteps),
    },
    {
      what: "steps under-classified (declared below the block's labelled risk)",
      target: "0",
      measured: count(s.underClassified),
      met: none(s.underClassified),
    },
    {
      what: "symptom recall (labelled error lines found)",
      target: "≥ 90 %",
      measured: percent(s.errors),
      met: atLeast(s.errors, 0.9),
    },
    {
      what: "junk symptoms (matching no labelled error line)",
      target: "0",
      measured: `${junk.hit} of ${junk.of}; precision ${percent(s.symptoms)}`,
      met: some ? junk.hit === 0 : null,
    },
    {
      what: "search top-1 (an error line finds its guide first)",
      target: "100 %",
      measured: percent(s.searchTop1),
      met: atLeast(s.searchTop1, 1),
    },
    {
      what: "drafts that pass the content check",
      target: "all",
      measured: count(s.checked),
      met: some ? s.checked.hit === s.checked.of : null,
    },
    {
      what: "imports that throw",
      target: "0",
      measured: `${s.threw} of ${s.guides}`,
      met: some ? s.threw === 0 : null,
    },
  ];
}

/** Figures without a target in labels.md that still tell the importer's authors something. */
export function observations(s: Score): TargetResult[] {
  return [
    { what: "labelled blocks the report accounts for", target: "–", measured: percent(s.reported), met: null },
    { what: "config blocks that became steps", target: "–", measured: count(s.configSteps), met: null },
    { what: "blocks reported with their labelled class", target: "–", measured: percent(s.classAgreed), met: null },
    { what: "`#`-prompt blocks whose steps run as root", target: "–", measured: percent(s.rootKept), met: null },
    { what: "labelled placeholders made inputs", target: "–", measured: percent(s.placeholders), met: null },
  ];
}
