// Which fenced blocks are sample output (what a command printed, an error as shown, a text
// diagram) rather than code, and so start collapsed on a long playbook page, and what their
// summary says. One home for the rule: the code block component asks here,
// docs/playbook-format.md describes it.

/** Fence languages that hold output; plain text (also a block with no language) may be either. */
const OUTPUT_LANGUAGES = new Set(["console", "output", "log"]);
const TEXT_LANGUAGES = new Set(["text", "txt", "plaintext", "plain"]);

/** Output this short is read at a glance (often the error line itself) and stays open. */
export const OPEN_OUTPUT_LINES = 3;

/** Box-drawing characters and pipes frame diagrams; they say nothing in a one-line preview. */
const FRAME = /^[\s\u2500-\u257f|]+|[\s\u2500-\u257f|]+$/gu;

export interface CollapsedOutput {
  /** e.g. "37 lines of text". */
  label: string;
  /** The first line that says something, unframed; empty when none does. */
  preview: string;
}

/** How a block collapses, or undefined when it stays open. */
export function collapsedOutput(lang: string | undefined, lines: readonly string[]): CollapsedOutput | undefined {
  const kind = lang?.toLowerCase() ?? "";
  const output = OUTPUT_LANGUAGES.has(kind);
  if ((!output && !TEXT_LANGUAGES.has(kind)) || lines.length <= OPEN_OUTPUT_LINES) return undefined;
  const first = lines.find((l) => /[\p{L}\p{N}]/u.test(l)) ?? "";
  return { label: `${lines.length} lines of ${output ? "output" : "text"}`, preview: first.replace(FRAME, "") };
}
