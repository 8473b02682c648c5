// The risk rules that a table cannot hold: they read find expressions, awk programs, sed scripts,
// rm's paths, dd's operands, kill's PIDs, the SQL given to database clients and the subcommands of
// programs the table does not know. risk-programs.ts names them with `analyse`.
import type { Risk } from "./format";
import {
  DANGEROUS_OUTPUTS,
  HARMLESS_OUTPUTS,
  SQL_CLIENTS,
  TEMP_DIRS,
  UNKNOWN_PROGRAM_VERBS,
  type AnalyserName,
  type SqlClient,
} from "./risk-programs";
import { sqlFindings } from "./risk-sql";
import { literalWord, UNKNOWN, unknownWord, type Word } from "./shell-words";

export interface AnalyserContext {
  /** The program's name as written, without its directory. */
  program: string;
  args: Word[];
  /** More arguments come from elsewhere (xargs's input, find's `{}`). */
  extraArgs: boolean;
  add(risk: Risk, reason: string): void;
  /** Classifies a command these arguments run (find -exec). */
  runArgv(words: Word[], extraArgs: boolean): void;
  /** The command's standard input when it is literal text (a quoted heredoc, a here-string). */
  stdin?: string;
}

export const ANALYSERS: Record<AnalyserName, (ctx: AnalyserContext) => void> = {
  ...{ find, awk, sed, rm, dd, kill, sql, unknownProgram },
};

/** A path under a temporary directory, and not the directory itself or everything in it. */
export function isTempPath(shape: string): boolean {
  if (/(^|\/)\.\.?(\/|$)/.test(shape)) return false;
  const prefix = TEMP_DIRS.find((dir) => shape.startsWith(dir));
  if (!prefix) return false;
  const first = shape.slice(prefix.length).split("/")[0] ?? "";
  return [...first].some((c) => !"*?[]".includes(c) && c !== UNKNOWN);
}

function find({ args, add, runArgv }: AnalyserContext): void {
  const isExpression = (w: Word) => w.value !== undefined && /^([-!(),]|\\[()])/.test(w.value);
  let i = 0;
  const roots: Word[] = [];
  while (i < args.length && !isExpression(args[i] as Word)) roots.push(args[i++] as Word);
  const underTemp = roots.length > 0 && roots.every((r) => isTempPath(r.shape));
  // `{}` is each path found: under the roots when they are all temporary, otherwise anything.
  const found = unknownWord("{}", underTemp ? `${(roots[0] as Word).shape}/${UNKNOWN}` : UNKNOWN);
  for (; i < args.length; i++) {
    const word = args[i] as Word;
    const value = word.value;
    if (value === undefined) {
      add("change", `\`find\` expression ${word.text} is not literal: it could be \`-delete\` or \`-exec\``);
    } else if (value === "-delete") {
      add("change", "`find -delete` deletes the files it finds");
    } else if (/^-(fprint0?|fprintf|fls)$/.test(value)) {
      add("change", `\`find ${value}\` writes a file`);
    } else if (/^-(exec|execdir|ok|okdir)$/.test(value)) {
      const end = args.findIndex((w, j) => j > i && (w.value === ";" || w.value === "+"));
      if (end < 0) {
        add("change", `\`find ${value}\` has no closing \`;\` or \`+\``);
        return;
      }
      runArgv(
        args.slice(i + 1, end).map((w) => (w.value === "{}" ? found : w)),
        false,
      );
      i = end;
    }
  }
}

function awk({ program, args, add }: AnalyserContext): void {
  let script: Word | undefined;
  let sandbox = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as Word;
    const value = word.value;
    if (value === "--") {
      script ??= args[i + 1];
      break;
    }
    if (value === undefined || !value.startsWith("-") || value === "-") {
      script ??= word;
      break;
    }
    if (/^(-f|--file|-E|--exec)/.test(value)) add("change", `\`${program} ${value}\` runs a program from a file`);
    else if (/^(-i|--include|-l|--load)/.test(value)) add("change", `\`${program} ${value}\` loads an extension`);
    else if (/^(-S|--sandbox)$/.test(value)) sandbox = true;
    else if (/^(-e|--source)$/.test(value)) script = args[++i];
    else if (/^(-F|-v|--assign|--field-separator)$/.test(value)) i++;
  }
  if (!script) return;
  if (script.value === undefined) {
    add("change", `the ${program} program ${script.text} is not literal`);
    return;
  }
  // --sandbox turns off system(), redirection and pipes, which is what the scan looks for.
  if (!sandbox) for (const effect of awkEffects(script.value)) add("change", `${program}'s ${effect}`);
}

