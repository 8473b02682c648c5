// Reads a troubleshooting write-up that Casebook did not produce, such as the session-learnings
// documents people keep: headings are matched by what they usually say ("Root Causes Identified",
// "Key Insights", "Session 2 (2025-12-27)", "Root Cause #3: …"), and whatever does not fit a field
// is kept in the summary under its own heading, so an import loses nothing.
import { blankRootCause } from "../fields";
import { SEVERITIES, STATUSES } from "../schema";
import { headingTree, nodeBody, nodeLines, type HeadingNode } from "./heading-tree";
import { fenceMask, trimBlock } from "./lines";
import {
  OUTPUT_LANGS,
  fencedBlocks,
  inlineCodes,
  isOnlyList,
  listItems,
  looksLikeError,
  plainHeading,
} from "./markdown-bits";
import { emptyRawIncident, splitList, type ParsedWriteUp, type RawIncident, type RawRootCause } from "./raw-incident";

type CauseField = Exclude<keyof RawRootCause, "title">;
type SectionKind =
  "summary" | "symptoms" | "rootCauses" | "timeline" | "resolution" | "insights" | "lessons" | "actions";

const SECTION_KINDS: Array<[SectionKind, RegExp]> = [
  ["rootCauses", /^(root causes?|causes)( identified| found)?$/],
  ["timeline", /^(timeline|chronology|(debugging |investigation )?(session )?log)$/],
  [
    "summary",
    /^(problem summary|summary|executive summary|problem statement|problem|overview|description|the issue|issue)$/,
  ],
  ["symptoms", /^(symptoms?|error messages?|errors?)$/],
  [
    "resolution",
    /^((the |final )?(fix|solution)( \(.*\))?|resolution|how it was (fixed|resolved)|workaround|success metrics)$/,
  ],
  ["insights", /\b(key )?(insights?|takeaways?)\b/],
  ["lessons", /\b(lessons?( learned)?|recommendations?)\b/],
  ["actions", /^(next steps|action items|follow[- ]?ups?( actions)?|to ?do|success criteria|remaining work)$/],
];

const CAUSE_HEADING = /^root cause\s*(?:#\s*(\d+)|(\d+))?\s*(?:\(([^)]*)\))?\s*[:\-–—]\s*(.+)$/i;
const SESSION_HEADING = /^session\s*\d+\b/i;
const LABEL = /^\*\*([^*\n]+?)(?::\*\*|\*\*:)[ \t]*(.*)$/;

/** The status a write-up's own word for it means, if it is one we know. */
function statusOf(value: string): string | null {
  const v = value.toLowerCase().trim();
  if ((STATUSES as readonly string[]).includes(v)) return v;
  if (/^(fixed|done|closed|solved)\b/.test(v)) return "resolved";
  if (/^(worked around|workaround)\b/.test(v)) return "mitigated";
  if (/^(open|ongoing|in progress|active)\b/.test(v)) return "investigating";
  return null;
}

function sectionKind(title: string): SectionKind | null {
  const t = plainHeading(title)
    .toLowerCase()
    .replace(/^\d+[.)]\s*/, "");
  for (const [kind, re] of SECTION_KINDS) if (re.test(t)) return kind;
  return null;
}

/** Where a labelled paragraph (`**Fix Applied**: …`) inside a root cause belongs, and whether the
 *  label is only a field name (dropped) or says something worth keeping. */
function labelTarget(label: string): { field: CauseField; keep: boolean } | null {
  const l = label.toLowerCase().trim();
  if (/^(symptoms?|error( pattern| message)?)$/.test(l)) return { field: "symptom", keep: false };
  if (/^(root )?cause$/.test(l)) return { field: "cause", keep: false };
  if (l === "evidence") return { field: "evidence", keep: false };
  if (/^(solution|fix)$/.test(l)) return { field: "fix", keep: false };
  if (l === "prevention") return { field: "prevention", keep: false };
  if (/^(old|wrong|current|before)\b|attempt|observ|result/.test(l)) return { field: "evidence", keep: true };
  if (/^(new|correct|fixed|after)\b|fix applied|the fix|workaround|why needed/.test(l))
    return { field: "fix", keep: true };
  if (/key difference|analysis|^why\b/.test(l)) return { field: "cause", keep: true };
  if (/documentation|prevent/.test(l)) return { field: "prevention", keep: true };
  return null;
}

