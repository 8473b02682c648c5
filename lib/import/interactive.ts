// Commands that would wait for a person, or never end, if a playbook step ran them: a terminal
// (`docker exec -it … sh`), an editor, a pager, a REPL, a password prompt, `tail -f`. A step runs
// unattended in a PTY until its timeout, so such a command is shown to the reader, not run.
import { PROGRAMS } from "@/lib/playbooks/risk-programs";
import { shellParser, type ParseShell, type ShellNode } from "@/lib/playbooks/shell-parser";
import { toWord } from "@/lib/playbooks/shell-words";
import { hasOption, parseArgs } from "./command-args";
import { maskPlaceholders } from "./shell-looking";
import { containerCall, type ContainerCall } from "./container-args";
import { RULES, type Call } from "./interactive-rules";

/** Why a command would wait for a person (a TTY flag, an editor, a pager, ssh with no command,
 *  `kubectl edit`, …), or null when it runs to completion unattended. */
export async function interactiveReason(commands: string): Promise<string | null> {
  return scriptReason(await shellParser(), commands, 0);
}

// Shell text nested deeper than this (`ssh h "bash -c '…'"`) is not followed.
const MAX_DEPTH = 4;

function scriptReason(parse: ParseShell, source: string, depth: number): string | null {
  if (depth > MAX_DEPTH || source.trim() === "") return null;
  return parse(maskPlaceholders(source), ({ root }) => {
    for (const node of simpleCommands(root)) {
      const words = node.namedChildren
        .filter((c) => !["variable_assignment", "file_redirect", "herestring_redirect"].includes(c.type))
        .map((c) => (c.type === "command_name" ? (c.namedChildren[0] ?? c) : c))
        .map((c) => {
          const word = toWord(c);
          return word.value ?? word.text;
        });
      const reason = argvReason({ parse, depth, stdin: stdinGiven(node) }, words);
      if (reason) return reason;
    }
    return null;
  });
}

function simpleCommands(node: ShellNode): ShellNode[] {
  if (node.type === "command") return [node, ...node.namedChildren.flatMap(simpleCommands)];
  return node.namedChildren.flatMap(simpleCommands);
}

/** Input comes from a pipe, a file, a heredoc or a here-string rather than the terminal. */
function stdinGiven(node: ShellNode): boolean {
  const feeds = (n: ShellNode) =>
    n.namedChildren.some(
      (c) =>
        c.type === "heredoc_redirect" ||
        c.type === "herestring_redirect" ||
        (c.type === "file_redirect" && c.children.some((t) => !t.isNamed && t.type === "<")),
    );
  if (feeds(node)) return true;
  for (let n = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (p.type === "pipeline" && p.namedChildren[0]?.id !== n.id) return true;
    if (p.type === "redirected_statement" && feeds(p)) return true;
  }
  return false;
}

interface Context {
  parse: ParseShell;
  depth: number;
  stdin: boolean;
}

// Wrappers that, given no command, run a shell in the place they set up.
const STARTS_A_SHELL = new Set(["chroot", "nsenter", "unshare", "flatpak-spawn", "toolbox"]);
const SHELLS = new Set(["bash", "sh", "zsh", "dash", "ksh", "ash", "mksh", "fish"]);

