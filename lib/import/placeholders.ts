// Placeholders in commands → typed inputs. Guides write `<pod-name>`, `IMAGE`, `/path/to/rootfs`,
// `user@host`, `myuser` or `...` where the reader puts a value; run as written, such a step fails
// or does something else. Each becomes `${NAME}` (an input reaches the command as an environment
// variable), and so does a variable no earlier code sets, since every step is a fresh shell.
import { shellParser, type ParseShell } from "@/lib/playbooks/shell-parser";
import { inputName, isWordPattern, placeholderInput, type PlaceholderKind } from "./placeholder-inputs";
import { SiteFinder, type Site } from "./placeholder-sites";
import { SENTINEL, sentinel } from "./placeholder-tokens";
import type { DraftInput } from "./playbook-draft";
import { neededVariables, readShellVariables, summariseVariables, type ShellVariables } from "./shell-variables";

export type { ShellVariables } from "./shell-variables";

// The shell parser is WebAssembly and loads asynchronously, once; placeholdersToInputs is synchronous
// and reads commands with the parser loaded here.
let parser: ParseShell | undefined;

/** Loads the shell parser that placeholdersToInputs needs. shellVariables loads it too. */
export async function loadShellParser(): Promise<void> {
  parser ??= await shellParser();
}

function loadedParser(): ParseShell {
  if (!parser) throw new Error("placeholdersToInputs: await loadShellParser() (or shellVariables()) first");
  return parser;
}

/** The shell variables a command sets (`x=…`, `read x`, `for x in`, `export X=`), and those it uses
 *  (`$x`, `${x}`), so the importer can merge consecutive blocks that share them. */
export async function shellVariables(code: string): Promise<ShellVariables> {
  await loadShellParser();
  return summariseVariables(readShellVariables(loadedParser(), code));
}

export interface PlaceholderFound {
  /** As written: `<pod-name>`, `IMAGE`, `/path/to/rootfs`, `user@host`, `${UNSET_VAR}`, `...`. */
  text: string;
  input: DraftInput;
  kind: PlaceholderKind;
  /** 1-based line of the code where it first appears. */
  line: number;
}

export interface PlaceholderLeft {
  text: string;
  line: number;
  /** Why it was not rewritten, e.g. "inside a quoted heredoc, where nothing expands". */
  reason: string;
}

// `<pod-name>`, `<POD>`, `<container id>`: a name in angle brackets, not a heredoc (`<<EOF`), a
// redirection (`< file`), a process substitution (`<(…)`), a generic type (`List<T>`) or HTML.
const ANGLE = /(?<![<\w$])<([A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*){0,3})>(?!>)/g;
const HTML_TAGS = new Set(
  [
    "html head body div span br hr p b i u em strong ul ol li tr td th table thead tbody h1 h2 h3 h4 h5 h6",
    "script style meta pre code a img",
  ]
    .join(" ")
    .split(" "),
);

interface Angles {
  source: string;
  /** The stand-in word → what the guide wrote. */
  originals: Map<string, { text: string; inner: string }>;
}

/** `<pod-name>` → a plain word the shell parser reads as one argument. */
function replaceAngles(code: string): Angles {
  const originals: Angles["originals"] = new Map();
  const source = code.replace(ANGLE, (text: string, inner: string) => {
    const tag = inner.toLowerCase();
    if (HTML_TAGS.has(tag) || code.toLowerCase().includes(`</${tag}>`)) return text;
    const word = sentinel(originals.size);
    originals.set(word, { text, inner });
    return word;
  });
  return { source, originals };
}

function restore(text: string, angles: Angles): string {
  return text.replace(SENTINEL, (word) => angles.originals.get(word)?.text ?? word);
}

interface Edit {
  start: number;
  end: number;
  text: string;
  /** The single-quoted string the edit is in: `${NAME}` expands there only with the quotes closed
   *  around it (`expand`); a renamed `$x` in a `bash -c '…'` script stays inside them. */
  quoted?: { range: [number, number]; expand: boolean };
}

