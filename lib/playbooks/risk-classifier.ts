// How risky a step's command is, from its syntax tree: the one classifier behind the content check,
// the importers, the incident drafts and the run hub (through the content index). It is
// conservative: a command is `read` only if every simple command in it is a known read-only program
// used with read-only arguments (risk-programs.ts), and anything it cannot read is at least `change`.
import { RISKS, type Risk } from "@/lib/playbooks/format";
import { ANALYSERS } from "./risk-analysers";
import {
  ANY_PROGRAM_RULES,
  DANGEROUS_OUTPUTS,
  HARMLESS_OUTPUTS,
  PROGRAM_PREFIXES,
  PROGRAMS,
  RUNS_OTHER_PROGRAMS,
  SYSTEM_BIN_DIRS,
  type OptionRule,
  type ProgramSpec,
  type Rule,
} from "./risk-programs";
import { shellParser, type ParseShell, type ShellNode } from "./shell-parser";
import { literalWord, toWord, UNKNOWN, type Word } from "./shell-words";

export interface RiskFinding {
  risk: Risk;
  /** The simple command as written. */
  command: string;
  /** Why, e.g. "`sed -i` edits files in place". */
  reason: string;
}

export interface Classification {
  risk: Risk;
  /** One per simple command that is not read, highest risk first. */
  findings: RiskFinding[];
  /** E.g. "change: `sed -i` edits files in place"; for read: "read: every command only reads". */
  summary: string;
}

// Longer than any real step. The parser's error recovery is quadratic on a run of `|`, `<` or `>`,
// so a hostile playbook could hold the server; unread, it is assumed to destroy, never to only read.
const MAX_SOURCE_CHARS = 64_000;

export async function classifyCommand(source: string): Promise<Classification> {
  return classifyWith(await shellParser(), source);
}

/**
 * classifyCommand with the parser at hand. `onTree`, if given, also reads the top-level tree while it
 * exists, so a caller that needs more from the same command (the content index: its variable uses)
 * parses it once. It is not called for a command too long to parse.
 */
export function classifyWith(parse: ParseShell, source: string, onTree?: (root: ShellNode) => void): Classification {
  if (source.length > MAX_SOURCE_CHARS) {
    const finding = {
      risk: "danger" as const,
      command: source.slice(0, 60),
      reason: "the command is too long to read",
    };
    return { risk: "danger", findings: [finding], summary: `danger: ${finding.reason}` };
  }
  const findings: RiskFinding[] = [];
  new Walker(parse, findings, onTree).script(source, source, 0);
  return summarise(findings);
}

const rank = (risk: Risk) => RISKS.indexOf(risk);

