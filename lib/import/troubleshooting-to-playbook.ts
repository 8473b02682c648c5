// A troubleshooting guide (TROUBLESHOOTING.md, an FAQ, a known-issues page, in GitHub, Hugo, MyST
// or Docusaurus Markdown) → a playbook draft and a report of what became of each part. Commands
// become steps at no less than the classifier's risk, error text becomes symptoms tied to the step
// that diagnoses them, and the prose stays as it was written. Any valid Markdown imports: a step
// the playbook check refuses goes back into the prose, and the report says so.
import path from "node:path";
import type { RootContent } from "mdast";
import type { ContentError } from "@/lib/playbooks/types";
import { checkDraft } from "./check-draft";
import { entryStep } from "./decision-tree";
import { normaliseDialects, normaliseTree } from "./dialects";
import { generalise, personalNames } from "./generalise";
import { GuideReader, type GuideReading } from "./guide-reader";
import type { Problem } from "./step-maker";
import type { ImportReport, ReportNote } from "./import-report";
import { defuseMarkdownTree, markdownToMdxNodes, parseMarkdown, shiftHeadings } from "./markdown-to-mdx";
import {
  renderPlaybookDraft,
  slugify,
  type DraftBlock,
  symptomText,
  type DraftSymptom,
  type PlaybookDraft,
} from "./playbook-draft";
import { deriveTags } from "./tags";
import { chooseSummary, chooseTitle } from "./title-summary";
import { nodeText } from "@/lib/markdown/node-text";

const MAX_SYMPTOMS = 40;

export interface ImportedPlaybook {
  draft: PlaybookDraft;
  mdx: string;
  report: ImportReport;
}

/** Frontmatter symptoms: each problem's, tied to the step a reader should start that problem at.
 *  A problem with no steps of its own leads on only where the guide says the diagnosis follows: to
 *  the first step under it (a deeper heading), or from a list of symptoms or error messages to the
 *  next diagnosis. Otherwise its symptoms name no step, rather than an unrelated one. */
function symptomsOf(reading: GuideReading): DraftSymptom[] {
  const problems = reading.problems;
  const entries = problems.map((p) => entryStep(p)?.id);
  const stepFor = (i: number): string | undefined => {
    const own = entries[i];
    if (own) return own;
    const problem = problems[i] as Problem;
    const listsSymptoms = problem.depth === 0 || SYMPTOM_SECTION.test(problem.title);
    for (let j = i + 1; j < problems.length; j++) {
      const under = (problems[j] as Problem).depth > problem.depth;
      if (!under && !listsSymptoms) return undefined;
      if (entries[j]) return entries[j];
    }
    return undefined;
  };
  return problems
    .flatMap((problem, i) => {
      const step = stepFor(i);
      return problem.symptoms.map((text) => (step ? { text, step } : text));
    })
    .slice(0, MAX_SYMPTOMS);
}

// A section that lists what the reader sees, for the diagnosis that follows it.
const SYMPTOM_SECTION = /\b(symptoms?|errors?|error messages?|what you (?:see|get)|signs)\b/i;

type ImportOptions = { file?: string; slug?: string };

export async function troubleshootingToPlaybook(markdown: string, opts: ImportOptions = {}): Promise<ImportedPlaybook> {
  try {
    return await importGuide(markdown, opts);
  } catch (err) {
    // A bug here must not cost the user their guide: keep it as prose for review, and say why.
    return proseOnly(markdown, opts, err instanceof Error ? err.message : String(err));
  }
}

async function proseOnly(markdown: string, opts: ImportOptions, why: string): Promise<ImportedPlaybook> {
  const file = opts.file ?? "guide.md";
  const title =
    path
      .basename(file)
      .replace(/\.[^.]+$/, "")
      .replace(/[-_]+/g, " ") || "Imported guide";
  const draft: PlaybookDraft = {
    slug: opts.slug ?? slugify(title),
    title,
    summary: `Troubleshooting guide imported from ${path.basename(file)}; it could not be read into steps.`,
    tags: [],
    symptoms: [],
    blocks: [{ kind: "nodes", nodes: asProseNodes(markdown) }],
  };
  const notes = [{ line: 0, message: `the importer could not read this guide (${why}); it is kept as prose` }];
  const mdx = await checkedMdx(draft, notes);
  const report: ImportReport = {
    file,
    title,
    slug: draft.slug,
    problems: [],
    steps: [],
    blocks: [],
    placeholders: [],
    notes,
  };
  return { draft, mdx, report };
}

/** The guide as Markdown prose, or, when even parsing it fails (thousands of nested quotes exhaust
 *  the parser's stack), as one block of text. */
function asProseNodes(markdown: string): RootContent[] {
  try {
    return markdownToMdxNodes(markdown);
  } catch {
    return [{ type: "code", lang: "text", value: markdown }];
  }
}

