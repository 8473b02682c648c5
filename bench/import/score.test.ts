// Each score on a tiny labelled guide and a hand-made report, first right and then wrong in the
// one way the score is there to catch.
import { describe, expect, it } from "vitest";
import type { ImportReport, ReportBlock, ReportStep } from "@/lib/import/import-report";
import type { Risk } from "@/lib/playbooks/types";
import type { GuideLabels } from "./labels";
import { observations, scoreGuide, sumScores, symptomMatches, targets, type GuideRun } from "./score";

const ERRORS = ["Error: disk quota exceeded for volume data-01", "open /var/lib/app/lock: permission denied"];

const LABELS: GuideLabels = {
  blocks: [
    { line: 3, class: "commands", risk: "change" },
    { line: 8, class: "output" },
    { line: 12, class: "interactive" },
    { line: 16, class: "config" },
    { line: 20, class: "commands", risk: "read", root: true, placeholders: ["<pod>"] },
  ],
  errors: ERRORS,
};

const step = (id: string, risk: Risk, extra: Partial<ReportStep> = {}): ReportStep => ({
  id,
  title: id,
  line: 0,
  risk,
  riskReason: "",
  role: "diagnose",
  ...extra,
});

/** What a perfect importer reports for LABELS. */
function goodReport(): ImportReport {
  const blocks: ReportBlock[] = [
    { line: 3, lang: "bash", class: "commands", decision: { kind: "step", stepIds: ["fix"] }, reason: "" },
    { line: 8, lang: "", class: "output", decision: { kind: "symptoms", symptoms: [ERRORS[0]!] }, reason: "" },
    { line: 12, lang: "bash", class: "interactive", decision: { kind: "prose" }, reason: "an -it shell" },
    { line: 16, lang: "yaml", class: "config", decision: { kind: "prose" }, reason: "" },
    { line: 20, lang: "", class: "commands", decision: { kind: "step", stepIds: ["check"] }, reason: "" },
  ];
  return {
    file: "guide.md",
    title: "Guide",
    slug: "guide",
    problems: [],
    steps: [step("fix", "change"), step("check", "read", { root: true })],
    blocks,
    placeholders: [{ line: 21, text: "<pod>", input: "POD" }],
    notes: [],
  };
}

function run(
  change: (r: ImportReport) => void = () => {},
  over: Partial<GuideRun> = {},
  risks: Record<string, Risk> = {},
): GuideRun {
  const report = goodReport();
  change(report);
  return {
    name: "dev/guide",
    slug: "guide",
    labels: LABELS,
    imported: {
      report,
      symptoms: [ERRORS[0]!, "OPEN /var/lib/app/lock:   permission denied"],
      stepRisks: { ...Object.fromEntries(report.steps.map((s) => [s.id, s.risk])), ...risks },
    },
    checkErrors: [],
    searchFirst: Object.fromEntries(ERRORS.map((e) => [e, "guide"])),
    ...over,
  };
}

const block = (r: ImportReport, line: number) => r.blocks.find((b) => b.line === line)!;
const missedTargets = (r: GuideRun) =>
  targets(scoreGuide(r))
    .filter((t) => t.met === false)
    .map((t) => t.what);

