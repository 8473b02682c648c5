// The import report for a terminal: one file's report grouped the way a reviewer reads it (problems,
// steps made, blocks that did not become steps, placeholders made inputs, notes), each item led by a
// `file:line` an editor can jump to; and one summary table for a batch. Both fit `width` columns.
import { RISKS, type Risk } from "@/lib/playbooks/format";
import type { BlockDecision, ImportReport, ReportStep } from "./import-report";
import type { PlaybookDraft } from "./playbook-draft";

export const REPORT_WIDTH = 100;

const INDENT = "  ";
const ITEM = "    ";
const DETAIL = "        ";

/** `text` broken at spaces into lines of at most `width`; a word longer than a line is cut. */
export function wrap(text: string, width: number, first: string, rest: string = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const push = () => {
    lines.push(line);
    line = rest;
    empty = true;
  };
  for (let word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) push();
    if (!empty) line += " ";
    while (line.length + word.length > width && width - line.length > 0) {
      const room = width - line.length;
      line += word.slice(0, room);
      word = word.slice(room);
      push();
    }
    if (word === "") continue;
    line += word;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

const ref = (file: string, line: number) => (line > 0 ? `${file}:${line}` : file);
const quoted = (items: string[]) => items.map((s) => `"${s}"`).join(", ");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function riskCounts(risks: Risk[]): Record<Risk, number> {
  return Object.fromEntries(RISKS.map((r) => [r, risks.filter((x) => x === r).length])) as Record<Risk, number>;
}

const byRisk = (counts: Record<Risk, number>) => RISKS.map((r) => `${counts[r]} ${r}`).join(", ");

function stepFacts(step: ReportStep): string {
  return [step.risk, step.role, ...(step.root ? ["root"] : [])].join(", ");
}

/** What became of a block, in words the terminal and the review page share. */
export function describeDecision(decision: BlockDecision): string {
  switch (decision.kind) {
    case "step":
      return `steps ${decision.stepIds.join(", ")}`;
    case "expected-output":
      return `expected output of ${decision.stepId}`;
    case "symptoms":
      return decision.symptoms.length ? `symptoms ${quoted(decision.symptoms)}` : "symptoms";
    case "prose":
      return "kept as prose";
  }
}

interface Item {
  line: number;
  head: string;
  details?: string[];
}

function section(file: string, title: string, items: Item[], width: number): string[] {
  if (items.length === 0) return [];
  const out = ["", `${INDENT}${title} (${items.length})`];
  for (const item of items) {
    out.push(...wrap(`${ref(file, item.line)} ${item.head}`, width, ITEM, DETAIL));
    for (const detail of item.details ?? []) if (detail) out.push(...wrap(detail, width, DETAIL));
  }
  return out;
}

/** One file's report as plain text (no trailing newline). */
export function formatImportReport(report: ImportReport, width = REPORT_WIDTH): string {
  const { file } = report;
  const kept = report.blocks.filter((b) => b.decision.kind !== "step").sort((a, b) => a.line - b.line);
  const counts = [
    `${plural(report.steps.length, "step")} (${byRisk(riskCounts(report.steps.map((s) => s.risk)))})`,
    plural(report.problems.length, "problem"),
    `${plural(kept.length, "block")} kept out of steps`,
    plural(report.placeholders.length, "input"),
    plural(report.notes.length, "note"),
  ];
  const lines = [
    ...wrap(`${file} → ${report.slug} "${report.title}"`, width, "", INDENT),
    ...wrap(counts.join(", "), width, INDENT),
    ...section(
      file,
      "Problems",
      report.problems.map((p) => ({
        line: p.line,
        head: p.title,
        details: [
          p.stepIds.length ? `steps: ${p.stepIds.join(", ")}` : "no steps",
          p.symptoms.length ? `symptoms: ${quoted(p.symptoms)}` : "",
        ],
      })),
      width,
    ),
    ...section(
      file,
      "Steps made",
      report.steps.map((s) => ({
        line: s.line,
        head: s.id,
        details: [`${stepFacts(s)}: ${s.title}`, s.riskReason ? `why ${s.risk}: ${s.riskReason}` : ""],
      })),
      width,
    ),
    ...section(
      file,
      "Blocks kept as prose, output or symptoms",
      kept.map((b) => ({
        line: b.line,
        head: `${b.class}${b.lang ? ` (\`\`\`${b.lang})` : ""} → ${describeDecision(b.decision)}`,
        details: [b.reason ? `why: ${b.reason}` : ""],
      })),
      width,
    ),
    ...section(
      file,
      "Placeholders made inputs",
      report.placeholders.map((p) => ({ line: p.line, head: `${p.text} → ${p.input}` })),
      width,
    ),
    ...section(
      file,
      "Notes",
      report.notes.map((n) => ({ line: n.line, head: n.message })),
      width,
    ),
  ];
  return lines.join("\n");
}

// ── The summary table ───────────────────────────────────────────────────────

export interface ImportSummary {
  file: string;
  status: "ok" | "failed";
  slug?: string;
  title?: string;
  steps?: Record<Risk, number>;
  symptoms?: number;
  inputs?: number;
  notes?: number;
  /** Why it failed, or where the draft went ("saved as /drafts/…"). */
  message?: string;
}

/** A summary row for a file that imported. */
export function summariseImport(
  file: string,
  { draft, report }: { draft: PlaybookDraft; report: ImportReport },
): ImportSummary {
  const risks = draft.blocks.flatMap((b) => (b.kind === "step" ? [b.step.risk] : []));
  return {
    file,
    status: "ok",
    slug: draft.slug,
    title: draft.title,
    steps: riskCounts(risks),
    symptoms: draft.symptoms.length,
    inputs: draft.inputs?.length ?? 0,
    notes: report.notes.length,
  };
}

interface Column {
  head: string;
  cell: (row: ImportSummary) => string;
  /** Numbers line up on the right. */
  right?: boolean;
  /** A text column: which end a cell too long for it keeps, and how readily it gives up width. */
  keep?: "start" | "end";
  shrink?: number;
}

const count = (n: number | undefined) => (n === undefined ? "-" : String(n));

// Steps by risk share one column, "read/change/danger", so the text columns keep room at 100.
const COLUMNS: Column[] = [
  { head: "FILE", cell: (r) => r.file, keep: "end", shrink: 1 },
  { head: "SLUG", cell: (r) => r.slug ?? "-", keep: "start", shrink: 1.2 },
  { head: "TITLE", cell: (r) => r.title ?? "-", keep: "start", shrink: 1.5 },
  {
    head: `STEPS ${RISKS.map((r) => r[0]).join("/")}`,
    cell: (r) => (r.steps ? RISKS.map((risk) => r.steps?.[risk] ?? 0).join("/") : "-"),
    right: true,
  },
  { head: "SYMPTOMS", cell: (r) => count(r.symptoms), right: true },
  { head: "INPUTS", cell: (r) => count(r.inputs), right: true },
  { head: "NOTES", cell: (r) => count(r.notes), right: true },
  { head: "STATUS", cell: (r) => r.status },
];

const GAP = "  ";
const MIN_TEXT = 8;

function fit(text: string, width: number, keep: "start" | "end"): string {
  if (text.length <= width) return text;
  return keep === "end" ? `…${text.slice(text.length - width + 1)}` : `${text.slice(0, width - 1)}…`;
}

/** Narrows the text column that gives up width most readily until the row fits (none below MIN_TEXT). */
function columnWidths(rows: ImportSummary[], width: number): number[] {
  const widths = COLUMNS.map((c) => Math.max(c.head.length, ...rows.map((r) => c.cell(r).length)));
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  const weight = (i: number) => ((widths[i] ?? 0) > MIN_TEXT ? (widths[i] ?? 0) * (COLUMNS[i]?.shrink ?? 0) : 0);
  const text = COLUMNS.flatMap((c, i) => (c.shrink ? [i] : []));
  while (total() > width) {
    const next = text.reduce((a, b) => (weight(b) > weight(a) ? b : a));
    if (weight(next) === 0) break;
    widths[next] = (widths[next] ?? 0) - 1;
  }
  return widths;
}

/** The batch as a table, then a totals line and each failure's reason or each file's message. */
export function formatSummaryTable(rows: ImportSummary[], width = REPORT_WIDTH): string {
  const widths = columnWidths(rows, width);
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const column = COLUMNS[i] as Column;
        const w = widths[i] ?? 0;
        const text = fit(cell, w, column.keep ?? "start");
        return column.right ? text.padStart(w) : text.padEnd(w);
      })
      .join(GAP)
      .trimEnd();
  const ok = rows.filter((r) => r.status === "ok");
  const steps = riskCounts([]);
  for (const r of ok) for (const risk of RISKS) steps[risk] += r.steps?.[risk] ?? 0;
  const stepTotal = RISKS.reduce((n, risk) => n + steps[risk], 0);
  const failed = rows.length - ok.length;
  const totals =
    `${plural(rows.length, "file")}: ${ok.length} ok, ${failed} failed; ` +
    `${plural(stepTotal, "step")} (${byRisk(steps)})`;
  const messages = rows.flatMap((r) => (r.message ? wrap(`${r.file}: ${r.message}`, width, "", INDENT) : []));
  return [
    render(COLUMNS.map((c) => c.head)),
    ...rows.map((r) => render(COLUMNS.map((c) => c.cell(r)))),
    "",
    ...wrap(totals, width, ""),
    ...messages,
  ].join("\n");
}
