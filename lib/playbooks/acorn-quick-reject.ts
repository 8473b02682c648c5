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

const code = (char: string) => char.charCodeAt(0);
const [BACKSLASH, LF, CR] = [code("\\"), code("\n"), code("\r")];
const [SINGLE_QUOTE, DOUBLE_QUOTE, BACKTICK, SLASH, LESS_THAN] = [
  code("'"),
  code('"'),
  code("`"),
  code("/"),
  code("<"),
];
const [OPEN_BRACE, OPEN_PAREN, OPEN_BRACKET] = [code("{"), code("("), code("[")];
const [CLOSE_BRACE, CLOSE_PAREN, CLOSE_BRACKET] = [code("}"), code(")"), code("]")];

/** True only when `source` (from `at`) has an unclosed bracket that no valid expression could have. */
export function cannotBeComplete(source: string, at = 0): boolean {
  let depth = 0;
  let quote = 0;
  // Character codes, not strings: this runs at every `}` of every attribute.
  for (let i = at; i < source.length; i++) {
    const char = source.charCodeAt(i);
    if (quote !== 0) {
      if (char === BACKSLASH) i++;
      else if (char === quote) quote = 0;
      // A line break ends a string with an error: acorn's to report.
      else if (char === LF || char === CR) return false;
      continue;
    }
    switch (char) {
      case SINGLE_QUOTE:
      case DOUBLE_QUOTE:
        quote = char;
        break;
      case BACKTICK:
      case SLASH:
      case LESS_THAN:
        return false;
      case OPEN_BRACE:
      case OPEN_PAREN:
      case OPEN_BRACKET:
        depth++;
        break;
      case CLOSE_BRACE:
      case CLOSE_PAREN:
      case CLOSE_BRACKET:
        depth--;
    }
  }
  return quote === 0 && depth > 0;
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
    if (cannotBeComplete(source, at)) throw new Incomplete(source.length);
    return jsxAcorn.parseExpressionAt(source, at, options);
  },
};