function summarise(found: RiskFinding[]): Classification {
  const seen = new Set<string>();
  const findings = found
    .filter((f) => {
      const key = `${f.risk}\n${f.command}\n${f.reason}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => rank(b.risk) - rank(a.risk));
  const top = findings[0];
  if (!top) return { risk: "read", findings, summary: "read: every command only reads" };
  const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : "";
  return { risk: top.risk, findings, summary: `${top.risk}: ${top.reason}${more}` };
}

// Nested shell text (bash -c, ssh, eval, watch) deeper than this is not followed.
const MAX_DEPTH = 8;

// Nodes whose children are classified in turn; anything not listed here or in LEAVES is unknown.
const CONTAINERS = new Set([
  ...["program", "list", "pipeline", "subshell", "compound_statement", "do_group", "if_statement", "elif_clause"],
  ...["else_clause", "while_statement", "c_style_for_statement", "case_statement", "case_item", "negated_command"],
  ...["test_command", "command_substitution", "process_substitution", "string", "concatenation", "expansion"],
  ...["simple_expansion", "arithmetic_expansion", "array", "binary_expression", "unary_expression"],
  ...["ternary_expression", "postfix_expression", "parenthesized_expression", "subscript", "translated_string"],
  ...["number", "herestring_redirect", "heredoc_body", "variable_assignments", "brace_expression", "unset_command"],
]);
const LEAVES = new Set([
  ...["word", "raw_string", "ansi_c_string", "string_content", "heredoc_content", "heredoc_start", "heredoc_end"],
  ...["comment", "variable_name", "special_variable_name", "file_descriptor", "regex", "extglob_pattern"],
  "test_operator",
]);
// Where a trailing `&` sends a command to the background (elsewhere `&` is an operator).
const STATEMENT_LISTS = new Set([
  ...["program", "list", "compound_statement", "do_group", "subshell", "if_statement", "elif_clause"],
  ...["else_clause", "while_statement", "case_item", "command_substitution", "process_substitution"],
]);

interface Placeholders {
  program?: string;
  path?: string;
  option?: string;
  value?: string;
  arg?: string;
}

function fill(reason: string, p: Placeholders): string {
  return reason.replace(/\{(program|path|option|value|arg)\}/g, (_m, key: keyof Placeholders) => p[key] ?? "");
}

/** What a spec inherits from the levels above it (`kubectl -n x get`: -n is kubectl's). */
interface Known {
  valueOptions: Set<string>;
  flags: Set<string>;
  options: Record<string, OptionRule>;
  longSingleDash: boolean;
}

interface Option {
  name: string;
  /** The option's value, when it takes one; UNKNOWN when the value is not literal. */
  value?: string;
  /** `--name=value` form: self-contained, so safe to skip even when unknown. */
  inline: boolean;
  text: string;
}

interface SimpleContext {
  /** The simple command as written, for findings. */
  command: string;
  /** The command's standard input when it is literal shell text (a quoted heredoc). */
  stdin?: string;
  depth: number;
  /** Findings of this simple command; the highest is kept. */
  local: RiskFinding[];
}

// A command whose program is the caller's arguments: `k() { kubectl exec pod -- "$@"; }`.
const FORWARDED_ARGS = new Set(['"$@"', "$@", '"$*"', "$*", '"${@}"', "${@}"]);

class Walker {
  private readonly functions = new Set<string>();
  /** Functions that run their arguments as a command; each call is classified as that command. */
  private readonly forwarding = new Set<string>();
  /** The functions whose bodies are being classified, innermost last. */
  private readonly inFunction: string[] = [];

  constructor(
    private readonly parse: ParseShell,
    private readonly out: RiskFinding[],
    private readonly onTree?: (root: ShellNode) => void,
  ) {}

  /** Shell text: a step's code, or a string run by `bash -c`, `ssh`, `eval`, `watch`. */
  script(source: string, command: string, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.out.push({ risk: "change", command, reason: "shell text nested this deep is not followed" });
      return;
    }
    this.parse(source, ({ root, error }) => {
      if (error) {
        const line = error.startPosition.row + 1;
        const text = (source.split("\n")[error.startPosition.row] ?? "").trim();
        const at = depth === 0 ? `line ${line}` : `line ${line} of ${command}`;
        this.out.push({ risk: "change", command: text, reason: `the shell parser cannot parse ${at}: \`${text}\`` });
      }
      if (depth === 0) this.onTree?.(root);
      this.collectFunctions(root);
      this.node(root, depth);
    });
  }

  private collectFunctions(node: ShellNode): void {
    if (node.type === "function_definition") {
      const name = node.childForFieldName("name")?.text;
      if (name) this.functions.add(name);
    }
    for (const child of node.namedChildren) this.collectFunctions(child);
  }

  private node(node: ShellNode, depth: number, stdin?: string): void {
    switch (node.type) {
      case "command":
        return this.simpleCommand(node, depth, stdin);
      case "redirected_statement":
        return this.redirected(node, depth);
      case "variable_assignment":
        return this.assignment(node, node.text, depth);
      case "declaration_command":
      case "for_statement":
        for (const child of node.namedChildren) {
          if (child.type === "variable_assignment") this.assignment(child, node.text, depth);
          else if (child.type === "variable_name") this.checkName(child.text, node.text);
          else this.node(child, depth);
        }
        return;
      case "function_definition": {
        this.inFunction.push(node.childForFieldName("name")?.text ?? "");
        for (const child of node.namedChildren) if (child.type !== "word") this.node(child, depth);
        this.inFunction.pop();
        return;
      }
      case "file_redirect":
      case "heredoc_redirect":
        return this.redirect(node, node.parent?.text ?? node.text, depth);
      case "ERROR":
        // Already reported; the statements the parser did read inside it still count.
        for (const child of node.namedChildren) this.node(child, depth);
        return;
    }
    if (LEAVES.has(node.type)) return;
    if (!CONTAINERS.has(node.type)) {
      this.out.push({
        risk: "change",
        command: node.text,
        reason: `the classifier does not know the shell construct \`${node.type}\``,
      });
      return;
    }
    if (STATEMENT_LISTS.has(node.type) && node.children.some((c) => !c.isNamed && c.type === "&")) {
      this.out.push({
        risk: "change",
        command: node.text,
        reason: "`&` leaves a command running in the background after the step",
      });
    }
    for (const child of node.namedChildren) this.node(child, depth);
  }

  private redirected(node: ShellNode, depth: number): void {
    const body = node.childForFieldName("body");
    const redirects = node.namedChildren.filter((c) => c.id !== body?.id);
    if (body) this.node(body, depth, body.type === "command" ? literalInput(redirects) : undefined);
    for (const redirect of redirects) this.redirect(redirect, node.text, depth);
  }

  private redirect(node: ShellNode, command: string, depth: number): void {
    if (node.type !== "file_redirect") {
      // Heredocs and here-strings feed input; what they hold may still expand ($(…)) or redirect.
      for (const child of node.namedChildren) this.node(child, depth);
      return;
    }
    const operator = node.children.find((c) => !c.isNamed)?.type ?? ">";
    const destination = node.childForFieldName("destination");
    if (!destination) return;
    this.node(destination, depth);
    const target = toWord(destination);
    if (operator === "<" || ((operator === ">&" || operator === "<&") && /^(\d+|-)$/.test(target.value ?? ""))) return;
    if (target.value !== undefined && HARMLESS_OUTPUTS.test(target.value)) return;
    const written = `\`${operator} ${target.text}\``;
    const hit = target.value === undefined ? undefined : DANGEROUS_OUTPUTS.find((d) => d.match.test(target.value!));
    if (hit) this.out.push({ risk: "danger", command, reason: `${written} ${hit.reason}` });
    else if (operator === "<>")
      this.out.push({ risk: "change", command, reason: `${written} opens a file for writing` });
    else this.out.push({ risk: "change", command, reason: `${written} writes a file` });
  }

  private assignment(node: ShellNode, command: string, depth: number): void {
    const name = node.childForFieldName("name");
    if (name) this.checkName(name.text.replace(/\[.*$/, ""), command);
    for (const child of node.namedChildren) if (child.id !== name?.id) this.node(child, depth);
  }

  private checkName(name: string, command: string): void {
    if (RUNS_OTHER_PROGRAMS.test(name)) {
      this.out.push({ risk: "change", command, reason: `setting \`${name}\` changes what the commands after it run` });
    }
  }

  private simpleCommand(node: ShellNode, depth: number, stdin?: string): void {
    const command = node.text;
    const words: Word[] = [];
    const later: (() => void)[] = [];
    for (const child of node.namedChildren) {
      if (child.type === "variable_assignment") later.push(() => this.assignment(child, command, depth));
      else if (child.type === "file_redirect" || child.type === "herestring_redirect") {
        later.push(() => this.redirect(child, command, depth));
      } else {
        const word = child.type === "command_name" ? child.namedChildren[0] : child;
        if (word) words.push(toWord(word));
        later.push(() => this.node(word ?? child, depth));
      }
    }
    // The command's own finding first, then those of its assignments, redirections and $(…).
    const local: RiskFinding[] = [];
    const hereString = node.namedChildren.filter((c) => c.type === "herestring_redirect");
    this.argv(words, { command, stdin: stdin ?? literalInput(hereString), depth, local }, false);
    const worst = local.reduce<RiskFinding | undefined>(
      (a, b) => (a && rank(a.risk) >= rank(b.risk) ? a : b),
      undefined,
    );
    if (worst) this.out.push(worst);
    for (const run of later) run();
  }

  /** A command given as words: a simple command, or what a wrapper runs. */
  private argv(words: Word[], ctx: SimpleContext, extraArgs: boolean): void {
    const add = (risk: Risk, reason: string) => ctx.local.push({ risk, command: ctx.command, reason });
    const [first] = words;
    if (!first) return;
    const name = first.value;
    const caller = this.inFunction[this.inFunction.length - 1];
    if (name === undefined && caller !== undefined && FORWARDED_ARGS.has(first.text)) {
      // What runs is decided by each call of the function, and classified there.
      this.forwarding.add(caller);
      return;
    }
    if (name === undefined) {
      add("change", `the program name ${first.text} is not literal, so the classifier cannot tell what runs`);
      return;
    }
    if (this.functions.has(name)) {
      // The body is classified where it is defined; the call adds what it passes to be run.
      if (this.forwarding.has(name)) this.argv(words.slice(1), ctx, extraArgs);
      // A function may stand in for a program only sometimes (`command -v timeout || timeout() …`).
      if (!lookup(name)) return;
    }
    const program = programName(name);
    const spec = program === undefined ? undefined : lookup(program);
    if (program === undefined || !spec) {
      if (program === undefined)
        add("change", `\`${name}\` runs a program by its path, which the classifier does not know`);
      else add("change", `\`${program}\` is not a known read-only program`);
      // Its subcommands may still say it destroys something (`tidepool prune`).
      const runArgv = (inner: Word[], extra: boolean) => this.argv(inner, ctx, extra);
      ANALYSERS.unknownProgram({ program: program ?? name, args: words.slice(1), extraArgs, add, runArgv });
      return;
    }
    const known: Known = { valueOptions: new Set(), flags: new Set(), options: {}, longSingleDash: false };
    this.evaluate(spec, words, 1, { program, path: [program], known, options: [], ctx, extraArgs, add });
  }

  private evaluate(spec: ProgramSpec, words: Word[], start: number, st: EvalState): void {
    const known: Known = {
      valueOptions: new Set([...st.known.valueOptions, ...(spec.valueOptions ?? [])]),
      flags: new Set([...st.known.flags, ...(spec.flags ?? [])]),
      options: { ...st.known.options, ...spec.options },
      longSingleDash: spec.longSingleDash ?? st.known.longSingleDash,
    };
    const { add } = st;
    const runs = spec.runs;
    const argvWrapper = runs && !runs.scriptFlag && runs.scriptPositional === undefined && !runs.shell;
    const ddAt = runs?.dashDash ? words.findIndex((w, i) => i >= start && w.value === "--") : -1;
    const end = ddAt >= 0 ? ddAt : words.length;

    const options: Option[] = [];
    const positionals: Word[] = [];
    let optionsDone = false;
    let commandAt = ddAt >= 0 ? ddAt + 1 : undefined;
    const strictUntilPositional = Boolean(runs || spec.subcommands);
    for (let i = start; i < end; i++) {
      const word = words[i] as Word;
      if (!optionsDone && word.value === "--") {
        optionsDone = true;
        continue;
      }
      if (!optionsDone && word.value !== undefined && /^[-+]./.test(word.value) && !/^\+[^o]/.test(word.value)) {
        const read = readOption(word, words[i + 1], known, spec);
        options.push(...read.options);
        if (read.usedNext) i++;
        continue;
      }
      if (positionals.length === 0 && spec.subcommands && word.value !== undefined) {
        const sub = subcommand(spec.subcommands, word.value);
        if (sub) {
          this.checkKnown(options, known, spec, st);
          this.evaluate(sub, words, i + 1, {
            ...st,
            path: [...st.path, word.value],
            known,
            options: [...st.options, ...options],
          });
          return;
        }
      }
      if (argvWrapper && commandAt === undefined && !runs.scriptOption && positionals.length >= (runs.skip ?? 0)) {
        if (!(runs.assignments && word.value !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word.value))) {
          commandAt = i;
          break;
        }
        this.checkName(word.value.slice(0, word.value.indexOf("=")), st.ctx.command);
      }
      positionals.push(word);
    }
    if (strictUntilPositional) this.checkKnown(options, known, spec, st);

    const all = [...st.options, ...options];
    const placeholders = (more: Placeholders = {}): Placeholders => ({
      program: st.program,
      path: [...st.path, ...(spec.subcommands && positionals[0] ? [positionals[0].text] : [])].join(" "),
      ...more,
    });

    // 1. Options that raise the risk.
    for (const option of all) {
      const rule = byName(known.options, option.name);
      if (rule && valueApplies(rule, option.value)) {
        add(rule.risk, fill(rule.reason, placeholders({ option: option.name, value: option.value ?? "" })));
      }
    }
    // 2. The rules every program's subcommands follow (`… delete --all`, `prune -a`, `system reset`).
    const pathWords = [...st.path.slice(1), ...positionals.map((p) => p.value ?? UNKNOWN)];
    for (const rule of ANY_PROGRAM_RULES) {
      const at = indexOfRun(pathWords, rule.path);
      if (at < 0) continue;
      const option = rule.options ? all.find((o) => rule.options!.includes(o.name)) : undefined;
      if (rule.options && !option) continue;
      const path = [st.program, ...pathWords.slice(0, at + rule.path.length)].join(" ");
      add(rule.risk, fill(rule.reason, { path, option: option?.name }));
    }
    // 3. Positional arguments.
    positionals.forEach((word, index) => {
      const rule = spec.args?.find((r) => index >= (r.from ?? 0) && argApplies(r, word.value));
      if (!rule) return;
      const risk = word.value === undefined && rule.risk === "danger" ? "change" : rule.risk;
      add(risk, fill(rule.reason, placeholders({ arg: word.text })));
    });
    // 4. A word that is not literal may turn out to be an option that changes things (`curl "$URL"`).
    if (Object.keys(known.options).length > 0 && !runs) {
      const hidden = positionals.find(
        (w) => w.value === undefined && (w.shape.startsWith(UNKNOWN) || w.shape.startsWith("${")),
      );
      if (hidden) {
        const example = Object.keys(known.options)[0];
        add("change", `${hidden.text} is not literal: it could be an option such as \`${example}\``);
      }
    }

    const readWith = all.some((o) => readWithApplies(readWithOf(spec), o));
    const nothingGiven = start >= words.length;
    // 5. The program itself.
    if (spec.analyse && !readWith) {
      ANALYSERS[spec.analyse]({
        program: st.program,
        args: words.slice(start),
        extraArgs: st.extraArgs,
        add,
        runArgv: (inner, extra) => this.argv(inner, st.ctx, extra),
        stdin: st.ctx.stdin,
      });
    }
    if (runs && !readWith) {
      this.runWrapped(spec, runs, words, { commandAt, positionals, options: all, st, placeholders });
      return;
    }
    const base: Rule | undefined = readWith
      ? undefined
      : nothingGiven && spec.bare
        ? spec.bare
        : spec.risk === "read"
          ? undefined
          : { risk: spec.risk, reason: spec.reason || "" };
    if (base && base.risk !== "read") {
      const reason = base.reason
        ? fill(base.reason, placeholders())
        : `\`${placeholders().path}\` is not known to only read`;
      add(base.risk, reason);
    }
  }

  private runWrapped(spec: ProgramSpec, runs: NonNullable<ProgramSpec["runs"]>, words: Word[], w: WrapState): void {
    const { st, positionals, options } = w;
    const { add, ctx } = st;
    if (runs.atLeast) add(runs.atLeast.risk, runs.atLeast.reason);
    const shellText = (script: Word | undefined, what: string) => {
      if (!script) return false;
      if (script.value === undefined) add("change", `${what} runs ${script.text}, which is not literal`);
      else if (script.value !== "" && script.value !== "-") this.script(script.value, script.value, ctx.depth + 1);
      return true;
    };
    if (runs.scriptOption) {
      const option = options.find(
        (o) => o.name === runs.scriptOption || (runs.scriptOption === "-c" && o.name === "--command"),
      );
      if (option) {
        shellText(
          option.value === UNKNOWN ? { text: "its -c value", shape: UNKNOWN } : literalWord(option.value ?? ""),
          `\`${st.program} -c\``,
        );
        return;
      }
    }
    if (runs.scriptPositional !== undefined) {
      shellText(positionals[runs.scriptPositional], `\`${st.program}\``);
      return;
    }
    if (runs.scriptFlag) {
      const flagged = options.some((o) => o.name === `-${runs.scriptFlag}`);
      if (flagged) {
        if (!shellText(positionals[0], `\`${st.program} -c\``)) add("change", `\`${st.program} -c\` has no command`);
        return;
      }
    }
    if (runs.shell) {
      const file = positionals[0];
      if (file && file.value !== "-") {
        add("change", `\`${st.program}\` runs the script file ${file.text}, which the classifier cannot see`);
      } else if (ctx.stdin !== undefined) {
        this.script(ctx.stdin, ctx.stdin, ctx.depth + 1);
      } else {
        add("change", `\`${st.program}\` runs commands from its input, which the classifier cannot see`);
      }
      return;
    }
    const command = w.commandAt === undefined ? [] : words.slice(w.commandAt);
    if (command.length === 0) {
      if (spec.bare) add(spec.bare.risk, fill(spec.bare.reason, w.placeholders()));
      return;
    }
    if (runs.joined) {
      const values = command.map((word) => word.value);
      if (values.some((v) => v === undefined)) add("change", `\`${st.program}\` runs shell text that is not literal`);
      else this.script(values.join(" "), values.join(" "), ctx.depth + 1);
      return;
    }
    const inner = runs.program ? [literalWord(runs.program), ...command] : command;
    this.argv(inner, ctx, st.extraArgs || Boolean(runs.extraArgs));
  }

  /** Before a subcommand or a wrapped command, an unknown option could take the next word as its value. */
  private checkKnown(options: Option[], known: Known, spec: ProgramSpec, st: EvalState): void {
    for (const option of options) {
      const isKnown =
        option.inline ||
        /^-\d+$/.test(option.name) ||
        known.valueOptions.has(option.name) ||
        known.flags.has(option.name) ||
        byName(known.options, option.name) !== undefined ||
        byName(readWithOf(spec), option.name) !== undefined;
      if (!isKnown) {
        st.add("change", `\`${st.path.join(" ")} ${option.text}\` is an option the classifier does not know`);
        return;
      }
    }
  }
}

