// Fenced code blocks and indentation, as the line rewrites see them: an ordinary fence (not a
// `{directive}` fence) is verbatim from its opener to its closer, and no rewrite may touch it.
// A fence may sit in a source blockquote (`> ```bash`); its code is as untouchable as any other.
const PLAIN_FENCE = /^((?:\s*>)*\s*)(`{3,}|~{3,})(.*)$/;

export interface Fence {
  char: string;
  length: number;
  /** Blockquote markers before it. */
  quotes: number;
}

const quoteDepth = (line: string) => (/^(?:\s*>)*/.exec(line)?.[0].match(/>/g) ?? []).length;

/** An ordinary fenced code block's opener (not a `{directive}` fence). */
export function plainFence(line: string): Fence | null {
  const m = PLAIN_FENCE.exec(line);
  const fence = m?.[2];
  const info = (m?.[3] ?? "").trim();
  if (!fence || info.startsWith("{") || (fence[0] === "`" && info.includes("`"))) return null;
  return { char: fence[0] as string, length: fence.length, quotes: quoteDepth(m?.[1] ?? "") };
}

export function closingFence(line: string, char: string, length: number, quotes = 0): boolean {
  const m = /^((?:\s*>)*)\s*(`{3,}|~{3,}|:{3,}|\/{3,})\s*$/.exec(line);
  return !!m?.[2] && m[2][0] === char && m[2].length >= length && quoteDepth(m[1] ?? "") === quotes;
}

/** The last line of the fenced block opened at `open`: its closing fence, the last line of the
 *  blockquote it sits in, or the last line of the file. */
export function fenceEnd(lines: readonly string[], open: number, fence: Fence): number {
  for (let j = open + 1; j < lines.length; j++) {
    const line = lines[j] ?? "";
    if (fence.quotes > 0 && quoteDepth(line) < fence.quotes) return j - 1;
    if (closingFence(line, fence.char, fence.length, fence.quotes)) return j;
  }
  return lines.length - 1;
}

export function columns(line: string): number {
  return (/^[ \t]*/.exec(line)?.[0] ?? "").replace(/\t/g, "    ").length;
}

export function stripColumns(line: string, count: number): string {
  const expanded = line.replace(/^[ \t]+/, (ws) => ws.replace(/\t/g, "    "));
  let n = 0;
  while (n < count && expanded[n] === " ") n++;
  return expanded.slice(n);
}

/** Lines inside ordinary fenced code blocks, which no rewrite may touch. */
export function fencedLines(lines: readonly string[]): boolean[] {
  const inside = lines.map(() => false);
  for (let i = 0; i < lines.length; i++) {
    const fence = plainFence(lines[i] ?? "");
    if (!fence) continue;
    const last = fenceEnd(lines, i, fence);
    for (let k = i; k <= last; k++) inside[k] = true;
    i = last;
  }
  return inside;
}