/** What an awk program does besides reading and printing, found by scanning its tokens. */
export function awkEffects(source: string): string[] {
  const effects = new Set<string>();
  let depth = 0;
  // Inside a print statement, a `>` or `|` outside parentheses redirects its output.
  let printDepth: number | undefined;
  // Whether an operand came last, which makes a `/` division instead of a regex.
  let operand = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '"') {
      i = skipQuoted(source, i, '"');
      operand = true;
    } else if (c === "#") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === "/" && !operand) {
      i = skipQuoted(source, i, "/");
      operand = true;
    } else if (/[A-Za-z_]/.test(c)) {
      const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))?.[0] ?? c;
      i += ident.length - 1;
      if (ident === "system") effects.add("`system()` runs a shell command");
      if (ident === "print" || ident === "printf") printDepth = depth;
      operand = !["print", "printf", "return", "in", "getline"].includes(ident);
    } else if (c === "@") {
      effects.add("`@load` or `@include` loads code");
    } else if (c === "(" || c === "[") {
      depth++;
      operand = false;
    } else if (c === ")" || c === "]") {
      depth--;
      operand = true;
    } else if (c === ";" || c === "\n" || c === "{" || c === "}") {
      if (printDepth !== undefined && depth <= printDepth) printDepth = undefined;
      operand = false;
    } else if (c === ">") {
      const inPrint = printDepth !== undefined && depth === printDepth;
      if (inPrint && source[i + 1] !== "=") effects.add("`print >` writes to a file");
      if (source[i + 1] === ">" || source[i + 1] === "=") i++;
      operand = false;
    } else if (c === "|") {
      if (source[i + 1] === "|") i++;
      else if (source[i + 1] === "&") effects.add("`|&` runs a coprocess");
      else if (printDepth !== undefined && depth === printDepth)
        effects.add("`print |` pipes output into a shell command");
      else effects.add("`cmd | getline` runs a shell command");
      operand = false;
    } else if (/[0-9.$]/.test(c)) {
      operand = true;
    } else if (!/\s/.test(c)) {
      operand = false;
    }
  }
  return [...effects];
}

function skipQuoted(source: string, start: number, quote: string): number {
  let inClass = false;
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (quote === "/" && c === "[") inClass = true;
    else if (quote === "/" && c === "]") inClass = false;
    else if (c === quote && !inClass) return i;
    else if (c === "\n") return i;
  }
  return source.length;
}

function sed({ args, add }: AnalyserContext): void {
  const scripts: Word[] = [];
  let sandbox = false;
  let positional: Word | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as Word;
    const value = word.value;
    if (value === undefined || !value.startsWith("-") || value === "-") {
      positional ??= word;
      continue;
    }
    if (value.startsWith("--")) {
      if (/^--in-place(=|$)/.test(value)) add("change", "`sed --in-place` edits files in place");
      else if (/^--(expression)$/.test(value)) scripts.push(args[++i] as Word);
      else if (/^--expression=/.test(value)) scripts.push({ ...word, value: value.slice(13), shape: value.slice(13) });
      else if (/^--file/.test(value)) add("change", "`sed --file` reads its script from a file");
      else if (value === "--sandbox") sandbox = true;
      continue;
    }
    // Short options cluster (-ne, -Ei); -e, -f and -l take the rest of the word or the next word.
    for (let j = 1; j < value.length; j++) {
      const flag = value[j];
      if (flag === "i") {
        add("change", "`sed -i` edits files in place");
        break;
      }
      if (flag === "e" || flag === "f" || flag === "l") {
        const rest = value.slice(j + 1);
        const taken = rest === "" ? (args[++i] as Word | undefined) : { text: rest, value: rest, shape: rest };
        if (flag === "e" && taken) scripts.push(taken);
        if (flag === "f") add("change", "`sed -f` reads its script from a file");
        break;
      }
    }
  }
  if (scripts.length === 0 && positional) scripts.push(positional);
  for (const script of scripts) {
    if (script.value === undefined) add("change", `the sed script ${script.text} is not literal`);
    else if (!sandbox) for (const effect of sedEffects(script.value)) add("change", effect);
  }
}

