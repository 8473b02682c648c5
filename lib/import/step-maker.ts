// What a block of commands becomes: its steps, with placeholders made inputs, a title, a risk no
// lower than the classifier finds in what it runs or in what the guide wrote, a role in its problem
// and an expectation from the prose around it; or, when it uses a variable the block just before it
// set, a join to that step (each step runs in a fresh shell).
import type { Code, Paragraph } from "mdast";
import { riskWithin } from "@/lib/playbooks/format";
import type { Risk } from "@/lib/playbooks/types";
import type { CodeBlockReading } from "./code-block";
import { chunksOf, riskOf } from "./command-chunks";
import { stepRole, type ProblemSteps, type RoledStep } from "./decision-tree";
import type { ReportNote, ReportPlaceholder, ReportStep } from "./import-report";
import { placeholdersToInputs, shellVariables } from "./placeholders";
import { idAllocator, type DraftInput, type DraftStep } from "./playbook-draft";
import { PART } from "./problem-parts";
import { cuesOf, expectationFor } from "./prose-cues";
import { maskPlaceholders } from "./shell-looking";
import { leadingLabel, titleFromCommand, titleFromIntro, uniqueTitle } from "./step-title";
import { suggestedTimeout } from "./suggested-timeout";

const ASKS = /^(check|verify|is|are|does|do|can|test|confirm|ensure|look|see|find|inspect|examine|show|list)\b/i;

export interface Problem extends ProblemSteps {
  title: string;
  line: number;
  /** Its heading's depth; 0 for the text before the first heading. */
  depth: number;
  symptoms: string[];
  /** The part of the problem being read: "Symptom", "Solution", … (a sub-heading or label). */
  part: string;
  /** The part came from a label ("**Symptom:**"), which covers only the block after it when it
   *  names the symptom. */
  labelled?: boolean;
}

/** The paragraphs around a code block, within its own parent. */
export interface Around {
  before?: Paragraph;
  after?: Paragraph;
}

export function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 0;
}

export class StepMaker {
  readonly inputs = new Map<string, DraftInput>();
  readonly reportSteps: ReportStep[] = [];
  readonly placeholders: ReportPlaceholder[] = [];
  private readonly usedTitles = new Set<string>();
  private readonly nextId = idAllocator();
  /** The step the last code block became, with the variables it sets, for joining. */
  private last: { step: RoledStep; sets: Set<string>; block: number } | null = null;

  constructor(private readonly notes: ReportNote[]) {}

  /** The step code block number `block` came right after, if it became one. */
  stepBefore(block: number): DraftStep | undefined {
    return this.last?.block === block - 1 ? this.last.step.step : undefined;
  }

  /** A heading ends what a block may join. */
  newSection(): void {
    this.last = null;
  }

  /** The steps a block of commands becomes in `problem`, or the previous step it joins (`merged`). */
  async make(
    problem: Problem,
    code: Code,
    reading: CodeBlockReading,
    around: Around,
    block: number,
  ): Promise<{ steps: DraftStep[]; merged: boolean }> {
    const vars = await shellVariables(reading.commands);
    const last = this.last?.block === block - 1 && problem.steps.includes(this.last.step) ? this.last : null;
    const inherited = last ? [...vars.uses].filter((v) => last.sets.has(v) && !vars.sets.has(v)) : [];
    const defined = new Set([...vars.sets, ...(last?.sets ?? [])]);
    const { code: commands, found } = placeholdersToInputs(reading.commands, { known: this.inputs, defined });
    for (const f of found) {
      if (!this.inputs.has(f.input.name)) this.inputs.set(f.input.name, f.input);
      this.placeholders.push({ line: lineOf(code), text: f.text, input: f.input.name });
    }
    if (last && inherited.length) {
      // Each step is a fresh shell: a block that uses what the previous one set runs with it.
      const step = last.step.step;
      step.code = `${step.code}\n${commands}`;
      const { risk, reason } = await riskOf(step.code);
      step.risk = risk;
      this.updateReportRisk(step, reason);
      last.sets = defined;
      last.block = block;
      this.notes.push({
        line: lineOf(code),
        message: `joined to step "${step.id}": it uses ${inherited.map((v) => `$${v}`).join(", ")}, set there`,
      });
      return { steps: [step], merged: true };
    }
    const cues = cuesOf(around.before, around.after);
    const introTitle = around.before ? titleFromIntro(around.before) : null;
    const label = around.before ? leadingLabel(around.before) : null;
    const part = label && PART.test(label.label) ? label.label : problem.part;
    const made: DraftStep[] = [];
    // A placeholder can hide what a command does (`redis-cli … FLUSHDB` read as an input): the step
    // declares the higher of the risks of what it runs and of what the guide wrote.
    const chunks = await chunksOf(commands);
    // `<pod-id>` as written would parse as redirections; as a word it is what the guide meant.
    const written = await chunksOf(maskPlaceholders(reading.commands));
    const writtenRisk = (i: number) =>
      written.length === chunks.length
        ? (written[i]?.risk ?? "read")
        : written.reduce<Risk>((top, w) => (riskWithin(w.risk, top) ? top : w.risk), "read");
    for (const [i, chunk] of chunks.entries()) {
      const base =
        (chunk.comment && chunk.comment.length <= 100 ? chunk.comment : null) ??
        introTitle ??
        (problem.steps.length === 0 && made.length === 0 && problem.title ? problem.title : null) ??
        titleFromCommand(chunk.code);
      const title = uniqueTitle(base, chunk.code, this.usedTitles);
      // The chunk was classified as it was cut; what the guide wrote is the floor.
      const floor = writtenRisk(i);
      const { risk, reason } = riskWithin(floor, chunk.risk)
        ? chunk
        : { risk: floor, reason: "the command as the guide wrote it is riskier" };
      const timeout = suggestedTimeout(chunk.code);
      const step: DraftStep = {
        id: this.nextId(`${risk === "read" && !ASKS.test(title) ? "check-" : ""}${title.replace(/^Run /, "")}`),
        title,
        risk,
        code: chunk.code,
        ...(timeout ? { timeout } : {}),
        ...(reading.root ? { note: "Runs as root: the guide shows it at a `#` prompt." } : {}),
      };
      const afterFix = problem.steps.some((s) => s.role === "fix");
      const role = stepRole(step, { part, reproduces: cues.reproduces === true, afterFix });
      if (role !== "fix" && role !== "reproduce") step.expect = expectationFor(chunk.code, cues);
      if (!step.expect || Object.keys(step.expect).length === 0) delete step.expect;
      const roled: RoledStep = { step, role, ...(cues.onFailNext ? { onFailNext: true } : {}) };
      problem.steps.push(roled);
      this.reportSteps.push({
        id: step.id,
        title,
        line: lineOf(code),
        risk,
        riskReason: reason,
        role,
        ...(reading.root ? { root: true } : {}),
      });
      this.last = { step: roled, sets: defined, block };
      made.push(step);
    }
    return { steps: made, merged: false };
  }

  private updateReportRisk(step: DraftStep, reason: string) {
    const entry = this.reportSteps.find((s) => s.id === step.id);
    if (entry) Object.assign(entry, { risk: step.risk, riskReason: reason });
  }
}
