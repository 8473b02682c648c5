// Which fenced blocks are sample output (what a command printed, an error as shown) rather than
// code, and so start collapsed on a long playbook page. One home for the rule: the code block
// component asks here, docs/playbook-format.md describes it.

/** Fence languages that hold output, not code; a block with no language is highlighted as text. */
const OUTPUT_LANGUAGES = new Set(["text", "txt", "plaintext", "plain", "console", "output", "log"]);

/** Output this short is read at a glance (often the error line itself) and stays open. */
export const OPEN_OUTPUT_LINES = 3;

export function collapsesAsOutput(lang: string | undefined, lines: number): boolean {
  return lang !== undefined && OUTPUT_LANGUAGES.has(lang.toLowerCase()) && lines > OPEN_OUTPUT_LINES;
}
