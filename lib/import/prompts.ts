// The prompts a terminal transcript shows before each command: `$ `, `# ` (root), `% ` (zsh), `> `,
// `user@host:~$ `, `[root@host ~]# `, `(venv) $ `, `PS C:\…> `. Recognising one is only syntax; whether a
// weak prompt (`# `, `% `, `> `) really is one depends on what follows it, which transcript.ts decides.
// A REPL's or database client's prompts (`mysql> `, `>>> `, `127.0.0.1:6379> `) are not a shell's:
// what is typed at them is neither a command to run nor output.

export interface Prompt {
  /** The prompt as written, leading spaces included: "[root@host ~]# ". */
  prompt: string;
  /** The command after it (trailing spaces dropped). */
  rest: string;
  /** A `#` prompt: the shell runs as root. */
  root: boolean;
  /** Strong prompts are prompts whatever follows; weak ones (`# `, `% `, `> `) only before a command. */
  strength: "strong" | "weak";
  /** A Windows prompt (`PS C:\> `, `C:\Users\x> `): its commands are not for bash. */
  windows: boolean;
}

type Shape = { re: RegExp; strength: Prompt["strength"]; windows?: boolean };

// Each pattern matches the prompt only; group 1, when present, is the character that ends it ($, # or %).
const SHAPES: readonly Shape[] = [
  // PowerShell: `PS> `, `PS C:\Users\me> `, `PS /home/me> `.
  { re: /^\s*PS(?: [^>\n]*)?> /, strength: "strong", windows: true },
  // cmd.exe: `C:\Users\me> `.
  { re: /^\s*[A-Za-z]:\\[^>\n]*> /, strength: "strong", windows: true },
  // `[user@host dir]$ `, `[root@host ~]# `.
  { re: /^\s*\[[\w.-]+@[\w.-]+(?: [^\]\n]*)?\]([$#%]) /, strength: "strong" },
  // `user@host:~$ `, `root@box:/# `, `me@host:~/src/app$ `.
  { re: /^\s*[\w.-]+@[\w.-]+:[^\s$#%]*([$#%]) /, strength: "strong" },
  // zsh and fish styles: `me@host ~ % `, `me@host ~/src> `.
  { re: /^\s*[\w.-]+@[\w.-]+ [~/][^\s$#%>]* ?([$#%>]) /, strength: "strong" },
  // macOS bash: `MacBook-Pro:~ me$ `.
  { re: /^\s*[\w.-]+:[~/][^\s]* [\w.-]+([$#]) /, strength: "strong" },
  // A shell without a configured prompt: `bash-5.2$ `, `sh-4.4# `.
  { re: /^\s*(?:ba|z|k|da)?sh-\d[\d.]*([$#]) /, strength: "strong" },
  { re: /^\s*❯ /, strength: "strong" },
  { re: /^\s*(\$)(?: |$)/, strength: "strong" },
  { re: /^\s*(#) /, strength: "weak" },
  { re: /^\s*(%) /, strength: "weak" },
  { re: /^\s*> /, strength: "weak" },
];

// A virtualenv or conda prefix before a prompt: `(venv) $ `, `(base) me@host:~$ `.
const ENV_PREFIX = /^\s*\([\w.@-]+\) /;

/** The prompt a line starts with, or null. */
export function splitPrompt(line: string): Prompt | null {
  const prefix = ENV_PREFIX.exec(line)?.[0];
  if (prefix) {
    const inner = splitPrompt(line.slice(prefix.length));
    return inner && { ...inner, prompt: prefix + inner.prompt, strength: "strong" };
  }
  for (const shape of SHAPES) {
    const m = shape.re.exec(line);
    if (!m) continue;
    const user = /^\s*\[?([\w.-]+)@/.exec(line)?.[1];
    return {
      prompt: m[0],
      rest: line.slice(m[0].length).trimEnd(),
      root: m[1] === "#" || (user === "root" && !shape.windows),
      strength: shape.strength,
      windows: shape.windows ?? false,
    };
  }
  return null;
}

/** A `\` at the end of a line continues the command on the next one. */
export function continues(text: string): boolean {
  return /(^|[^\\])(\\\\)*\\$/.test(text.trimEnd());
}

/** A REPL's or database client's prompt: what follows it was typed into the client, not a shell. */
export interface SessionPrompt {
  prompt: string;
  /** The program whose prompt it is: "redis-cli", "psql", "python". */
  client: string;
  /** A continuation prompt (`... `, `    -> `), which only follows its client's own prompt. */
  continuation: boolean;
}

type SessionShape = { re: RegExp; client: string; next?: RegExp };

// Clients a guide shows a session in. A psql prompt is the database's name and `=#`, `=>` (`-#`, `(#`
// … while a statement goes on, `=*#` in a transaction); redis-cli's is the server's `host:port`, with
// `[db]` when not 0.
const SESSION_SHAPES: readonly SessionShape[] = [
  { re: /^(?:[\w.-]+|\[[\da-fA-F:]+\]):\d{2,5}(?:\[\d+\])?>(?: |$)/, client: "redis-cli" },
  { re: /^not connected>(?: |$)/, client: "redis-cli" },
  { re: /^[A-Za-z_][\w$]*[=\-('"][*!]?[#>](?: |$)/, client: "psql" },
  { re: /^(?:mysql|mariadb|(?:MariaDB|MySQL) \[[^\]\n]*\])>(?: |$)/, client: "mysql", next: /^\s+->(?: |$)/ },
  { re: /^sqlite>(?: |$)/, client: "sqlite3", next: /^\s+\.\.\.>(?: |$)/ },
  { re: /^>>>(?: |$)/, client: "python", next: /^\.\.\.(?: |$)/ },
  { re: /^irb\([^)\n]*\):\d+(?::\d+)?[>*"'](?: |$)/, client: "irb" },
  { re: /^\[\d+\] pry\([^)\n]*\)[>*](?: |$)/, client: "pry" },
  { re: /^cqlsh(?::\w+)?>(?: |$)/, client: "cqlsh" },
];

/** For each line, the client prompt it starts with, if any. A continuation prompt counts only on the
 *  lines right after its client's prompt (`... ` is also how output trails off). */
export function sessionPrompts(lines: readonly string[]): (SessionPrompt | undefined)[] {
  let open: SessionShape | undefined;
  return lines.map((line) => {
    const cont = open?.next?.exec(line);
    if (open && cont) return { prompt: cont[0], client: open.client, continuation: true };
    open = undefined;
    for (const shape of SESSION_SHAPES) {
      const m = shape.re.exec(line);
      if (!m) continue;
      open = shape;
      return { prompt: m[0], client: shape.client, continuation: false };
    }
    return undefined;
  });
}
