// Per program: when it waits for a person or never ends (interactive.ts applies these after unwrapping
// sudo, env and the like, and after the shells, ssh and the container tools, which need more context).
import { CONFIRMING_MANAGERS } from "./package-confirmations";
import { hasOption, type ParsedArgs } from "./command-args";

export interface Call {
  program: string;
  words: string[];
  args: ParsedArgs;
  /** Input comes from a pipe, a file or a heredoc rather than the terminal. */
  stdin: boolean;
}

interface Rule {
  /** Options of this program that take a value (beyond those the risk table knows). */
  valueOptions?: readonly string[];
  reason: (call: Call) => string | null;
}

const has = (c: Call, ...names: string[]) => hasOption(c.args, ...names);
const positional = (c: Call, n: number) => {
  const at = c.args.positionals[n];
  return at === undefined ? undefined : c.words[at];
};
const word = (c: Call) => `\`${c.program}\``;

const pager: Rule = { reason: (c) => `${word(c)} is a pager: it waits for a key to scroll or quit` };
const editor: Rule = {
  reason: (c) =>
    c.words.some((w) => /^(-e?s|-Es|--batch|-batch|--script|\+w?q\w*)$/.test(w))
      ? null
      : `${word(c)} opens an editor and waits for it to be closed`,
};
const fullScreen: Rule = { reason: (c) => `${word(c)} is a full-screen program that waits for keys` };
/** `top -b -n 1` prints once; `top` waits for keys; `top -b` prints until stopped. */
const batchTop = (count: string[]): Rule => ({
  valueOptions: count,
  reason: (c) => {
    if (!has(c, "-b", "--batch")) return `${word(c)} is a full-screen program that waits for keys`;
    return has(c, ...count) ? null : `${word(c)} -b without a count prints until it is stopped`;
  },
});
const follows = (options: string[], what: string): Rule => ({
  reason: (c) => (has(c, ...options) ? `\`${c.program} ${options[0]}\` follows ${what} and never ends` : null),
});
const untilCount = (options: string[], valueOptions: string[]): Rule => ({
  valueOptions,
  reason: (c) => (has(c, ...options) ? null : `${word(c)} without \`${options[0]}\` runs until it is stopped`),
});
/** `vmstat 1` repeats forever; `vmstat 1 5` five times. */
const interval: Rule = {
  reason: (c) => {
    const numbers = c.args.positionals.filter((at) => /^\d+$/.test(c.words[at] as string));
    return numbers.length === 1 ? `\`${c.program} N\` without a count repeats until it is stopped` : null;
  },
};
/** A REPL opens when no script, command or input is given. */
const repl = (script: string[], valueOptions: string[] = [], scriptPositional = true): Rule => ({
  valueOptions: [...script, ...valueOptions],
  reason: (c) => {
    if (c.stdin || has(c, ...script) || (scriptPositional && c.args.positionals.length > 0)) return null;
    return `${word(c)} with no command opens its interactive prompt`;
  },
});
const confirms = (subcommands: RegExp, yes: string[]): Rule => ({
  reason: (c) => {
    const sub = positional(c, 0) ?? "";
    if (!subcommands.test(sub) || has(c, ...yes)) return null;
    return `\`${c.program} ${sub}\` asks to confirm (\`${yes[0]}\` answers it)`;
  },
});

