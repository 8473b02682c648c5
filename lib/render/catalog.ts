// Orderings of the playbook catalogue that the home, tag and list pages share.
import type { Playbook } from "@/lib/playbooks/types";

type Listed = Pick<Playbook, "slug" | "title" | "tags" | "updatedAt">;

export function byTitle<P extends Listed>(playbooks: Iterable<P>): P[] {
  return [...playbooks].sort((a, b) => a.title.localeCompare(b.title, "en"));
}

/** Newest first; ties by title so the order is stable. */
export function recentlyUpdated<P extends Listed>(playbooks: Iterable<P>, limit: number): P[] {
  return [...playbooks]
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || a.title.localeCompare(b.title, "en"))
    .slice(0, limit);
}

export interface TagGroup<P> {
  tag: string;
  playbooks: P[];
}

/** Every tag with its playbooks (by title); biggest tags first, then alphabetical. */
export function groupByTag<P extends Listed>(playbooks: Iterable<P>): TagGroup<P>[] {
  const groups = new Map<string, P[]>();
  for (const playbook of byTitle(playbooks)) {
    for (const tag of new Set(playbook.tags)) {
      const list = groups.get(tag) ?? [];
      list.push(playbook);
      groups.set(tag, list);
    }
  }
  return [...groups]
    .map(([tag, list]) => ({ tag, playbooks: list }))
    .sort((a, b) => b.playbooks.length - a.playbooks.length || a.tag.localeCompare(b.tag, "en"));
}
