// The acorn the content index's MDX parser runs, with one shortcut: an expression that cannot be
// complete is refused without parsing it.
//
// The MDX parser finds where `{…}` ends by trying acorn at every `}`, so expect={{ exit: 0 }} is
// parsed once at the inner brace, where it fails, then again at the outer one. Each failed try
// costs as much as a successful one. A prefix with more opening brackets than closing ones, outside
// string literals, can never be valid JavaScript. The only places a lone bracket can hide are
// strings, template literals, regular expressions, comments and JSX text. Strings are skipped here,
// and anything containing a backtick, `/` or `<` goes to acorn as it is.
//
// A refusal's error only steers the tokenizer to the next `}`. If a document fails to parse at all,
// mdx-tree.ts parses it again with plain acorn, so the error an author sees is acorn's own.
import { Parser, type Options } from "acorn";
import acornJsx from "acorn-jsx";

/** Acorn with JSX, as remark-mdx configures it by default. */
export const jsxAcorn = Parser.extend(acornJsx());

const QUOTE = new Set(["'", '"']);
const OPENERS = new Set(["{", "(", "["]);
const CLOSERS = new Set(["}", ")", "]"]);
const ASK_ACORN = new Set(["`", "/", "<"]);

/** True only when `source` has an unclosed bracket that no valid expression could have. */
export function cannotBeComplete(source: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quote) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
      // A line break ends a string with an error: acorn's to report.
      else if (char === "\n" || char === "\r") return false;
    } else if (QUOTE.has(char)) quote = char;
    else if (ASK_ACORN.has(char)) return false;
    else if (OPENERS.has(char)) depth++;
    else if (CLOSERS.has(char)) depth--;
  }
  return quote === undefined && depth > 0;
}

/** What micromark-util-events-to-acorn reads from a failure: where it was raised. */
class Incomplete extends SyntaxError {
  constructor(
    readonly pos: number,
    readonly raisedAt = pos,
  ) {
    super("Unexpected end of input");
  }
}

export const quickRejectAcorn = {
  parse: (source: string, options: Options) => jsxAcorn.parse(source, options),
  parseExpressionAt(source: string, at: number, options: Options) {
    if (cannotBeComplete(source.slice(at))) throw new Incomplete(source.length);
    return jsxAcorn.parseExpressionAt(source, at, options);
  },
};
