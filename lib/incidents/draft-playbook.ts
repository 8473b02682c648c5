// Incident → playbook draft: what one incident taught, in a form the next person can run. Each root
// cause gets a diagnostic `read` step and a fix `change` step: a failed check leads to the fix, the
// fix back to the check, a passed check to the next cause. Symptoms go to the frontmatter.
import type { Code, RootContent } from "mdast";
import { generalise, personalNames } from "@/lib/import/generalise";
import { markdownToMdxNodes, parseMarkdown } from "@/lib/import/markdown-to-mdx";
import {
  renderPlaybookDraft,
  slugify,
  idAllocator,
  type DraftBlock,
  type DraftStep,
  type PlaybookDraft,
} from "@/lib/import/playbook-draft";
import { suggestedTimeout } from "@/lib/import/suggested-timeout";
import { formatDay } from "@/lib/format/dates";
import { NOT_TO_RUN, SHELL_FENCE_LANGS, transcriptCommands } from "@/lib/markdown/fences";
import { nodeText } from "@/lib/markdown/node-text";
import { TAG_PATTERN } from "@/lib/playbooks/format";
import { classifyCommand } from "@/lib/playbooks/risk-classifier";
import type { IncidentInput, RootCauseInput } from "./schema";

function isRunnable(node: RootContent, previous: RootContent | undefined): node is Code {
  if (node.type !== "code" || !SHELL_FENCE_LANGS.has((node.lang ?? "").toLowerCase())) return false;
  return !(previous?.type === "paragraph" && NOT_TO_RUN.test(nodeText(previous)));
}

function shellBlocks(markdown: string): string[] {
  const nodes = parseMarkdown(markdown).children;
  const runnable = nodes.filter((node, i) => isRunnable(node, nodes[i - 1])) as Code[];
  return runnable.map((node) => transcriptCommands(node.value)).filter((b) => b !== "");
}

/** The Markdown as MDX nodes, without the shell blocks that became a step. */
function withoutStepCode(markdown: string, used: readonly string[]): RootContent[] {
  const nodes = markdownToMdxNodes(markdown, { minDepth: 4 });
  return nodes.filter((node, i) => !(isRunnable(node, nodes[i - 1]) && used.includes(transcriptCommands(node.value))));
}

