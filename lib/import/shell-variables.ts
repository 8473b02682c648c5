// The shell variables a command sets and the ones it expands, read from its syntax tree. Each step
// runs in a fresh shell, so a block that expands `$addr` set by an earlier block fails on its own:
// the importer merges the two blocks, or asks for the variable as an input.
import { isEnvironmentVariable } from "./environment-variables";
import type { ParseShell, ShellNode } from "@/lib/playbooks/shell-parser";
import { toWord } from "@/lib/playbooks/shell-words";

/** One expansion of a variable, where it is written. */
export interface VariableUse {
  name: string;
  /** [start, end) of the name itself within the code, so it can be renamed. */
  start: number;
  end: number;
  /** `$x` (simple), `${x…}` (braced) or a bare name in arithmetic (`$((x + 1))`). */
  form: "simple" | "braced" | "bare";
  /** [start, end) of the whole `$x` for `simple` uses; the name's own range otherwise. */
  expansion: [number, number];
  /** `${x:-d}`, `${x-d}`, `${x:=d}`, `${x:+alt}`: the code supplies a value when x is unset. */
  defaulted: boolean;
  /** In what `echo` or `printf` prints (`echo -e "${RED}failed${NC}"`): unset, it prints nothing there,
   *  and the command still works. */
  printed: boolean;
}

export interface ShellVariables {
  /** Variables the code assigns: `x=…`, `export X=…`, `local x`, `read x`, `for x in`, `printf -v x`. */
  sets: Set<string>;
  /** Variables the code expands, with or without a default. */
  uses: Set<string>;
  /** Variables the code expands only with a default (`${x:-d}`): never a missing value. */
  defaulted: Set<string>;
  /** Expanded without a default, not set by the code and not the environment's: a value it needs. */
  needs: Set<string>;
}

