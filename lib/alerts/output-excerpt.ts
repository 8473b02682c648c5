// The end of a step's recorded output (already masked when it was stored), for a timeline entry:
// where the error usually is, without the terminal's colour codes.
import "server-only";
import { stripAnsi } from "@/lib/runs/ansi";
import { readOutput } from "@/lib/runs/read-output";

export const EXCERPT_CHARS = 1200;

export async function outputExcerpt(stepRunId: string, max = EXCERPT_CHARS): Promise<string> {
  // Keep only a tail window while reading, so a large output is never held whole.
  let tail = Buffer.alloc(0);
  for await (const chunk of readOutput(stepRunId)) {
    tail = Buffer.concat([tail, chunk.data]);
    if (tail.length > max * 4) tail = tail.subarray(tail.length - max * 4);
  }
  const text = stripAnsi(tail.toString("utf8")).replace(/\r\n?/g, "\n").trim();
  return text.length > max ? "…" + text.slice(text.length - max) : text;
}