interface EvalState {
  /** The program's name, without its directory. */
  program: string;
  /** The program and the subcommands matched so far. */
  path: string[];
  known: Known;
  /** Options seen at the levels above. */
  options: Option[];
  ctx: SimpleContext;
  extraArgs: boolean;
  add: (risk: Risk, reason: string) => void;
}

interface WrapState {
  commandAt?: number;
  positionals: Word[];
  options: Option[];
  st: EvalState;
  placeholders: (more?: Placeholders) => Placeholders;
}

/** `/usr/bin/ls` is `ls`; `./x.sh` and `/opt/tool/bin/x` are programs the table cannot know. */
function programName(name: string): string | undefined {
  const slash = name.lastIndexOf("/");
  if (slash < 0) return name;
  return SYSTEM_BIN_DIRS.includes(name.slice(0, slash)) ? name.slice(slash + 1) : undefined;
}

function lookup(program: string): ProgramSpec | undefined {
  if (Object.hasOwn(PROGRAMS, program)) return PROGRAMS[program];
  const alias = PROGRAM_PREFIXES.find(([prefix]) => program.startsWith(prefix));
  return alias ? PROGRAMS[alias[1]] : undefined;
}

function subcommand(table: NonNullable<ProgramSpec["subcommands"]>, word: string): ProgramSpec | undefined {
  if (Object.hasOwn(table, word)) return table[word];
  return byName(table, word);
}

