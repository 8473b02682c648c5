import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Parser } from "acorn";
import acornJsx from "acorn-jsx";
import remarkFrontmatter from "remark-frontmatter";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cannotBeComplete, jsxAcorn } from "./acorn-quick-reject";
import { parseMdx } from "./mdx-tree";

describe("cannotBeComplete", () => {
  it.each([
    ["{ exit: 0", "an object left open"],
    ['{ exit: 0, match: "ok" ', "an object left open after a string"],
    ['{ match: "}" ', "a closing brace inside a string does not close"],
    ["{ match: 'a\\'}' ", "an escaped quote does not end the string"],
    ["f(a, [1, 2]", "a call left open"],
  ])("refuses %j (%s)", (source) => {
    expect(cannotBeComplete(source)).toBe(true);
  });

  it.each([
    ["{ exit: 0 }", "balanced"],
    ['{ match: "{" }', "an opening brace inside a string does not open"],
    ["{ match: /{/ ", "a regular expression: acorn decides"],
    ["{ match: `${a}` ", "a template literal: acorn decides"],
    ["{ a: 1 /* { */ ", "a comment: acorn decides"],
    ["<b>(</b>", "JSX text: acorn decides"],
    ['{ match: "a\n', "a string broken by a line end: acorn reports it"],
    ['{ match: "a', "a string still open"],
    ["a } {", "as many closers as openers"],
  ])("leaves %j to acorn (%s)", (source) => {
    expect(cannotBeComplete(source)).toBe(false);
  });
});

// The stock parser, as remark-mdx configures it, with a count of acorn's expression parses.
function stockParser() {
  const acorn = Parser.extend(acornJsx());
  const counted = {
    calls: 0,
    parse: acorn.parse.bind(acorn),
    parseExpressionAt(...args: Parameters<typeof acorn.parseExpressionAt>) {
      counted.calls++;
      return acorn.parseExpressionAt(...args);
    },
  };
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ["yaml"])
    .use(remarkMdx, { acorn: counted })
    .freeze();
  return { processor, counted };
}

function stockResult(source: string): unknown {
  try {
    return { tree: stockParser().processor.parse(source) };
  } catch (error) {
    const { message, line, column } = error as Error & { line?: number; column?: number };
    return { error: { message, line, column } };
  }
}

function quickResult(source: string): unknown {
  const parsed = parseMdx(source);
  if ("tree" in parsed) return { tree: parsed.tree };
  return { error: parsed.problem };
}

const TRICKY = [
  '<Step id="a" expect={{ exit: 0, match: "}" }} onFail="b">\n\ntext\n\n</Step>',
  "<Step id=\"a\" expect={{ match: '{', exit: [0, 1] }}>\n\ntext\n\n</Step>",
  '<Step id="a" expect={{ match: /^\\{ok\\}$/ }}>x</Step>',
  "<Step id=\"a\" expect={{ match: `a ${'{'} b` }}>x</Step>",
  '<Step id="a" expect={{ /* { */ exit: 0 }}>x</Step>',
  '<Step id="a" expect={{\n  exit: 0,\n  match: "ok",\n}}>\n\ntext\n\n</Step>',
  "<Callout title={<b>(</b>}>x</Callout>",
  "Some {1 + (2 * {a: 3}.a)} inline, and {[1, [2]].length} more.",
  "{\n  ({ a: 1 })\n}",
  '<Step {...{ id: "a" }}>x</Step>',
];
// Each fails somewhere else: an object never closed, a string never closed, trailing content.
const BROKEN = [
  '<Step id="a" expect={{ exit: 0 }>x</Step>',
  '<Step id="a" expect={{ match: "ok }}>x</Step>',
  '<Step id="a" expect={{ exit: 0 } x}>x</Step>',
  "Text {a b} more",
  "Text {(1} more",
];

describe("the content parser with the shortcut", () => {
  afterEach(() => vi.restoreAllMocks());

  it("gives the stock parser's tree, positions and estree included, for every playbook and tricky expression", () => {
    const dirs = [path.join(process.cwd(), "content"), path.join(import.meta.dirname, "fixtures")];
    const files = dirs.flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith(".mdx"))
        .map((name) => readFileSync(path.join(dir, name), "utf8")),
    );
    expect(files.length).toBeGreaterThan(3);
    for (const source of [...files, ...TRICKY]) {
      const quick = quickResult(source);
      expect(quick).toHaveProperty("tree");
      expect(JSON.stringify(quick)).toBe(JSON.stringify(stockResult(source)));
    }
  });

  it("reports the stock parser's error, at the same place, for a broken expression", () => {
    for (const source of BROKEN) {
      const stock = stockResult(source) as { error: { message: string; line: number; column: number } };
      expect(stock.error).toBeDefined();
      const quick = quickResult(source) as { error: { message: string; line: number; column: number } };
      expect(quick.error.message).toBe(`MDX syntax error: ${stock.error.message}`);
      expect([quick.error.line, quick.error.column]).toEqual([stock.error.line, stock.error.column]);
    }
  });

  it("asks acorn half as often for nested attribute objects", () => {
    const source = Array.from({ length: 4 }, (_, i) => `<Step id="s${i}" expect={{ exit: 0 }}>x</Step>`).join("\n\n");
    const stock = stockParser();
    stock.processor.parse(source);
    const real = vi.spyOn(jsxAcorn, "parseExpressionAt");
    expect(parseMdx(source)).toHaveProperty("tree");
    expect(stock.counted.calls).toBeGreaterThan(0);
    expect(real.mock.calls.length).toBe(stock.counted.calls / 2);
  });
});
