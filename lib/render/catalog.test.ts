import { describe, expect, it } from "vitest";
import { byTitle, groupByTag, recentlyUpdated } from "./catalog";

const p = (slug: string, title: string, tags: string[], day: number) => ({
  slug,
  title,
  tags,
  updatedAt: new Date(Date.UTC(2025, 0, day)),
});
const all = [
  p("c", "Gamma", ["podman", "ray"], 3),
  p("a", "Alpha", ["podman"], 1),
  p("b", "Beta", ["arc", "podman"], 3),
];

describe("catalog", () => {
  it("sorts by title", () => {
    expect(byTitle(all).map((x) => x.slug)).toEqual(["a", "b", "c"]);
  });

  it("lists the newest first, ties by title, up to the limit", () => {
    expect(recentlyUpdated(all, 2).map((x) => x.slug)).toEqual(["b", "c"]);
  });

  it("groups by tag, biggest first, playbooks by title", () => {
    expect(groupByTag(all).map((g) => [g.tag, g.playbooks.map((x) => x.slug)])).toEqual([
      ["podman", ["a", "b", "c"]],
      ["arc", ["b"]],
      ["ray", ["c"]],
    ]);
  });
});