function argvReason(ctx: Context, words: string[]): string | null {
  const first = words[0];
  if (first === undefined) return null;
  if (/^\$\{?(EDITOR|VISUAL)\b/.test(first)) return `\`${first}\` opens an editor and waits for it to be closed`;
  const program = first.replace(/^.*\//, "");
  const nested = (source: string) => scriptReason(ctx.parse, source, ctx.depth + 1);
  // A bounded wait: whatever runs under `timeout` ends when it says.
  if (program === "timeout") return null;
  if (program === "sudo" || program === "doas") {
    const inner = wrapped(program, words);
    const own = words.slice(1, words.length - inner.length);
    const shell = (w: string) => /^-[a-zA-Z]*[is][a-zA-Z]*$|^--(login|shell)$/.test(w);
    if (inner.length === 0 && own.some(shell)) {
      return `\`${words.slice(0, 2).join(" ")}\` opens a root shell and waits for input`;
    }
    if (own.some((w) => w === "-e" || w === "--edit")) return "`sudo -e` opens an editor";
    return inner.length ? argvReason(ctx, inner) : null;
  }
  if (program === "su" || program === "runuser") {
    const args = parseArgs(words, 1, { valueOptions: valueOptionsOf(program) });
    const script = args.options.get("-c") ?? args.options.get("--command");
    if (typeof script === "string") return nested(script);
    return program === "su" && !ctx.stdin ? `\`${words.join(" ")}\` opens a shell and waits for input` : null;
  }
  if (SHELLS.has(program)) {
    const args = parseArgs(words, 1, { valueOptions: valueOptionsOf("bash"), untilPositional: true });
    const script = args.positionals[0];
    if (args.options.has("-c")) return script === undefined ? null : nested(words[script] as string);
    if (script !== undefined || ctx.stdin) return null;
    return `\`${program}\` with no script opens an interactive shell and waits for input`;
  }
  if (program === "ssh") return sshReason(words, nested);
  if (program === "watch") return "`watch` reruns its command until it is stopped: it never ends";
  if ((program === "podman" || program === "buildah") && words[1] === "unshare" && words.length === 2) {
    return `\`${program} unshare\` with no command starts a shell and waits in it`;
  }
  const call = containerCall(words);
  if (call) return containerReason(ctx, call, words);
  const session = shellSubcommand(words);
  if (session) return session;
  const spec = PROGRAMS[program]?.runs;
  if (spec && !spec.joined && !spec.shell && !spec.scriptFlag && spec.scriptPositional === undefined) {
    const inner = wrapped(program, words);
    if (inner.length === 0 && STARTS_A_SHELL.has(program)) return `\`${program}\` with no command starts a shell`;
    return inner.length ? argvReason(ctx, inner) : null;
  }
  const rule = RULES.get(program) ?? RULES.get(program.replace(/[\d.]+$/, ""));
  if (!rule) return null;
  const call2: Call = {
    program,
    words,
    stdin: ctx.stdin,
    args: parseArgs(words, 1, { valueOptions: new Set([...valueOptionsOf(program), ...(rule.valueOptions ?? [])]) }),
  };
  return rule.reason(call2);
}

/** What a wrapper (`sudo -u x`, `env A=1`, `nice -n 5`) runs: the words after its own. */
function wrapped(program: string, words: string[]): string[] {
  const spec = PROGRAMS[program];
  const valueOptions = new Set(spec?.valueOptions ?? []);
  let skip = spec?.runs?.skip ?? 0;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (word === "--" && spec?.runs?.dashDash) return words.slice(i + 1);
    if (/^-./.test(word)) {
      if (valueOptions.has(word)) i++;
      continue;
    }
    if (spec?.runs?.assignments && /^[A-Za-z_]\w*=/.test(word)) continue;
    if (skip-- > 0) continue;
    return words.slice(i);
  }
  return [];
}

function valueOptionsOf(program: string): Set<string> {
  return new Set(PROGRAMS[program]?.valueOptions ?? []);
}

function sshReason(words: string[], nested: (source: string) => string | null): string | null {
  const args = parseArgs(words, 1, { valueOptions: valueOptionsOf("ssh"), untilPositional: true });
  if (hasOption(args, "-N")) return "`ssh -N` holds a tunnel open and never ends";
  if (args.positionals.length === 0) return null;
  const remote = words.slice(args.end);
  if (remote.length === 0) return "`ssh` with no remote command opens an interactive session";
  return nested(remote.join(" "));
}

function containerReason(ctx: Context, call: ContainerCall, words: string[]): string | null {
  const { action, args } = call;
  const has = (...names: string[]) => hasOption(args, ...names);
  const name = `\`${call.program} ${action}\``;
  const withFlag = (flag: string) => `\`${call.program} ${action} ${flag}\``;
  const kube = call.program === "kubectl" || call.program === "oc";
  if (["run", "exec", "compose run", "compose exec", "debug"].includes(action) && !has("-d", "--detach")) {
    if (kube && action === "run" && !has("-i", "-t", "--stdin", "--tty")) return null;
    const inner = call.commandAt === undefined ? [] : words.slice(call.commandAt);
    const tty = has("-i", "-t", "--interactive", "--tty", "--stdin") || (action === "compose exec" && !has("-T"));
    if (!tty) return inner.length ? argvReason({ ...ctx, stdin: true }, inner) : null;
    const asked = argvReason({ ...ctx, stdin: false }, inner);
    if (inner.length > 0 && !asked) return null;
    const flags = words.filter((w) => /^-[a-zA-Z]*[it][a-zA-Z]*$|^--(interactive|tty|stdin)$/.test(w)).join(" ");
    const what = inner.length ? "" : ` (and runs the image's default command)`;
    return `\`${flags || "-it"}\` asks for a terminal and waits for input${what}`;
  }
  if (action === "attach") return `${name} attaches to a running container and waits`;
  if (/(^| )logs$/.test(action) && has("-f", "--follow")) return `${withFlag("-f")} follows the log and never ends`;
  if (/(^| )stats$/.test(action) && !has("--no-stream")) return `${name} keeps refreshing until stopped`;
  if (/(^| )events$/.test(action) && !has("--until") && args.options.get("--stream") !== "false") {
    return `${name} streams events until stopped`;
  }
  if (action === "compose up" && !has("-d", "--detach")) {
    return "`compose up` without `-d` stays attached to the services' output";
  }
  if (/prune$|^system reset$/.test(action) && !has("-f", "--force")) {
    return `${name} asks to confirm (\`-f\` answers it)`;
  }
  // `oc login --token=…` signs in with the token instead.
  const password = ["-p", "--password", "--password-stdin", ...(kube ? ["--token"] : [])];
  if (action === "login" && !has(...password)) return `${name} asks for a password`;
  if (action === "machine ssh" && call.args.positionals.length <= 1) return `${name} opens a shell in the machine`;
  if (kube) {
    if (action === "edit") return `${name} opens an editor`;
    if (has("-w", "--watch", "--watch-only")) return `${withFlag("-w")} watches for changes and never ends`;
    if (action === "port-forward" || action === "proxy") return `${name} keeps forwarding until stopped`;
  }
  return null;
}

// Subcommands that open a session somewhere else: `vagrant ssh`, `orb shell vm`, `toolbox enter`.
const SESSION_WORDS = new Set(["shell", "ssh", "enter", "console"]);

function shellSubcommand(words: string[]): string | null {
  const at = words.findIndex((w, i) => i >= 1 && i <= 2 && SESSION_WORDS.has(w));
  if (at < 0 || words.slice(1, at).some((w) => w.startsWith("-"))) return null;
  const rest = words.slice(at + 1);
  if (rest.some((w) => /^(--|-c|--command|--run|-e)$/.test(w))) return null;
  if (rest.filter((w) => !w.startsWith("-")).length > 1) return null;
  return `\`${words.slice(0, at + 1).join(" ")}\` opens a shell and waits for input`;
}