const entries: [string[], Rule][] = [
  [["less", "more", "most", "pg", "man", "info"], pager],
  [["vi", "vim", "nvim", "view", "nano", "pico", "emacs", "micro", "joe", "mcedit", "ne", "kak", "hx"], editor],
  [["vipw", "vigr", "sudoedit"], { reason: (c) => `${word(c)} opens an editor` }],
  [["visudo"], { reason: (c) => (has(c, "-c", "--check") ? null : "`visudo` opens an editor") }],
  [["crontab"], { reason: (c) => (has(c, "-e") ? "`crontab -e` opens an editor" : null) }],
  [["systemctl"], { reason: (c) => (positional(c, 0) === "edit" ? "`systemctl edit` opens an editor" : null) }],
  [["git"], { valueOptions: ["-C", "-c", "--git-dir", "--work-tree", "-m", "-F", "--file"], reason: gitReason }],
  [["htop", "btop", "glances", "nvtop", "k9s", "ctop", "lazydocker", "lazygit", "tig", "ranger", "mc"], fullScreen],
  [["nmtui", "alsamixer", "nethogs", "iftop", "nload", "bmon", "fzf", "dialog", "whiptail", "cfdisk"], fullScreen],
  [["top"], batchTop(["-n"])],
  [["atop", "iotop", "systemd-cgtop", "powertop"], batchTop(["-n", "--iterations"])],
  [["tail"], { valueOptions: ["-n", "--lines", "-c", "--bytes", "-s", "--pid"], ...followsAny() }],
  [["journalctl"], follows(["-f", "--follow"], "the journal")],
  [["dmesg"], follows(["-w", "--follow", "-W", "--follow-new"], "the kernel log")],
  [["stern"], { reason: (c) => (has(c, "--no-follow") ? null : "`stern` follows the logs and never ends") }],
  [["ping", "ping6"], untilCount(["-c", "--count", "-w", "--deadline"], ["-c", "-i", "-w", "-W", "-s", "-I"])],
  [["tcpdump"], untilCount(["-c"], ["-c", "-i", "-w", "-r", "-s", "-C", "-G", "-W", "-E", "-F", "-y", "-B"])],
  [["tshark"], untilCount(["-c", "-a"], ["-c", "-a", "-i", "-w", "-r", "-f", "-Y"])],
  [["vmstat", "iostat", "mpstat", "pidstat", "sar"], interval],
  [["sleep"], { reason: (c) => (positional(c, 0) === "infinity" ? "`sleep infinity` never ends" : null) }],
  [["python", "python3", "pypy", "pypy3", "ipython"], pythonRule()],
  [["node"], repl(["-e", "--eval", "-p", "--print"], ["-r", "--require"])],
  [["deno", "irb", "ghci", "lua", "julia", "R", "bc"], repl(["-e", "-f", "--file"])],
  [["sftp"], { reason: (c) => (has(c, "-b") || c.stdin ? null : "`sftp` opens a session and waits for input") }],
  [["psql"], psqlRule()],
  [["mysql", "mariadb"], mysqlRule()],
  [["mongo", "mongosh"], repl(["--eval", "-f", "--file"], ["-u", "--username", "--host", "--port"])],
  [["redis-cli"], redisRule()],
  [["sqlite3"], sqliteRule()],
  [["clickhouse-client", "cqlsh"], repl(["-q", "--query", "-e", "--execute", "-f", "--file"], ["-h", "--host"])],
  [["gdb", "lldb"], { reason: (c) => (has(c, "--batch", "-batch") ? null : `${word(c)} waits at its prompt`) }],
  [
    ["nslookup"],
    { reason: (c) => ((positional(c, 0) ?? "-") === "-" ? "`nslookup` with no name is interactive" : null) },
  ],
  [["ftp", "telnet"], { reason: (c) => (c.stdin ? null : `${word(c)} opens a session and waits for input`) }],
  [["nc", "ncat", "netcat"], netcatRule()],
  [["cat"], { reason: (c) => (c.stdin || c.args.positionals.length ? null : "`cat` with no file reads the terminal") }],
  [["read"], readRule()],
  [["passwd"], passwdRule()],
  [["ssh-keygen"], sshKeygenRule()],
  [["ssh-copy-id"], { reason: () => "`ssh-copy-id` asks for the remote password" }],
  // Each of these starts a new shell unless it is given a command to run in it.
  [["newgrp", "sg"], { reason: (c) => (positional(c, 1) ? null : `${word(c)} starts a new shell and waits in it`) }],
  [["aws"], { valueOptions: ["--profile", "--region", "--output"], reason: awsReason }],
  // `application-default login` opens a browser too, and waits for the sign-in there.
  [["gcloud"], cloudLogin(/^(init|auth login|auth application-default login)$/, ["--cred-file"])],
  [["az"], cloudLogin(/^login$/, ["--service-principal", "--identity", "-u", "--username"])],
  [["gh"], cloudLogin(/^auth login$/, ["--with-token"])],
  [["openssl"], opensslRule()],
  [["curl"], curlRule()],
  [
    ["gitlab-runner"],
    asks(/^register$/, ["--non-interactive", "-n"], "the URL, token, description, tags and executor", [
      "-c",
      "--config",
      "--log-level",
      "-l",
    ]),
  ],
  // The GitHub Actions runner's `config.sh --url …` registers it, asking for its group, name and labels.
  [
    ["config.sh"],
    {
      reason: (c) =>
        has(c, "--url") && !has(c, "--unattended")
          ? "`config.sh --url` asks for the runner's group, name, labels and work folder (`--unattended` answers them)"
          : null,
    },
  ],
  // Registry logins ask for a user name and password, or for a one-time code from a browser.
  [["npm", "pnpm", "yarn"], packageManagerRule()],
  [["tmux"], tmuxRule()],
  [["screen"], { reason: (c) => (has(c, "-d", "-ls", "-list", "-X", "-r") ? null : "`screen` opens a session") }],
  [["kubeadm"], confirms(/^reset$/, ["-f", "--force"])],
  ...CONFIRMING_MANAGERS.map((m): [string[], Rule] => [
    [...m.programs],
    confirms(new RegExp(`^(${m.subcommands.join("|")})$`), [...m.yes]),
  ]),
  [
    ["pacman"],
    {
      reason: (c) =>
        c.words.some((w) => /^-[SRU]/.test(w)) && !has(c, "--noconfirm")
          ? "`pacman` asks to confirm (`--noconfirm` answers it)"
          : null,
    },
  ],
];

