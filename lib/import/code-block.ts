// What a guide's code block holds — commands at a prompt, what they printed, an interactive session,
// configuration — and its commands without the prompts. The fence language is a hint, not the answer:
// `console` blocks often hold only an error message, and unlabelled ones a script.
import { parseDocument } from "yaml";
import { shellParser, type ParseShell, type ShellNode } from "@/lib/playbooks/shell-parser";
import type { BlockClass } from "./import-report";
import { interactiveReason } from "./interactive";
import { sessionPrompts } from "./prompts";
import { maskPlaceholders } from "./shell-looking";
import { readTranscript } from "./transcript";

export { interactiveReason } from "./interactive";

export interface CodeBlockInput {
  lang: string; // lowercase fence language ("" when unlabelled)
  value: string;
  meta?: string | null;
}

export interface CodeBlockReading {
  class: BlockClass;
  /** The commands to run, prompts stripped, continuation lines kept; "" unless class is "commands" or "interactive". */
  commands: string;
  /** Lines the block shows as printed by the commands (after a prompt line, or the whole block for output). */
  output: string[];
  /** A `#` root prompt was stripped (or `sudo -i` shell): the step needs root. */
  root: boolean;
  /** Why, in a sentence, for the import report. */
  reason: string;
}

type LangKind = "shell" | "transcript" | "windows" | "config" | "source";

const kinds = (kind: LangKind, ...langs: string[]) => langs.map((l) => [l, kind] as const);

// Fence languages by what their blocks hold. Shell blocks are read leniently (a program the known
// list lacks is still a command); transcript and text blocks need a known program before they count.
const LANG_KINDS: ReadonlyMap<string, LangKind> = new Map([
  ...kinds("shell", "bash", "sh", "zsh", "shell", "ksh", "shellscript"),
  ...kinds("transcript", "", "console", "shell-session", "shellsession", "terminal", "sh-session", "session"),
  ...kinds("transcript", "text", "txt", "log", "output", "plain", "plaintext", "ansi", "stdout", "stderr"),
  ...kinds("transcript", "none", "nohighlight", "bash-session", "zsh-session"),
  // Tracebacks and logs: never commands, since no line starts with a program.
  ...kinds("transcript", "pytb", "py3tb", "traceback", "stacktrace", "logs", "error", "errors", "stderr-output"),
  ...kinds("windows", "powershell", "ps", "ps1", "pwsh", "posh", "cmd", "bat", "batch", "dos", "doscon"),
  ...kinds("windows", "pwsh-session", "ps1con", "powershell-session"),
  ...kinds("config", "yaml", "yml", "json", "jsonc", "json5", "toml", "ini", "cfg", "conf", "config"),
  ...kinds("config", "properties", "env", "dotenv", "dockerfile", "containerfile", "docker", "nginx", "apache"),
  ...kinds("config", "apacheconf", "systemd", "service", "unit", "xml", "hcl", "terraform", "tf", "caddyfile"),
  ...kinds("config", "haproxy", "diff", "patch", "csv", "tsv", "ssh-config", "sshconfig", "gitconfig", "crontab"),
  ...kinds("config", "editorconfig", "gitignore", "dockerignore", "desktop", "udev", "kconfig", "hosts"),
  ...kinds("source", "python", "py", "go", "golang", "js", "javascript", "ts", "typescript", "jsx", "tsx"),
  ...kinds("source", "java", "kotlin", "rust", "rs", "c", "cpp", "c++", "h", "csharp", "cs", "ruby", "rb"),
  ...kinds("source", "php", "perl", "pl", "lua", "sql", "graphql", "swift", "scala", "groovy", "makefile"),
  ...kinds("source", "make", "just", "justfile", "html", "css", "scss", "mermaid", "nix", "r", "julia"),
  ...kinds("source", "elixir", "erlang", "haskell", "clojure", "dart", "vue", "svelte", "proto", "cmake"),
  ...kinds("source", "fish", "nu", "tcl", "awk", "sed", "jinja", "jinja2", "gotmpl", "handlebars", "lisp"),
]);

// The shell parser's error recovery is quadratic on a long run of `|`, `<` or `>`: a hostile guide
// could hold the importer for hours. Real command blocks are far below both limits.
const MAX_BLOCK_CHARS = 16_000;
const MAX_LINE_CHARS = 2_000;

function tooLongToRead(value: string): boolean {
  return value.length > MAX_BLOCK_CHARS || value.split("\n").some((line) => line.length > MAX_LINE_CHARS);
}

