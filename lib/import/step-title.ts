// A meaningful title for each step: the comment that introduces its commands, the sentence before
// it, its heading when that is the only step under it, or else what the command does.
import type { Paragraph } from "mdast";
import { nodeText } from "@/lib/markdown/node-text";

const LABEL = new RegExp(
  [
    "^(symptoms?|errors?|error message|problem|issue|cause|root cause|solution|fix|workaround|evidence|",
    "check|verify|note|example|output|steps?)\\s*:?\\s*$",
  ].join(""),
  "i",
);

/** A heading as a title: without list numbering, status emoji or "Root Cause #1:". */
export function cleanTitle(title: string): string {
  return title
    .replace(/\s*[\u{2705}\u{274C}\u{26A0}]\u{FE0F}?\s*([A-Z]{3,}( [A-Z]{3,})*)?\s*$/u, "")
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]/gu, "")
    .replace(/\u{FE0F}/gu, "")
    .replace(/^\s*(\d+(\.\d+)*[.)]?|[A-Z][.)])\s+/, "")
    .replace(/^(problem|issue|q|question)\s*#?\s*\d*\s*[:.\-–]\s*/i, "")
    .replace(/^root cause\s*#?\s*\d*\s*(\([^)]*\))?\s*:\s*/i, "")
    .replace(/\s+/g, " ")
    .trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The label a paragraph starts with, e.g. "Fix" for "**Fix:** …", and the text after it. */
export function leadingLabel(p: Paragraph): { label: string; rest: string } | null {
  const first = p.children[0];
  if (first?.type !== "strong") return null;
  const label = nodeText(first).trim();
  const rest = nodeText({ ...p, children: p.children.slice(1) })
    .replace(/^\s*:\s*/, "")
    .trim();
  return { label: label.replace(/[:.]$/, ""), rest };
}

// How the sentence hands over to the code ("… For example:", "… using:", "… with the following
// command:"): the part before it is what the step does.
const INTRO_TAIL = new RegExp(
  [
    "(?:[.,;]?\\s+(?:for example|for instance|e\\.g\\.?|like so|like this|as follows)|",
    "\\s+(?:(?:by )?using|with|via|by running|by executing)(?: (?:the|this) (?:following )?commands?)?|",
    "\\s+(?:with|using) the following(?: commands?)?)\\s*$",
  ].join(""),
  "i",
);

/** A title from the sentence just before the code: "**Step 1**: Create …", "Check the pods:". */
export function titleFromIntro(p: Paragraph): string | null {
  const label = leadingLabel(p);
  if (label) {
    if (label.rest === "") return label.label.length <= 100 && !LABEL.test(label.label) ? label.label : null;
    if ((LABEL.test(label.label) || /^step\s*\d+/i.test(label.label)) && label.rest.length <= 100)
      return capitalise(label.rest.replace(/[:.]$/, ""));
    return null;
  }
  const text = nodeText(p).replace(/\s+/g, " ").trim();
  if (text.length > 100 || text.length < 4) return null;
  // "Run:", "For example:" and "Then:" say nothing about what the step does.
  if (/^(run|then|next|for example|e\.g\.|example|try|do this|like this|as follows|or)\s*:?$/i.test(text)) return null;
  if (!text.endsWith(":")) return null;
  const title = text
    .replace(/:$/, "")
    .replace(INTRO_TAIL, "")
    .replace(/^(then|next|now|first),?\s+/i, "");
  return title.length >= 4 ? capitalise(title) : null;
}

/** What a command does, for a step with no better title: "Run `podman info --debug`". */
export function titleFromCommand(code: string): string {
  // A command continued with a backslash is one command, shown on one line.
  const lines = code.replace(/\s*\\\n\s*/g, " ").split("\n");
  const line = lines.map((l) => l.trim()).find((l) => l !== "" && !l.startsWith("#")) ?? code.trim();
  const short = line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line;
  return `Run ${short}`;
}

/** Unique within the playbook: a repeat gets its command instead of a number. */
export function uniqueTitle(title: string, code: string, used: Set<string>): string {
  let result = title;
  if (used.has(result)) result = `${title}: ${titleFromCommand(code).replace(/^Run /, "")}`;
  for (let n = 2; used.has(result); n++) result = `${title} (${n})`;
  used.add(result);
  return result;
}