export const RULES: ReadonlyMap<string, Rule> = new Map(
  entries.flatMap(([names, rule]) => names.map((n) => [n, rule])),
);

function followsAny(): Pick<Rule, "reason"> {
  return {
    reason: (c) =>
      has(c, "-f", "-F", "--follow", "--retry") || c.words.some((w) => w.startsWith("--follow="))
        ? "`tail -f` follows the file and never ends"
        : null,
  };
}

function gitReason(c: Call): string | null {
  const sub = positional(c, 0);
  if (sub === "commit" && !has(c, "-m", "--message", "-F", "--file", "-C", "--reuse-message", "--no-edit", "--fixup")) {
    return "`git commit` without `-m` opens an editor for the message";
  }
  if (sub === "rebase" && has(c, "-i", "--interactive")) return "`git rebase -i` opens an editor";
  if (sub === "add" && has(c, "-p", "--patch", "-i", "--interactive")) return "`git add -p` asks about each change";
  if (sub === "tag" && has(c, "-a", "-s") && !has(c, "-m", "--message", "-F", "--file")) {
    return "`git tag -a` without `-m` opens an editor";
  }
  return null;
}

function pythonRule(): Rule {
  return {
    valueOptions: ["-c", "-m", "-W", "-X"],
    reason: (c) => {
      const module = c.args.options.get("-m");
      if (module === "http.server" || module === "SimpleHTTPServer")
        return "`python -m http.server` serves until stopped";
      if (has(c, "-i")) return `${word(c)} -i opens its interactive prompt`;
      if (c.stdin || has(c, "-c", "-m") || c.args.positionals.length > 0) return null;
      return `${word(c)} with no script opens its interactive prompt`;
    },
  };
}

function psqlRule(): Rule {
  const base = repl(
    ["-c", "--command", "-f", "--file"],
    ["-U", "--username", "-d", "--dbname", "-h", "--host", "-p", "--port"],
    false,
  );
  return {
    ...base,
    reason: (c) => {
      if (has(c, "-W", "--password")) return "`psql -W` asks for a password";
      if (has(c, "-l", "--list", "-V", "--version")) return null;
      return base.reason(c);
    },
  };
}

function mysqlRule(): Rule {
  const base = repl(["-e", "--execute"], ["-u", "--user", "-h", "--host", "-P", "--port", "-D", "--database"], false);
  return {
    ...base,
    // `-p` with no value attached asks for the password, even with `-e`.
    reason: (c) =>
      c.words.some((w) => w === "-p" || w === "--password") ? `${word(c)} -p asks for a password` : base.reason(c),
  };
}

function redisRule(): Rule {
  return {
    valueOptions: ["-h", "-p", "-a", "-n", "-u", "-s", "--user", "--pass", "-r", "-i", "--cacert", "--cert", "--key"],
    reason: (c) => {
      const command = (positional(c, 0) ?? "").toLowerCase();
      if (["monitor", "subscribe", "psubscribe"].includes(command) || has(c, "--stat", "--latency")) {
        return `\`redis-cli ${command || c.words.find((w) => w.startsWith("--"))}\` streams until stopped`;
      }
      return command || c.stdin ? null : "`redis-cli` with no command opens its interactive prompt";
    },
  };
}

function sqliteRule(): Rule {
  return {
    valueOptions: ["-cmd", "-separator", "-nullvalue", "-init"],
    reason: (c) =>
      c.stdin || c.args.positionals.length >= 2 || has(c, "-version", "--version")
        ? null
        : "`sqlite3` with no SQL opens its interactive prompt",
  };
}

function netcatRule(): Rule {
  return {
    valueOptions: ["-p", "-w", "-s", "-q", "-i"],
    reason: (c) => {
      if (has(c, "-l", "--listen")) return `\`${c.program} -l\` listens until stopped`;
      return c.stdin || has(c, "-z") ? null : `${word(c)} waits for input to send`;
    },
  };
}

