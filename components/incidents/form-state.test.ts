import { describe, expect, it } from "vitest";
import { parseIncidentInput } from "@/lib/incidents/schema";
import { formStateFrom, formStateToInput, fromInputDate, toInputDate } from "./form-state";

describe("incident form state", () => {
  it("converts UTC datetime-local values both ways and passes anything else through for the server to judge", () => {
    expect(toInputDate("2025-11-05T09:30:00.000Z")).toBe("2025-11-05T09:30");
    expect(fromInputDate("2025-11-05T09:30")).toBe("2025-11-05T09:30:00.000Z");
    expect(fromInputDate("")).toBeNull();
    expect(fromInputDate("yesterday")).toBe("yesterday");
  });

  it("round-trips a stored incident through the form unchanged", () => {
    const stored = parseIncidentInput({
      title: "Round trip",
      severity: "SEV2",
      status: "mitigated",
      startedAt: "2025-11-05T09:00:00Z",
      symptoms: ["manifest unknown: manifest unknown"],
      tags: ["ray", "podman"],
      timeline: [{ at: "2025-11-05T09:05:00Z", kind: "note", text: "paged", link: "/runs/abc" }],
      rootCauses: [{ title: "Digest", fix: "```bash\npodman push\n```" }],
      learnings: [
        {
          text: "Pin the manifest digest",
          playbookSlug: "ray-actor-pending-creation-podman",
          stepId: "image-pullable",
        },
      ],
      actionItems: [{ text: "Fix build.sh", owner: "ops", done: true }],
      playbooks: ["ray-actor-pending-creation-podman"],
    });
    expect(parseIncidentInput(formStateToInput(formStateFrom(stored)))).toEqual(stored);
  });

  it("keeps rows in place, so a reason's path names the row on screen", () => {
    const state = formStateFrom({ rootCauses: [{ title: "" }, { title: "second" }] });
    const input = formStateToInput(state);
    expect(input.rootCauses?.map((c) => c.title)).toEqual(["", "second"]);
  });
});
