// Personal names and home paths out of imported text: /Users/alice/dev → $HOME/dev, alice → $USER.
// Playbooks are for everyone; the write-ups they come from are one person's session. Paths inside a
// container (`-v "$PWD":/home/jovyan/work`, a Dockerfile's WORKDIR) are the image's, not the reader's:
// they stay as written, and a name seen only there is not a person's.
import { containerSpans, inSpans } from "./container-spans";

// Accounts that belong to images and CI systems rather than to a person.
const SYSTEM_USERS = new Set([
  ...["runner", "root", "user", "ubuntu", "debian", "admin", "node", "app", "ray", "ec2-user", "vagrant"],
  ...["shared", "linuxbrew", "jovyan", "nobody", "postgres", "www-data", "gitlab-runner", "circleci", "vscode"],
  ...["codespace", "coder", "builder", "centos", "fedora", "alpine", "git"],
  // Role names that guides use for "some account": no one's name, and common words elsewhere (/dev).
  ...["dev", "developer", "demo", "test", "tester", "guest", "build", "ci", "deploy", "deployer", "service"],
  ...["operator", "me", "you", "someone", "username", "yourname", "myuser", "mysql", "redis", "docker", "pi"],
]);

/** The personal account names that appear in home paths, e.g. "alice" in /home/alice. */
export function personalNames(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    const spans = containerSpans(text);
    for (const m of text.matchAll(/\/(?:Users|home)\/([A-Za-z0-9._-]+)/g)) {
      const name = m[1] ?? "";
      if (name.length < 3 || SYSTEM_USERS.has(name.toLowerCase()) || name.startsWith("$")) continue;
      if (!inSpans(spans, m.index)) names.add(name);
    }
  }
  return [...names];
}

export function generalise(text: string, names: readonly string[]): string {
  if (names.length === 0) return text;
  const spans = containerSpans(text);
  const alternatives = [...names]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
  // A home directory, or the bare name: after /home/ or /Users/, or not inside a word or a path.
  const home = `/(?:Users|home)/(?:${alternatives})(?![A-Za-z0-9._-])`;
  const bare = `(?:(?<=/(?:home|Users)/)|(?<![A-Za-z0-9_./-]))(?:${alternatives})(?![A-Za-z0-9_-])`;
  const pattern = new RegExp(`${home}|${bare}`, "g");
  return text.replace(pattern, (match: string, offset: number) => {
    if (inSpans(spans, offset)) return match;
    return match.startsWith("/") ? "$HOME" : "$USER";
  });
}