function readRule(): Rule {
  return {
    valueOptions: ["-p", "-t", "-n", "-N", "-d", "-u", "-a", "-i"],
    reason: (c) => (c.stdin || has(c, "-t", "-u") ? null : "`read` waits for a line of input"),
  };
}

function passwdRule(): Rule {
  const batch = ["-l", "-u", "-d", "-e", "-S", "--status", "--stdin", "-n", "-x", "-w", "-i", "--lock", "--unlock"];
  return { reason: (c) => (c.stdin || has(c, ...batch) ? null : "`passwd` asks for the new password") };
}

function sshKeygenRule(): Rule {
  const other = ["-l", "-F", "-R", "-y", "-e", "-i", "-D", "-L", "-Y", "-s", "-k", "-Q", "-H", "-r", "-K", "-A", "-B"];
  return {
    valueOptions: [
      "-f",
      "-N",
      "-t",
      "-b",
      "-C",
      "-P",
      "-E",
      "-O",
      "-a",
      "-Z",
      "-m",
      "-n",
      "-V",
      "-I",
      "-z",
      "-s",
      "-r",
    ],
    reason: (c) => {
      if (has(c, ...other)) return null;
      if (has(c, "-f") && has(c, "-N")) return null;
      return "`ssh-keygen` asks for a file name and a passphrase (`-f` and `-N` answer them)";
    },
  };
}

function awsReason(c: Call): string | null {
  if (positional(c, 0) === "sso" && positional(c, 1) === "login")
    return "`aws sso login` waits for a sign-in in a browser";
  if (positional(c, 0) !== "configure") return null;
  const sub = positional(c, 1);
  return sub && sub !== "sso" ? null : "`aws configure` asks for credentials";
}

/** The subcommand (`login`, `auth login`, `auth application-default login`) that `command` matches. */
function subcommand(c: Call, command: RegExp): string | undefined {
  const words = c.args.positionals.slice(0, 3).map((at) => c.words[at] as string);
  return words.map((_, n) => words.slice(0, n + 1).join(" ")).find((w) => command.test(w));
}

function cloudLogin(command: RegExp, batch: string[]): Rule {
  return {
    reason: (c) => {
      const hit = subcommand(c, command);
      return hit && !has(c, ...batch) ? `\`${c.program} ${hit}\` waits for a sign-in` : null;
    },
  };
}

/** A subcommand that asks its questions at the terminal unless an option (`batch`) answers them. */
function asks(command: RegExp, batch: string[], what: string, valueOptions: string[] = []): Rule {
  return {
    valueOptions,
    reason: (c) => {
      const hit = subcommand(c, command);
      if (!hit || has(c, ...batch)) return null;
      const answer = batch.length ? ` (\`${batch[0]}\` answers it)` : "";
      return `\`${c.program} ${hit}\` asks for ${what}${answer}`;
    },
  };
}

function packageManagerRule(): Rule {
  const login = asks(/^(login|adduser|add-user|npm login)$/, [], "the registry's credentials");
  const init = asks(/^init$/, ["-y", "--yes"], "the package's name, version and more");
  return { valueOptions: ["--registry", "--scope"], reason: (c) => login.reason(c) ?? init.reason(c) };
}

/** `curl -u user` with no `:password` asks for the password (so does `-U` for the proxy's). */
function curlRule(): Rule {
  const user = ["-u", "--user", "-U", "--proxy-user"];
  return {
    valueOptions: user,
    reason: (c) => {
      for (const name of user) {
        const value = c.args.options.get(name);
        // `-u "$CREDS"` may hold the password: only a literal name is known to lack one.
        if (typeof value === "string" && value !== "" && !/[:$`]/.test(value)) {
          return `\`curl ${name} ${value}\` without \`:password\` asks for the password`;
        }
      }
      return null;
    },
  };
}

function opensslRule(): Rule {
  return {
    reason: (c) =>
      positional(c, 0) === "req" &&
      c.words.some((w) => w === "-new" || w === "-x509") &&
      !c.words.some((w) => w === "-subj" || w === "-batch")
        ? "`openssl req` without `-subj` asks for the certificate's fields"
        : null,
  };
}

function tmuxRule(): Rule {
  return {
    reason: (c) => {
      const sub = positional(c, 0);
      if (sub === undefined) return "`tmux` opens a session";
      if (/^(new|new-session)$/.test(sub) && !c.words.includes("-d")) return "`tmux new` opens a session";
      return /^(a|at|attach|attach-session)$/.test(sub) ? "`tmux attach` opens a session" : null;
    },
  };
}
