// A code block's lines read as a terminal transcript: which are commands (at a prompt, with their `\`
// continuation lines, heredoc bodies and other lines the command needs to be complete) and which are
// what the commands printed. A block without prompts is a script when its first command reads as one.
import type { ParseShell } from "@/lib/playbooks/shell-parser";
import { continues, sessionPrompts, splitPrompt, type Prompt, type SessionPrompt } from "./prompts";
import { looksLikeShell, maskPlaceholders, type LookMode } from "./shell-looking";

export interface Transcript {
  /** The commands, prompts stripped, one entry per command (several lines when it continues). */
  commands: string[];
  output: string[];
  /** Some command was at a `#` prompt. */
  root: boolean;
  /** The block shows prompts (`$ `, `# `, …), rather than being a script. */
  prompted: boolean;
  /** A Windows prompt (`PS C:\> `): nothing in it is for bash. */
  windows: boolean;
  /** Why, for the import report. */
  why: string;
  /** The first prompt of a REPL or database client (`mysql> `, `>>> `): the block shows a session typed
   *  into it, whose typed lines are neither commands nor output. */
  session?: SessionPrompt;
}

// A command that spans more lines than this is taken to be broken rather than long.
const MAX_LINES = 200;

/** `lenient`: the fence says bash, sh, zsh or shell, so a program the known list lacks is still a command. */
export function readTranscript(parse: ParseShell, value: string, opts: { lenient: boolean }): Transcript {
  const lines = value.split("\n").map((l) => l.trimEnd());
  const typed = sessionPrompts(lines);
  const from = typed.findIndex((p) => p !== undefined);
  const session = typed[from];
  if (!session) return readShell(parse, lines, opts);
  const blanked = lines.map((l, i) => (typed[i] ? "" : l));
  let read = readShell(parse, blanked, opts);
  if (read.windows) return read;
  if (!read.prompted) {
    // With no shell prompts, nothing shows where the session ends: the rest of the block is its output.
    const head = readShell(parse, blanked.slice(0, from), opts);
    read = { ...head, output: [...head.output, ...blanked.slice(from).filter((l) => l.trim() !== "")] };
  }
  const shown = `a \`${session.client}\` session at \`${session.prompt.trim()}\` prompts, typed by hand`;
  return { ...read, session, why: read.commands.length ? `${read.why}; then ${shown}` : shown };
}

function readShell(parse: ParseShell, lines: string[], opts: { lenient: boolean }): Transcript {
  const prompts = lines.map(splitPrompt);
  const empty = { commands: [], output: [], root: false, prompted: false };
  if (prompts.some((p) => p?.windows)) {
    return { ...empty, windows: true, why: "a Windows prompt (`PS>`): PowerShell cannot run in bash" };
  }
  const at = promptsInUse(parse, lines, prompts);
  if (at.some(Boolean)) return prompted(parse, lines, prompts, at);
  return script(parse, lines, opts.lenient ? "lenient" : "strict");
}

/** Which lines start at a prompt. A `#` line is a root prompt only when a command follows it and the
 *  block shows a transcript: other prompts, or lines that are not commands (what was printed). */