/** An entry by exact name, or by a `prefix*` key. */
function byName<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  if (Object.hasOwn(table, name)) return table[name];
  const key = Object.keys(table).find((k) => k.endsWith("*") && name.startsWith(k.slice(0, -1)));
  return key === undefined ? undefined : table[key];
}

function readOption(
  word: Word,
  next: Word | undefined,
  known: Known,
  spec: ProgramSpec,
): { options: Option[]; usedNext: boolean } {
  const text = word.value as string;
  const nextValue = () => (next === undefined ? undefined : (next.value ?? UNKNOWN));
  const whole = (name: string) =>
    known.valueOptions.has(name) ||
    known.flags.has(name) ||
    byName(known.options, name) !== undefined ||
    byName(readWithOf(spec), name) !== undefined;
  if (text.startsWith("--") || known.longSingleDash || text.length === 2 || whole(text) || /^-\d+$/.test(text)) {
    const eq = text.indexOf("=");
    if (eq > 0 && text.startsWith("--")) {
      return { options: [{ name: text.slice(0, eq), value: text.slice(eq + 1), inline: true, text }], usedNext: false };
    }
    if (known.valueOptions.has(text)) {
      return { options: [{ name: text, value: nextValue(), inline: false, text }], usedNext: next !== undefined };
    }
    return { options: [{ name: text, inline: false, text }], usedNext: false };
  }
  // A cluster of short options (-tzf FILE, -qO-): a letter that takes a value takes the rest.
  const options: Option[] = [];
  for (let j = 1; j < text.length; j++) {
    const name = `-${text[j]}`;
    if (known.valueOptions.has(name)) {
      const rest = text.slice(j + 1);
      if (rest !== "") return { options: [...options, { name, value: rest, inline: true, text }], usedNext: false };
      return { options: [...options, { name, value: nextValue(), inline: false, text }], usedNext: next !== undefined };
    }
    options.push({ name, inline: false, text });
  }
  return { options, usedNext: false };
}