function firstLine(markdown: string, max = 160): string {
  const line = markdown
    .split("\n")
    .map((l) =>
      l
        .replace(/^[#>\-*\s]+/, "")
        .replace(/[`*]/g, "")
        .trim(),
    )
    .find((l) => l !== "" && !/^(```|~~~)/.test(l));
  if (!line) return "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function asComment(text: string): string {
  return text.replace(/\n/g, " ");
}

async function diagnosticStep(cause: RootCauseInput, id: string): Promise<DraftStep> {
  // A recorded check (often in the evidence) is the best diagnostic there is, if it only reads.
  const blocks = [...shellBlocks(cause.evidence), ...shellBlocks(cause.cause)];
  const risks = await Promise.all(blocks.map(async (b) => (await classifyCommand(b)).risk));
  const check = blocks.find((_, i) => risks[i] === "read");
  const symptom = firstLine(cause.symptom);
  const code =
    check ??
    [
      "# Draft: replace with a command that shows whether this cause applies.",
      "# Exit 0 when it does not; exit non-zero when it does (the fix step runs next).",
      ...(symptom ? [`# Symptom as recorded: ${asComment(symptom)}`] : []),
      `echo ${JSON.stringify(`No automatic check yet for: ${cause.title}`).replace(/\$/g, "\\$")}`,
      "exit 1",
    ].join("\n");
  return {
    id,
    title: `Is it this? ${cause.title}`,
    risk: "read",
    code,
    note: symptom ? `Symptom: ${symptom}` : undefined,
  };
}

async function fixStep(cause: RootCauseInput, id: string): Promise<DraftStep> {
  const blocks = shellBlocks(cause.fix);
  const code =
    blocks.length > 0
      ? blocks.join("\n\n")
      : [
          "# Draft: replace with the commands that apply this fix.",
          ...(firstLine(cause.fix) ? [`# Fix as recorded: ${asComment(firstLine(cause.fix))}`] : []),
          'echo "Apply the fix described above by hand, then re-run the check."',
        ].join("\n");
  // A fix is at least a change, even when its commands only read.
  const risk = (await classifyCommand(code)).risk === "danger" ? "danger" : "change";
  const timeout = suggestedTimeout(code);
  return { id, title: `Fix: ${cause.title}`, risk, code, ...(timeout ? { timeout } : {}) };
}

function section(label: string, markdown: string, used: readonly string[] = []): RootContent[] {
  const nodes = withoutStepCode(markdown, used);
  if (nodes.length === 0) return [];
  return [{ type: "paragraph", children: [{ type: "strong", children: [{ type: "text", value: label }] }] }, ...nodes];
}

export interface IncidentDraftSource extends IncidentInput {
  id?: string;
}

export async function incidentToPlaybookDraft(
  incident: IncidentDraftSource,
): Promise<{ draft: PlaybookDraft; mdx: string }> {
  const texts = [incident.summary, incident.resolution, ...incident.rootCauses.flatMap((c) => Object.values(c))];
  const names = personalNames(texts);
  const g = (text: string) => generalise(text, names);
  const causes = incident.rootCauses.map((c) => ({
    title: g(c.title),
    symptom: g(c.symptom),
    cause: g(c.cause),
    evidence: g(c.evidence),
    fix: g(c.fix),
    prevention: g(c.prevention),
  }));

  const nextId = idAllocator();
  const pairs: { cause: (typeof causes)[number]; diag: DraftStep; fix: DraftStep }[] = [];
  for (const cause of causes) {
    // In order: the id allocator numbers repeated titles as it meets them.
    const diag = await diagnosticStep(cause, nextId(`check-${cause.title}`));
    pairs.push({ cause, diag, fix: await fixStep(cause, nextId(`fix-${cause.title}`)) });
  }
  const done: DraftStep = {
    id: nextId("all-causes-checked"),
    title: "All recorded causes checked",
    risk: "read",
    code: 'echo "Every cause recorded in the incident was checked. If the symptom persists, record a new incident."',
  };
  pairs.forEach((p, i) => {
    p.diag.onFail = p.fix.id;
    p.diag.onPass = pairs[i + 1]?.diag.id ?? done.id;
    p.fix.onPass = p.diag.id;
  });

  const source = incident.id
    ? `[${incident.title.replace(/[[\]]/g, "")}](/incidents/${incident.id})`
    : `“${incident.title}”`;
  const when = incident.startedAt ? ` on ${formatDay(incident.startedAt)}` : "";
  const blocks: DraftBlock[] = [
    {
      kind: "nodes",
      nodes: markdownToMdxNodes(`Drafted from incident ${source}${when}. Review every step before publishing.`),
    },
  ];
  const summary = g(incident.summary).split(/\n\s*\n/)[0] ?? "";
  if (summary.trim()) blocks.push({ kind: "nodes", nodes: markdownToMdxNodes(summary, { minDepth: 3 }) });

  pairs.forEach(({ cause, diag, fix }, i) => {
    blocks.push({
      kind: "nodes",
      nodes: [
        { type: "heading", depth: 2, children: [{ type: "text", value: `${i + 1}. ${cause.title}` }] },
        ...section("Symptom", cause.symptom),
        ...section("Cause", cause.cause, [diag.code]),
        ...section("Evidence", cause.evidence, [diag.code]),
      ],
    });
    blocks.push({ kind: "step", step: diag });
    blocks.push({ kind: "nodes", nodes: section("Solution", cause.fix, fix.code.split("\n\n")) });
    blocks.push({ kind: "step", step: fix });
    if (cause.prevention.trim()) blocks.push({ kind: "nodes", nodes: section("Prevention", cause.prevention) });
  });

  blocks.push({ kind: "nodes", nodes: [{ type: "heading", depth: 2, children: [{ type: "text", value: "Done" }] }] });
  blocks.push({ kind: "step", step: done });

  const learnings = incident.learnings.map((l) => g(l.text));
  if (learnings.length) {
    blocks.push({
      kind: "nodes",
      nodes: [
        { type: "heading", depth: 2, children: [{ type: "text", value: "What the incident taught" }] },
        ...learnings.flatMap((l) => markdownToMdxNodes(l, { minDepth: 3 })),
      ],
    });
  }

  const firstSummary = firstLine(incident.summary, 280);
  const draft: PlaybookDraft = {
    slug: slugify(incident.title),
    title: g(incident.title),
    summary:
      firstSummary ||
      (causes.length
        ? `Check for ${causes.map((c) => c.title).join("; ")}.`
        : `Drafted from the incident “${incident.title}”.`
      ).slice(0, 280),
    tags: incident.tags.filter((t) => TAG_PATTERN.test(t)),
    symptoms: incident.symptoms.map(g),
    blocks,
  };
  return { draft, mdx: renderPlaybookDraft(draft) };
}
