// One Zipf-distributed vocabulary shared by every generated playbook and incident, so generated
// documents look alike as real ones do: the words of the seed playbooks' error lines (content/*.mdx
// symptoms) are the most frequent of all, then common ops words, then a long tail of made-up words.
// Everything is drawn from a seeded PRNG: the same seed gives the same corpus on every machine.
import fs from "node:fs";
import path from "node:path";

const CONTENT = path.resolve(import.meta.dirname, "..", "..", "content");

const OPS_WORDS = (
  "podman ray actor container image digest registry manifest namespace subuid kernel cgroup memory volume mount " +
  "runner socket timeout permission denied network dns proxy certificate node python cluster worker scheduler " +
  "queue disk inode quota service config daemon process job pod host user root path build deploy"
).split(" ");
const TAIL_WORDS = 30_000;
/** Zipf exponent: word of rank r is drawn with probability proportional to 1 / r^s. */
const ZIPF_S = 1.05;
const SYLLABLES = "ka ro mi ne tu sa vel dor pin gra lux mer tox fen bal cri zon har qui sti"
  .split(" ")
  .concat("an or el us ix et om ur ad ip".split(" "));

/** A small fast PRNG (mulberry32): deterministic, uniform in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The seed playbooks' symptom lines, as written in their frontmatter. */
export function seedSymptoms(): string[] {
  const lines: string[] = [];
  for (const file of fs.readdirSync(CONTENT).filter((f) => f.endsWith(".mdx"))) {
    const text = fs.readFileSync(path.join(CONTENT, file), "utf8");
    for (const m of text.matchAll(/^\s+- \{ text: "((?:[^"\\]|\\.)*)"/gm)) lines.push(JSON.parse(`"${m[1]}"`));
  }
  return lines;
}

function seedWords(): string[] {
  const seen = new Set<string>();
  for (const line of seedSymptoms()) {
    for (const w of line.toLowerCase().match(/\p{L}{2,}/gu) ?? []) seen.add(w);
  }
  return [...seen];
}

function madeUpWords(rand: () => number, count: number, taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const n = 2 + Math.floor(rand() * 3);
    let w = "";
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    if (!taken.has(w)) {
      taken.add(w);
      out.push(w);
    }
  }
  return out;
}

export interface Vocabulary {
  /** Words by rank, most frequent first. */
  words: readonly string[];
  /** A word drawn by its Zipf weight. */
  word(rand: () => number): string;
  sentence(rand: () => number, n: number): string;
}

let shared: Vocabulary | undefined;

export function vocabulary(): Vocabulary {
  if (shared) return shared;
  const rand = rng(0x5eed);
  const head = seedWords();
  // Shuffle the seed words among themselves, so the top ranks are not in file order.
  for (let i = head.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [head[i], head[j]] = [head[j]!, head[i]!];
  }
  const taken = new Set(head);
  const ops = OPS_WORDS.filter((w) => !taken.has(w));
  for (const w of ops) taken.add(w);
  const words = [...head, ...ops, ...madeUpWords(rand, TAIL_WORDS, taken)];
  const cdf = new Float64Array(words.length);
  let total = 0;
  for (let r = 0; r < words.length; r++) cdf[r] = total += 1 / (r + 1) ** ZIPF_S;
  const word = (rnd: () => number) => {
    const x = rnd() * total;
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  shared = {
    words,
    word,
    sentence: (rnd, n) => Array.from({ length: n }, () => word(rnd)).join(" "),
  };
  return shared;
}
