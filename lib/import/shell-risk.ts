// How risky an imported shell block is, from its commands: a draft's steps need a risk, and a
// guess that errs towards "change" only costs a confirmation click.
import type { Risk } from "@/lib/playbooks/types";

const READ_COMMANDS = new Set([
  "cat",
  "ls",
  "ll",
  "grep",
  "egrep",
  "fgrep",
  "rg",
  "head",
  "tail",
  "which",
  "whereis",
  "command",
  "type",
  "echo",
  "printf",
  "id",
  "whoami",
  "groups",
  "uname",
  "hostname",
  "env",
  "printenv",
  "ps",
  "pgrep",
  "top",
  "df",
  "du",
  "free",
  "stat",
  "file",
  "ldd",
  "readlink",
  "realpath",
  "test",
  "[",
  "[[",
  "find",
  "lsof",
  "ss",
  "netstat",
  "ip",
  "ping",
  "dig",
  "nslookup",
  "host",
  "journalctl",
  "dmesg",
  "wc",
  "sort",
  "uniq",
  "cut",
  "tr",
  "jq",
  "yq",
  "awk",
  "sed",
  "diff",
  "cmp",
  "md5sum",
  "sha256sum",
  "date",
  "uptime",
  "nproc",
  "lscpu",
  "lsblk",
  "mount",
  "getent",
  "true",
  "false",
  "sleep",
  "timeout",
  "nc",
  "curl",
  "wget",
  "openssl",
  "true",
  "exit",
  "cd",
  "pwd",
  "export",
  "source",
  ".",
  "set",
  "local",
  "read",
  "lsb_release",
  "sw_vers",
]);

// Subcommands that only look, for tools whose other subcommands change things.
const READ_SUBCOMMANDS: Record<string, RegExp> = {
  docker: new RegExp(
    [
      "^(ps|images|image (ls|inspect)|inspect|info|version|logs|stats|top|port|history|system df|",
      "network (ls|inspect)|volume (ls|inspect)|manifest inspect|context ls)\\b",
    ].join(""),
  ),
  podman: new RegExp(
    [
      "^(ps|images|image (ls|inspect|exists)|inspect|info|version|logs|stats|top|port|history|system df|",
      "network (ls|inspect)|volume (ls|inspect)|manifest inspect|unshare cat)\\b",
    ].join(""),
  ),
  kubectl: new RegExp(
    [
      "^(get|describe|logs|top|version|explain|api-resources|auth can-i|",
      "config (view|get-contexts|current-context)|cluster-info|events)\\b",
    ].join(""),
  ),
  systemctl: /^(status|is-active|is-enabled|list-units|show|cat)\b/,
  git: /^(status|log|diff|show|branch|remote -v|rev-parse|config --get|ls-files)\b/,
  ray: /^(status|list|summary|memory|logs|--version)\b/,
  orb: /^(list|status|info|version|config show)\b/,
  gh: /^(run (list|view)|pr (view|list|checks)|api)\b/,
  helm: /^(list|status|get|version|history)\b/,
  brew: /^(list|info|--version|doctor)\b/,
  apt: /^(list|show|policy|search)\b/,
  "apt-cache": /^/,
  dpkg: /^(-l|-s|-L|--list|--status)\b/,
  npm: /^(ls|list|view|--version|-v|config get)\b/,
  pip: /^(list|show|freeze|--version)\b/,
  python: /^(--version|-V)\b/,
  python3: /^(--version|-V)\b/,
  node: /^(--version|-v)\b/,
  nix: /^(--version|show-config|path-info|search)\b/,
  koco: /^(status|--version)\b/,
  certbot: /^(certificates|--version)\b/,
  just: /^(--list|-l)\b/,
};

// Any one of these, anywhere in the command.
const DANGER = new RegExp(
  [
    /\brm\s+-[a-zA-Z]*[rf][a-zA-Z]*\b/,
    /\b(kubectl|orb|helm|gh)\s+(delete|uninstall)\b/,
    /\b(docker|podman)\s+(system\s+(prune|reset)|volume\s+(rm|prune))\b/,
    /\bmkfs\b/,
    /\bdd\s+if=/,
    /\bgit\s+(reset\s+--hard|clean\s+-[a-z]*f|push\s+--force)/,
    /\bDROP\s+(TABLE|DATABASE)\b/,
    /\bshred\b/,
    /\bwipefs\b/,
    /\bkill(all)?\s+-9\b/,
  ]
    .map((part) => part.source)
    .join("|"),
  "i",
);

