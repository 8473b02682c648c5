// TROUBLESHOOTING.md (or any guide in that common style: a heading per problem, Symptom / Cause /
// Solution paragraphs, fenced shell blocks) → a playbook draft. Shell blocks become steps, error
// text becomes symptoms, and the prose stays as it was written, below the title.
import type { Code, Heading, Paragraph, RootContent } from "mdast";
import { looksLikeError } from "@/lib/markdown/error-text";
import { NOT_TO_RUN, OUTPUT_LANGS, SHELL_FENCE_LANGS, transcriptCommands } from "@/lib/markdown/fences";
import { nodeText } from "@/lib/markdown/node-text";
import { generalise, personalNames } from "./generalise";
import { defuseMarkdownTree, parseMarkdown, shiftHeadings } from "./markdown-to-mdx";
import {
  idAllocator,
  renderPlaybookDraft,
  slugify,
  type DraftBlock,
  type DraftInput,
  type DraftStep,
  type PlaybookDraft,
} from "./playbook-draft";
import { classifyCommand } from "@/lib/playbooks/risk-classifier";
import type { Risk } from "@/lib/playbooks/types";
import type { ImportReport } from "./import-report";
import { suggestedTimeout } from "./suggested-timeout";
import { deriveTags } from "./tags";

const LABEL = new RegExp(
  [
    "^(symptoms?|errors?|error message|problem|issue|cause|root cause|solution|fix|workaround|evidence|",
    "check|verify)\\s*:?\\s*$",
  ].join(""),
  "i",
);
const SYMPTOM_LABEL = /^(symptoms?|errors?|error message|error pattern|problem)\s*:?$/i;
// A label such as "**Bad:**" or "**Avoid:**" warns off the code after it, like NOT_TO_RUN's words.
const WARNING_LABEL = /\b(don't|do not|avoid|bad)\b/i;
const WARNED_OFF = /^(do not|don't|never|avoid)\b/i;
// Sub-headings that belong to the problem above them rather than starting a new one.
const PART_HEADING = new RegExp(
  [
    "^(symptoms?|causes?|root cause|solution|fix|workaround|resolution|evidence|diagnosis|verification|verify|",
    "prevention|notes?|do not|don't|what to do|steps)\\b",
  ].join(""),
  "i",
);
const PROBLEM_HEADING = /^(problem|symptom|error)\s*[:\-–]\s*(.+)$/i;

function isShell(node: Code): boolean {
  const lang = (node.lang ?? "").toLowerCase();
  return SHELL_FENCE_LANGS.has(lang) || (lang === "" && /^\s*\$ /m.test(node.value));
}

/** A heading as a step title: without list numbering, status emoji or "Root Cause #1:". */
function cleanTitle(title: string): string {
  return title
    .replace(/\s*[\u{2705}\u{274C}\u{26A0}]\u{FE0F}?\s*([A-Z]{3,}( [A-Z]{3,})*)?\s*$/u, "")
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]/gu, "")
    .replace(/\u{FE0F}/gu, "")
    .replace(/^\s*\d+[.)]\s*/, "")
    .replace(/^root cause\s*#?\s*\d*\s*(\([^)]*\))?\s*:\s*/i, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A block whose parts are introduced by comments ("# Verify", "# Apply configuration") holds
 * several steps; splitting it lets a check be a `read` step apart from the fix around it.
 */
async function chunksOf(commands: string): Promise<Array<{ code: string; comment: string | null; risk: Risk }>> {
  const paragraphs = commands
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const whole = async () => [{ code: commands, comment: null, risk: (await classifyCommand(commands)).risk }];
  if (paragraphs.length < 2 || /<<-?\s*['"]?\w+/.test(commands)) return whole();
  // A paragraph of comments only introduces the commands after it.
  const joined: string[] = [];
  let lead: string[] = [];
  for (const p of paragraphs) {
    if (p.split("\n").every((l) => /^\s*#/.test(l))) lead.push(p);
    else {
      joined.push([...lead, p].join("\n"));
      lead = [];
    }
  }
  if (lead.length && joined.length) joined[joined.length - 1] += `\n\n${lead.join("\n")}`;
  if (joined.length < 2) return whole();
  const chunks = joined.map((code) => ({
    code,
    comment: /^#\s*(.+)$/.exec(code.split("\n")[0] ?? "")?.[1]?.trim() ?? null,
  }));
  // Merge neighbours of the same risk: one step per change of intent, not per paragraph.
  const merged: Array<{ code: string; comment: string | null; risk: Risk }> = [];
  for (const c of chunks) {
    const { risk } = await classifyCommand(c.code);
    const last = merged[merged.length - 1];
    if (last && last.risk === risk) last.code = `${last.code}\n\n${c.code}`;
    else merged.push({ ...c, risk });
  }
  // Merging can only join steps of one risk, but two commands together may read differently.
  return Promise.all(merged.map(async (m) => ({ ...m, risk: (await classifyCommand(m.code)).risk })));
}

/** `<pod-id>` placeholders become inputs, so the step asks for the value instead of failing. */
function placeholdersToInputs(code: string, inputs: Map<string, DraftInput>): string {
  return code.replace(/<([a-z][a-z0-9]*(?:[-_][a-z0-9]+)+|[a-z]{4,})>/gi, (_m, raw: string) => {
    const name = raw.toUpperCase().replace(/-/g, "_");
    if (!inputs.has(name)) inputs.set(name, { name, label: raw.replace(/[-_]+/g, " ") });
    return `\${${name}}`;
  });
}

/** The label a paragraph starts with, e.g. "Fix" for "**Fix:** …", and the text after it. */
function leadingLabel(p: Paragraph): { label: string; rest: string } | null {
  const first = p.children[0];
  if (first?.type !== "strong") return null;
  const label = nodeText(first).trim();
  const rest = nodeText({ ...p, children: p.children.slice(1) })
    .replace(/^\s*:\s*/, "")
    .trim();
  return { label: label.replace(/:$/, ""), rest };
}

interface Group {
  title: string;
  steps: DraftStep[];
}

class GuideReader {
  private readonly blocks: DraftBlock[] = [];
  private readonly groups: Group[] = [{ title: "", steps: [] }];
  private readonly symptoms: string[] = [];
  private readonly nextId = idAllocator();
  private readonly inputs = new Map<string, DraftInput>();
  private pendingSymptomLabel = false;
  private subheading = "";

  async read(nodes: RootContent[]): Promise<{ blocks: DraftBlock[]; symptoms: string[]; inputs: DraftInput[] }> {
    for (const [i, node] of nodes.entries()) await this.readNode(node, nodes[i - 1]);
    this.link();
    return {
      blocks: this.blocks,
      symptoms: [...new Set(this.symptoms)].slice(0, 40),
      inputs: [...this.inputs.values()],
    };
  }

  private get group(): Group {
    return this.groups[this.groups.length - 1] as Group;
  }

  private keep(node: RootContent) {
    const last = this.blocks[this.blocks.length - 1];
    if (last?.kind === "nodes") last.nodes.push(node);
    else this.blocks.push({ kind: "nodes", nodes: [node] });
  }

  private async readNode(node: RootContent, previous: RootContent | undefined) {
    if (node.type === "heading") {
      this.startGroup(node);
      this.keep(node);
      return;
    }
    if (node.type === "paragraph") {
      const label = leadingLabel(node);
      const underSymptom = /^symptom/i.test(this.subheading) && label === null;
      this.pendingSymptomLabel = underSymptom || (label !== null && SYMPTOM_LABEL.test(label.label));
      if (label && SYMPTOM_LABEL.test(label.label)) this.symptomsFromParagraph(node, label.label, label.rest);
      else if (underSymptom) this.symptomsFromParagraph(node, "problem", "");
      this.keep(node);
      return;
    }
    if (node.type === "code" && !isShell(node)) {
      const lang = (node.lang ?? "").toLowerCase();
      if (OUTPUT_LANGS.has(lang)) {
        const lines = node.value
          .split("\n")
          .map((l) => l.trim())
          .filter((l) => l !== "");
        const errors = lines.filter(looksLikeError);
        // Right after "Symptom:", the block is the symptom even when it does not say "error".
        this.symptoms.push(...(errors.length ? errors : this.pendingSymptomLabel ? lines.slice(0, 3) : []));
      }
      this.pendingSymptomLabel = false;
      this.keep(node);
      return;
    }
    if (node.type === "code") {
      this.pendingSymptomLabel = false;
      const label = previous?.type === "paragraph" ? leadingLabel(previous) : null;
      const warned =
        (previous?.type === "paragraph" && WARNED_OFF.test(nodeText(previous).trim())) ||
        WARNED_OFF.test(this.subheading) ||
        /^\s*#\s*(never|don't|do not)\b/im.test(node.value);
      if ((label && (NOT_TO_RUN.test(label.label) || WARNING_LABEL.test(label.label))) || warned) this.keep(node);
      else await this.addStep(node, previous);
      return;
    }
    this.keep(node);
  }

  private startGroup(heading: Heading) {
    const title = cleanTitle(nodeText(heading));
    if (PART_HEADING.test(title) && this.groups.length > 1) {
      this.subheading = title;
      if (/^symptom/i.test(title)) this.pendingSymptomLabel = true;
      return;
    }
    this.subheading = "";
    this.groups.push({ title, steps: [] });
    const problem = PROBLEM_HEADING.exec(title);
    if (problem?.[2]) this.symptoms.push(problem[2].trim().replace(/^["'“]|["'”]$/g, ""));
  }

  private symptomsFromParagraph(p: Paragraph, label: string, rest: string) {
    // "Problem:" often names paths and files; only error-looking text is a symptom there.
    const strict = /^problem/i.test(label);
    const codes = p.children.filter((c) => c.type === "inlineCode").map((c) => c.value.trim());
    // Among several code spans, the error-looking ones are the symptom; the rest are commands.
    const errors = codes.filter(looksLikeError);
    const found = errors.length
      ? errors
      : codes.length
        ? strict
          ? []
          : codes.slice(0, 1)
        : rest && rest.length <= 200
          ? [rest]
          : [];
    this.symptoms.push(...found.filter((t) => !strict || looksLikeError(t)));
  }

  private async addStep(code: Code, previous: RootContent | undefined) {
    const commands = placeholdersToInputs(transcriptCommands(code.value, { output: "comment" }), this.inputs);
    if (!commands) return;
    const group = this.group;
    const described = previous?.type === "paragraph" ? describedBy(previous) : null;
    for (const chunk of await chunksOf(commands)) {
      const risk = chunk.risk;
      let title =
        (chunk.comment && chunk.comment.length <= 100 ? chunk.comment : null) ??
        described ??
        (group.title || "Run the commands");
      if (group.steps.some((s) => s.title === title)) title = `${title} (${group.steps.length + 1})`;
      const asks =
        /^(check|verify|is|are|does|do|can|test|confirm|ensure|look|see|find|inspect|examine|monitor)\b/i.test(title);
      const step: DraftStep = {
        id: this.nextId(`${risk === "read" && !asks ? "check-" : ""}${title}`),
        title,
        risk,
        code: chunk.code,
        ...(suggestedTimeout(chunk.code) ? { timeout: suggestedTimeout(chunk.code) } : {}),
      };
      group.steps.push(step);
      this.blocks.push({ kind: "step", step });
    }
  }

  /** Within a problem, a failed check leads to its fix and the fix back to the check; a passed
   *  check moves on to the next problem. A check after a fix (the "verify" pattern) leads back to
   *  the fix when it fails. Everything else follows document order. */
  private link() {
    const groups = this.groups.filter((g) => g.steps.length > 0);
    groups.forEach((group, gi) => {
      const steps = group.steps;
      const nextGroupFirst = groups[gi + 1]?.steps[0]?.id;
      steps.forEach((step, si) => {
        if (step.risk !== "read") return;
        const after = steps.slice(si + 1).find((s) => s.risk !== "read");
        const before = steps.slice(0, si).find((s) => s.risk !== "read");
        if (after) {
          step.onFail = after.id;
          const nextCheck = steps.slice(si + 1, steps.indexOf(after)).find((s) => s.risk === "read");
          const onPass = nextCheck?.id ?? nextGroupFirst;
          if (onPass) step.onPass = onPass;
          if (!after.onPass) after.onPass = step.id;
        } else if (before) {
          step.onFail = before.id;
        }
      });
    });
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A step title from the sentence just before its code: "**Step 1**: Create …", "Check the pods:". */
function describedBy(p: Paragraph): string | null {
  const label = leadingLabel(p);
  if (label) {
    if (label.rest === "") return label.label.length <= 100 && !LABEL.test(label.label) ? label.label : null;
    if ((LABEL.test(label.label) || /^step\s*\d+/i.test(label.label)) && label.rest.length <= 100)
      return capitalise(label.rest.replace(/[:.]$/, ""));
    return null;
  }
  const text = nodeText(p).replace(/\s+/g, " ").trim();
  return text.length <= 100 && text.endsWith(":") ? text.replace(/:$/, "") : null;
}

export interface ImportedPlaybook {
  draft: PlaybookDraft;
  mdx: string;
  report: ImportReport;
}

export async function troubleshootingToPlaybook(
  markdown: string,
  opts: { file?: string; slug?: string } = {},
): Promise<ImportedPlaybook> {
  const source = generalise(markdown.replace(/\r\n?/g, "\n"), personalNames([markdown]));
  const tree = parseMarkdown(source);
  defuseMarkdownTree(tree);
  const nodes = tree.children.filter((n) => n.type !== "yaml");
  const h1 = nodes.findIndex((n) => n.type === "heading" && n.depth === 1);
  const titleNode = h1 >= 0 ? nodes.splice(h1, 1)[0] : nodes.find((n) => n.type === "heading");
  const fileName = opts.file ? opts.file.replace(/^.*\//, "").replace(/\.[^.]+$/, "") : "";
  const titleText = titleNode ? nodeText(titleNode) : fileName.replace(/[-_]+/g, " ");
  const title = titleText.trim() || "Imported troubleshooting guide";
  shiftHeadings(nodes, 2);
  const firstParagraph = nodes.find((n): n is Paragraph => n.type === "paragraph");
  const summary = firstParagraph
    ? nodeText(firstParagraph).trim()
    : `Troubleshooting steps imported from ${opts.file ?? "a guide"}.`;

  const { blocks, symptoms, inputs } = await new GuideReader().read(nodes);
  const draft: PlaybookDraft = {
    slug: opts.slug ?? slugify(title),
    title,
    summary,
    tags: deriveTags(source),
    symptoms,
    inputs,
    blocks,
  };
  const steps = blocks.flatMap((b) => (b.kind === "step" ? [b.step] : []));
  const report: ImportReport = {
    file: opts.file ?? "guide.md",
    title,
    slug: draft.slug,
    problems: [],
    steps: steps.map((s) => ({ id: s.id, title: s.title, line: 0, risk: s.risk, riskReason: "", role: "diagnose" })),
    blocks: [],
    placeholders: [],
    notes: [],
  };
  return { draft, mdx: renderPlaybookDraft(draft), report };
}