describe("scoreGuide", () => {
  it("meets every target for an import that does what the labels say", () => {
    const score = scoreGuide(run());
    expect(targets(score).map((t) => t.met)).toEqual(Array(9).fill(true));
    expect(score.misses).toEqual({
      blocks: [],
      errorsNotSymptoms: [],
      junkSymptoms: [],
      search: [],
      checkErrors: [],
      unlabelledReportBlocks: [],
    });
    expect(score.rootKept).toEqual({ hit: 1, of: 1 });
    expect(score.placeholders).toEqual({ hit: 1, of: 1 });
    expect(score.classAgreed).toEqual({ hit: 5, of: 5 });
    expect(score.reported).toEqual({ hit: 5, of: 5 });
  });

  it("counts a command block left as prose, or missing from the report, as not a step", () => {
    const prose = run((r) => {
      block(r, 3).decision = { kind: "prose" };
      block(r, 3).reason = "no prompt and no shell-looking first line";
    });
    expect(scoreGuide(prose).commandSteps).toEqual({ hit: 1, of: 2 });
    expect(scoreGuide(prose).misses.blocks).toEqual([
      "L3 commands (change) → prose: no prompt and no shell-looking first line",
    ]);
    expect(missedTargets(prose)).toEqual(["command blocks that became steps"]);

    const missing = run((r) => (r.blocks = r.blocks.filter((b) => b.line !== 20)));
    expect(scoreGuide(missing).commandSteps).toEqual({ hit: 1, of: 2 });
    expect(scoreGuide(missing).misses.blocks).toEqual(["L20 commands (read) → not in the report"]);
  });

  it("counts output, interactive and config blocks that became steps", () => {
    const r = run((rep) => {
      for (const line of [8, 12, 16]) block(rep, line).decision = { kind: "step", stepIds: ["fix"] };
    });
    const score = scoreGuide(r);
    expect([score.outputSteps, score.interactiveSteps, score.configSteps]).toEqual([
      { hit: 1, of: 1 },
      { hit: 1, of: 1 },
      { hit: 1, of: 1 },
    ]);
    expect(score.misses.blocks).toEqual([
      "L8 output → step fix",
      "L12 interactive → step fix: an -it shell",
      "L16 config → step fix",
    ]);
    expect(missedTargets(r)).toEqual([
      "output blocks that became steps",
      "interactive blocks that became runnable steps",
    ]);
  });

  it("does not judge an output or interactive block the report leaves out, but says it is missing", () => {
    const r = run((rep) => (rep.blocks = rep.blocks.filter((b) => b.line !== 8 && b.line !== 12)));
    const score = scoreGuide(r);
    expect([score.outputSteps, score.interactiveSteps]).toEqual([
      { hit: 0, of: 0 },
      { hit: 0, of: 0 },
    ]);
    expect(score.reported).toEqual({ hit: 3, of: 5 });
    expect(score.misses.blocks).toEqual(["L8 output → not in the report", "L12 interactive → not in the report"]);
    expect(targets(score).find((t) => t.what.startsWith("output"))?.met).toBeNull();
  });

  it("counts a step declared below its block's labelled risk, judging a split block by its riskiest step", () => {
    const under = run(undefined, {}, { fix: "read" });
    expect(scoreGuide(under).underClassified).toEqual({ hit: 1, of: 2 });
    expect(scoreGuide(under).misses.blocks).toEqual(["L3 commands (change) → declared below its risk (fix: read)"]);
    expect(missedTargets(under)).toEqual(["steps under-classified (declared below the block's labelled risk)"]);

    // Above the label is not under-classified; a block split into a check and a fix has the fix's risk.
    expect(scoreGuide(run(undefined, {}, { fix: "danger" })).underClassified.hit).toBe(0);
    const split = run((r) => {
      block(r, 3).decision = { kind: "step", stepIds: ["check", "fix"] };
    });
    expect(scoreGuide(split).underClassified.hit).toBe(0);

    // A step the draft does not have cannot show it is safe.
    const ghost = run((r) => (block(r, 3).decision = { kind: "step", stepIds: ["ghost"] }));
    expect(scoreGuide(ghost).underClassified.hit).toBe(1);
    expect(scoreGuide(ghost).misses.blocks).toEqual([
      "L3 commands (change) → declared below its risk (ghost: no such step)",
    ]);
  });

  it("scores symptoms by precision (junk) and recall against the labelled error lines", () => {
    const junk = run();
    junk.imported!.symptoms = [ERRORS[0]!, "Run the commands below as root"];
    const score = scoreGuide(junk);
    expect(score.symptoms).toEqual({ hit: 1, of: 2 });
    expect(score.errors).toEqual({ hit: 1, of: 2 });
    expect(score.misses.junkSymptoms).toEqual(["Run the commands below as root"]);
    expect(score.misses.errorsNotSymptoms).toEqual([ERRORS[1]]);
    expect(missedTargets(junk)).toEqual([
      "symptom recall (labelled error lines found)",
      "junk symptoms (matching no labelled error line)",
    ]);
  });

  it("matches a symptom and an error line when either contains the other, case and spacing aside", () => {
    expect(symptomMatches("disk quota exceeded", ERRORS[0]!)).toBe(true);
    expect(symptomMatches(`2024-08-01 ${ERRORS[0]!.toUpperCase()} (retrying)`, ERRORS[0]!)).toBe(true);
    expect(symptomMatches("permission  denied", ERRORS[1]!)).toBe(true);
    expect(symptomMatches("quota for volume data-01", ERRORS[0]!)).toBe(false);
    // A word or two says nothing on its own.
    expect(symptomMatches("Error", ERRORS[0]!)).toBe(false);
    expect(symptomMatches("", ERRORS[0]!)).toBe(false);
  });

  it("counts an error line whose search ranks another playbook, or nothing, first", () => {
    const r = run(undefined, { searchFirst: { [ERRORS[0]!]: "other-guide", [ERRORS[1]!]: null } });
    expect(scoreGuide(r).searchTop1).toEqual({ hit: 0, of: 2 });
    expect(scoreGuide(r).misses.search).toEqual([`${ERRORS[0]} → other-guide`, `${ERRORS[1]} → no result`]);
    expect(missedTargets(r)).toEqual(["search top-1 (an error line finds its guide first)"]);
  });

  it("counts a draft the content check refuses, and an import that threw", () => {
    const refused = run(undefined, { checkErrors: ['content/guide.mdx:4: Step "fix" declares risk read'] });
    expect(scoreGuide(refused).checked).toEqual({ hit: 0, of: 1 });
    expect(missedTargets(refused)).toEqual(["drafts that pass the content check"]);

    const threw = scoreGuide(run(undefined, { imported: undefined, threw: "boom" }));
    expect(threw.threw).toBe(1);
    expect(threw.checked.hit).toBe(0);
    expect(threw.commandSteps).toEqual({ hit: 0, of: 2 });
    expect(threw.misses.threw).toBe("boom");
  });

  it("lists report blocks no label is on, and blocks reported with another class", () => {
    const r = run((rep) => {
      rep.blocks.push({ line: 5, lang: "", class: "output", decision: { kind: "prose" }, reason: "" });
      block(rep, 16).class = "other";
    });
    expect(scoreGuide(r).misses.unlabelledReportBlocks).toEqual([5]);
    expect(scoreGuide(r).classAgreed).toEqual({ hit: 4, of: 5 });
    expect(scoreGuide(r).misses.blocks).toEqual(["L16 config → reported as other (prose)"]);
  });

  it("notices root and placeholders the report lost", () => {
    const r = run((rep) => {
      rep.steps = rep.steps.map((s) => ({ ...s, root: false }));
      rep.placeholders = [];
    });
    const score = scoreGuide(r);
    expect(score.rootKept).toEqual({ hit: 0, of: 1 });
    expect(score.placeholders).toEqual({ hit: 0, of: 1 });
    expect(score.misses.blocks).toEqual(["L20 commands (read) → its steps are not marked root"]);
    expect(observations(score).map((o) => o.measured)).toEqual([
      "100.0 % (5 of 5)",
      "0 of 1",
      "100.0 % (5 of 5)",
      "0.0 % (0 of 1)",
      "0.0 % (0 of 1)",
    ]);
  });
});

describe("sumScores and targets", () => {
  it("adds the guides' tallies, and judges the set on the sums", () => {
    const total = sumScores([scoreGuide(run()), scoreGuide(run(undefined, {}, { fix: "read" }))]);
    expect(total.guides).toBe(2);
    expect(total.commandSteps).toEqual({ hit: 4, of: 4 });
    expect(total.underClassified).toEqual({ hit: 1, of: 4 });
    expect(targets(total).find((t) => t.what.startsWith("steps under"))).toMatchObject({
      measured: "1 of 4",
      met: false,
    });
  });

  it("has nothing to judge for an empty set", () => {
    expect(targets(sumScores([])).map((t) => t.met)).toEqual(Array(9).fill(null));
  });
});
