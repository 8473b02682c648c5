// Where a step's command expands a plain variable, `$NAME` or `${NAME}`, and whether it sits in
// double quotes, read from the shell parser's tree. Copy fills a run's values in at exactly these
// places (lib/runs/fill-variables.ts). Anything else stays as written: `${NAME:-x}` and other
// operators, arithmetic, array subscripts and heredoc bodies, where a quoted value would not mean
// the same as the variable.
import type { ParseShell, ShellNode } from "./shell-parser";
import type { VariableUse } from "./types";

/** The nearest of these above a use decides: a word of a command, or a place where it is not one. */
const WORD_CONTEXTS = new Set([
  "program",
  "command",
  "variable_assignment",
  "test_command",
  "for_statement",
  "case_statement",
  "redirected_statement",
  "file_redirect",
]);
const OTHER_CONTEXTS = new Set([
  "heredoc_body",
  "arithmetic_expansion",
  "subscript",
  "expansion",
  "compound_statement",
]);

const BRACED = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
const SIMPLE = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;

export function variableUses(parse: ParseShell, code: string): VariableUse[] {
  return parse(code, ({ root }) => variableUsesIn(root));
}

/** The same, read from a tree already parsed (the risk classifier's, in the content check). */
export function variableUsesIn(root: ShellNode): VariableUse[] {
  const uses: VariableUse[] = [];
  const walk = (node: ShellNode) => {
    if (node.type === "simple_expansion" || node.type === "expansion") {
      const use = plainUse(node);
      if (use) uses.push(use);
      return;
    }
    for (const child of node.namedChildren) walk(child);
  };
  walk(root);
  return uses;
}

function plainUse(node: ShellNode): VariableUse | undefined {
  const name = (node.type === "expansion" ? BRACED : SIMPLE).exec(node.text)?.[1];
  if (!name || !inWord(node)) return undefined;
  return { name, start: node.startIndex, end: node.endIndex, quoted: node.parent?.type === "string" };
}

function inWord(node: ShellNode): boolean {
  for (let up = node.parent; up; up = up.parent) {
    if (OTHER_CONTEXTS.has(up.type)) return false;
    if (WORD_CONTEXTS.has(up.type)) return true;
  }
  return false;
}