/** What a sed script does besides printing: `w` writes files, `e` runs commands. */
export function sedEffects(script: string): string[] {
  const effects = new Set<string>();
  const toLineEnd = (i: number) => {
    while (i < script.length && script[i] !== "\n") i++;
    return i;
  };
  const skipDelimited = (i: number, delimiter: string, parts: number) => {
    for (let part = 0; part < parts; part++) {
      for (i++; i < script.length && script[i] !== delimiter; i++) if (script[i] === "\\") i++;
    }
    return i;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i] as string;
    if (c === "/") {
      i = skipDelimited(i, "/", 1);
    } else if (c === "\\") {
      i = skipDelimited(i + 1, script[i + 1] ?? "", 1);
    } else if (c === "#" || c === ":" || c === "r" || c === "R" || c === "a" || c === "i" || c === "c") {
      i = toLineEnd(i);
    } else if (c === "b" || c === "t" || c === "T") {
      while (i < script.length && !/[;\n}]/.test(script[i] as string)) i++;
    } else if (c === "s" || c === "y") {
      i = skipDelimited(i + 1, script[i + 1] ?? "", 2);
      if (c === "s") {
        const flags = /^[0-9gpiImMew]*/.exec(script.slice(i + 1))?.[0] ?? "";
        if (flags.includes("e")) effects.add("`sed s///e` runs the result as a shell command");
        if (flags.includes("w")) {
          effects.add("`sed s///w` writes matches to a file");
          i = toLineEnd(i);
        }
      }
    } else if (c === "w" || c === "W") {
      effects.add("`sed w` writes to a file");
      i = toLineEnd(i);
    } else if (c === "e") {
      effects.add("`sed e` runs a shell command");
      i = toLineEnd(i);
    }
  }
  return [...effects];
}

function rm({ args, extraArgs, add }: AnalyserContext): void {
  let recursive = false;
  let optionsDone = false;
  const paths: Word[] = [];
  for (const word of args) {
    const value = word.value;
    if (!optionsDone && value === "--") optionsDone = true;
    else if (!optionsDone && value?.startsWith("--")) recursive ||= value === "--recursive";
    else if (!optionsDone && value !== undefined && /^-./.test(value)) recursive ||= /[rR]/.test(value);
    else paths.push(word);
  }
  if (extraArgs) paths.push(unknownWord("…"));
  if (!recursive) add("change", "`rm` deletes files");
  else if (paths.length > 0 && paths.every((p) => isTempPath(p.shape)))
    add("change", "`rm -r` deletes a tree under a temporary directory");
  else add("danger", "`rm -r` outside a temporary directory deletes a whole tree, for good");
}

function dd({ args, add }: AnalyserContext): void {
  for (const word of args) {
    const value = word.value;
    if (value === undefined) {
      if (!/^(if|bs|ibs|obs|count|skip|seek|status|conv|iflag|oflag)=/.test(word.shape)) {
        add("change", `\`dd\` operand ${word.text} is not literal`);
      } else if (word.shape.startsWith("of=")) {
        add("change", `\`dd ${word.text}\` writes to a file that is not literal`);
      }
      continue;
    }
    if (!value.startsWith("of=")) continue;
    const target = value.slice(3);
    const hit = DANGEROUS_OUTPUTS.find((d) => d.match.test(target));
    if (hit) add("danger", `\`dd of=${target}\` ${hit.reason}`);
    else if (!HARMLESS_OUTPUTS.test(target)) add("change", `\`dd of=${target}\` writes a file`);
  }
}

function kill({ args, extraArgs, add }: AnalyserContext): void {
  let signal: string | undefined;
  const pids: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as Word;
    const value = word.value;
    if (value === undefined) pids.push(word);
    else if (/^(-l|-L|--list|--table)$/.test(value) || value.startsWith("--list=")) return;
    else if (/^(-s|-n|--signal)$/.test(value)) signal = args[++i]?.value ?? UNKNOWN;
    else if (value === "--") pids.push(...args.slice(i + 1));
    else if (signal === undefined && pids.length === 0 && /^-[A-Za-z0-9+]+$/.test(value)) signal = value.slice(1);
    else pids.push(word);
    if (value === "--") break;
  }
  if (signal === "0" && !extraArgs) return;
  if (pids.some((p) => p.value === "1")) add("danger", `\`kill\` signals PID 1 (init), which stops the machine`);
  else if (pids.some((p) => p.value === "-1")) add("danger", "`kill -1` signals every process the user may signal");
  else add("change", "`kill` sends a signal to a process");
}

