// Report notes for dialect rewrites. A block-level rewrite (a callout, a code block, frontmatter)
// gets a note of its own, since a reviewer wants to find each one; small inline rewrites (a role,
// a tooltip shortcode, a dropped badge) are counted under their first line, so a page full of
// tooltips yields one note rather than forty.
import type { ReportNote } from "../import-report";

export class NoteLog {
  private readonly notes: ReportNote[] = [];
  private readonly counted = new Map<string, { line: number; count: number }>();

  constructor(private readonly into: ReportNote[] = []) {}

  /** One note for one rewrite at `line` (1-based, in the source file). */
  add(line: number, message: string): void {
    this.notes.push({ line, message });
  }

  /** A rewrite that may happen many times: one note per `message`, with the count. */
  count(line: number, message: string): void {
    const seen = this.counted.get(message);
    if (seen) seen.count++;
    else this.counted.set(message, { line, count: 1 });
  }

  /** Adds the notes to the array given to the constructor, keeps it in line order, and returns it. */
  flush(): ReportNote[] {
    const counted = [...this.counted].map(([message, { line, count }]) => ({
      line,
      message: count > 1 ? `${message} (${count} times; the first is here)` : message,
    }));
    this.into.push(...this.notes, ...counted);
    this.into.sort((a, b) => a.line - b.line);
    this.notes.length = 0;
    this.counted.clear();
    return this.into;
  }
}
