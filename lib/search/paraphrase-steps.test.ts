// Issue 12: a reader who types the error from memory (paraphrased, misspelled, abbreviated) still
// lands on the step that diagnoses it in the real seed playbooks, not only on the right playbook.
// Each query is written from a seed's symptom lines; the step is the one a reader should start at.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContentIndex } from "@/lib/playbooks/content-index";
import { buildSearchIndex, type SearchIndex } from "./search-index";
import type { PlaybookHead, PlaybookMatchPart } from "./types";

const CONTENT = path.resolve(import.meta.dirname, "..", "..", "content");

const RAY_PODMAN = "ray-actor-pending-creation-podman";
const RAY_VM = "ray-cluster-orbstack-vm";
const ARC = "arc-job-containers-nixery";
const CLAUDE = "claude-code-podman-limits";

const CASES: Array<[query: string, slug: string, step: string]> = [
  ["podman not installed", RAY_PODMAN, "podman-installed"],
  ["podman missing", RAY_PODMAN, "podman-installed"],
  ["no such file podman", RAY_PODMAN, "podman-installed"],
  ["insufficent uids gids user namespace", RAY_PODMAN, "subids-configured"],
  ["manifest unknwon when pulling", RAY_PODMAN, "image-pullable"],
  ["perm denied opening .claude.json", RAY_PODMAN, "app-writable"],
  ["ports_by_node lock permision denied", RAY_PODMAN, "tmp-ray-permissions"],
  ["ray client cant connect 10001", RAY_VM, "ray-client-reachable"],
  ["adress already in use", RAY_VM, "client-port-free"],
  ["image_uri claude-hitl-worker not found", RAY_VM, "image-built"],
  ["anthropic api key not set", RAY_VM, "api-key-set"],
  ["actors still run old code", RAY_VM, "code-in-sync"],
  ["find comand not found", ARC, "workflow-images-have-hook-tools"],
  ["failed to create job pod 409", ARC, "workflow-pods"],
  ["duplicate value externals volume", ARC, "hook-extension-volumes"],
  ["custom container implemention failed", ARC, "runner-logs"],
  ["env node20 no such file", ARC, "node-binary-present"],
  ["exec node no such file nixery", ARC, "node-runs-in-nixery"],
  ["libnode so 115 missing", CLAUDE, "container-sees-host"],
  ["ssl certifcate errors", CLAUDE, "container-sees-host"],
  ["permision denied writing ~/.claude", CLAUDE, "user-and-home"],
  ["cannot run with root privilages", CLAUDE, "user-and-home"],
  ["claude hangs without output", CLAUDE, "trace-written"],
];

let index: SearchIndex<PlaybookHead, PlaybookMatchPart>;

beforeAll(async () => {
  const content = await buildContentIndex(CONTENT);
  index = buildSearchIndex([...content.playbooks.values()]);
});

describe("a paraphrased or misspelled error lands on its step", () => {
  it.each(CASES)("%s → %s#step-%s", (query, slug, step) => {
    const [top] = index.search(query);
    expect(top?.slug).toBe(slug);
    expect(top?.match.href).toBe(`/playbooks/${slug}#step-${step}`);
  });
});
