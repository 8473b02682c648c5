// The parts of a guide's text that name things inside a container: what runs after the image in
// `docker run IMAGE cmd…`, after `kubectl exec POD --`, the container side of `-v host:ctr`, Dockerfiles,
// a manifest's `mountPath:`. A `/home/jovyan` there is the image's account, not the reader's.
// This scans raw Markdown (prose, inline code and fences alike), so it reads words itself rather than
// through the shell parser: a command may sit in a sentence, and the callers are synchronous.
import { containerCall } from "./container-args";

export type Span = readonly [start: number, end: number];

/** Sorted, possibly overlapping spans of `text`. */
export function containerSpans(text: string): Span[] {
  return [...fencedSpans(text), ...manifestSpans(text), ...commandSpans(text)].sort((a, b) => a[0] - b[0]);
}

export function inSpans(spans: readonly Span[], offset: number): boolean {
  return spans.some(([start, end]) => offset >= start && offset < end);
}

const DOCKERFILE_LANGS = new Set(["dockerfile", "containerfile", "docker"]);
const INSTRUCTION =
  /^\s*(FROM|WORKDIR|COPY|ADD|RUN|USER|ENV|ARG|VOLUME|ENTRYPOINT|CMD|LABEL|EXPOSE|SHELL|HEALTHCHECK|ONBUILD)\s/;

/** Dockerfile fences whole; in other fences, Dockerfile instruction lines (with their continuations). */
function fencedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!.text);
    if (!open) continue;
    const marker = open[1] as string;
    let end = i + 1;
    while (end < lines.length && !new RegExp(`^\\s*${marker[0]}{${marker.length},}\\s*$`).test(lines[end]!.text)) end++;
    const body = lines.slice(i + 1, end);
    const first = body.find((l) => l.text.trim() !== "" && !l.text.trim().startsWith("#"));
    const whole = DOCKERFILE_LANGS.has((open[2] ?? "").toLowerCase()) || /^\s*(FROM|ARG)\s/.test(first?.text ?? "");
    if (whole && body.length) spans.push([body[0]!.start, body.at(-1)!.end]);
    else {
      for (let j = 0; j < body.length; j++) {
        if (!INSTRUCTION.test(body[j]!.text)) continue;
        const from = body[j]!.start;
        while (j + 1 < body.length && body[j]!.text.trimEnd().endsWith("\\")) j++;
        spans.push([from, body[j]!.end]);
      }
    }
    i = end;
  }
  return spans;
}

/** `mountPath: /x`, `workingDir: /x` (Kubernetes), and `- ./host:/ctr` items (compose volumes). */
function manifestSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/^[ \t]*-?[ \t]*(?:mountPath|workingDir|subPath|containerPath|target):[ \t]*(.*)$/gm)) {
    spans.push([m.index + m[0].length - (m[1] ?? "").length, m.index + m[0].length]);
  }
  for (const m of text.matchAll(/^[ \t]*-[ \t]+["']?[.~$\w/{}-]+:(\/[^\s"']*)/gm)) {
    spans.push([m.index + m[0].length - (m[1] ?? "").length, m.index + m[0].length]);
  }
  return spans;
}

function commandSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(
    /(?<![\w./-])(?:docker|podman|nerdctl|kubectl|oc|docker-compose|podman-compose)(?=[ \t])/g,
  )) {
    const words = wordsFrom(text, m.index);
    const call = containerCall(words.map((w) => w.value));
    if (!call) continue;
    for (const { at, from } of call.inside) {
      const word = words[at]!;
      spans.push([word.raw[from] ?? word.end, word.end]);
    }
    if (call.commandAt !== undefined) spans.push([words[call.commandAt]!.start, words.at(-1)!.end]);
  }
  return spans;
}

interface Line {
  text: string;
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  let start = 0;
  return text.split("\n").map((line) => {
    const l = { text: line, start, end: start + line.length };
    start += line.length + 1;
    return l;
  });
}

interface ShellWord {
  value: string;
  start: number;
  end: number;
  /** For each character of `value`, its offset in the text. */
  raw: number[];
}

const ENDS_COMMAND = new Set(["\n", "|", ";", "&", ")", "`", "<", ">"]);

/** The words of the command starting at `from`, up to the end of its (continued) line, a pipe, `;`,
 *  `&&`, a redirection or the backtick closing inline code. Quotes are removed; `$(…)` is kept whole. */
function wordsFrom(text: string, from: number): ShellWord[] {
  const words: ShellWord[] = [];
  let i = from;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "\\" && text[i + 1] === "\n") i += 2;
    else if (c === " " || c === "\t") i++;
    else if (ENDS_COMMAND.has(c) || c === "#") break;
    else {
      const word: ShellWord = { value: "", start: i, end: i, raw: [] };
      i = readWord(text, i, word);
      word.end = i;
      words.push(word);
    }
  }
  return words;
}

function readWord(text: string, i: number, word: ShellWord): number {
  const add = (at: number) => {
    word.value += text[at];
    word.raw.push(at);
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === " " || c === "\t" || ENDS_COMMAND.has(c)) return i;
    if (c === "\\") {
      if (text[i + 1] === "\n") return i;
      if (i + 1 < text.length) add(i + 1);
      i += 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== "\n") {
        if (c === '"' && text[j] === "\\") j++;
        add(j++);
      }
      i = j + 1;
    } else if (c === "$" && text[i + 1] === "(") {
      add(i++);
      let depth = 0;
      do {
        if (text[i] === "(") depth++;
        if (text[i] === ")") depth--;
        add(i++);
      } while (i < text.length && depth > 0 && text[i] !== "\n");
    } else add(i++);
  }
  return i;
}
