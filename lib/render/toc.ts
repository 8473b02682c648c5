// The table of contents of a playbook page: its headings and its steps, in document order.
import type { Playbook, Risk } from "@/lib/playbooks/types";

export type TocEntry =
  | { kind: "section"; id: string; title: string; level: number }
  | { kind: "step"; id: string; anchor: string; title: string; level: number; risk: Risk; number: number };

/** Headings and steps merged by line. `level` is 0 for the shallowest heading; a step sits one
 *  level below the heading it follows. */
export function buildToc(playbook: Pick<Playbook, "sections" | "steps">): TocEntry[] {
  const minDepth = Math.min(...playbook.sections.map((s) => s.depth), 6);
  const items = [
    ...playbook.sections.map((s) => ({
      line: s.line,
      entry: { kind: "section", id: s.id, title: s.title, level: s.depth - minDepth } as TocEntry,
    })),
    ...playbook.steps.map((s, i) => ({
      line: s.line,
      entry: {
        kind: "step",
        id: s.id,
        anchor: `step-${s.id}`,
        title: s.title,
        level: 0,
        risk: s.risk,
        number: i + 1,
      } as TocEntry,
    })),
  ].sort((a, b) => a.line - b.line);

  let level = 0;
  return items.map(({ entry }) => {
    if (entry.kind === "section") {
      level = entry.level + 1;
      return entry;
    }
    return { ...entry, level };
  });
}