function promptsInUse(parse: ParseShell, lines: string[], prompts: (Prompt | null)[]): (Prompt | undefined)[] {
  const strong = (j: number) => prompts[j]?.strength === "strong";
  const at: (Prompt | undefined)[] = [];
  const hash: { prompt: Prompt; wordy: boolean }[] = [];
  // Lines that belong to a weak prompt's command (its heredoc body, its `\` continuations).
  const consumed = new Set<number>();
  for (const [i, p] of prompts.entries()) {
    if (!p || p.strength === "strong") {
      at[i] = p ?? undefined;
      continue;
    }
    const { text, next } = statement(parse, lines, i, p.rest, { ps2: true, stop: strong });
    const look = looksLikeShell(parse, text, "strict");
    if (!look.shell) continue;
    for (let j = i + 1; j < next; j++) consumed.add(j);
    if (p.prompt.trim() === "#") hash[i] = { prompt: p, wordy: Boolean(look.wordy) };
    else at[i] = p;
  }
  let transcript = at.some(Boolean);
  if (!transcript && hash.some((h) => h && !h.wordy)) {
    // `# dnf install -y x` followed by what dnf printed, or alone: root prompts. Followed by commands
    // (`# kubectl get pods` above `kubectl get nodes`): a commented-out command in a script.
    const bare = lines.filter((l, i) => l.trim() !== "" && !/^\s*#/.test(l) && !consumed.has(i));
    transcript = !bare.some((l) => looksLikeShell(parse, l, "strict").shell);
  }
  if (!transcript) return at;
  return lines.map((_, i) => at[i] ?? hash[i]?.prompt);
}

function prompted(
  parse: ParseShell,
  lines: string[],
  prompts: (Prompt | null)[],
  at: (Prompt | undefined)[],
): Transcript {
  const commands: string[] = [];
  const output: string[] = [];
  const kinds = new Set<string>();
  let root = false;
  // A heredoc's body may hold `# comment` lines: only a strong prompt ends a command early.
  const isPrompt = (i: number) => prompts[i]?.strength === "strong";
  for (let i = 0; i < lines.length;) {
    const line = lines[i] as string;
    const p = at[i];
    if (p) {
      kinds.add(p.prompt.trim().slice(-1));
      const { text, next } = statement(parse, lines, i, p.rest, { ps2: true, stop: isPrompt });
      if (text.trim() !== "") {
        commands.push(text);
        root ||= p.root;
      }
      i = next;
      continue;
    }
    // A comment right before a command introduces it; elsewhere a `#` line is printed text
    // (`cat storage.conf` shows the file's comments).
    if (/^\s*#/.test(line) && nextCommandFollows(lines, at, i)) commands.push(line.trim());
    else if (line.trim() !== "") output.push(line);
    i++;
  }
  const shown = [...kinds].map((k) => `\`${k}\``).join(" and ");
  const ran = commands.filter((c) => !c.startsWith("#")).length;
  const printed = output.length ? `, ${count(output.length, "printed line")}` : "";
  const why = root
    ? `a \`#\` prompt: the commands run as root${printed}`
    : `${shown} prompt${kinds.size === 1 ? "" : "s"}: ${count(ran, "command")}${printed}`;
  return { commands, output, root, prompted: true, windows: false, why };
}

function nextCommandFollows(lines: string[], at: (Prompt | undefined)[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    if (at[j]) return true;
    if (!/^\s*#/.test(lines[j] as string)) return false;
  }
  return false;
}

function script(parse: ParseShell, lines: string[], mode: LookMode): Transcript {
  const none = { commands: [], output: [], root: false, prompted: false, windows: false };
  const commands: string[] = [];
  const output: string[] = [];
  let first: string | undefined;
  let firstAt = -1;
  for (let i = 0; i < lines.length;) {
    const line = lines[i] as string;
    if (line.trim() === "" || /^\s*#/.test(line)) {
      // Comments and blank lines stay with the commands: they title and separate the steps.
      if (commands.length > 0 || line.trim() !== "") commands.push(line);
      i++;
      continue;
    }
    const { text, next } = statement(parse, lines, i, line, { ps2: false, stop: () => false });
    if (first === undefined) {
      const look = looksLikeShell(parse, text, mode);
      if (!look.shell && look.broken && mode === "lenient" && startsLikeShell(parse, text)) {
        // A shell block the parser cannot read is a fragment (an `if` with no `fi`), not output.
        return { ...none, why: `the first command does not parse as shell (${look.why}): a fragment, not commands` };
      }
      if (!look.shell) {
        const shown = (text.split("\n")[0] ?? "").trim();
        return {
          commands: [],
          output: lines.filter((l) => l.trim() !== ""),
          root: false,
          prompted: false,
          windows: false,
          why: `no prompt and the first line \`${clip(shown)}\` is not a command (${look.why}): output`,
        };
      }
      first = text;
      firstAt = i;
    }
    // After a command, lines that do not read as one are what it printed.
    if (i === firstAt || looksLikeShell(parse, text, "lenient").shell) commands.push(text);
    else output.push(...text.split("\n"));
    i = next;
  }
  while (commands.length && (commands.at(-1) ?? "").trim() === "") commands.pop();
  if (first === undefined) {
    // Only `#` lines: a shell block's comments, or printed text (`##[error] …` from a CI log).
    if (mode === "lenient") return { ...none, why: "only comments" };
    const printed = lines.filter((l) => l.trim() !== "");
    return { ...none, output: printed, why: "no prompt and no command, only `#` lines: output" };
  }
  const shown = (first.split("\n")[0] ?? "").trim();
  const printed = output.length ? `; ${count(output.length, "printed line")} set apart` : "";
  return {
    commands,
    output,
    root: false,
    prompted: false,
    windows: false,
    why: `no prompt and the first line \`${clip(shown)}\` reads as a command${printed}`,
  };
}

const KEYWORDS = new Set(["if", "for", "while", "until", "case", "select", "function", "{", "(", "[[", "[", "!"]);

/** The first word is a shell keyword or a program: the text was meant as shell, even if it is cut short. */
function startsLikeShell(parse: ParseShell, text: string): boolean {
  const head = /^\s*([^\s;|&()<>]+|[({])/.exec(text)?.[1] ?? "";
  return KEYWORDS.has(head) || looksLikeShell(parse, head, "lenient").shell;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * The command that starts on line `i` with `first`: its `\` continuations, and as many more lines as
 * it needs to parse (a heredoc's body, an open quote, `do … done`). PS2 prompts (`> `) on those lines
 * are dropped. A command that never completes keeps only its `\` continuations.
 */
function statement(
  parse: ParseShell,
  lines: string[],
  i: number,
  first: string,
  opts: { ps2: boolean; stop: (i: number) => boolean },
): { text: string; next: number } {
  const complete = (text: string) => !continues(text) && parse(maskPlaceholders(text), ({ error }) => !error);
  const line = (j: number) => {
    const text = lines[j] as string;
    return opts.ps2 ? text.replace(/^\s*> ?/, "") : text;
  };
  if (complete(first)) return { text: first, next: i + 1 };
  // One parse of the lines that follow: the first statement, if the parser reads it whole, ends where
  // the command does. (Adding a line at a time and reparsing is quadratic in parses on long output.)
  let end = i + 1;
  while (end < lines.length && end - i <= MAX_LINES && !opts.stop(end)) end++;
  const candidate = [first, ...lines.slice(i + 1, end).map((_, k) => line(i + 1 + k))];
  const rows = parse(maskPlaceholders(candidate.join("\n")), ({ root }) => {
    const head = root.namedChildren.find((c) => c.type !== "comment");
    if (!head || head.hasError || head.startPosition.row !== 0) return undefined;
    return head.endPosition.column === 0 ? head.endPosition.row - 1 : head.endPosition.row;
  });
  if (rows !== undefined && rows > 0) {
    const text = candidate.slice(0, rows + 1).join("\n");
    if (complete(text)) return { text, next: i + rows + 1 };
  }
  let text = first;
  let j = i + 1;
  while (continues(text) && j < lines.length && !opts.stop(j)) text += `\n${line(j++)}`;
  return { text, next: j };
}
