import { describe, expect, it } from "vitest";
import { fixSummary } from "@/lib/incidents/search-source";
import { relevantCauses } from "./relevant-causes";

const causes = [
  {
    title: "Podman Not Installed in VM",
    symptom: "`FileNotFoundError: [Errno 2] No such file or directory: 'podman'`",
    fix: "orb -m ray-cluster bash -c ...",
  },
  {
    title: "Wrong Container Image Digest Type",
    symptom: "`manifest unknown: manifest unknown` when pulling image by digest",
    fix: "Use the manifest digest",
  },
];

describe("what fixed it", () => {
  it("keeps the causes whose symptom shares the pasted error's words", () => {
    expect(relevantCauses("Error: manifest unknown: manifest unknown", causes).map((c) => c.title)).toEqual([
      "Wrong Container Image Digest Type",
    ]);
    expect(relevantCauses("something else entirely", causes)).toHaveLength(2);
  });

  it("summarises a fix by its first sentence, skipping label lines, else its first command", () => {
    expect(fixSummary("**New Code (CORRECT)**:\n```bash\nIMAGE_DIGEST=$(podman inspect x)\n```")).toBe(
      "IMAGE_DIGEST=$(podman inspect x)",
    );
    expect(fixSummary("```bash\n# install\nsudo apt-get install -y podman\n```")).toBe(
      "sudo apt-get install -y podman",
    );
    expect(fixSummary("Added `gnutar` to the image.\n\nMore.")).toBe("Added gnutar to the image.");
  });
});

describe("describePath", () => {
  it("names fields as the form labels them", async () => {
    const { describePath } = await import("./describe-path");
    expect(describePath("rootCauses.0.title")).toBe("Root cause 1 · title");
    expect(describePath("learnings.2.stepId")).toBe("Learning 3 · step");
    expect(describePath("symptoms.3")).toBe("Symptom 4");
    expect(describePath("detectedAt")).toBe("Detected");
    expect(describePath("tags.1")).toBe("Tags");
  });

  it("names a whole list by its label, not a made-up plural", async () => {
    const { describePath } = await import("./describe-path");
    expect(describePath("timeline")).toBe("Timeline");
    expect(describePath("rootCauses")).toBe("Root causes");
  });
});