function stripPrefix(segment: string): string {
  let s = segment.trim();
  // Environment assignments and wrappers before the real command.
  for (;;) {
    const next = s
      .replace(/^(sudo(\s+-\S+)*|time|nohup|exec|env(\s+-\S+)*|timeout\s+\S+|nice(\s+-n\s*\S+)?)\s+/, "")
      .replace(/^[A-Za-z_][A-Za-z0-9_]*=("[^"]*"|'[^']*'|\S*)\s+/, "");
    if (next === s) return s;
    s = next;
  }
}

function segmentIsRead(segment: string): boolean {
  const s = stripPrefix(segment);
  if (s === "" || /^(if|then|else|elif|fi|for|while|until|do|done|case|esac|in|\{|\}|\(|\)|!)$/.test(s)) return true;
  if (/^(if|while|until|!)\s+/.test(s)) return segmentIsRead(s.replace(/^(if|while|until|!)\s+/, ""));
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(s)) {
    // VAR=$(cmd): as risky as cmd.
    const inner = /\$\((.*)\)/.exec(s)?.[1];
    return inner === undefined || commandsAreRead(inner);
  }
  const [word = "", ...rest] = s.split(/\s+/);
  const cmd = word.replace(/^.*\//, "");
  const args = rest.join(" ");
  if (/\s--version\b|\s-V\b/.test(` ${args}`) && rest.length === 1) return true;
  if (cmd === "sed") return !/(^|\s)-i/.test(args);
  if (cmd === "find") return !/-delete|-exec\s+(rm|chmod|chown)/.test(args);
  if (cmd === "curl") return !/(^|\s)(-X\s*(POST|PUT|DELETE|PATCH)|-d|--data|-T|--upload-file|-o|-O)\b/.test(args);
  if (cmd === "wget") return /--spider/.test(args);
  if (cmd === "kubectl" && /^exec\b/.test(args)) return commandsAreRead(args.split(/\s--\s/)[1] ?? "");
  if (cmd === "orb" && /^(-m\s+\S+\s+)?(bash|sh)\s+-c\s+/.test(args)) {
    const inner = /-c\s+(["'])(.*)\1/.exec(args)?.[2];
    return inner !== undefined && commandsAreRead(inner);
  }
  if ((cmd === "docker" || cmd === "podman") && /^run\b/.test(args)) return false;
  const sub = READ_SUBCOMMANDS[cmd];
  if (sub) return sub.test(args.replace(/^(-n\s+\S+\s+|--namespace[= ]\S+\s+|-m\s+\S+\s+)+/, ""));
  return READ_COMMANDS.has(cmd);
}

function commandsAreRead(code: string): boolean {
  // `<pod-id>`-style placeholders are not redirections.
  const lines = code
    .replace(/<[A-Za-z][A-Za-z0-9_-]*>/g, "X")
    .split("\n")
    .map((l) => l.replace(/(^|\s)#.*$/, "").trim())
    .filter((l) => l !== "");
  for (const raw of lines) {
    // A command substitution is as risky as the command inside it.
    let line = raw;
    for (let m = /\$\(([^()]*)\)/.exec(line); m; m = /\$\(([^()]*)\)/.exec(line)) {
      if (!commandsAreRead(m[1] ?? "")) return false;
      line = line.replace(m[0], "X");
    }
    // Writing to a file changes the host; redirecting to /dev/null or another descriptor does not.
    const redirects = [...line.matchAll(/(?:^|\s)\d?>>?\s*(&\d|\S+)/g)].filter(
      (m) => !/^(&\d|\/dev\/null|\/dev\/std(out|err))$/.test(m[1] ?? ""),
    );
    if (redirects.length) return false;
    if (/\btee\b/.test(line)) return false;
    for (const segment of line.split(/&&|\|\||;|\|/)) if (!segmentIsRead(segment)) return false;
  }
  return true;
}

export function shellRisk(code: string): Risk {
  if (DANGER.test(code)) return "danger";
  return commandsAreRead(code) ? "read" : "change";
}

/** Commands that download or build tend to take minutes. */
export function suggestedTimeout(code: string): number | undefined {
  return /\b(install|build|pull|push|upgrade|clone|migrate|rsync|renew)\b|apt(-get)? update/.test(code)
    ? 600
    : undefined;
}
