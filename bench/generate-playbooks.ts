// Writes N synthetic but realistic playbooks (frontmatter, symptoms tied to steps, sections,
// callouts, steps) for benchmarks. All text comes from one Zipf vocabulary (lib/vocabulary.ts)
// whose most frequent words are the seed playbooks' error words, so playbooks look alike and the
// common words have long posting lists, as in a real corpus. Deterministic: playbook i is always
// the same text.
import fs from "node:fs";
import path from "node:path";
import { rng, vocabulary } from "./lib/vocabulary";

const STEPS = 6;
const SYMPTOMS = 3;
/** How error lines start: labels taken from the seeds' own error lines, and none at all. */
const LABELS = [
  "Error:",
  "fatal:",
  "error:",
  "ERROR",
  "PermissionError: [Errno 13]",
  "FileNotFoundError: [Errno 2]",
  "OSError:",
  "RuntimeError:",
  "ConnectionError:",
  "",
];

/** One error line: a label, 4 to 8 words of the shared vocabulary, sometimes a path or a code. */
export function errorLine(rand: () => number): string {
  const v = vocabulary();
  const label = LABELS[Math.floor(rand() * LABELS.length)]!;
  const body = v.sentence(rand, 4 + Math.floor(rand() * 5));
  const detail = [
    () => ` '/var/lib/${v.word(rand)}/${v.word(rand)}.json'`,
    () => ` (exit status ${1 + Math.floor(rand() * 127)})`,
    () => ` code E${1000 + Math.floor(rand() * 9000)}`,
    () => "",
    () => "",
  ][Math.floor(rand() * 5)]!();
  return `${label ? `${label} ` : ""}${body}${detail}`;
}

export function playbookSource(i: number): string {
  const rand = rng(i + 1);
  const { sentence } = vocabulary();
  const symptoms = Array.from({ length: SYMPTOMS }, (_, k) => {
    const text = JSON.stringify(errorLine(rand));
    // The last one names no step, as some real symptoms do.
    return k === SYMPTOMS - 1 ? `  - ${text}` : `  - { text: ${text}, step: step-${Math.floor(rand() * STEPS)} }`;
  });
  const parts: string[] = [
    "---",
    `title: "Synthetic playbook ${i}: ${sentence(rand, 4)}"`,
    `summary: "${sentence(rand, 12)}"`,
    `tags: [${["alpha", "beta", "gamma", "delta"][i % 4]}, t${i % 37}]`,
    "symptoms:",
    ...symptoms,
    "inputs:",
    `  - { name: TARGET, label: "Target", default: "host-${i}" }`,
    "---",
    "",
    sentence(rand, 40),
    "",
  ];
  for (let s = 0; s < STEPS; s++) {
    parts.push(`## Section ${s}: ${sentence(rand, 3)}`, "", sentence(rand, 60), "");
    if (s === 1) parts.push('<Callout type="tip" title="Insight">', "", sentence(rand, 20), "", "</Callout>", "");
    const next = s + 1 < STEPS ? ` onFail="step-${s + 1}"` : "";
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
    fs.writeFileSync(path.join(dir, `synthetic-${String(i).padStart(5, "0")}.mdx`), playbookSource(i));
  }
}
