// Personal names and home paths out of imported text: /Users/alice/dev → $HOME/dev, alice → $USER.
// Playbooks are for everyone; the write-ups they come from are one person's session.

// Accounts that belong to images and CI systems rather than to a person.
const SYSTEM_USERS = new Set([
  "runner",
  "root",
  "user",
  "ubuntu",
  "debian",
  "admin",
  "node",
  "app",
  "ray",
  "ec2-user",
  "vagrant",
  "shared",
  "linuxbrew",
]);

/** The personal account names that appear in home paths, e.g. "alice" in /home/alice. */
export function personalNames(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\/(?:Users|home)\/([A-Za-z0-9._-]+)/g)) {
      const name = m[1] ?? "";
      if (name.length >= 3 && !SYSTEM_USERS.has(name.toLowerCase()) && !name.startsWith("$")) names.add(name);
    }
  }
  return [...names];
}

export function generalise(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out
      .replace(new RegExp(`/(?:Users|home)/${escaped}(?![A-Za-z0-9._-])`, "g"), "$$HOME")
      .replace(new RegExp(`(?<![A-Za-z0-9_-])${escaped}(?![A-Za-z0-9_-])`, "g"), "$$USER");
  }
  return out;
}
