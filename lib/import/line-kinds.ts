// What kind of line a piece of guide text is, when it is not what a program said: a command (at a
// prompt, or starting with a program), a configuration line, markup, or a bare path. These are the
// shapes that became junk symptoms (`[Container]`, `bind=127.0.0.1`, `podman info`).
import { hasErrorVocabulary } from "@/lib/markdown/error-text";
import { PROGRAMS } from "@/lib/playbooks/risk-programs";

// Programs guides run that the risk classifier has no table for (it calls them `change`).
const MORE_PROGRAMS = [
  ...["gcloud", "az", "terraform", "ansible", "ansible-playbook", "make", "cargo", "npx", "yarn", "pnpm"],
  ...["gitlab-runner", "nvidia-ctk", "skopeo", "buildah", "runc", "crun", "containerd", "dockerd", "kubeadm"],
  ...["kubelet", "eksctl", "k9s", "kustomize", "istioctl", "pg_ctl", "pg_ctlcluster", "pg_dump", "pg_restore"],
  ...["initdb", "createdb", "dropdb", "pip3", "pipx", "uv", "poetry", "deno", "bun", "mvn", "gradle", "dotnet"],
  ...["winget", "choco", "scoop", "port", "pacman", "zypper", "emerge", "snapctl", "udevadm", "update-alternatives"],
  ...["usermod", "useradd", "groupadd", "passwd", "visudo", "setenforce", "getenforce", "semanage", "restorecon"],
  ...["setsebool", "ausearch", "sestatus", "newgrp", "podman-compose", "lima", "wsl", "gpg", "cosign", "vault"],
];
export const KNOWN_PROGRAMS: ReadonlySet<string> = new Set([...Object.keys(PROGRAMS), ...MORE_PROGRAMS]);

// Prompts: `$ `, `% `, `# ` (root, or a comment), `> `, `+ ` (xtrace), `user@host:~$ `, `me@box ~ $ `,
// `[user@host dir]# `,
// `PS C:\> `, `C:\> `, `>>> `, `mysql> `, `postgres=# `, `(venv) $ `.
const PROMPT = new RegExp(
  [
    String.raw`^(?:\([\w.-]+\)\s*)?(?:[$%#>+]|>>>|[\w.-]+@[\w.-]+(?:[: ][^\s$#]*)?\s?[$#]|\[[^\]]+\][$#]`,
    String.raw`|PS [^>]*>|[A-Za-z]:\\[^>]*>|[\w-]+=?[#>])(?:\s|$)`,
  ].join(""),
);

// Shell syntax that messages do not use: flags, pipes, lists, substitutions, redirections.
const SHELL_SYNTAX = /(?:^|\s)--?[A-Za-z][\w-]*|\s\|\s|&&|\|\||\$\(|`|\s[12]?>>?\s*[/\w&$]|\s\\$/;

// After a program's name, words that start a sentence about it rather than its arguments.
const ABOUT_PROGRAM = new RegExp(
  [
    "^(?:is|was|has|had|does|did|not|no|can't|cannot|could|couldn't|unable",
    "|returned|exited|reported|says|shows)\\b",
  ].join(""),
);

/** A command: at a prompt, or a known program followed by its arguments (`podman run IMAGE`). */
export function isCommandLine(line: string): boolean {
  const t = line.trim();
  if (PROMPT.test(t)) return true;
  const words = t.replace(/^sudo\s+(?:-\S+\s+)*/, "").replace(/^(?:[A-Za-z_]\w*=\S*\s+)+/, "");
  const m = /^(\S+)(?:\s+(.*))?$/.exec(words);
  const program = (m?.[1] ?? "").replace(/^(?:\.{0,2}\/)?(?:[\w.-]+\/)*/, "");
  if (!KNOWN_PROGRAMS.has(program)) return false;
  const rest = m?.[2] ?? "";
  // `touch: cannot touch …` is the program talking; `podman: command not found` too.
  if ((m?.[1] ?? "").endsWith(":")) return false;
  if (rest === "") return true;
  if (SHELL_SYNTAX.test(rest)) return true;
  // `test failed with exit code 1` and `exec user process caused "permission denied"` are about the
  // program; `kubectl logs failing-pod` and `systemctl reset-failed` run it (names are arguments).
  const plainWords = rest.split(/\s+/).filter((w) => !/[-_./=:\\]\w/.test(w));
  const sentence = ABOUT_PROGRAM.test(rest) || hasErrorVocabulary(plainWords.join(" "));
  return !sentence;
}

const SECTION = /^\[{1,2}[^\]]+\]{1,2}$/;
const ASSIGNMENT = /^(?:export\s+)?[A-Za-z_][\w.-]*\s*=(?!=)/;
const MAPPING = /^(?:-\s+)?["']?[A-Za-z_][\w.\-/]*["']?:(?:\s+(.*))?$/;
const STRUCTURED_VALUE = /^(?:["'[{|>&*!]|\d+(?:\.\d+)?$|true$|false$|null$|~$)/;

/** A configuration line: `[Section]`, `key=value`, YAML `key: value`, or a line of JSON. */
export function isConfigLine(line: string): boolean {
  const t = line.trim();
  if (SECTION.test(t) || ASSIGNMENT.test(t)) return true;
  if (/^[{[]/.test(t) && /[}\],]$/.test(t)) return true;
  if (/^[}\]],?$/.test(t)) return true;
  const mapping = MAPPING.exec(t);
  if (!mapping) return false;
  const value = (mapping[1] ?? "").trim();
  // `Error: …`, `fatal: …` and `x509: …` start what a program printed.
  if (hasErrorVocabulary(t.slice(0, t.length - value.length))) return false;
  if (value === "") return true;
  // `x509: certificate signed by unknown authority` is a message, `image: nginx:1.25` a setting.
  if (hasErrorVocabulary(value)) return false;
  return STRUCTURED_VALUE.test(value) || value.split(/\s+/).length <= 3;
}

const MARKUP = new RegExp(
  [
    String.raw`^(?:<\/?[A-Za-z!?][^>]*>?|#{1,6}\s|>\s|[-*+]\s\[[ xX]\]|\|.*\|$|[-=*_]{3,}$|!\[|\[[^\]]*\]\([^)]*\)$`,
    String.raw`|\x60{3}|~{3}|\{\{|\{%|<!--|-->$)`,
  ].join(""),
);

/** Markup: HTML/XML tags, Markdown headings, quotes, tables, rules, images, fences, templates. */
export function isMarkupLine(line: string): boolean {
  return MARKUP.test(line.trim());
}

/** A path or URL on its own: `/etc/containers/registries.conf`, `~/.config/x`, `https://…`. */
export function isBarePath(line: string): boolean {
  const t = line.trim();
  if (/\s/.test(t)) return false;
  return (
    /^(?:~|\.{1,2})?(?:\/[^/]+)+\/?$/.test(t) ||
    /^[A-Za-z]:\\/.test(t) ||
    /^[\w.-]+(?:\/[\w.-]+)+\/?$/.test(t) ||
    /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(t)
  );
}

/** A command-line flag on its own: `--tls-verify=false`, `-v`. */
export function isFlag(text: string): boolean {
  return /^--?[A-Za-z][\w.-]*(?:=\S*)?$/.test(text.trim());
}