/** psql -c, mysql -e, sqlite3 DB "SQL", or SQL in a heredoc: each is read by risk-sql.ts. */
function sql({ program, args, stdin, add }: AnalyserContext): void {
  const client = SQL_CLIENTS[program];
  if (!client) {
    add("change", `\`${program}\` runs SQL the classifier does not read`);
    return;
  }
  const { options, positionals } = clientArgs(args, client);
  // Where each piece of SQL comes from, as the reason names it: "`psql -c`", "`psql`'s input".
  const given: [source: string, sql: Word][] = [];
  for (const [name, value] of options) {
    if (client.sql.includes(name)) given.push([`\`${program} ${name}\``, value ?? literalWord("")]);
    const why = Object.hasOwn(client.options, name) ? client.options[name] : undefined;
    if (why) add("change", `\`${program} ${name}\` ${why}`);
  }
  if (client.sqlFrom !== undefined)
    given.push(...positionals.slice(client.sqlFrom).map((w): [string, Word] => [`\`${program}\``, w]));
  if (given.length === 0 && stdin !== undefined) given.push([`\`${program}\`'s input`, literalWord(stdin)]);
  if (given.length === 0) {
    add(
      "change",
      `\`${program}\` without SQL to run opens a session or reads its input, which the classifier cannot see`,
    );
  }
  for (const [source, word] of given) {
    if (word.value === undefined) add("change", `${source} runs SQL that is not literal (${word.text})`);
    for (const f of sqlFindings(visibleText(word), client.dialect))
      add(f.risk, `${source} runs \`${f.what}\`, ${f.why}`);
  }
}

/** A word's literal text, with each expansion as a name: `DROP TABLE $T` drops a table whatever $T is. */
function visibleText(word: Word): string {
  return (
    word.value ??
    word.shape
      .split(UNKNOWN)
      .join(" x ")
      .replace(/\$\{\w+\}/g, " x ")
  );
}

/** A client's options (name and value) and positionals, as the client itself reads them. */
function clientArgs(args: Word[], client: SqlClient): { options: [string, Word?][]; positionals: Word[] } {
  const options: [string, Word?][] = [];
  const positionals: Word[] = [];
  const takesValue = (name: string) =>
    client.sql.includes(name) || client.valueOptions.includes(name) || Object.hasOwn(client.options, name);
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as Word;
    const value = word.value;
    if (value === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (value === undefined || !/^-./.test(value)) {
      positionals.push(word);
      continue;
    }
    const eq = value.indexOf("=");
    if (eq > 0 && value.startsWith("--")) {
      const name = client.longSingleDash ? value.slice(1, eq) : value.slice(0, eq);
      options.push([name, literalWord(value.slice(eq + 1))]);
    } else if (value.startsWith("--") || client.longSingleDash) {
      const name = client.longSingleDash && value.startsWith("--") ? value.slice(1) : value;
      options.push([name, takesValue(name) ? args[++i] : undefined]);
    } else {
      // A cluster of letters (-Atc SQL, -uroot): a letter that takes a value takes the rest, or the next word.
      for (let j = 1; j < value.length; j++) {
        const name = `-${value[j]}`;
        const rest = value.slice(j + 1);
        if (takesValue(name) || client.attachedValueOptions?.includes(name)) {
          const attached = rest === "" ? undefined : literalWord(rest);
          options.push([name, attached ?? (takesValue(name) ? args[++i] : undefined)]);
          break;
        }
        options.push([name]);
      }
    }
  }
  return { options, positionals };
}

/** A program the table does not know is a change, and danger when its subcommand says it destroys. */
function unknownProgram({ program, args, add }: AnalyserContext): void {
  const options = args.flatMap((w) => (w.value?.startsWith("-") ? [w.value.replace(/=.*$/, "")] : []));
  const path = [program];
  for (const word of args) {
    const value = word.value;
    if (value === undefined || !/^[A-Za-z][\w-]*$/.test(value)) continue;
    path.push(value);
    const parts = value.split(/[-_]|(?<=[a-z])(?=[A-Z])/).map((p) => p.toLowerCase());
    for (const rule of UNKNOWN_PROGRAM_VERBS) {
      const verb = parts.find((p) => rule.verbs.includes(p));
      const option = rule.options?.find((o) => options.includes(o));
      if (!verb || (rule.options && !option)) continue;
      const fill = { path: path.join(" "), verb, option: option ?? "" };
      add(
        rule.risk,
        rule.reason.replace(/\{(path|verb|option)\}/g, (_m, key: keyof typeof fill) => fill[key]),
      );
    }
  }
}