async function importGuide(markdown: string, opts: ImportOptions): Promise<ImportedPlaybook> {
  const file = opts.file ?? "guide.md";
  const normalised = normaliseDialects(markdown.replace(/\r\n?/g, "\n"));
  const notes: ReportNote[] = [...normalised.notes];
  const source = generalise(normalised.markdown, personalNames([normalised.markdown]));
  const tree = parseMarkdown(source);
  normaliseTree(tree, notes);
  defuseMarkdownTree(tree);
  const nodes = tree.children.filter((n) => n.type !== "yaml");
  const h1 = nodes.findIndex((n) => n.type === "heading" && n.depth === 1);
  const titleNode = h1 >= 0 ? nodes.splice(h1, 1)[0] : nodes.find((n) => n.type === "heading");
  const title = chooseTitle({
    heading: titleNode ? nodeText(titleNode).trim() || null : null,
    frontmatter: normalised.frontmatter,
    file: opts.file,
    text: source,
  });
  shiftHeadings(nodes, 2);
  const chosen = chooseSummary(nodes, normalised.frontmatter);
  const summary = chosen ?? `Troubleshooting steps imported from ${path.basename(file)}.`;
  // The page shows the summary under the title; the same paragraph again below it says nothing new.
  // Only in the introduction: under a heading, the paragraph belongs to its problem.
  const firstHeading = nodes.findIndex((n) => n.type === "heading");
  const repeated = nodes.findIndex((n) => n.type === "paragraph" && nodeText(n).replace(/\s+/g, " ").trim() === chosen);
  if (repeated >= 0 && (firstHeading < 0 || repeated < firstHeading)) nodes.splice(repeated, 1);
  const reading = await new GuideReader(notes).read(nodes);
  const draft: PlaybookDraft = {
    slug: opts.slug ?? slugify(title),
    title,
    summary,
    tags: [...new Set([...(normalised.frontmatter.tags ?? []).map((t) => slugify(t, 40)), ...deriveTags(source)])],
    symptoms: symptomsOf(reading),
    inputs: reading.inputs,
    blocks: reading.blocks,
  };
  const mdx = await checkedMdx(draft, notes);
  const report: ImportReport = {
    file,
    title,
    slug: draft.slug,
    problems: reading.problems
      .filter((p) => p.steps.length > 0 || p.symptoms.length > 0)
      .map((p) => ({ title: p.title, line: p.line, stepIds: p.steps.map((s) => s.step.id), symptoms: p.symptoms })),
    steps: reading.reportSteps,
    blocks: reading.reportBlocks,
    placeholders: reading.placeholders,
    notes,
  };
  return { draft, mdx, report };
}

/** The draft's MDX, with any step the playbook check refuses turned back into prose (noted), so
 *  that an import always yields a draft that passes the check. */
async function checkedMdx(draft: PlaybookDraft, notes: ReportNote[]): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const mdx = renderPlaybookDraft(draft);
    const { errors } = await checkDraft(mdx, draft.slug);
    if (errors.length === 0) return mdx;
    const refused = refusedSteps(mdx, errors, draft.blocks);
    for (const e of errors) notes.push({ line: 0, message: `the playbook check refused the draft: ${e.message}` });
    if (refused.size === 0) break;
    draft.blocks = draft.blocks.map((b) => (b.kind === "step" && refused.has(b.step.id) ? asProse(b.step) : b));
    dropDanglingLinks(draft);
  }
  // Last resort: prose only. The draft still carries the guide and its symptoms for review.
  draft.blocks = draft.blocks.map((b) => (b.kind === "step" ? asProse(b.step) : b));
  draft.symptoms = draft.symptoms.map(symptomText);
  return renderPlaybookDraft(draft);
}

/** Ids of the steps whose lines in `mdx` the errors point into. */
function refusedSteps(mdx: string, errors: readonly ContentError[], blocks: readonly DraftBlock[]): Set<string> {
  const lines = mdx.split("\n");
  const starts = blocks.flatMap((b) => {
    if (b.kind !== "step") return [];
    const line = lines.findIndex((l) => l.startsWith(`<Step id="${b.step.id}"`)) + 1;
    return line > 0 ? [{ id: b.step.id, line }] : [];
  });
  const refused = new Set<string>();
  for (const e of errors) {
    const at = starts.filter((s) => s.line <= e.line).pop();
    if (at) refused.add(at.id);
  }
  return refused;
}

function asProse(step: { title: string; code: string }): DraftBlock {
  const nodes: RootContent[] = [
    { type: "paragraph", children: [{ type: "strong", children: [{ type: "text", value: step.title }] }] },
    { type: "code", lang: "bash", value: step.code },
  ];
  return { kind: "nodes", nodes };
}

function dropDanglingLinks(draft: PlaybookDraft) {
  const ids = new Set(draft.blocks.flatMap((b) => (b.kind === "step" ? [b.step.id] : [])));
  for (const b of draft.blocks) {
    if (b.kind !== "step") continue;
    if (b.step.onPass && !ids.has(b.step.onPass)) delete b.step.onPass;
    if (b.step.onFail && !ids.has(b.step.onFail)) delete b.step.onFail;
  }
  draft.symptoms = draft.symptoms.map((s) => (typeof s === "string" || ids.has(s.step) ? s : s.text));
}
