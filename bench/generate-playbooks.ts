// Writes N synthetic but realistic playbooks (frontmatter, sections, callouts, steps) for benchmarks.
import fs from "node:fs";
import path from "node:path";

const WORDS = (
  "podman ray actor container image digest registry manifest namespace subuid kernel cgroup memory volume mount " +
  "runner socket timeout permission denied network dns proxy certificate node python cluster worker scheduler " +
  "queue disk inode quota"
).split(" ");

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function sentence(rand: () => number, n: number): string {
  return Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ");
}

export function playbookSource(i: number): string {
  const rand = rng(i + 1);
  const steps = 6;
  const parts: string[] = [
    "---",
    `title: "Synthetic playbook ${i}: ${sentence(rand, 4)}"`,
    `summary: "${sentence(rand, 12)}"`,
    `tags: [${["alpha", "beta", "gamma", "delta"][i % 4]}, t${i % 37}]`,
    "symptoms:",
    `  - "Error ${i}: ${sentence(rand, 6)} failed with code E${1000 + i}"`,
    `  - "fatal: ${sentence(rand, 5)} (${i})"`,
    "inputs:",
    `  - { name: TARGET, label: "Target", default: "host-${i}" }`,
    "---",
    "",
    sentence(rand, 40),
    "",
  ];
  for (let s = 0; s < steps; s++) {
    parts.push(`## Section ${s}: ${sentence(rand, 3)}`, "", sentence(rand, 60), "");
    if (s === 1) parts.push('<Callout type="tip" title="Insight">', "", sentence(rand, 20), "", "</Callout>", "");
    const next = s + 1 < steps ? ` onFail="step-${s + 1}"` : "";
    parts.push(
      `<Step id="step-${s}" title="Check ${sentence(rand, 3)}" expect={{ exit: 0, match: "ok" }}${next}>`,
      "",
      sentence(rand, 12),
      "",
      "```bash",
      `echo "checking $TARGET ${sentence(rand, 3)}" && echo ok`,
      "```",
      "",
      "</Step>",
      "",
    );
  }
  return parts.join("\n");
}

export function generatePlaybooks(dir: string, count: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(dir, `synthetic-${String(i).padStart(4, "0")}.mdx`), playbookSource(i));
  }
}