const DEFAULT_OPERATORS = new Set([":-", "-", ":=", "=", ":+", "+"]);
// Options of `read` and `mapfile` that take a value (the next word), which is not a variable name.
const READ_VALUE_OPTIONS = new Set(["-d", "-i", "-n", "-N", "-p", "-t", "-u"]);
const MAPFILE_VALUE_OPTIONS = new Set(["-d", "-n", "-O", "-s", "-u", "-C", "-c"]);
const SHELLS = new Set(["bash", "sh", "zsh", "dash", "ksh", "ash"]);
const ARITHMETIC = new Set(["arithmetic_expansion", "compound_statement", "parenthesized_expression"]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface Found {
  sets: Set<string>;
  uses: VariableUse[];
}

/** Variables set and expanded by `code`, with where each expansion is. */
export function readShellVariables(parse: ParseShell, code: string): Found {
  const read = (source: string, offset: number, depth: number): Found => {
    const found: Found = { sets: new Set(), uses: [] };
    parse(source, ({ root }) => walk(root, { found, offset, depth, nested: read }));
    return found;
  };
  return read(code, 0, 0);
}

/** What the code sets, uses, uses with a default, and needs from outside. */
export function summariseVariables(found: Found): ShellVariables {
  const used = new Set(found.uses.map((u) => u.name));
  const plain = new Set(found.uses.filter((u) => !u.defaulted).map((u) => u.name));
  const defaulted = new Set([...used].filter((name) => !plain.has(name)));
  return { sets: found.sets, uses: used, defaulted, needs: neededVariables(found) };
}

/** Variables expanded without a default that neither the code, nor `defined` (what earlier merged
 *  code sets), nor the host's environment provides. */
export function neededVariables(found: Found, defined: ReadonlySet<string> = new Set()): Set<string> {
  const needed = found.uses.filter((u) => !u.defaulted && !found.sets.has(u.name) && !defined.has(u.name));
  return new Set(needed.map((u) => u.name).filter((name) => !isEnvironmentVariable(name)));
}

interface Walk {
  found: Found;
  offset: number;
  depth: number;
  nested: (source: string, offset: number, depth: number) => Found;
  /** Variables known to be set here (inside `${x:+…}`). */
  guarded?: ReadonlySet<string>;
  /** Inside the arguments of echo or printf. */
  printed?: boolean;
}

function walk(node: ShellNode, w: Walk): void {
  switch (node.type) {
    case "variable_assignment":
      if (!isPrefixAssignment(node)) assigned(node.childForFieldName("name"), w);
      break;
    case "declaration_command":
      declaration(node, w);
      break;
    case "for_statement":
      assigned(node.childForFieldName("variable"), w);
      break;
    case "command": {
      // A command substitution inside `echo "…"` runs its own command: printed again says which.
      const inner = { ...w, printed: command(node, w) };
      for (const child of node.namedChildren) walk(child, inner);
      return;
    }
    case "simple_expansion":
      simpleExpansion(node, w);
      return;
    case "expansion":
      expansion(node, w);
      return;
    case "binary_expression":
    case "postfix_expression":
    case "unary_expression":
      arithmeticAssignment(node, w);
      break;
    case "variable_name":
      // A bare name inside arithmetic is read: `$((total + 1))`.
      if (node.parent && ARITHMETIC.has(node.parent.type)) expanded(node, "bare", false, w);
      else if (node.parent && /_expression$/.test(node.parent.type) && inArithmetic(node))
        expanded(node, "bare", false, w);
      return;
  }
  for (const child of node.namedChildren) walk(child, w);
}

/** `FOO=1 cmd` sets FOO for cmd only. tree-sitter-bash also files assignment lines before a command
 *  under it, so only an assignment on the command's own line is its prefix. */
function isPrefixAssignment(node: ShellNode): boolean {
  const command = node.parent;
  if (command?.type !== "command") return false;
  const name = command.childForFieldName("name");
  return name !== null && name.startPosition.row === node.endPosition.row;
}

function nameOf(node: ShellNode | null): ShellNode | null {
  if (!node) return null;
  if (node.type === "subscript") return node.childForFieldName("name");
  return node.type === "variable_name" || node.type === "word" ? node : null;
}

function assigned(node: ShellNode | null, w: Walk): void {
  const name = nameOf(node)?.text;
  if (name && NAME.test(name)) w.found.sets.add(name);
}

function declaration(node: ShellNode, w: Walk): void {
  // `export X` and `readonly X` only mark a variable; `local x` and `declare x` create it.
  const creates = !/^(?:export|readonly)\b/.test(node.text);
  for (const child of node.namedChildren) {
    if (child.type === "variable_assignment") walk(child, w);
    else if (child.type === "variable_name") {
      if (creates) w.found.sets.add(child.text);
    } else walk(child, w);
  }
}

function wordValue(node: ShellNode): string | undefined {
  return node.type === "word" || node.type === "raw_string" || node.type === "string" ? toWord(node).value : undefined;
}

const PRINTERS = new Set(["echo", "printf"]);

/** Records what a command sets; whether it is echo or printf, whose arguments are only printed. */
function command(node: ShellNode, w: Walk): boolean {
  const nameWord = node.childForFieldName("name")?.namedChildren[0];
  const program = (nameWord && wordValue(nameWord)) ?? "";
  const args = node.childrenForFieldName("argument").filter((a): a is ShellNode => a !== null);
  const values = args.map((a) => wordValue(a) ?? "");
  const set = (name: string | undefined) => {
    if (name && NAME.test(name)) w.found.sets.add(name);
  };
  if (program === "read" || program === "mapfile" || program === "readarray") {
    const valueOptions = program === "read" ? READ_VALUE_OPTIONS : MAPFILE_VALUE_OPTIONS;
    const names: string[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? "";
      if (v === "-a" && program === "read") set(values[++i]);
      else if (valueOptions.has(v)) i++;
      else if (!v.startsWith("-")) names.push(v);
    }
    if (program === "read") names.forEach(set);
    else set(names[names.length - 1]);
  } else if (program === "printf") {
    const v = values.indexOf("-v");
    if (v >= 0) set(values[v + 1]);
  } else if (program === "getopts") {
    set(values[1]);
  } else if (program === "let") {
    for (const v of values) set(/^([A-Za-z_]\w*)\s*(?:[-+*/%]|<<|>>|&|\||\^)?=/.exec(v)?.[1]);
  } else if (SHELLS.has(program) && w.depth < 4) {
    // `bash -c '…'` runs its script in a child shell that inherits the environment (the inputs).
    const c = values.indexOf("-c");
    const script = c >= 0 ? args[c + 1] : undefined;
    if (script?.type !== "raw_string") return false;
    // What the child shell sets stays in it; what it expands without setting comes from outside.
    const inner = w.nested(script.text.slice(1, -1), w.offset + script.startIndex + 1, w.depth + 1);
    w.found.uses.push(...inner.uses.filter((u) => !inner.sets.has(u.name)));
  }
  return PRINTERS.has(program) && !values.includes("-v");
}

function expanded(name: ShellNode, form: VariableUse["form"], defaulted: boolean, w: Walk): void {
  if (!NAME.test(name.text)) return; // $1, $@, $? …
  const start = w.offset + name.startIndex;
  const end = w.offset + name.endIndex;
  // A simple expansion is `$` and the name (the parser may attach whitespace before the `$` to the node).
  const expansion: [number, number] = form === "simple" ? [start - 1, end] : [start, end];
  w.found.uses.push({
    name: name.text,
    start,
    end,
    form,
    expansion,
    defaulted: defaulted || !!w.guarded?.has(name.text),
    printed: !!w.printed,
  });
}

function simpleExpansion(node: ShellNode, w: Walk): void {
  const name = node.namedChildren.find((c) => c.type === "variable_name");
  if (name) expanded(name, "simple", false, w);
}

function expansion(node: ShellNode, w: Walk): void {
  const name = nameOf(node.namedChildren.find((c) => c.type === "variable_name" || c.type === "subscript") ?? null);
  const operator = name
    ? node.children.find((c) => !c.isNamed && c.startIndex >= name.endIndex && c.text !== "}")?.text
    : undefined;
  if (name) expanded(name, "braced", operator !== undefined && DEFAULT_OPERATORS.has(operator), w);
  // Defaults and patterns hold expansions of their own: `${x:-$y}`. In `${x:+-t $x}` the inner `$x`
  // only expands when x is set, so it has a value.
  const guarded = name && (operator === ":+" || operator === "+") ? name.text : undefined;
  const inner: Walk = guarded ? { ...w, guarded: new Set([...(w.guarded ?? []), guarded]) } : w;
  for (const child of node.namedChildren) if (child !== name && child.type !== "subscript") walk(child, inner);
  const subscript = node.namedChildren.find((c) => c.type === "subscript");
  const index = subscript?.childForFieldName("index");
  if (index) walk(index, w);
}

function inArithmetic(node: ShellNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (ARITHMETIC.has(n.type) || n.type === "c_style_for_statement") return true;
    if (n.type === "command" || n.type === "test_command") return false;
  }
  return false;
}

/** `(( n = 3 ))`, `(( n++ ))`: arithmetic that assigns its left-hand name. */
function arithmeticAssignment(node: ShellNode, w: Walk): void {
  if (!inArithmetic(node)) return;
  const operator = node.children.find((c) => !c.isNamed)?.text ?? "";
  const target = node.childForFieldName("left") ?? node.namedChildren[0] ?? null;
  if (/^(?:[-+*/%&|^]|<<|>>)?=$|^\+\+$|^--$/.test(operator) && target) assigned(target, w);
}
