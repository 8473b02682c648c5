import { describe, expect, it } from "vitest";
import { commandSha256, readManifestPayload } from "@/agent/src/manifest";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import { buildContentManifest, serializeContentManifest } from "./content-manifest";

const at = new Date("2025-06-01T12:00:00Z");
const podman = testPlaybook(
  "podman",
  [
    testStep("look", "podman ps"),
    testStep("fix", 'podman system migrate\necho "done é"\n', { risk: "change", lang: "sh" }),
  ],
  {
    tags: ["podman", "containers"],
    contentHash: "aaaaaaaaaaaa",
    inputs: [{ name: "IMAGE", label: "Image", required: true, secret: false }],
  },
);
const kind = testPlaybook("kind", [testStep("clusters", "kind get clusters", { risk: "read" })]);

describe("buildContentManifest", () => {
  it("lists every step with the SHA-256 of its command, its shell, its risk and the playbook's tags and inputs", () => {
    const manifest = buildContentManifest([podman, kind], at);
    expect(manifest).toEqual({
      format: 1,
      generatedAt: "2025-06-01T12:00:00.000Z",
      playbooks: [
        {
          slug: "kind",
          contentHash: "0123456789ab",
          tags: ["test"],
          inputs: [],
          steps: [{ id: "clusters", commandSha256: commandSha256("kind get clusters"), shell: "bash", risk: "read" }],
        },
        {
          slug: "podman",
          contentHash: "aaaaaaaaaaaa",
          tags: ["containers", "podman"],
          inputs: ["IMAGE"],
          steps: [
            {
              id: "fix",
              commandSha256: commandSha256('podman system migrate\necho "done é"\n'),
              shell: "sh",
              risk: "change",
            },
            { id: "look", commandSha256: commandSha256("podman ps"), shell: "bash", risk: "read" },
          ],
        },
      ],
    });
  });

  it("writes the same bytes whatever order the index holds the playbooks in, and the agent reads them back", () => {
    const a = serializeContentManifest(buildContentManifest([podman, kind], at));
    const b = serializeContentManifest(
      buildContentManifest([kind, { ...podman, steps: [...podman.steps].reverse() }], at),
    );
    expect(a).toBe(b);
    const read = readManifestPayload(a);
    expect(read.ok && read.manifest).toEqual(buildContentManifest([podman, kind], at));
  });

  it("lets a step get what an earlier step captures, as it gets an input", () => {
    const capture = { patterns: [String.raw`(?<VERSION>\d+)`], lastLine: "OUT", secret: [] };
    const captures = testPlaybook("captures", [testStep("look", "podman -v", { capture })], {
      inputs: podman.inputs,
    });
    expect(buildContentManifest([captures], at).playbooks[0]?.inputs).toEqual(["IMAGE", "OUT", "VERSION"]);
  });
});