/** Rewrites placeholders in `code` to `${NAME}` and returns the inputs they need. `known` holds
 *  inputs already declared by earlier steps (reused by name). `defined` holds the shell variables
 *  the code itself (or an earlier merged block) sets, which are not placeholders. Needs the shell
 *  parser loaded (loadShellParser, or any shellVariables call, before the first call). */
export function placeholdersToInputs(
  code: string,
  opts: { known: ReadonlyMap<string, DraftInput>; defined?: ReadonlySet<string> },
): { code: string; found: PlaceholderFound[]; left: PlaceholderLeft[] } {
  const angles = replaceAngles(code);
  const { source } = angles;
  const parse = loadedParser();
  const finder = new SiteFinder(source);
  parse(source, ({ root }) => finder.visit(root));
  const variables = readShellVariables(parse, source);

  const lineAt = (index: number) => source.slice(0, index).split("\n").length;
  const found = new Map<string, PlaceholderFound>();
  const inputs = new Map<string, DraftInput>();
  const inputFor = (spec: Parameters<typeof placeholderInput>[0]): DraftInput => {
    const existing = opts.known.get(spec.name) ?? inputs.get(spec.name);
    const input = existing ?? placeholderInput(spec);
    inputs.set(input.name, input);
    return input;
  };
  const record = (text: string, input: DraftInput, kind: PlaceholderKind, index: number) => {
    // `...` in two commands is two inputs (PODMAN_RUN_ARGS, LS_ARGS): one entry per text and input.
    const key = `${text}\n${input.name}`;
    if (!found.has(key)) found.set(key, { text, input, kind, line: lineAt(index) });
  };

  const edits: Edit[] = [];
  for (const site of finder.sites) {
    const text = restore(source.slice(site.start, site.end), angles);
    const input = inputFor({
      kind: site.kind,
      text,
      name: siteName(site, angles),
      ...(site.program ? { program: site.program } : {}),
      ...(site.absolute !== undefined ? { absolute: site.absolute } : {}),
      // A bare `...` that is all the command has stands for what it needs; `[options]` is optional.
      ...(site.kind === "omitted"
        ? { required: /^(?:\.{3,}|…)$/.test(text) && (site.otherPositionals ?? 0) <= 1 }
        : {}),
    });
    record(text, input, site.kind, site.start);
    if (site.heredocStart && !edits.some((e) => e.start === site.heredocStart?.[0]))
      edits.push({ start: site.heredocStart[0], end: site.heredocStart[1], text: site.heredocStart[2] });
    const quoted = site.quoting === "single" && site.rawString ? { range: site.rawString, expand: true } : undefined;
    edits.push({ start: site.start, end: site.end, text: expansionText(site, input), ...(quoted ? { quoted } : {}) });
  }

  // Variables the code expands but nothing sets: inputs too, renamed when the name cannot be one.
  const needed = neededVariables(variables, opts.defined);
  // Printed only (`echo "${RED}…${NC}"`), a variable may stay empty: asked for, not required.
  const printedOnly = new Set([...needed].filter((name) => variables.uses.every((u) => u.name !== name || u.printed)));
  for (const use of variables.uses) {
    if (!needed.has(use.name)) continue;
    const name = inputName(use.name, "variable");
    const text = use.form === "simple" ? `$${use.name}` : use.form === "braced" ? `\${${use.name}}` : use.name;
    const required = !printedOnly.has(use.name);
    record(text, inputFor({ kind: "variable", text, name, required }), "variable", use.start);
    if (name === use.name) continue;
    if (use.form === "simple") edits.push({ start: use.expansion[0], end: use.expansion[1], text: `\${${name}}` });
    else edits.push({ start: use.start, end: use.end, text: name });
  }

  return {
    code: restore(applyEdits(source, edits), angles),
    found: [...found.values()],
    left: finder.left.map((l) => ({
      text: restore(source.slice(l.match.start, l.match.end), angles),
      line: lineAt(l.start),
      reason: l.reason,
    })),
  };
}

