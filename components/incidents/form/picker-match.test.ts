import { describe, expect, it } from "vitest";
import { matchOptions, type PickerOption } from "./picker-match";

const OPTIONS: PickerOption[] = [
  { value: "ray-cluster-orbstack-vm", label: "Ray cluster in an OrbStack VM for macOS development" },
  { value: "ray-actor-pending-creation-podman", label: "Ray actor stuck in PENDING_CREATION under Podman" },
  { value: "claude-code-podman-limits", label: "Claude Code in a Podman container with memory and CPU limits" },
  { value: "r1", label: "Run of Ray actor on vm-ray-1, 1 Dec 2026", keywords: "2026-12-01" },
];
const values = (found: PickerOption[]) => found.map((o) => o.value);

describe("picker matching", () => {
  it("offers everything not chosen for an empty query", () => {
    expect(values(matchOptions(OPTIONS, "", ["r1"]))).toEqual(OPTIONS.slice(0, 3).map((o) => o.value));
  });

  it("needs every word, in any order, case-insensitively, in the label, slug or keywords", () => {
    expect(values(matchOptions(OPTIONS, "orbstack RAY"))).toEqual(["ray-cluster-orbstack-vm"]);
    expect(values(matchOptions(OPTIONS, "podman-limits"))).toEqual(["claude-code-podman-limits"]);
    expect(values(matchOptions(OPTIONS, "vm-ray-1 2026-12-01"))).toEqual(["r1"]);
    expect(values(matchOptions(OPTIONS, "nixery"))).toEqual([]);
  });

  it("puts labels that start with the query first and leaves out chosen ones", () => {
    expect(values(matchOptions(OPTIONS, "claude"))).toEqual(["claude-code-podman-limits"]);
    expect(values(matchOptions(OPTIONS, "podman"))).toEqual([
      "ray-actor-pending-creation-podman",
      "claude-code-podman-limits",
    ]);
    expect(values(matchOptions(OPTIONS, "ray", ["ray-cluster-orbstack-vm"]))).toEqual([
      "ray-actor-pending-creation-podman",
      "r1",
    ]);
  });
});