/** readWith, plus read-only "subcommands" that are options (`apachectl -t`, `podman --version`). */
function readWithOf(spec: ProgramSpec): Readonly<Record<string, true | RegExp>> {
  const dashed = Object.entries(spec.subcommands ?? {}).filter(([k, s]) => k.startsWith("-") && s.risk === "read");
  return { ...VERSION_OPTIONS, ...spec.readWith, ...Object.fromEntries(dashed.map(([k]) => [k, true as const])) };
}

// Every program only prints with these; the table need not say so each time.
const VERSION_OPTIONS = { "--version": true, "--help": true } as const;

function valueApplies(rule: OptionRule, value: string | undefined): boolean {
  const unknown = value === undefined || value.includes(UNKNOWN);
  if (rule.value) return unknown || rule.value.test(value);
  if (rule.unlessValue) return unknown || !rule.unlessValue.test(value);
  return true;
}

function argApplies(rule: { match?: RegExp; unless?: RegExp }, value: string | undefined): boolean {
  if (value === undefined) return true;
  if (rule.match && !rule.match.test(value)) return false;
  if (rule.unless && rule.unless.test(value)) return false;
  return true;
}

function readWithApplies(table: Readonly<Record<string, true | RegExp>>, option: Option): boolean {
  const want = byName(table, option.name);
  if (want === undefined) return false;
  return want === true || (option.value !== undefined && want.test(option.value));
}

function indexOfRun(words: string[], run: readonly string[]): number {
  for (let i = 0; i + run.length <= words.length; i++) if (run.every((w, j) => words[i + j] === w)) return i;
  return -1;
}

/** A quoted heredoc or a literal here-string: shell text the classifier can read when a shell runs it. */
function literalInput(redirects: ShellNode[]): string | undefined {
  for (const redirect of redirects) {
    if (redirect.type === "heredoc_redirect") {
      const start = redirect.namedChildren.find((c) => c.type === "heredoc_start")?.text ?? "";
      const body = redirect.namedChildren.find((c) => c.type === "heredoc_body");
      if (!body) return undefined;
      const expands = body.namedChildren.some((c) => c.type !== "heredoc_content");
      return /['"\\]/.test(start) || !expands ? body.text : undefined;
    }
    if (redirect.type === "herestring_redirect") {
      const word = redirect.namedChildren[0];
      return word ? toWord(word).value : undefined;
    }
  }
  return undefined;
}
