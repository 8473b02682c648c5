// Shell words as the risk classifier sees them: what is certain (the literal value) and what is not
// (anything that expands at run time).
import type { ShellNode } from "./shell-parser";

/** Stands for text only known at run time (a command substitution, `$1`, `${x#y}`). */
export const UNKNOWN = "\u0000";

export interface Word {
  /** As written, quotes included. */
  text: string;
  /** The value after quote removal, when nothing in the word expands at run time. */
  value?: string;
  /** The value with `$NAME` / `${NAME}` kept as `${NAME}` and other expansions as UNKNOWN. */
  shape: string;
}

export function literalWord(value: string): Word {
  return { text: value, value, shape: value };
}

export function unknownWord(text: string, shape = UNKNOWN): Word {
  return { text, shape };
}

/** A word of the syntax tree (a command's name or argument). */
export function toWord(node: ShellNode): Word {
  const expands = { found: false };
  const shape = shapeOf(node, expands);
  return expands.found || shape.includes(UNKNOWN)
    ? { text: node.text, shape }
    : { text: node.text, value: shape, shape };
}

function shapeOf(node: ShellNode, expands: { found: boolean }): string {
  switch (node.type) {
    case "word":
    case "number":
      return node.namedChildCount > 0 ? UNKNOWN : unescapeBare(node.text);
    case "raw_string":
      return node.text.slice(1, -1);
    case "ansi_c_string":
      // $'…' escapes can spell anything ($'\x72m'); only an escape-free one is taken as written.
      return node.text.includes("\\") ? UNKNOWN : node.text.slice(2, -1);
    case "string":
      return spans(node, node.startIndex + 1, node.endIndex - 1, unescapeDouble, expands);
    case "translated_string":
      return node.namedChildren[0] ? shapeOf(node.namedChildren[0], expands) : UNKNOWN;
    case "concatenation":
      return spans(node, node.startIndex, node.endIndex, unescapeBare, expands);
    case "simple_expansion": {
      expands.found = true;
      const name = node.namedChildren[0];
      return name?.type === "variable_name" ? `\${${name.text}}` : UNKNOWN;
    }
    case "expansion":
      expands.found = true;
      return expansionShape(node.text);
    default:
      return UNKNOWN;
  }
}

/** The children's shapes, with the text between them (literal parts) unescaped. */
function spans(
  node: ShellNode,
  from: number,
  to: number,
  unescape: (text: string) => string,
  expands: { found: boolean },
): string {
  const source = node.text;
  const base = node.startIndex;
  let out = "";
  let at = from;
  for (const child of node.children) {
    if (child.startIndex < from || child.endIndex > to) continue;
    if (child.startIndex > at) out += unescape(source.slice(at - base, child.startIndex - base));
    out +=
      child.type === "string_content" ? unescape(child.text) : child.isNamed ? shapeOf(child, expands) : child.text;
    at = child.endIndex;
  }
  if (at < to) out += unescape(source.slice(at - base, to - base));
  return out;
}

/** `${NAME}` stays a variable; `${TMPDIR:-/tmp}` is still TMPDIR; anything else is unknown. */
function expansionShape(text: string): string {
  const plain = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(:?-\/tmp)?\}$/.exec(text);
  return plain ? `\${${plain[1]}}` : UNKNOWN;
}

function unescapeBare(text: string): string {
  return text.replace(/\\\n/g, "").replace(/\\(.)/gs, "$1");
}

function unescapeDouble(text: string): string {
  return text.replace(/\\\n/g, "").replace(/\\([$`"\\])/g, "$1");
}