export async function readCodeBlock(block: CodeBlockInput): Promise<CodeBlockReading> {
  const lang =
    block.lang
      .trim()
      .toLowerCase()
      .replace(/^\{?\.?/, "")
      .split(/[\s{},]/)[0] ?? "";
  const kind = LANG_KINDS.get(lang);
  const none = { commands: "", output: [], root: false };
  if (block.value.trim() === "") return { class: "other", ...none, reason: "an empty block" };
  if (tooLongToRead(block.value))
    return { class: "other", ...none, reason: "too long to read as commands: left as text for a person" };
  if (kind === "windows")
    return { class: "other", ...none, reason: `a \`${lang}\` block: PowerShell cannot run in bash` };
  if (kind === "config")
    return { class: "config", ...none, reason: `a \`${lang}\` block is configuration, not commands` };
  if (kind === "source" && !startsWithSession(block.value)) {
    return { class: "other", ...none, reason: `a \`${lang}\` block is program source, not shell commands` };
  }
  if (kind === undefined) return { class: "other", ...none, reason: `a \`${lang}\` block is not shell` };

  // `{ … }` parses as a shell block too; JSON is never meant to run.
  if (isJson(block.value))
    return { class: "config", ...none, reason: "the block is JSON: configuration, not commands" };
  const parse = await shellParser();
  const t = readTranscript(parse, block.value, { lenient: kind === "shell" });
  if (t.windows) return { class: "other", ...none, reason: t.why };
  if (t.session && t.commands.length === 0) return { class: "interactive", ...none, output: t.output, reason: t.why };
  if (t.commands.length === 0) {
    const config = t.prompted ? null : configShape(block.value);
    if (config) return { class: "config", ...none, reason: `no prompt and the block reads as ${config}` };
    return { class: t.output.length ? "output" : "other", ...none, output: t.output, reason: t.why };
  }
  if (!t.prompted && onlyAssignments(parse, t.commands)) {
    return { class: "config", ...none, reason: "every line is a bare `KEY=value`: an env file, not commands" };
  }
  const shell = rootShell(t.prompted ? withoutLogout(t.commands) : t.commands);
  const commands = shell.commands.join("\n").replace(/^\n+|\s+$/g, "");
  const root = t.root || shell.root;
  const why = shell.root ? `${t.why}; ${shell.why}` : t.why;
  const interactive = (await interactiveReason(commands)) ?? (t.session ? t.why : null);
  if (interactive) return { class: "interactive", commands, output: t.output, root, reason: interactive };
  return { class: "commands", commands, output: t.output, root, reason: why };
}

// `sudo -i`, `sudo su -`, `su -`: what follows in the transcript was typed into a root shell.
const BECOME_ROOT =
  /^(sudo\s+(-i|-s|-is|-si|--login|-u\s+root\s+-i|su(\s+-l?)?(\s+root)?|bash|sh)|su(\s+-l?)?(\s+root)?)$/;

/** A root shell opened in the transcript runs the commands after it as root; it is not a step itself. */
function rootShell(commands: string[]): { commands: string[]; root: boolean; why: string } {
  const at = commands.findIndex((c) => BECOME_ROOT.test(c.trim()));
  if (at < 0 || !commands.slice(at + 1).some((c) => c.trim() !== "" && !c.trim().startsWith("#"))) {
    return { commands, root: false, why: "" };
  }
  const after = commands.slice(at + 1);
  const shown = (commands[at] as string).trim();
  return {
    commands: [...commands.slice(0, at), ...after],
    root: true,
    why: `\`${shown}\` opens a root shell: the commands after it run as root`,
  };
}

/** A transcript that ends by leaving its shell: the step ends anyway. */
function withoutLogout(commands: string[]): string[] {
  const kept = [...commands];
  while (kept.length > 1 && /^(exit|logout)$/.test((kept.at(-1) ?? "").trim())) kept.pop();
  return kept;
}

/** `DATABASE_URL=…` lines and nothing else (no `export`, no command after them or in them): run, they
 *  would set variables in a shell that then exits. They are an env file's body. */
function onlyAssignments(parse: ParseShell, commands: string[]): boolean {
  return parse(maskPlaceholders(commands.join("\n")), ({ root, error }) => {
    const statements = root.namedChildren.filter((n) => n.type !== "comment");
    // `uid=$(id -u)` runs a command to set its variable, for the blocks after it.
    const bare = (n: ShellNode) =>
      (n.type === "variable_assignment" || n.type === "variable_assignments") && !/\$\(|`/.test(n.text);
    return !error && statements.length > 0 && statements.every(bare);
  });
}

/** A `>>> ` or `mysql> ` session pasted into a `python` or `sql` block: what was typed, and printed. */
function startsWithSession(value: string): boolean {
  const lines = value.split("\n").filter((l) => l.trim() !== "");
  return sessionPrompts(lines.slice(0, 1))[0] !== undefined;
}

function isJson(value: string): boolean {
  const text = value.trim();
  if (!/^[{[]/.test(text)) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return Boolean(parsed) && typeof parsed === "object";
  } catch {
    return false;
  }
}

/** An INI-style file (`[Service]` then `key=value`) or YAML with nesting; null when neither. */
function configShape(value: string): string | null {
  const text = value.trim();
  const lines = text.split("\n").filter((l) => l.trim() !== "" && !/^\s*[#;]/.test(l));
  if (/^\[[\w .:"'/@-]+\]$/.test(lines[0]?.trim() ?? "") && lines.slice(1).some((l) => /^\s*[\w.-]+\s*=/.test(l))) {
    return "an INI-style configuration file";
  }
  const keys = lines.filter((l) => /^\s*(- )?[\w.-]+:( |$)/.test(l) || /^\s*- /.test(l));
  const lowercase = keys.filter((l) => /^\s*(- )?[a-z_]/.test(l));
  const nested = lines.some(
    (l, i) => /:\s*$/.test(l) && /^\s/.test(lines[i + 1] ?? "") && indent(lines[i + 1]) > indent(l),
  );
  if (keys.length >= 2 && keys.length >= lines.length * 0.6 && lowercase.length * 2 > keys.length && nested) {
    const doc = parseDocument(text);
    if (doc.errors.length === 0 && doc.contents && typeof doc.toJS() === "object") return "YAML configuration";
  }
  return null;
}

const indent = (line: string | undefined) => /^\s*/.exec(line ?? "")?.[0].length ?? 0;
