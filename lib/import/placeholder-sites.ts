// Where in a command's syntax tree placeholders can be, and how each is quoted there. An unquoted
// command argument takes every placeholder spelling, an ALL-CAPS word included unless the program
// reads its arguments literally (`grep ERROR`, `echo OK`, `kill -s TERM`); quoted strings and
// heredocs take only the unmistakable spellings; comments and quoted heredocs none (a quoted
// heredoc expands nothing, so its placeholders are reported, not rewritten).
import type { ShellNode } from "@/lib/playbooks/shell-parser";
import { toWord } from "@/lib/playbooks/shell-words";
import { isOmitted, placeholdersIn, type TokenMatch, type Where } from "./placeholder-tokens";

/** How the text around a placeholder is quoted, which decides how `${NAME}` is written there. */
export type Quoting = "none" | "double" | "single";

export interface Site extends TokenMatch {
  quoting: Quoting;
  /** The placeholder is a whole unquoted argument, not part of one. */
  wholeWord: boolean;
  /** For single-quoted text: the raw string's [start, end), quotes included. */
  rawString?: [number, number];
  /** The program the placeholder is an argument of (wrappers such as sudo skipped). */
  program?: string;
  /** The program's first argument when it reads as a subcommand (`podman run`). */
  subcommand?: string;
  /** Positional arguments of the command other than this one. */
  otherPositionals?: number;
  /** In a quoted heredoc that expands nothing else: its delimiter [start, end) unquoted, as text. */
  heredocStart?: [number, number, string];
}

export interface Left {
  start: number;
  match: TokenMatch;
  reason: string;
}

// Programs whose arguments are literal text: patterns, messages, variable and signal names, formats.
const LITERAL_ARGUMENTS = new Set([
  ...["grep", "egrep", "fgrep", "zgrep", "rg", "ag", "ack", "echo", "printf", "printenv", "env", "export", "unset"],
  ...["trap", "kill", "pkill", "killall", "tput", "stty", "set", "shopt", "ulimit", "locale", "getconf", "test", "["],
  ...["declare", "typeset", "local", "readonly", "read", "tr", "cut", "date", "awk", "gawk", "sed", "jq", "yq"],
  ...["column", "expr", "bc", "let", "logger", "wall", "notify-send"],
]);
// Database clients: their positional words (`FLUSHDB`, `SELECT …`, `CONFIG GET`) are commands, never
// placeholders; their option values (`-U DB_USER`) may be.
const DATABASE_CLIENTS = new Set(["redis-cli", "valkey-cli", "keydb-cli", "psql", "mysql", "mariadb", "sqlite3"]);
// Options whose value names an environment variable (`-e TZ`) or spells an output format.
const ENV_OPTIONS = new Set(["-e", "--env", "--build-arg", "--unset-env", "--preserve-env", "-u"]);
const FORMAT_OPTIONS = new Set([
  ...["-o", "--output", "--format", "--template", "-O", "--query", "--sort-by", "--field-selector"],
  ...["--selector", "-l", "--columns", "--custom-columns", "-p", "--property", "-F", "--fields"],
]);
// Programs that run the command after them; their own options come first.
const WRAPPERS = new Set(["sudo", "doas", "env", "time", "nohup", "nice", "ionice", "stdbuf", "timeout", "exec"]);
const WRAPPER_VALUE_OPTIONS = new Set(["-u", "-g", "-C", "-D", "-h", "-p", "-U", "-r", "-t", "-n", "-s", "-k"]);

interface CommandInfo {
  program: string;
  /** Index in the arguments of the first argument that belongs to `program`. */
  from: number;
  values: string[];
}

function literal(node: ShellNode | null | undefined): string {
  return node ? (toWord(node).value ?? "") : "";
}

