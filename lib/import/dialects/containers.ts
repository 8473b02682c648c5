// Fenced and indented containers: Docusaurus `:::tip Title`, `:::note[Title]`, VuePress and
// VitePress `::: warning`, MyST `:::{note}`, pandoc/Quarto `::: {.callout-warning}`, Python
// Markdown blocks `/// warning | Title`, MkDocs `!!! note "Title"` / `??? tip` admonitions and
// `=== "Tab"` content tabs, whose bodies are indented four spaces.
import { directiveAction } from "./directives";
import { columns } from "./fences";
import type { Opener } from "./line-scanner";
import { describe, readOptions } from "./myst";

const COLON_FENCE = /^(\s*)(:{3,}|\/{3,})\s*(\S.*?)\s*$/;

function attributes(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
    found[(m[1] ?? "").toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
  }
  return found;
}

export function colonFence(lines: readonly string[], index: number): Opener | null {
  const m = COLON_FENCE.exec(lines[index] ?? "");
  if (!m) return null;
  const fence = m[2] ?? ":::";
  const rest = m[3] ?? "";
  const end = { kind: "fence" as const, char: fence[0] ?? ":", length: fence.length };
  if (fence[0] === "/") {
    const block = /^([\w-]+)\s*(?:\|\s*(.*))?$/.exec(rest);
    if (!block) return null;
    const action = directiveAction({ name: block[1] ?? "", arg: block[2] ?? "", argIsTitle: true });
    return { action, end, note: describe(`block /// ${block[1]}`, action) };
  }
  const myst = /^\{([\w:-]+)\}\s*(.*)$/.exec(rest);
  if (myst) {
    const { options, count } = readOptions(lines, index + 1);
    const action = directiveAction({ name: myst[1] ?? "", arg: myst[2] ?? "", argIsTitle: false, options });
    return { action, end, note: describe(`MyST directive :::{${myst[1]}}`, action), optionLines: count };
  }
  const pandoc = /^\{([^}]*)\}$/.exec(rest);
  if (pandoc) {
    const name = /(?:^|\s)\.([\w-]+)/.exec(pandoc[1] ?? "")?.[1] ?? "";
    const action = directiveAction({ name, arg: "", argIsTitle: true, options: attributes(pandoc[1] ?? "") });
    return { action, end, note: describe(`fenced div ::: {.${name}}`, action) };
  }
  // Docusaurus and VuePress: a name, then a title as `[Title]`, `{title="Title"}` or plain words.
  const named = /^([^\s[{]+)(?:\[([^\]]*)\])?(?:\{([^}]*)\})?\s*(.*)$/.exec(rest);
  if (!named) return null;
  const options = attributes(named[3] ?? "");
  const arg = named[2] ?? options.title ?? named[4] ?? "";
  const action = directiveAction({ name: named[1] ?? "", arg, argIsTitle: true, options });
  return { action, end, note: describe(`container :::${named[1]}`, action) };
}

const MKDOCS_ADMONITION = /^(\s*)(!!!|\?\?\?\+?)\s+([\w-]+)((?:\s+[\w-]+)*)\s*(?:"([^"]*)")?\s*$/;

export function mkdocsAdmonition(lines: readonly string[], index: number): Opener | null {
  const line = lines[index] ?? "";
  const m = MKDOCS_ADMONITION.exec(line);
  if (!m) return null;
  const word = m[3] ?? "note";
  // Custom types ("!!! pied-piper") render as notes; modifiers ("inline end") are layout only.
  const action = directiveAction({ name: word, arg: m[5] ?? "", argIsTitle: true });
  const callout = action.kind === "admonition" ? action : { kind: "admonition" as const, word: "note", title: m[5] };
  return {
    action: callout.title ? callout : { kind: "admonition", word: callout.word },
    end: { kind: "dedent", body: columns(line) + 4 },
    note: `MkDocs admonition ${m[2]} ${word} became a callout`,
  };
}

export function mkdocsTab(lines: readonly string[], index: number): Opener | null {
  const line = lines[index] ?? "";
  const m = /^\s*===\+?!?\s+"([^"]*)"\s*$/.exec(line);
  if (!m) return null;
  return {
    action: m[1] ? { kind: "unwrap", label: m[1] } : { kind: "unwrap" },
    end: { kind: "dedent", body: columns(line) + 4 },
    note: `MkDocs content tab === "${m[1]}" was unwrapped; its content is kept under a bold label`,
  };
}
