// The draft against the version it replaces, as hunks of numbered lines for the review page.
// jsdiff (the `diff` package) computes it: Myers' line diff, as git shows it (docs/decisions.md).
import { structuredPatch } from "diff";

export interface DiffLine {
  kind: "same" | "added" | "removed";
  text: string;
  /** The line's number in the published file (same, removed) or in the draft (same, added). */
  oldLine?: number;
  newLine?: number;
}

export interface DiffHunk {
  oldStart: number;
  newStart: number;
  lines: DiffLine[];
}

export interface DraftDiff {
  hunks: DiffHunk[];
  added: number;
  removed: number;
}

const KINDS = { " ": "same", "+": "added", "-": "removed" } as const;

export function draftDiff(published: string, draft: string, context = 3): DraftDiff {
  const patch = structuredPatch("published", "draft", published, draft, undefined, undefined, { context });
  let added = 0;
  let removed = 0;
  const hunks = patch.hunks.map((hunk): DiffHunk => {
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    const lines: DiffLine[] = [];
    for (const raw of hunk.lines) {
      const kind = KINDS[raw[0] as keyof typeof KINDS];
      // "\ No newline at end of file" qualifies the line before it; it is not a line of either file.
      if (!kind) continue;
      const text = raw.slice(1);
      if (kind === "same") {
        lines.push({ kind, text, oldLine: oldLine++, newLine: newLine++ });
      } else if (kind === "removed") {
        lines.push({ kind, text, oldLine: oldLine++ });
        removed += 1;
      } else {
        lines.push({ kind, text, newLine: newLine++ });
        added += 1;
      }
    }
    return { oldStart: hunk.oldStart, newStart: hunk.newStart, lines };
  });
  return { hunks, added, removed };
}