/** Where a heading right after a root cause belongs ("The Fix", "Validation Results"). */
function attachmentTarget(title: string): CauseField | null {
  const t = plainHeading(title).toLowerCase();
  if (/attempt|validation|evidence|result|test|observation|confirm|verif/.test(t)) return "evidence";
  if (/^(the )?(fix|solution)|solutions?$|workaround|remed/.test(t)) return "fix";
  if (/prevent/.test(t)) return "prevention";
  return null;
}

/** A status marker after an emoji ("✅ FIXED", "⚠️") is not part of a heading's meaning. */
function stripStatus(title: string): string {
  return title.replace(/\s*[✅❌⚠]\uFE0F?\s*[A-Z !]*$/u, "");
}

function cleanCauseTitle(title: string): string {
  return plainHeading(stripStatus(title))
    .replace(/^\d+[.)]\s*/, "")
    .replace(/^(confirmed|theory)\s*[-–:]\s*/i, "")
    .trim();
}

function joinText(a: string, b: string): string {
  return a && b ? `${a}\n\n${b}` : a || b;
}

function text(lines: readonly string[]): string {
  return trimBlock(lines, { rules: true }).join("\n");
}

class WriteUpReader {
  readonly incident: RawIncident = emptyRawIncident();
  readonly lines = new Map<string, number>();
  private readonly summary: string[] = [];
  private readonly notes: string[] = [];
  private readonly resolution: string[] = [];
  private readonly causeByNumber = new Map<string, number>();
  private lastCause: number | null = null;
  private docDate: string | null = null;
  private sawSymptoms = false;
  private sawLearnings = false;

  constructor(private readonly source: string) {}

  read(): ParsedWriteUp {
    const root = headingTree(this.source);
    const h1s = root.children.filter((c) => c.level === 1);
    const top = h1s.length === 1 ? h1s[0] : undefined;
    const first = top ?? root.children[0];
    this.incident.title = first ? plainHeading(first.title) : "Imported incident";
    this.lines.set("title", first?.line ?? 1);
    this.docDate = /\b(\d{4}-\d{2}-\d{2})\b/.exec(this.source)?.[1] ?? null;

    if (root.own.some((l) => l.trim() !== "")) this.notes.push(text(root.own));
    if (top) {
      this.readPreamble(top);
      this.visit(root.children.filter((c) => c !== top));
      this.visit(top.children);
    } else {
      this.visit(root.children);
    }

    const inc = this.incident;
    inc.summary = [...this.summary, ...this.notes].filter((s) => s !== "").join("\n\n");
    inc.resolution = this.resolution.filter((s) => s !== "").join("\n\n");
    if (inc.startedAt === null && this.docDate) inc.startedAt = this.docDate;
    if (!this.sawSymptoms) inc.symptoms = this.deriveSymptoms();
    if (!this.sawLearnings) this.deriveLearnings();
    return { incident: inc, lines: this.lines };
  }

