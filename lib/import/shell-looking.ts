// Whether a line of a guide's code block is a command, from its parse: a simple command, pipeline or
// assignment whose program is a known one (known-programs.ts) or a path to one. What programs print
// (`Error: …`, `NAME READY STATUS`, `/etc/subuid:me:100000:65536`, a stack trace) and prose (`# Check
// the logs`) do not read that way, even when tree-sitter parses them.
import { hasErrorVocabulary, looksLikeError } from "@/lib/markdown/error-text";
import type { ParseShell, ShellNode } from "@/lib/playbooks/shell-parser";
import { toWord } from "@/lib/playbooks/shell-words";
import { ENGLISH_WORDS, knownProgram } from "./known-programs";

export type LookMode =
  /** A known program, a path to one, an assignment or a shell construct. */
  | "strict"
  /** Also a program the list does not know whose name and arguments look like one (`orb delete vm`). */
  | "lenient";

export interface Look {
  shell: boolean;
  /** Why not, or what it is: "`Failed` is not a known program", "`kubectl` is a known program". */
  why: string;
  /** A known program that is also an English word, with only words after it (`install dependencies`):
   *  after a `#` that is a comment unless the block shows prompts. */
  wordy?: boolean;
  /** The shell parser cannot read it (an unclosed `if`, a stray quote, a stack trace's parentheses). */
  broken?: boolean;
}

const STOPWORDS = new Set([
  ...["the", "a", "an", "to", "of", "in", "on", "for", "with", "and", "or", "is", "are", "was", "were", "be"],
  ...["been", "this", "that", "these", "those", "it", "its", "your", "you", "we", "our", "will", "can", "should"],
  ...["must", "would", "could", "if", "when", "not", "no", "such", "from", "by", "as", "at", "any", "some"],
  ...["which", "what", "how", "why", "has", "have", "there", "here", "then", "than", "also", "into", "only"],
  ...["sure", "first", "now", "please", "before", "after", "using", "because", "so", "but", "don't", "it's"],
]);

// Compound statements and other syntax only shell has.
const SHELL_SYNTAX = new Set([
  ...["if_statement", "for_statement", "c_style_for_statement", "while_statement", "case_statement"],
  ...["function_definition", "subshell", "compound_statement", "test_command", "declaration_command"],
  ...["variable_assignment", "variable_assignments", "unset_command"],
]);

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
const no = (why: string): Look => ({ shell: false, why });

export function looksLikeShell(parse: ParseShell, text: string, mode: LookMode): Look {
  const source = maskPlaceholders(text.trim());
  if (source === "") return no("the line is empty");
  return parse(source, ({ root, error }) => {
    if (error) return { ...no(`\`${clip(text.trim())}\` does not parse as shell`), broken: true };
    const statements = root.namedChildren.filter((n) => n.type !== "comment");
    if (statements.length === 0) return no("it is only a comment");
    let first: Look | undefined;
    for (const s of statements) {
      const look = statement(s, mode);
      if (!look.shell) return look;
      first ??= look;
    }
    return first as Look;
  });
}