function commandInfo(node: ShellNode): CommandInfo {
  const args = node.childrenForFieldName("argument").filter((a): a is ShellNode => a !== null);
  const values = args.map((a) => literal(a));
  let program = literal(node.childForFieldName("name")?.namedChildren[0]).replace(/^.*\//, "");
  let i = 0;
  while (WRAPPERS.has(program) && i < values.length) {
    const wrapper = program;
    while (i < values.length) {
      const v = values[i] ?? "";
      if (v.startsWith("-")) i += WRAPPER_VALUE_OPTIONS.has(v) && wrapper !== "env" ? 2 : 1;
      else if (/^[A-Za-z_]\w*=/.test(v)) i++;
      else if (wrapper === "timeout" && /^\d/.test(v)) i++;
      else break;
    }
    program = (values[i] ?? "").replace(/^.*\//, "");
    i++;
  }
  return { program, from: i, values };
}

function literalArguments(info: CommandInfo, index: number): boolean {
  if (LITERAL_ARGUMENTS.has(info.program)) return true;
  const value = info.values[index] ?? "";
  const previous = index > info.from ? (info.values[index - 1] ?? "") : "";
  // The client may be run inside a container or over ssh: `docker exec cache redis-cli FLUSHALL`.
  const client =
    DATABASE_CLIENTS.has(info.program) ||
    info.values.slice(info.from, index).some((v) => DATABASE_CLIENTS.has(v.replace(/^.*\//, "")));
  if (client && !/^-/.test(previous) && !/^-/.test(value)) return true;
  if (ENV_OPTIONS.has(previous) && !value.includes("=")) return true;
  if (FORMAT_OPTIONS.has(previous)) return true;
  return /^--?(?:output|format|template|query|sort-by|field-selector|selector|columns|custom-columns)=/.test(value);
}

function subcommandOf(info: CommandInfo): string | undefined {
  const first = info.values[info.from];
  return first && /^[a-z][a-z0-9-]*$/.test(first) ? first : undefined;
}

// Expansions inside strings and heredocs: their text is not literal, and variables are found apart.
const EXPANSIONS = new Set(["simple_expansion", "expansion", "command_substitution", "arithmetic_expansion"]);

/** The literal stretches of a string or heredoc body: [start, end) outside its expansions. */
function literalPieces(node: ShellNode, from: number, to: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let at = from;
  for (const child of node.namedChildren) {
    if (!EXPANSIONS.has(child.type)) continue;
    if (child.startIndex > at) pieces.push([at, child.startIndex]);
    at = Math.max(at, child.endIndex);
  }
  if (at < to) pieces.push([at, to]);
  return pieces;
}

interface Context {
  where: Where;
  caps: boolean;
  command?: CommandInfo;
  argIndex?: number;
}

export class SiteFinder {
  readonly sites: Site[] = [];
  readonly left: Left[] = [];

  constructor(private readonly source: string) {}

  visit(node: ShellNode, ctx: Context = { where: "quoted", caps: false }): void {
    switch (node.type) {
      case "comment":
        return;
      case "command":
        return this.command(node);
      case "variable_assignment": {
        const value = node.childForFieldName("value");
        if (value) this.visit(value, { where: "value", caps: false });
        return;
      }
      case "for_statement":
        for (const child of node.childrenForFieldName("value"))
          if (child) this.visit(child, { where: "value", caps: false });
        for (const child of node.childrenForFieldName("body")) if (child) this.visit(child);
        return;
      case "redirected_statement": {
        const body = node.childForFieldName("body");
        const info = body?.type === "command" ? commandInfo(body) : undefined;
        for (const child of node.namedChildren)
          this.visit(
            child,
            child.type === "file_redirect" && info ? { where: "quoted", caps: false, command: info } : ctx,
          );
        return;
      }
      case "file_redirect": {
        // The parser files words after a redirection (`cmd 2>/dev/null ARG`) as more destinations:
        // only the first is the file; the rest are the command's arguments.
        const [file, ...more] = node.childrenForFieldName("destination").filter((d): d is ShellNode => d !== null);
        if (file) this.visit(file, { where: "value", caps: false });
        const program = ctx.command?.program ?? "";
        for (const arg of more)
          this.visit(arg, {
            where: "argument",
            caps: !LITERAL_ARGUMENTS.has(program),
            ...(ctx.command ? { command: ctx.command } : {}),
          });
        return;
      }
      case "heredoc_redirect":
        return this.heredoc(node);
      case "word":
        return this.text(node, node.startIndex, node.endIndex, "none", ctx);
      case "concatenation":
        // `[OPTIONS]` parses as `[`, `OPTIONS`, `]`; as a whole it stands for optional arguments.
        if (ctx.where === "argument" && isOmitted(node.text))
          return this.text(node, node.startIndex, node.endIndex, "none", ctx);
        break;
      case "raw_string":
        return this.text(node, node.startIndex + 1, node.endIndex - 1, "single", {
          ...ctx,
          where: "quoted",
          caps: false,
        });
      case "string":
        for (const [from, to] of literalPieces(node, node.startIndex + 1, node.endIndex - 1))
          this.text(node, from, to, "double", { ...ctx, where: "quoted", caps: false });
        break;
    }
    for (const child of node.namedChildren)
      if (node.type !== "string" || EXPANSIONS.has(child.type)) this.visit(child, ctx);
  }

  private command(node: ShellNode): void {
    const info = commandInfo(node);
    const args = node.childrenForFieldName("argument").filter((a): a is ShellNode => a !== null);
    const isArgument = new Set(args.map((a) => a.id));
    for (const child of node.namedChildren) {
      if (isArgument.has(child.id)) continue;
      if (child.type === "command_name") this.visit(child, { where: "quoted", caps: false });
      else this.visit(child);
    }
    args.forEach((arg, index) => {
      // Words before the program (sudo's own options) are not its arguments.
      const own = index >= info.from;
      const caps = own && !literalArguments(info, index);
      this.visit(arg, { where: own ? "argument" : "value", caps, command: info, argIndex: index });
    });
  }

  private heredoc(node: ShellNode): void {
    const start = node.namedChildren.find((c) => c.type === "heredoc_start");
    const body = node.namedChildren.find((c) => c.type === "heredoc_body");
    if (!start || !body) return;
    const text = this.source.slice(body.startIndex, body.endIndex);
    if (/["'\\]/.test(start.text)) {
      // A quoted delimiter stops `$`, backticks and backslashes from expanding. Without any of those
      // in the body, unquoting it changes nothing but the placeholders, which then expand.
      if (!/[$`\\]/.test(text)) {
        const plain = start.text.replace(/["'\\]/g, "");
        const before = this.sites.length;
        this.text(body, body.startIndex, body.endIndex, "double", { where: "quoted", caps: false });
        for (const site of this.sites.slice(before)) site.heredocStart = [start.startIndex, start.endIndex, plain];
        return;
      }
      for (const match of placeholdersIn(text, { where: "quoted", caps: false }))
        this.left.push({
          start: body.startIndex + match.start,
          match: { ...match, start: body.startIndex + match.start, end: body.startIndex + match.end },
          reason: "inside a quoted heredoc, which expands nothing (and its text has `$`, backticks or backslashes)",
        });
      return;
    }
    for (const [from, to] of literalPieces(body, body.startIndex, body.endIndex))
      this.text(body, from, to, "double", { where: "quoted", caps: false });
    for (const child of body.namedChildren) if (EXPANSIONS.has(child.type)) this.visit(child);
  }

  private text(node: ShellNode, from: number, to: number, quoting: Quoting, ctx: Context): void {
    const text = this.source.slice(from, to);
    const whole = quoting === "none" && node.parent?.type !== "concatenation";
    for (const match of placeholdersIn(text, { where: ctx.where, caps: ctx.caps })) {
      const site: Site = { ...match, start: from + match.start, end: from + match.end, quoting, wholeWord: false };
      site.wholeWord = whole && match.start === 0 && match.end === text.length;
      if (quoting === "single") site.rawString = [node.startIndex, node.endIndex];
      if (ctx.command) {
        const info = ctx.command;
        site.program = info.program;
        const sub = subcommandOf(info);
        if (sub) site.subcommand = sub;
        site.otherPositionals = info.values.filter(
          (v, i) => i >= info.from && i !== ctx.argIndex && v !== "" && !v.startsWith("-"),
        ).length;
      }
      this.sites.push(site);
    }
  }
}