  private readPreamble(top: HeadingNode) {
    const kept: string[] = [];
    top.own.forEach((line, i) => {
      const m = LABEL.exec(line.replace(/ {2}$/, ""));
      const key = m?.[1]?.trim().toLowerCase();
      const value = (m?.[2] ?? "").trim();
      const at = top.ownStart + i;
      if (key === "date" && /^\d{4}-\d{2}-\d{2}/.test(value)) {
        this.docDate = value;
        this.incident.startedAt = value;
        this.lines.set("startedAt", at);
      } else if (key === "severity" && /^(sev|p)\s*-?\s*\d+$/i.test(value)) {
        // Kept as written when out of range, so validation names this line.
        const n = /\d+/.exec(value)?.[0] ?? "";
        this.incident.severity = (SEVERITIES as readonly string[]).includes(`SEV${n}`) ? `SEV${n}` : value;
        this.lines.set("severity", at);
      } else if (key === "status" && statusOf(value) !== null) {
        this.incident.status = statusOf(value) ?? "";
        this.lines.set("status", at);
      } else if ((key === "environment" || key === "host" || key === "hosts") && value) {
        this.incident.environment = value;
        this.lines.set("environment", at);
      } else if (key === "tags") {
        this.incident.tags = splitList(value).map((t) => t.toLowerCase());
        this.lines.set("tags", at);
      } else {
        kept.push(line);
      }
    });
    const preamble = text(kept);
    if (preamble) this.summary.push(preamble);
  }

  /** A heading like "The Fix" belongs to a root cause only when it follows it as a sibling. */
  private visit(nodes: readonly HeadingNode[]) {
    this.lastCause = null;
    for (const node of nodes) this.visitNode(node);
    this.lastCause = null;
  }

  private visitNode(node: HeadingNode) {
    const causeMatch = CAUSE_HEADING.exec(plainHeading(stripStatus(node.title)));
    if (causeMatch) return this.addCause(node, causeMatch[1] ?? causeMatch[2] ?? null, causeMatch[4] ?? node.title);
    if (SESSION_HEADING.test(plainHeading(node.title))) return this.addSession(node);

    const attach = this.lastCause !== null ? attachmentTarget(node.title) : null;
    const kind = sectionKind(node.title);
    if (attach && (kind === null || kind === "resolution") && node.level > 2) return this.attach(node, attach);

    switch (kind) {
      case "rootCauses":
        if (trimBlock(node.own, { rules: true }).length)
          this.notes.push(text([`${"#".repeat(node.level)} ${node.title}`, ...node.own]));
        for (const child of node.children) {
          if (SESSION_HEADING.test(plainHeading(child.title))) this.addSession(child);
          else this.addCause(child, null, child.title);
        }
        return;
      case "timeline":
        if (trimBlock(node.own, { rules: true }).length)
          this.notes.push(text([`${"#".repeat(node.level)} ${node.title}`, ...node.own]));
        this.visit(node.children);
        return;
      case "summary":
        this.summary.push(
          this.summary.length === 0 ? text(this.plainBody(node)) : text([`### ${node.title}`, ...this.plainBody(node)]),
        );
        return;
      case "symptoms":
        this.sawSymptoms = true;
        this.incident.symptoms.push(...this.symptomsIn(this.plainBody(node)));
        this.lines.set("symptoms", node.line);
        return;
      case "resolution":
        this.resolution.push(text(this.plainBody(node)));
        this.lines.set("resolution", node.line);
        return;
      case "insights":
      case "lessons":
        this.sawLearnings = true;
        this.addLearnings(node, kind === "insights" ? "insight" : "lesson");
        return;
      case "actions":
        this.addActions(node);
        return;
      default:
        if (node.children.some((c) => this.isSpecial(c))) {
          const own = trimBlock(node.own, { rules: true });
          if (own.length) this.notes.push(text([`${"#".repeat(node.level)} ${node.title}`, ...own]));
          this.visit(node.children);
        } else {
          this.notes.push(text(nodeLines(node)));
        }
    }
  }

  /** Sessions and root causes are read wherever they sit, even under an unrelated heading. */
  private isSpecial(node: HeadingNode): boolean {
    const t = plainHeading(node.title);
    return (
      CAUSE_HEADING.test(t) ||
      SESSION_HEADING.test(t) ||
      sectionKind(node.title) !== null ||
      node.children.some((c) => this.isSpecial(c))
    );
  }

