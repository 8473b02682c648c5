import { describe, expect, it } from "vitest";
import { placeIncidents, relevantIncidents } from "./search-placement";
import type { IncidentSearchResult } from "./search-source";

function incident(id: string, score: number, playbooks: string[]): IncidentSearchResult {
  return {
    kind: "incident",
    id,
    title: `Incident ${id}`,
    severity: "sev2",
    status: "resolved",
    date: "2026-01-01T00:00:00.000Z",
    causes: [],
    playbooks,
    score,
    match: { part: "symptom", label: "Symptom", href: `/incidents/${id}#symptoms`, snippet: "", highlights: [] },
  };
}

const playbooks = [{ slug: "ray-podman" }, { slug: "claude-podman" }, { slug: "arc-nixery" }];

describe("placeIncidents", () => {
  it("puts an incident with the listed playbook it concerns", () => {
    const { beside, alone } = placeIncidents(playbooks, [incident("1", 9, ["claude-podman"])]);
    expect([...beside.keys()]).toEqual(["claude-podman"]);
    expect(beside.get("claude-podman")!.map((i) => i.id)).toEqual(["1"]);
    expect(alone).toEqual([]);
  });

  it("puts an incident linked to several listed playbooks with the best-ranked one, once", () => {
    const { beside } = placeIncidents(playbooks, [incident("1", 9, ["arc-nixery", "claude-podman"])]);
    expect([...beside.entries()].map(([slug, list]) => [slug, list.map((i) => i.id)])).toEqual([
      ["claude-podman", ["1"]],
    ]);
  });

  it("keeps incidents with no listed playbook in their own group, in order", () => {
    const { beside, alone } = placeIncidents(playbooks, [
      incident("1", 9, []),
      incident("2", 8, ["ray-podman"]),
      incident("3", 7, ["not-in-the-results"]),
    ]);
    expect(alone.map((i) => i.id)).toEqual(["1", "3"]);
    expect(beside.get("ray-podman")!.map((i) => i.id)).toEqual(["2"]);
  });
});

describe("relevantIncidents", () => {
  it("drops incidents far below the best one and keeps at most the limit", () => {
    const hits = [incident("1", 10, []), incident("2", 5, []), incident("3", 2, []), incident("4", 4, [])];
    expect(relevantIncidents(hits, 5).map((i) => i.id)).toEqual(["1", "2", "4"]);
    expect(relevantIncidents(hits, 1).map((i) => i.id)).toEqual(["1"]);
  });
});
