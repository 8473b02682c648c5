// The content manifest (`npm run content:manifest`): every step of the published playbooks with the
// SHA-256 of the command the hub would send for it, so an agent can refuse anything else. The
// format and its checks live in the agent package (agent/src/manifest.ts); this fills it in.
import { canonicalJson, commandSha256, MANIFEST_FORMAT, type ContentManifest } from "@/agent/src/manifest";
import { captureNames } from "./step-captures";
import { agentStepCommand } from "./step-wire";
import type { Playbook } from "./types";

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Sorted throughout (playbooks by slug, steps by id, tags and inputs by name): one content, one manifest. */
export function buildContentManifest(playbooks: Iterable<Playbook>, generatedAt: Date): ContentManifest {
  return {
    format: MANIFEST_FORMAT,
    generatedAt: generatedAt.toISOString(),
    playbooks: [...playbooks].sort(byKey((p) => p.slug)).map((playbook) => ({
      slug: playbook.slug,
      contentHash: playbook.contentHash,
      tags: [...playbook.tags].sort(),
      // The variables a step may get: the inputs, and what earlier steps capture.
      inputs: [
        ...new Set([...playbook.inputs.map((i) => i.name), ...playbook.steps.flatMap((s) => captureNames(s.capture))]),
      ].sort(),
      steps: [...playbook.steps].sort(byKey((s) => s.id)).map((step) => {
        const { command, shell } = agentStepCommand(step);
        return { id: step.id, commandSha256: commandSha256(command), shell, risk: step.risk };
      }),
    })),
  };
}

/** The manifest file's text: canonical JSON, so its bytes (and their signature) are reproducible. */
export function serializeContentManifest(manifest: ContentManifest): string {
  return canonicalJson(manifest);
}