  /** The node's text, with special descendants taken out and visited on their own. */
  private plainBody(node: HeadingNode): string[] {
    const special = node.children.filter(
      (c) => CAUSE_HEADING.test(plainHeading(c.title)) || SESSION_HEADING.test(plainHeading(c.title)),
    );
    const plain = node.children.filter((c) => !special.includes(c));
    this.visit(special);
    return [...node.own, ...plain.flatMap(nodeLines)];
  }

  private addSession(node: HeadingNode) {
    const title = plainHeading(node.title);
    const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(title)?.[1] ?? this.docDate ?? new Date().toISOString();
    this.lines.set(`timeline.${this.incident.timeline.length}`, node.line);
    this.incident.timeline.push({ at: date, kind: "note", text: title, link: null });
    const own = trimBlock(node.own, { rules: true });
    if (own.length) this.notes.push(text([`${"#".repeat(node.level)} ${node.title}`, ...own]));
    this.visit(node.children);
  }

  private addCause(node: HeadingNode, number: string | null, rawTitle: string) {
    const fields = this.causeFields(node.own);
    const existing = number !== null ? this.causeByNumber.get(number) : undefined;
    let index: number;
    if (existing !== undefined) {
      index = existing;
      const cause = this.incident.rootCauses[index];
      if (cause) for (const f of Object.keys(fields) as CauseField[]) cause[f] = joinText(cause[f], fields[f]);
    } else {
      index = this.incident.rootCauses.length;
      this.lines.set(`rootCauses.${index}`, node.line);
      this.incident.rootCauses.push({ title: cleanCauseTitle(rawTitle), ...fields });
      if (number !== null) this.causeByNumber.set(number, index);
    }
    this.lastCause = index;
    for (const child of node.children) {
      const target = attachmentTarget(child.title) ?? "cause";
      this.attachTo(index, child, target);
    }
  }

  private attach(node: HeadingNode, field: CauseField) {
    if (this.lastCause !== null) this.attachTo(this.lastCause, node, field);
  }

  private attachTo(index: number, node: HeadingNode, field: CauseField) {
    const cause = this.incident.rootCauses[index];
    if (!cause) return;
    cause[field] = joinText(
      cause[field],
      text([`**${plainHeading(node.title)}**`, "", ...trimBlock(nodeBody(node), { rules: true })]),
    );
  }

  private causeFields(lines: readonly string[]): Record<CauseField, string> {
    const { title: _title, ...fields }: Record<CauseField | "title", string> = blankRootCause();
    const mask = fenceMask(lines);
    let field: CauseField = "cause";
    let buffer: string[] = [];
    const flush = () => {
      fields[field] = joinText(fields[field], text(buffer));
      buffer = [];
    };
    lines.forEach((line, i) => {
      const m = mask[i] ? null : LABEL.exec(line);
      const target = m ? labelTarget(m[1] ?? "") : null;
      if (!m || !target) {
        buffer.push(line);
        return;
      }
      flush();
      field = target.field;
      if (target.keep) buffer.push(line);
      else if ((m[2] ?? "").trim()) buffer.push(m[2] ?? "");
    });
    flush();
    return fields;
  }

