// Reads a guide's Markdown tree, top to bottom and into lists, quotes and callouts: headings open
// problems, code blocks become steps, expected output, symptoms or prose (lib/import/code-block.ts
// says which), and error text in headings, prose and output becomes the problem's symptoms.
import type { Code, Heading, Nodes, Paragraph, Parent, RootContent } from "mdast";
import { nodeText } from "@/lib/markdown/node-text";
import { readCodeBlock, type CodeBlockReading } from "./code-block";
import { answerConfirmationsIn } from "./confirmations";
import { linkSteps } from "./decision-tree";
import type { ReportBlock, ReportNote, ReportPlaceholder, ReportStep } from "./import-report";
import type { DraftBlock, DraftInput, DraftStep } from "./playbook-draft";
import { PART, SYMPTOM_PART } from "./problem-parts";
import { cuesOf } from "./prose-cues";
import { StepMaker, lineOf, type Around, type Problem } from "./step-maker";
import { cleanTitle, leadingLabel } from "./step-title";
import {
  errorInInlineCode,
  errorLinesInOutput,
  errorsInHeading,
  isUsefulSymptom,
  messagesInComments,
} from "./symptoms";

const PROSE_OPENER = /^(?:if|when|you|this|the|a|an|in|after|on|while|some|most|it|we|there)\b/i;
// A label such as "**Bad:**", "**Avoid:**" or "**Before (broken):**" warns off the code after it;
// "**Insufficient memory.**" names a problem and does not.
const SHOWN_NOT_RUN = /^(?:the )?(?:old|wrong|broken|before|incorrect|bad|don't|do not|avoid|never)\b/i;
const WARNED_OFF = /^(do not|don't|never|avoid)\b/i;
const MAX_SYMPTOMS_PER_PROBLEM = 12;

export interface GuideReading {
  blocks: DraftBlock[];
  problems: Problem[];
  inputs: DraftInput[];
  reportSteps: ReportStep[];
  reportBlocks: ReportBlock[];
  placeholders: ReportPlaceholder[];
}

function paragraphAt(children: readonly Nodes[], i: number): Paragraph | undefined {
  const node = children[i];
  return node?.type === "paragraph" ? node : undefined;
}

export class GuideReader {
  private readonly blocks: DraftBlock[] = [];
  private readonly problems: Problem[] = [{ title: "", line: 1, depth: 0, steps: [], symptoms: [], part: "" }];
  private readonly reportBlocks: ReportBlock[] = [];
  private readonly seenSymptoms = new Set<string>();
  private readonly steps: StepMaker;
  private blockCount = 0;
  /** Steps made from code nested in the node being read, placed after it. */
  private pending: DraftStep[] = [];

  constructor(private readonly notes: ReportNote[]) {
    this.steps = new StepMaker(notes);
  }

  async read(nodes: readonly RootContent[]): Promise<GuideReading> {
    for (const [i, node] of nodes.entries()) await this.readTop(node, nodes, i);
    linkSteps(this.problems);
    return {
      blocks: this.blocks,
      problems: this.problems,
      inputs: [...this.steps.inputs.values()],
      reportSteps: this.steps.reportSteps,
      reportBlocks: this.reportBlocks,
      placeholders: this.steps.placeholders,
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
    this.steps.newSection();
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
    const reading = await answerConfirmationsIn(
      await readCodeBlock({ lang: (code.lang ?? "").toLowerCase(), value: code.value, meta: code.meta }),
      lineOf(code),
      this.notes,
    );
    if (reading.class === "output") {
      const previous = this.steps.stepBefore(block);
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
    this.addSymptoms(errorLinesInOutput([...reading.output, ...messagesInComments(reading.commands)]));
    const { steps, merged } = await this.steps.make(this.problem, code, reading, around, block);
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
}
