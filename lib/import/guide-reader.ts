// Reads a guide's Markdown tree, top to bottom and into lists, quotes and callouts: headings open
// problems, code blocks become steps, expected output, symptoms or prose (lib/import/code-block.ts
// says which), and error text in headings, prose and output becomes the problem's symptoms.
import type { Code, Heading, Nodes, Paragraph, Parent, RootContent } from "mdast";
import { nodeText } from "@/lib/markdown/node-text";
import { riskWithin } from "@/lib/playbooks/format";
import { classifyCommand } from "@/lib/playbooks/risk-classifier";
import type { Risk } from "@/lib/playbooks/types";
import { interactiveReason, readCodeBlock, type CodeBlockReading } from "./code-block";
import { answerConfirmations } from "./confirmations";
import { chunksOf } from "./command-chunks";
import { linkSteps, stepRole, type ProblemSteps, type RoledStep } from "./decision-tree";
import type { ReportBlock, ReportNote, ReportPlaceholder, ReportStep } from "./import-report";
import { placeholdersToInputs, shellVariables } from "./placeholders";
import { idAllocator, type DraftBlock, type DraftInput, type DraftStep } from "./playbook-draft";
import { cuesOf, literalPattern } from "./prose-cues";
import { cleanTitle, leadingLabel, titleFromCommand, titleFromIntro, uniqueTitle } from "./step-title";
import { maskPlaceholders } from "./shell-looking";
import { suggestedTimeout } from "./suggested-timeout";
import { errorInInlineCode, errorsInHeading, errorLinesInOutput, isUsefulSymptom } from "./symptoms";

