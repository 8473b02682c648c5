// The bash parser: tree-sitter-bash's WebAssembly grammar run by web-tree-sitter (docs/decisions.md).
// Both .wasm files ship inside their npm packages, so loading needs no network and no native build.
// One parser per thread (the content loader's workers each load their own), created on first use.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Language, Parser, type Node } from "web-tree-sitter";

export type { Node as ShellNode } from "web-tree-sitter";

let loading: Promise<Parser> | undefined;

// Read from node_modules at run time. Named through a table, and marked for Turbopack, so that
// `next build` does not try to bundle the .wasm files as modules (it cannot link them).
const WASM_FILES = {
  runtime: "web-tree-sitter/web-tree-sitter.wasm",
  bash: "tree-sitter-bash/tree-sitter-bash.wasm",
} as const;

function load(): Promise<Parser> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = (file: keyof typeof WASM_FILES) =>
      readFile(/* turbopackIgnore: true */ require.resolve(/* turbopackIgnore: true */ WASM_FILES[file]));
    await Parser.init({ wasmBinary: await wasm("runtime") });
    const bash = await Language.load(await wasm("bash"));
    const parser = new Parser();
    parser.setLanguage(bash);
    return parser;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** A parse of `source`, usable only inside `read`: the tree lives in WebAssembly memory and is freed after. */
export interface ShellParse {
  root: Node;
  /** The first node the parser could not read, if any. */
  error?: Node;
}

/** Parses synchronously once loaded; the classifier parses nested `bash -c '…'` strings with it too. */
export type ParseShell = <T>(source: string, read: (parse: ShellParse) => T) => T;

export async function shellParser(): Promise<ParseShell> {
  const parser = await load();
  return (source, read) => {
    const tree = parser.parse(source);
    if (!tree) throw new Error("the shell parser returned no tree");
    try {
      const root = tree.rootNode;
      return read({ root, error: root.hasError ? firstError(root) : undefined });
    } finally {
      tree.delete();
    }
  };
}

/** Where reading failed: inside an ERROR node, the first part that is not a complete statement. */
function firstError(node: Node): Node | undefined {
  if (node.isMissing) return node;
  for (const child of node.children) {
    if (child.isMissing || child.isError || child.hasError) return firstError(child) ?? child;
    if (node.isError && !child.isNamed) return child;
  }
  return node.isError ? node : undefined;
}