function statement(node: ShellNode, mode: LookMode): Look {
  switch (node.type) {
    case "command":
      return simpleCommand(node, mode);
    case "pipeline":
    case "list":
    case "negated_command": {
      const first = node.namedChildren[0];
      return first ? statement(first, mode) : no("an empty statement");
    }
    case "redirected_statement": {
      const body = node.childForFieldName("body");
      return body ? statement(body, mode) : no("only a redirection");
    }
  }
  // `[Service]` parses as a test, but a real one has spaces inside its brackets.
  const test = node.type !== "test_command" || /^(\[\[?\s|\(\()/.test(node.text);
  return SHELL_SYNTAX.has(node.type) && test
    ? { shell: true, why: "shell syntax" }
    : no(`\`${clip(node.text)}\` is not a command`);
}

function simpleCommand(node: ShellNode, mode: LookMode): Look {
  const nameNode = node.childForFieldName("name");
  if (!nameNode) return { shell: true, why: "an assignment" };
  const word = toWord(nameNode.namedChildren[0] ?? nameNode);
  // `$EDITOR file`, `${TOOL} inspect`: only shell has a program chosen by a variable.
  if (word.value === undefined) return { shell: true, why: "a program named by a variable" };
  const name = word.value;
  const args = node.namedChildren.filter((c) => c.startIndex >= nameNode.endIndex);
  if (name.includes("/")) {
    return programPath(name) ? { shell: true, why: "a path to a program" } : no(`\`${clip(name)}\` is not a program`);
  }
  if (logLine(name, args)) return no(`\`${clip(node.text)}\` is a log line: a level after the program's name`);
  const plain = args.filter((a) => a.type === "word" && /^[A-Za-z'’]+[,.;:!?]?$/.test(a.text)).map((a) => a.text);
  const onlyWords = plain.length === args.length;
  if (!(name === "echo" || name === "printf") && prose(node.text, plain, onlyWords)) return no("it reads as prose");
  if (knownProgram(name)) {
    if (!ENGLISH_WORDS.has(name) || evidence(node, args)) return { shell: true, why: `\`${name}\` is a known program` };
    // `file not found`, `kill failed`: an error message that happens to start with a program's name.
    if (onlyWords && looksLikeError(node.text)) return no(`\`${clip(node.text)}\` reads as an error message`);
    return { shell: true, why: `\`${name}\` is a known program`, wordy: true };
  }
  // What options say (`--timeout`, `--retry-failed`) is not an error message.
  const said = [name, ...args.filter((a) => !OPTION.test(a.text)).map((a) => a.text)].join(" ");
  if (mode === "lenient" && plausibleProgram(name) && !looksLikeError(said)) {
    // Printed tables and messages capitalise their words (`Running`, `READY`); commands rarely do.
    if (!plain.some((w) => /^[A-Z]/.test(w))) return { shell: true, why: `\`${name}\` looks like a program` };
  }
  if (plausibleProgram(name) && cliCall(node, args, plain, said)) {
    return { shell: true, why: `\`${clip(name)}\` is called like a command-line tool (subcommands, an option)` };
  }
  return no(`\`${clip(name)}\` is not a known program`);
}

const OPTION = /^--?[A-Za-z][\w-]*(?:=.*)?$/;

// Levels programs print after their name: `npm ERR! code E401`, `npm WARN deprecated …`, `yarn error …`.
const LOG_LEVEL = /^(?:err(?:or)?|warn(?:ing)?|notice|fatal|verbose|silly|timing|crit(?:ical)?)[!:]?$/i;
const SHOUTED_LEVEL = /^(?:[A-Z]{3,}!|INFO|DEBUG|HTTP|TRACE)$/;
// Levels that are also subcommands (`docker info`, `pip debug`, `npm info lodash`): a level only when
// a message follows (`npm info using npm@10`, `npm http fetch GET 200 …`).
const LEVEL_OR_SUBCOMMAND = /^(?:info|debug|http)$/;
// Programs whose first word is text or a pattern to look for: `grep error app.log`, `echo warning`.
const TEXT_FIRST = new Set(["echo", "printf", "logger", "grep", "egrep", "fgrep", "zgrep", "rg", "ag", "ack", "pgrep"]);

function logLine(name: string, args: ShellNode[]): boolean {
  const level = args[0]?.text ?? "";
  if (TEXT_FIRST.has(name)) return false;
  if (LOG_LEVEL.test(level) || SHOUTED_LEVEL.test(level)) return true;
  if (!LEVEL_OR_SUBCOMMAND.test(level)) return false;
  const rest = args.slice(1).map((a) => a.text);
  if (rest.some((w) => OPTION.test(w))) return false;
  return rest.length >= 3 || rest.some((w) => /^[A-Z]/.test(w) || STOPWORDS.has(w) || w.endsWith(":"));
}

/**
 * `kiln node drain gpu-07 --timeout 30m`: a program no list knows, called the way command-line tools
 * are — lowercase subcommand words and at least one option, one simple command, a few words — and
 * nothing a message has (a `: ` chain, error words, a sentence's words or its full stop).
 */
function cliCall(node: ShellNode, args: ShellNode[], plain: string[], said: string): boolean {
  const statements = node.parent?.type === "program" ? node.parent.namedChildren : [];
  if (statements.filter((n) => n.type !== "comment").length !== 1) return false;
  if (args.length < 1 || args.length > 13 || !args.some((a) => OPTION.test(a.text))) return false;
  if (/:\s/.test(node.text) || /[.!?]$/.test(node.text.trim()) || hasErrorVocabulary(said)) return false;
  return !plain.some((w) => /^[A-Z]/.test(w) || STOPWORDS.has(w.toLowerCase().replace(/[,.;:!?]$/, "")));
}

/**
 * Guides write values to fill in as `<pod-id>` or `<your-repo-url>`, which bash would read as
 * redirections; for judging a line's shape they are words. Same length, so offsets still match.
 */
export function maskPlaceholders(text: string): string {
  return text.replace(/<([A-Za-z][\w.:-]*)>/g, (_m, name: string) => `_${name}_`);
}

/** `./run.sh`, `~/bin/tool`, `/usr/local/bin/x`, `/etc/init.d/nginx`, `/opt/app/start.sh`. */
export function programPath(name: string): boolean {
  if (/[:,;]/.test(name) || name.endsWith("/")) return false;
  if (/^(\.\.?|~)\//.test(name)) return true;
  if (!name.startsWith("/")) return false;
  return /\/(s?bin|libexec|init\.d)\//.test(name) || name.startsWith("/opt/") || /\.(sh|py|pl|rb)$/.test(name);
}

function plausibleProgram(name: string): boolean {
  return (
    name.length <= 40 &&
    /^[a-z][a-z0-9]*(?:[._+-][a-z0-9]+)*$/.test(name) &&
    !STOPWORDS.has(name) &&
    // A container or commit id printed on its own line.
    !(/^[0-9a-f]{7,}$/.test(name) && /\d/.test(name))
  );
}

function prose(text: string, plain: string[], onlyWords: boolean): boolean {
  const stops = plain.filter((w) => STOPWORDS.has(w.toLowerCase().replace(/[,.;:!?]$/, ""))).length;
  if (stops >= 2 || (stops >= 1 && onlyWords && plain.length >= 3)) return true;
  return /[A-Za-z)][.?!:]$/.test(text) || plain.some((w) => /[a-z],$/.test(w));
}

/** Something after the program that only arguments have: an option, a path, `=`, `$`, a quote, a number,
 *  or shell around it (a pipe, `&&`, a redirection). */
function evidence(node: ShellNode, args: ShellNode[]): boolean {
  const parent = node.parent?.type;
  if (parent === "pipeline" || parent === "list" || parent === "redirected_statement") return true;
  return args.some((a) => a.type !== "word" || /[-/=$~*:.@\d]/.test(a.text));
}