  private addLearnings(node: HeadingNode, kind: "insight" | "lesson") {
    const add = (t: string, line: number) => {
      if (!t) return;
      this.lines.set(`learnings.${this.incident.learnings.length}`, line);
      this.incident.learnings.push({ kind, text: t, playbookSlug: null, stepId: null });
    };
    const addList = (lines: readonly string[], offset: number, group: string | null) => {
      for (const item of listItems(lines)) add(group ? `${group}: ${item.text}` : item.text, offset + item.line);
    };
    if (node.children.length === 0) {
      if (isOnlyList(node.own)) addList(node.own, node.ownStart, null);
      else add(text(node.own), node.line);
      return;
    }
    if (isOnlyList(node.own)) addList(node.own, node.ownStart, null);
    else if (text(node.own)) add(text(node.own), node.line);
    for (const child of node.children) {
      if (CAUSE_HEADING.test(plainHeading(child.title)) || SESSION_HEADING.test(plainHeading(child.title))) {
        this.visitNode(child);
        continue;
      }
      const title = plainHeading(child.title).replace(/^\d+[.)]\s*/, "");
      const numbered = /^\d+[.)]/.test(plainHeading(child.title));
      const bodyLines = nodeBody(child);
      if (!numbered && isOnlyList(bodyLines)) addList(bodyLines, child.ownStart, title);
      // The heading is the insight in a few words: keep it visibly the title.
      else add(joinText(title ? `**${title}**` : "", text(bodyLines)), child.line);
    }
  }

  private addActions(node: HeadingNode) {
    const walk = (n: HeadingNode) => {
      for (const item of listItems(n.own)) {
        const t = item.text.replace(/\s*\n\s*/g, " ").slice(0, 500);
        if (!t) continue;
        this.lines.set(`actionItems.${this.incident.actionItems.length}`, n.ownStart + item.line);
        this.incident.actionItems.push({ text: t, owner: "", done: item.checked === true });
      }
      for (const child of n.children) {
        if (this.isSpecial(child) && sectionKind(child.title) !== "actions") this.visitNode(child);
        else walk(child);
      }
    };
    walk(node);
  }

  /** Verbatim error text: code blocks without a language, and error-looking inline code. */
  private symptomsIn(lines: readonly string[]): string[] {
    const out: string[] = [];
    for (const block of fencedBlocks(lines)) {
      if (OUTPUT_LANGS.has(block.lang))
        out.push(
          ...block.code
            .split("\n")
            .filter(looksLikeError)
            .map((l) => l.trim()),
        );
    }
    for (const code of inlineCodes(lines)) if (code.length >= 8) out.push(code);
    return out;
  }

  private deriveSymptoms(): string[] {
    const inc = this.incident;
    const fromCauses = inc.rootCauses.flatMap((c) => {
      const lines = c.symptom.split("\n");
      const found = [
        ...fencedBlocks(lines)
          .filter((b) => OUTPUT_LANGS.has(b.lang))
          .map((b) => b.code.trim()),
        ...inlineCodes(lines),
      ];
      return found.length
        ? found
        : c.symptom && !c.symptom.includes("\n") && looksLikeError(c.symptom)
          ? [c.symptom]
          : [];
    });
    const elsewhere = [inc.summary, ...inc.rootCauses.flatMap((c) => [c.cause, c.evidence])].flatMap((t) => {
      const lines = t.split("\n");
      const blocks = fencedBlocks(lines).filter((b) => OUTPUT_LANGS.has(b.lang));
      return [
        ...blocks.flatMap((b) =>
          b.code
            .split("\n")
            .filter(looksLikeError)
            .map((l) => l.trim()),
        ),
        ...inlineCodes(lines).filter(looksLikeError),
      ];
    });
    return [...new Set([...fromCauses, ...elsewhere])].slice(0, 50);
  }

  /** A write-up without insights still taught something: each root cause, in a sentence. */
  private deriveLearnings() {
    this.incident.rootCauses.forEach((cause, i) => {
      const firstParagraph =
        cause.cause.split(/\n\s*\n/).find((p) => p.trim() && !/^(```|~~~|\*\*)/.test(p.trim())) ?? "";
      const line = this.lines.get(`rootCauses.${i}`) ?? 1;
      this.lines.set(`learnings.${this.incident.learnings.length}`, line);
      this.incident.learnings.push({
        kind: "insight",
        text: joinText(`**${cause.title}**`, firstParagraph.trim()),
        playbookSlug: null,
        stepId: null,
      });
    });
  }
}

export function parseWriteUp(source: string): ParsedWriteUp {
  return new WriteUpReader(source.replace(/\r\n?/g, "\n")).read();
}