function siteName(site: Site, angles: Angles): string {
  if (site.kind === "angle") {
    const inner = angles.originals.get(site.raw)?.inner ?? site.raw;
    return inputName(inner.replace(/^(?:your|my)[-_ ]/i, ""), "angle");
  }
  if (site.kind === "path") return pathName(site.raw.replace(SENTINEL, (w) => angles.originals.get(w)?.inner ?? w));
  if (site.kind === "destination") return "DESTINATION";
  if (site.kind === "email") return "EMAIL";
  if (site.kind === "omitted" && site.raw === "") {
    const words = [site.program, site.subcommand].filter((w): w is string => !!w && w !== "");
    return inputName(`${words.join("_") || "extra"}_args`, "omitted");
  }
  return inputName(site.raw, site.kind);
}

// Last parts of a path example that say nothing of what it is: named after the extension instead.
const GENERIC_PATH_PARTS = /^(?:file|files|dir|directory|folder|thing|something|x|foo|here|it|path|name)$/i;

/** `/path/to/rootfs` → ROOTFS, `/path/to/file.yaml` → YAML_FILE, `/path/to/dir` → DIR_PATH. */
function pathName(last: string): string {
  const [base = "", ...extensions] = last.replace(/^(?:your|my)[-_]/i, "").split(".");
  const extension = extensions[extensions.length - 1];
  if (!GENERIC_PATH_PARTS.test(base)) return inputName(base, "path");
  return inputName(extension ? `${extension}_file` : `${base}_path`, "path");
}

/** `${NAME}` as it must be written where the placeholder was. */
function expansionText(site: Site, input: DraftInput): string {
  const expansion = `\${${input.name}}`;
  // Omitted arguments split into words; a path may hold spaces; a whole argument is quoted anyway.
  if (site.kind === "omitted" || site.quoting !== "none") return expansion;
  return site.wholeWord || !isWordPattern(input.pattern) ? `"${expansion}"` : expansion;
}

/** Applies non-overlapping edits. A single-quoted string with a placeholder is rebuilt as quoted
 *  pieces around `"${NAME}"`: `'id <name> ok'` → `'id '"${NAME}"' ok'`, `'<name>'` → `"${NAME}"`. */
function applyEdits(source: string, edits: readonly Edit[]): string {
  const rebuilt = new Map<string, { range: [number, number]; inner: Edit[] }>();
  for (const edit of edits) {
    if (!edit.quoted?.expand) continue;
    const key = edit.quoted.range.join(":");
    rebuilt.set(key, rebuilt.get(key) ?? { range: edit.quoted.range, inner: [] });
  }
  const direct: Edit[] = [];
  for (const edit of edits) {
    const group = [...rebuilt.values()].find((g) => edit.start >= g.range[0] && edit.end <= g.range[1]);
    if (group) group.inner.push(edit);
    else direct.push(edit);
  }
  for (const { range, inner } of rebuilt.values())
    direct.push({ start: range[0], end: range[1], text: rebuildSingleQuoted(source, range, inner) });
  let out = source;
  for (const edit of direct.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function rebuildSingleQuoted(source: string, [start, end]: [number, number], inner: Edit[]): string {
  const parts: string[] = [];
  let literal = "";
  let at = start + 1;
  for (const edit of inner.sort((a, b) => a.start - b.start)) {
    literal += source.slice(at, edit.start);
    if (edit.quoted?.expand) {
      if (literal !== "") parts.push(`'${literal}'`);
      parts.push(`"${edit.text}"`);
      literal = "";
    } else literal += edit.text;
    at = edit.end;
  }
  literal += source.slice(at, end - 1);
  if (literal !== "") parts.push(`'${literal}'`);
  return parts.join("");
}
