import { describe, expect, it } from "vitest";
import { linkLabel, runIdOf, type LinkNames } from "./link-label";

const names: LinkNames = {
  playbook: (slug) => (slug === "ray-podman" ? "Ray actor stuck under Podman" : slug),
  step: (slug, stepId) => (slug === "ray-podman" && stepId === "podman-installed" ? "Is podman installed?" : stepId),
  run: (id) =>
    id === "run123456789"
      ? { playbookSlug: "ray-podman", hostName: "vm-ray-1", createdAt: "2025-11-05T10:00:00Z" }
      : undefined,
};

describe("timeline link labels", () => {
  it("names a run by its playbook, host and time, also when the link points at one of its step runs", () => {
    const label = "Run of Ray actor stuck under Podman on vm-ray-1, 5 Nov 2025, 10:00:00 UTC";
    expect(linkLabel("/runs/run123456789", names)).toBe(label);
    expect(linkLabel("/runs/run123456789#step-run-abc", names)).toBe(label);
    expect(linkLabel("/runs/run123456789?x=1", names)).toBe(label);
  });

  it("names a run it does not know by its short id", () => {
    expect(linkLabel("/runs/cmgone0000000000", names)).toBe("Run cmgone0000");
  });

  it("names a playbook by its title, and a step of it by the step's title", () => {
    expect(linkLabel("/playbooks/ray-podman", names)).toBe("Ray actor stuck under Podman");
    expect(linkLabel("/playbooks/ray-podman#step-podman-installed", names)).toBe(
      "Ray actor stuck under Podman, step “Is podman installed?”",
    );
    expect(linkLabel("/playbooks/renamed-one", names)).toBe("renamed-one");
  });

  it("names a web page by its host", () => {
    expect(linkLabel("https://www.github.com/ray-project/ray/issues/1", names)).toBe("github.com");
    expect(linkLabel("http://docs.podman.io:8080/en/latest", names)).toBe("docs.podman.io");
  });

  it("shows any other site path as it is", () => {
    expect(linkLabel("/incidents?tag=ray", names)).toBe("/incidents?tag=ray");
  });

  it("finds the run a link points to", () => {
    expect(runIdOf("/runs/abc#step-run-x")).toBe("abc");
    expect(runIdOf("/runs")).toBeUndefined();
    expect(runIdOf("/playbooks/x")).toBeUndefined();
  });
});