// Sub-headings and labels that belong to the problem above them rather than starting a new one:
// the whole heading is the part's name ("Solution", "Workaround 2", "Fix: …"); "Check Runner Pod
// Logs" is a heading of its own.
const PART = new RegExp(
  [
    "^(symptoms?|causes?|root cause|solution|fix|workaround|resolution|evidence|diagnos[ie]s|verification|verify|",
    "prevention|notes?|do not|don't|what to do|steps|steps to reproduce|reproduc\\w*|how to fix|how to check|",
    "check|error|error message|background|explanation|details|remedy|answer)",
    "(\\s*#?\\d+)?\\s*(\\([^)]*\\))?\\s*(:.*)?$",
  ].join(""),
  "i",
);
const PROSE_OPENER = /^(?:if|when|you|this|the|a|an|in|after|on|while|some|most|it|we|there)\b/i;
const SYMPTOM_PART = /^(symptoms?|errors?|error message|error pattern|problem)\b/i;
// A label such as "**Bad:**", "**Avoid:**" or "**Before (broken):**" warns off the code after it;
// "**Insufficient memory.**" names a problem and does not.
const SHOWN_NOT_RUN = /^(?:the )?(?:old|wrong|broken|before|incorrect|bad|don't|do not|avoid|never)\b/i;
const WARNED_OFF = /^(do not|don't|never|avoid)\b/i;
const ASKS = /^(check|verify|is|are|does|do|can|test|confirm|ensure|look|see|find|inspect|examine|show|list)\b/i;
const PROBLEM_WORDS = /\b(error|fail|denied|refused|invalid|unknown|not found|cannot|timeout|timed out|panic)/i;
const MAX_SYMPTOMS_PER_PROBLEM = 12;

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

/** Where a code block sits: the paragraphs around it, within its own parent. */
interface Around {
  before?: Paragraph;
  after?: Paragraph;
}

export interface GuideReading {
  blocks: DraftBlock[];
  problems: Problem[];
  inputs: DraftInput[];
  reportSteps: ReportStep[];
  reportBlocks: ReportBlock[];
  placeholders: ReportPlaceholder[];
}

function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 0;
}

function paragraphAt(children: readonly Nodes[], i: number): Paragraph | undefined {
  const node = children[i];
  return node?.type === "paragraph" ? node : undefined;
}

export class GuideReader {
  private readonly blocks: DraftBlock[] = [];
  private readonly problems: Problem[] = [{ title: "", line: 1, depth: 0, steps: [], symptoms: [], part: "" }];
  private readonly inputs = new Map<string, DraftInput>();
  private readonly reportSteps: ReportStep[] = [];
  private readonly reportBlocks: ReportBlock[] = [];
  private readonly placeholders: ReportPlaceholder[] = [];
  private readonly seenSymptoms = new Set<string>();
  private readonly usedTitles = new Set<string>();
  private readonly nextId = idAllocator();
  /** The step the last code block became, with the variables it sets, for merging. */
  private last: { step: RoledStep; sets: Set<string>; block: number } | null = null;
  private blockCount = 0;
  /** Steps made from code nested in the node being read, placed after it. */
  private pending: DraftStep[] = [];

  constructor(private readonly notes: ReportNote[]) {}

  async read(nodes: readonly RootContent[]): Promise<GuideReading> {
    for (const [i, node] of nodes.entries()) await this.readTop(node, nodes, i);
    linkSteps(this.problems);
    return {
      blocks: this.blocks,
      problems: this.problems,
      inputs: [...this.inputs.values()],
      reportSteps: this.reportSteps,
      reportBlocks: this.reportBlocks,
      placeholders: this.placeholders,
    };
  }

  private get problem(): Problem {
    return this.problems[this.problems.length - 1] as Problem;
  }

  private keep(node: RootContent) {
    const last = this.blocks[this.blocks.length - 1];
    if (last?.kind === "nodes") last.nodes.push(node);
    else this.blocks.push({ kind: "nodes", nodes: [node] });
  }

  private async readTop(node: RootContent, siblings: readonly RootContent[], i: number) {
    if (node.type === "heading") {
      this.startProblem(node);
      this.keep(node);
      return;
    }
    if (node.type === "code") {
      const around = { before: paragraphAt(siblings, i - 1), after: paragraphAt(siblings, i + 1) };
      const made = await this.readCode(node, around);
      for (const extra of made.proseBefore) this.keep(extra);
      if (made.steps.length === 0) this.keep(node);
      for (const step of made.steps) this.blocks.push({ kind: "step", step });
      for (const extra of made.proseAfter) this.keep(extra);
      return;
    }
    await this.readNested(node);
    if (!("children" in node) || (node as Parent).children.length > 0) this.keep(node);
    for (const step of this.pending) this.blocks.push({ kind: "step", step });
    this.pending = [];
  }

  /** Paragraphs and code inside lists, quotes, callouts and tables. Code that becomes a step
   *  leaves its place (a step cannot sit inside a list) and follows the node it was in. */
  private async readNested(node: Nodes) {
    if (node.type === "paragraph") {
      this.readParagraph(node);
      return;
    }
    if (!("children" in node)) return;
    const parent = node as Parent;
    const kept: Parent["children"] = [];
    for (const [i, child] of parent.children.entries()) {
      if (child.type === "code") {
        const around = { before: paragraphAt(parent.children, i - 1), after: paragraphAt(parent.children, i + 1) };
        const made = await this.readCode(child, around);
        kept.push(...(made.proseBefore as Parent["children"]));
        if (made.steps.length === 0) kept.push(child);
        this.pending.push(...made.steps);
        kept.push(...(made.proseAfter as Parent["children"]));
      } else {
        await this.readNested(child as Nodes);
        kept.push(child);
      }
    }
    parent.children = kept;
  }

  private startProblem(heading: Heading) {
    const title = cleanTitle(nodeText(heading));
    this.last = null;
    if (PART.test(title) && this.problems.length > 1) {
      Object.assign(this.problem, { part: title, labelled: false });
      return;
    }
    this.problems.push({ title, line: lineOf(heading), depth: heading.depth, steps: [], symptoms: [], part: "" });
    this.addSymptoms(errorsInHeading(nodeText(heading)));
  }

  private readParagraph(p: Paragraph) {
    const label = leadingLabel(p);
    if (label && PART.test(label.label)) Object.assign(this.problem, { part: label.label, labelled: true });
    const found: string[] = [];
    for (const child of p.children) {
      if (child.type !== "inlineCode") continue;
      const error = errorInInlineCode(child.value);
      if (error) found.push(error);
    }
    // "**Error:** the message" or prose under a Symptom part: the text itself may be the symptom.
    const text = label ? label.rest : nodeText(p).trim();
    const underSymptom = SYMPTOM_PART.test(label?.label ?? "") || SYMPTOM_PART.test(this.problem.part);
    // A sentence about the failure ("If you run it rootless, you get an error …") is not its text.
    const quotesOutput = /\S: \S/.test(text) && !PROSE_OPENER.test(text);
    if (found.length === 0 && underSymptom && quotesOutput && text.length <= 200) {
      const error = errorInInlineCode(text);
      if (error) found.push(error);
    }
    this.addSymptoms(found);
  }

  private addSymptoms(lines: readonly string[]) {
    for (const line of lines) {
      const text = line.trim();
      const key = text.toLowerCase();
      if (!isUsefulSymptom(text) || this.seenSymptoms.has(key)) continue;
      if (this.problem.symptoms.length >= MAX_SYMPTOMS_PER_PROBLEM) return;
      this.seenSymptoms.add(key);
      this.problem.symptoms.push(text);
    }
  }

  private report(code: Code, reading: Pick<CodeBlockReading, "class" | "reason">, decision: ReportBlock["decision"]) {
    this.reportBlocks.push({
      line: lineOf(code),
      lang: (code.lang ?? "").toLowerCase(),
      class: reading.class,
      decision,
      reason: reading.reason,
    });
  }

  private warnedOff(code: Code, around: Around): boolean {
    const label = around.before ? leadingLabel(around.before) : null;
    if (label && SHOWN_NOT_RUN.test(label.label)) return true;
    if (around.before && WARNED_OFF.test(nodeText(around.before).trim())) return true;
    return WARNED_OFF.test(this.problem.part) || /^\s*#\s*(never|don't|do not)\b/im.test(code.value);
  }

  private async readCode(
    code: Code,
    around: Around,
  ): Promise<{ steps: DraftStep[]; proseBefore: RootContent[]; proseAfter: RootContent[] }> {
    const made = await this.readBlock(code, around);
    const problem = this.problem;
    if (problem.labelled && SYMPTOM_PART.test(problem.part)) Object.assign(problem, { part: "", labelled: false });
    return made;
  }

  private async readBlock(
    code: Code,
    around: Around,
  ): Promise<{ steps: DraftStep[]; proseBefore: RootContent[]; proseAfter: RootContent[] }> {
    const none = { steps: [], proseBefore: [], proseAfter: [] };
    const block = ++this.blockCount;
    if (this.warnedOff(code, around)) {
      this.report(
        code,
        { class: "warned-off", reason: "the text around it warns against running it" },
        { kind: "prose" },
      );
      return none;
    }
    const reading = await answered(
      await readCodeBlock({ lang: (code.lang ?? "").toLowerCase(), value: code.value, meta: code.meta }),
      lineOf(code),
      this.notes,
    );
    if (reading.class === "output") {
      const previous = this.last?.block === block - 1 ? this.last.step.step : undefined;
      // "You should see something like:" after a step: what it prints when it works.
      const shown = previous !== undefined && cuesOf(around.before, undefined).showsSuccess === true;
      const errors = errorLinesInOutput(reading.output);
      const raw = SYMPTOM_PART.test(this.problem.part) ? reading.output.filter(isUsefulSymptom).slice(0, 3) : [];
      const symptoms = shown ? [] : errors.length ? errors : raw;
      const before = this.problem.symptoms.length;
      this.addSymptoms(symptoms);
      const added = this.problem.symptoms.slice(before);
      if (added.length) this.report(code, reading, { kind: "symptoms", symptoms: added });
      else if (previous) this.report(code, reading, { kind: "expected-output", stepId: previous.id });
      else this.report(code, reading, { kind: "prose" });
      return none;
    }
    if (reading.class === "interactive") {
      // A session's transcript still shows what went wrong.
      this.addSymptoms(errorLinesInOutput(reading.output));
      this.report(code, reading, { kind: "prose" });
      this.notes.push({ line: lineOf(code), message: `kept as text to run by hand: ${reading.reason}` });
      const note: Paragraph = {
        type: "paragraph",
        children: [{ type: "emphasis", children: [{ type: "text", value: `Run this by hand: ${reading.reason}.` }] }],
      };
      return { steps: [], proseBefore: [note], proseAfter: [] };
    }
    if (reading.class !== "commands" || reading.commands.trim() === "") {
      this.report(code, reading, { kind: "prose" });
      return none;
    }
    this.addSymptoms(errorLinesInOutput([...reading.output, ...printedInComments(reading.commands)]));
    const { steps, merged } = await this.addSteps(code, reading, around, block);
    this.report(code, reading, { kind: "step", stepIds: steps.map((s) => s.id) });
    const proseAfter: RootContent[] = [];
    if (reading.output.length) {
      proseAfter.push(
        { type: "paragraph", children: [{ type: "text", value: "The guide shows it printing:" }] },
        { type: "code", lang: "text", value: reading.output.slice(0, 20).join("\n") },
      );
    }
    // A block joined to the previous step adds no new card.
    return { steps: merged ? [] : steps, proseBefore: [], proseAfter };
  }

  private async addSteps(
    code: Code,
    reading: CodeBlockReading,
    around: Around,
    block: number,
  ): Promise<{ steps: DraftStep[]; merged: boolean }> {
    const problem = this.problem;
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
      const { risk, reason } = await this.classified(step.code);
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
      const { risk, reason } = await this.classified(chunk.code, writtenRisk(i));
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

  private async classified(code: string, floor: Risk = "read"): Promise<{ risk: Risk; reason: string }> {
    const c = await classifyCommand(code);
    if (!riskWithin(floor, c.risk)) return { risk: floor, reason: "the command as the guide wrote it is riskier" };
    // The summary reads "change: `sed -i` edits files in place"; the report names the risk itself.
    return { risk: c.risk, reason: c.summary.replace(/^\w+:\s*/, "") };
  }

  private updateReportRisk(step: DraftStep, reason: string) {
    const entry = this.reportSteps.find((s) => s.id === step.id);
    if (entry) Object.assign(entry, { risk: step.risk, riskReason: reason });
  }
}

/** What a guide shows as printed inside a command block's comments: `# touch: cannot touch 'x':
 *  Permission denied`. Only a program's message (a colon chain) counts, not "# check the error". */
function printedInComments(commands: string): string[] {
  return [...commands.matchAll(/^\s*#\s*(?:output:\s*)?(.+)$/gm)]
    .map((m) => (m[1] ?? "").trim())
    .filter((line) => /\S: \S/.test(line));
}

/** A block that is interactive only because a package manager would ask to confirm is commands,
 *  with the confirmation answered. */
async function answered(reading: CodeBlockReading, line: number, notes: ReportNote[]): Promise<CodeBlockReading> {
  if (reading.class !== "interactive") return reading;
  const { commands, added } = answerConfirmations(reading.commands);
  if (added.length === 0 || (await interactiveReason(commands)) !== null) return reading;
  notes.push({ line, message: `added ${added.join(", ")}: the step's terminal cannot answer a confirmation` });
  return { ...reading, class: "commands", commands, reason: `${reading.reason}; added ${added.join(", ")}` };
}

/** What a read step's output says about the problem, from the prose around it; a grep for error
 *  text succeeds when the problem is there, so it passes when grep finds nothing. */
function expectationFor(code: string, cues: ReturnType<typeof cuesOf>): DraftStep["expect"] {
  if (cues.problemText) return { notMatch: literalPattern(cues.problemText) };
  if (cues.expectedText) return { match: literalPattern(cues.expectedText) };
  const lastLine = code.trim().split("\n").pop() ?? "";
  const grep = /(?:^|\|\s*)(?:sudo\s+)?[ez]?grep\b((?:\s+-[A-Za-z]+)*)\s+(['"]?)([^'"|]+)\2/.exec(lastLine);
  if (grep && !/v|c|L/.test(grep[1] ?? "") && PROBLEM_WORDS.test(grep[3] ?? "")) return { exit: 1 };
  return undefined;
}
