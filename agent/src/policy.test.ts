import { describe, expect, it } from "vitest";
import { refusalReason } from "./policy";

const step = { risk: "change" as const, playbook: "ray-podman", playbookTags: ["ray", "podman"], stepId: "install" };

describe("refusalReason", () => {
  it("refuses a step above the agent's risk ceiling, naming both", () => {
    expect(refusalReason({ maxRisk: "read", allowTags: null, allowPlaybooks: null }, step)).toMatch(
      /up to risk "read".*"install" is "change"/,
    );
    expect(refusalReason({ maxRisk: "change", allowTags: null, allowPlaybooks: null }, step)).toBeNull();
    expect(
      refusalReason({ maxRisk: "change", allowTags: null, allowPlaybooks: null }, { ...step, risk: "danger" }),
    ).not.toBeNull();
  });

  it("names the server's claim when the risk came from the signed manifest", () => {
    const policy = { maxRisk: "read" as const, allowTags: null, allowPlaybooks: null };
    expect(refusalReason(policy, step, "read")).toBe(
      'this agent accepts steps up to risk "read"; step "install" is "change" ' +
        '(risk from the signed manifest; the server said "read")',
    );
  });

  it("refuses playbooks outside the allowed tags or slugs", () => {
    expect(refusalReason({ maxRisk: "danger", allowTags: ["k8s"], allowPlaybooks: null }, step)).toMatch(
      /tagged k8s.*ray, podman/,
    );
    expect(refusalReason({ maxRisk: "danger", allowTags: ["podman"], allowPlaybooks: null }, step)).toBeNull();
    expect(refusalReason({ maxRisk: "danger", allowTags: null, allowPlaybooks: ["other"] }, step)).toMatch(
      /only the playbooks other/,
    );
  });
});
