// Issue 2's acceptance check on the real content/ folder: for each of the four seed playbooks,
// pasting one of its error lines, bare or with the noise people paste around it, finds it first.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContentIndex } from "@/lib/playbooks/content-index";
import { buildSearchIndex, type SearchIndex } from "./search-index";
import type { Playbook } from "@/lib/playbooks/types";
import type { PlaybookHead, PlaybookMatchPart } from "./types";

const CONTENT = path.resolve(import.meta.dirname, "..", "..", "content");

const SEED_ERRORS: Array<{ slug: string; line: string; step: string; noisy: string }> = [
  {
    slug: "ray-actor-pending-creation-podman",
    line: "manifest unknown: manifest unknown",
    step: "image-pullable",
    noisy:
      "Error: initializing source docker://ghcr.io/acme/claude-hitl-worker@sha256:4f1d0c5e9b7a: " +
      "reading manifest sha256:4f1d0c5e9b7a in ghcr.io/acme/claude-hitl-worker: manifest unknown: manifest unknown",
  },
  {
    slug: "ray-actor-pending-creation-podman",
    line: "potentially insufficient UIDs or GIDs available in user namespace",
    step: "subids-configured",
    noisy:
      "2025-01-14 10:22:31,123\tERROR worker.py:201 -- Error: writing blob: " +
      'adding layer with blob "sha256:9f86d081884c": ' +
      "processing tar file(potentially insufficient UIDs or GIDs available in user namespace " +
      "(requested 0:42 for /etc/gshadow): Check /etc/subuid and /etc/subgid: " +
      "lchown /etc/gshadow: invalid argument): exit status 1",
  },
  {
    slug: "ray-cluster-orbstack-vm",
    line: "ConnectionError: ray://localhost:10001 connection refused",
    step: "ray-running",
    noisy:
      "2025-01-14 10:22:31,123\tERROR client_builder.py:88 -- " +
      "ConnectionError: ray://localhost:10001 connection refused",
  },
  {
    slug: "arc-job-containers-nixery",
    line: "env: '/__e/node20/bin/node': No such file or directory",
    step: "node-binary-present",
    noisy:
      "2025-12-24T10:11:12.3456789Z env: '/__e/node20/bin/node': No such file or directory\n" +
      "##[error]Process completed with exit code 127.",
  },
  {
    slug: "claude-code-podman-limits",
    line: "libnode.so.115 not found",
    step: "container-sees-host",
    noisy:
      "Error: libnode.so.115 not found " +
      "(podman run --rm --userns=keep-id --memory=4g --cpus=2 docker.io/library/debian:bookworm-slim claude)",
  },
];

let index: SearchIndex<PlaybookHead, PlaybookMatchPart>;
let playbooks: Playbook[];

beforeAll(async () => {
  const content = await buildContentIndex(CONTENT);
  playbooks = [...content.playbooks.values()];
  index = buildSearchIndex(playbooks);
});

it("ties every seed symptom to the step that diagnoses it", () => {
  expect(playbooks).toHaveLength(4);
  for (const p of playbooks) {
    expect(
      p.symptoms.filter((s) => !p.symptomSteps[s]),
      p.slug,
    ).toEqual([]);
  }
});

it("lands every seed symptom, searched as written, on the step it names", () => {
  const missed = playbooks.flatMap((p) =>
    p.symptoms
      .map((symptom) => ({ symptom, want: `/playbooks/${p.slug}#step-${p.symptomSteps[symptom]}` }))
      .filter(({ symptom, want }) => index.search(symptom)[0]?.match.href !== want),
  );
  expect(missed).toEqual([]);
});

describe("pasting a seed's error line finds its playbook first", () => {
  for (const { slug, line, step, noisy } of SEED_ERRORS) {
    it(`${slug}: ${line}`, () => {
      const [top] = index.search(line);
      expect(top?.slug).toBe(slug);
      expect(top?.match.part).toBe("symptom");
      // It lands on the step that diagnoses it, and says which.
      expect(top?.match.href).toBe(`/playbooks/${slug}#step-${step}`);
      expect(top?.match.label).toMatch(/^Symptom → step "/);
    });

    it(`${slug}: ${line} (with noise around it)`, () => {
      expect(index.search(noisy)[0]?.slug).toBe(slug);
    });
  }
});

describe("error text that is not a listed symptom line still finds its playbook", () => {
  it.each([
    [
      "claude-code-podman-limits",
      "claude: error while loading shared libraries: libnode.so.115: " +
        "cannot open shared object file: No such file or directory",
    ],
    ["ray-cluster-orbstack-vm", "Address already in use"],
    ["arc-job-containers-nixery", "nixery glibc interpreter /lib64/ld-linux-x86-64.so.2"],
  ])("%s: %s", (slug, query) => {
    expect(index.search(query)[0]?.slug).toBe(slug);
  });
});
