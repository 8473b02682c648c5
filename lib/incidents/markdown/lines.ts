// Line-level Markdown helpers for the incident write-up format. The write-up is parsed by lines
// rather than through a syntax tree so that every field's Markdown comes back byte for byte.

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** For each line, whether it belongs to a fenced code block (the fence lines included). */
export function fenceMask(lines: readonly string[]): boolean[] {
  const mask: boolean[] = [];
  let open: { char: string; len: number } | null = null;
  for (const line of lines) {
    if (open) {
      mask.push(true);
      const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (m?.[1] && m[1][0] === open.char && m[1].length >= open.len) open = null;
      continue;
    }
    const m = FENCE_OPEN.exec(line);
    // A backtick fence's info string may not contain backticks (CommonMark).
    if (m?.[1] && !(m[1][0] === "`" && (m[2] ?? "").includes("`"))) {
      open = { char: m[1][0] ?? "`", len: m[1].length };
      mask.push(true);
      continue;
    }
    mask.push(false);
  }
  return mask;
}

/** Closes a fence left open at the end of `text`, so it cannot swallow what follows it. */
export function closeOpenFence(text: string): string {
  const lines = text.split("\n");
  let open: string | null = null;
  for (const line of lines) {
    if (open) {
      const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (m?.[1] && m[1][0] === open[0] && m[1].length >= open.length) open = null;
      continue;
    }
    const m = FENCE_OPEN.exec(line);
    if (m?.[1] && !(m[1][0] === "`" && (m[2] ?? "").includes("`"))) open = m[1];
  }
  return open ? `${text}\n${open}` : text;
}

/** A fence of backticks longer than any run of backticks inside `content`. */
export function fenceFor(content: string): string {
  let longest = 0;
  for (const m of content.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return "`".repeat(Math.max(3, longest + 1));
}

/** `text` as a fenced code block in `lang`, fenced so nothing inside can close it. */
export function fencedBlock(text: string, lang = "text"): string {
  const fence = fenceFor(text);
  return `${fence}${lang}\n${text}\n${fence}`;
}

/**
 * Field text may contain lines that look like the write-up's own structure (a `## Symptoms`
 * heading, a `**Solution**:` label). Such lines get one more leading backslash on export and lose
 * one on import, which is a bijection: a line the author typed with backslashes survives too.
 */
export function escapeStructure(text: string, isStructural: (line: string) => boolean): string {
  return mapOutsideFences(text, (line) => (isStructural(line.replace(/^\\+/, "")) ? `\\${line}` : line));
}

export function unescapeStructure(text: string, isStructural: (line: string) => boolean): string {
  return mapOutsideFences(text, (line) =>
    line.startsWith("\\") && isStructural(line.replace(/^\\+/, "")) ? line.slice(1) : line,
  );
}

function mapOutsideFences(text: string, fn: (line: string) => string): string {
  const lines = text.split("\n");
  const mask = fenceMask(lines);
  return lines.map((line, i) => (mask[i] ? line : fn(line))).join("\n");
}

/** Drops blank lines at both ends; with `rules`, also the `---` rules write-ups put between sections. */
export function trimBlock(lines: readonly string[], opts: { rules?: boolean } = {}): string[] {
  let start = 0;
  let end = lines.length;
  const isRule = (l: string) => opts.rules === true && /^ {0,3}(-{3,}|\*{3,}|_{3,})\s*$/.test(l);
  const isFiller = (l: string | undefined) => l !== undefined && (l.trim() === "" || isRule(l));
  while (start < end && isFiller(lines[start])) start++;
  while (end > start && isFiller(lines[end - 1])) end--;
  return lines.slice(start, end);
}

export function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((l) => (l === "" ? "" : prefix + l))
    .join("\n");
}

export function dedent(lines: readonly string[], width: number): string[] {
  const pad = " ".repeat(width);
  return lines.map((l) => (l.startsWith(pad) ? l.slice(width) : l.trimStart()));
}
