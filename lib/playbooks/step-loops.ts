// Loops in a playbook's decision tree that a run can never leave: a set of steps whose onPass and
// onFail edges (named, or document order) all lead back into the set. The content check warns
// about them; a run stops going round anyway (lib/runs/diagnosis-walk.ts never repeats a step).
import { nextStepAfter } from "./next-step";
import type { ContentError, Playbook } from "./types";

type Steps = Pick<Playbook, "steps">;

/** Each loop with no exit, as its step ids in document order; loops in document order too. */
export function closedLoops(playbook: Steps): string[][] {
  const order = new Map(playbook.steps.map((s, i) => [s.id, i]));
  const edges = new Map<string, (string | undefined)[]>(
    playbook.steps.map((s) => [s.id, [nextStepAfter(playbook, s, "pass").id, nextStepAfter(playbook, s, "fail").id]]),
  );
  return stronglyConnected(
    playbook.steps.map((s) => s.id),
    edges,
  )
    .filter((group) => {
      const inside = new Set(group);
      const loops = group.length > 1 || edges.get(group[0]!)!.includes(group[0]);
      // An edge to no step (the end of the playbook) or out of the group is a way out.
      return loops && group.every((id) => edges.get(id)!.every((to) => to !== undefined && inside.has(to)));
    })
    .map((group) => group.sort((a, b) => order.get(a)! - order.get(b)!))
    .sort((a, b) => order.get(a[0]!)! - order.get(b[0]!)!);
}

/** The content check's warnings for `playbook`, one per loop, at its first step's line. */
export function loopWarnings(playbook: Pick<Playbook, "steps" | "file">): ContentError[] {
  const line = new Map(playbook.steps.map((s) => [s.id, s.line]));
  return closedLoops(playbook).map((loop) => ({
    file: playbook.file,
    line: line.get(loop[0]!)!,
    message:
      `warning: ${loop.map((id) => `"${id}"`).join(", ")} form a loop with no way out: every onPass and ` +
      "onFail of them leads back into it (point one of them at a step outside the loop)",
  }));
}

/** Tarjan's algorithm: the strongly connected groups of `nodes` (edges to unknown ids are ignored). */
function stronglyConnected(nodes: string[], edges: Map<string, (string | undefined)[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (to === undefined || !edges.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let top = stack.pop()!; ; top = stack.pop()!) {
      onStack.delete(top);
      group.push(top);
      if (top === node) break;
    }
    groups.push(group);
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return groups;
}
