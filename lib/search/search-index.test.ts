import { describe, expect, it } from "vitest";
import { makePlaybook } from "@/testing/make-playbook";
import { buildSearchIndex, createSearchIndex } from "./search-index";
import { playbookDocument } from "./playbook-documents";
import type { SearchDoc, SearchMatch } from "./types";

const podman = makePlaybook({
  slug: "podman-actors",
  title: "Ray actor stuck in PENDING_CREATION under Podman",
  summary: "Containerised Ray actors never start; find which cause it is.",
  tags: ["ray", "podman"],
  symptoms: [
    "FileNotFoundError: [Errno 2] No such file or directory: 'podman'",
    "Error: potentially insufficient UIDs or GIDs available in user namespace",
    "manifest unknown: manifest unknown",
  ],
  sections: [
    {
      id: "digests",
      title: "Content digest or manifest digest",
      text:
        "Pulling by the content digest (.Digest) fails; " +
        "the registry only knows the manifest digest (.RepoDigests[0]).",
    },
  ],
  steps: [
    {
      id: "podman-installed",
      title: "Is podman on the PATH?",
      code: "command -v podman && podman --version",
      text: "Ray calls podman by name.",
    },
    {
      id: "subuid",
      title: "Subordinate ID ranges",
      code: 'grep "^$USER:" /etc/subuid /etc/subgid',
      text: "Rootless podman maps user namespaces through these ranges.",
    },
  ],
});

const nixery = makePlaybook({
  slug: "arc-nixery",
  title: "ARC job containers fail on Nixery images",
  summary: "The runner's node needs a glibc loader that Nixery images lack.",
  tags: ["github-actions", "nixery"],
  symptoms: ["env: '/__e/node20/bin/node': No such file or directory"],
  steps: [
    {
      id: "interpreter",
      title: "Which loader does node want?",
      code: "file /__e/node20/bin/node",
      text: "The ELF interpreter is /lib64/ld-linux-x86-64.so.2.",
    },
  ],
});

// A decoy that talks about manifests and digests at length but does not list the error.
const registry = makePlaybook({
  slug: "registry-notes",
  title: "Registry manifest unknown errors and digests",
  summary: "Notes on manifests: manifest unknown, manifest lists, digests.",
  tags: ["registry"],
  sections: [
    {
      id: "manifests",
      title: "Manifest unknown",
      text: "manifest unknown manifest unknown manifest unknown: the manifest is unknown to the registry. ".repeat(5),
    },
  ],
  steps: [{ id: "inspect", title: "Inspect the manifest", code: "skopeo inspect docker://IMAGE | jq .Digest" }],
});

const index = buildSearchIndex([registry, nixery, podman]);
const slugs = (q: string, opts?: { limit?: number; tag?: string }) => index.search(q, opts).map((r) => r.slug);
const highlighted = (m: SearchMatch) => m.highlights.map(([s, e]) => m.snippet.slice(s, e));

describe("exact error lines", () => {
  it("rank the playbook that lists the error first, above one that merely talks about it", () => {
    expect(slugs("manifest unknown: manifest unknown")[0]).toBe("podman-actors");
    const [top] = index.search("manifest unknown: manifest unknown");
    expect(top!.match).toMatchObject({ part: "symptom", label: "Symptom", href: "/playbooks/podman-actors#symptoms" });
    expect(highlighted(top!.match)).toEqual(["manifest unknown: manifest unknown"]);
  });

  it("survive the noise people paste around them", () => {
    const paste = [
      "2025-01-14T10:22:31.123Z ERROR [raylet] worker_pool.cc:512:",
      "Error: potentially insufficient UIDs or GIDs available in user namespace (requested 0:42 for /etc/shadow):",
      "Check /etc/subuid and /etc/subgid: lchown /etc/shadow: invalid argument sha256:9f86d081884c7d659a2feaa0c55ad015",
    ].join("\n");
    expect(slugs(paste)[0]).toBe("podman-actors");
    expect(slugs(`Error: env: '/__e/node20/bin/node': No such file or directory\nError: exit code 127`)[0]).toBe(
      "arc-nixery",
    );
  });

  it("deep-link a symptom tied to its step to that step, naming it", () => {
    const tied = { ...podman, symptomSteps: { "manifest unknown: manifest unknown": "podman-installed" } };
    const index = buildSearchIndex([tied]);
    const [top] = index.search("Error: manifest unknown: manifest unknown");
    expect(top!.match).toMatchObject({
      part: "symptom",
      label: 'Symptom → step "Is podman on the PATH?"',
      href: "/playbooks/podman-actors#step-podman-installed",
    });
  });

  it("prefer the longer, more specific symptom when a paste contains two", () => {
    const generic = makePlaybook({ slug: "generic", title: "Missing files", symptoms: ["No such file or directory"] });
    const both = buildSearchIndex([generic, nixery]);
    expect(both.search("env: '/__e/node20/bin/node': No such file or directory").map((r) => r.slug)).toEqual([
      "arc-nixery",
      "generic",
    ]);
  });

  it("match a pasted piece of a symptom line", () => {
    const [top] = index.search("insufficient UIDs or GIDs");
    expect(top!.slug).toBe("podman-actors");
    expect(highlighted(top!.match)).toEqual(["insufficient UIDs or GIDs"]);
  });
});

describe("terms", () => {
  it("find paths in step code and deep-link the step", () => {
    const [top] = index.search("/__e/node20/bin/node");
    expect(top!.slug).toBe("arc-nixery");
    const steps = index.search("ld-linux-x86-64.so.2");
    expect(steps[0]!.match).toMatchObject({
      part: "step",
      label: 'Step "Which loader does node want?"',
      href: "/playbooks/arc-nixery#step-interpreter",
    });
    // The index holds "/lib64/ld-linux-x86-64.so.2" whole; the query's pieces matched and join up.
    expect(highlighted(steps[0]!.match)).toEqual(["ld-linux-x86-64.so.2"]);
  });

  it("deep-link the section that matched, with its title as the label", () => {
    const [top] = index.search("RepoDigests");
    expect(top!.slug).toBe("podman-actors");
    expect(top!.match).toMatchObject({
      part: "section",
      label: "Content digest or manifest digest",
      href: "/playbooks/podman-actors#digests",
    });
    expect(highlighted(top!.match)).toEqual(["RepoDigests"]);
  });

  it("show the step's code when the code matched", () => {
    const [top] = index.search("subgid");
    expect(top!.match.href).toBe("/playbooks/podman-actors#step-subuid");
    expect(top!.match.snippet).toBe('grep "^$USER:" /etc/subuid /etc/subgid');
    expect(highlighted(top!.match)).toEqual(["subgid"]);
  });

  it("match the title and show the summary", () => {
    const [top] = index.search("nixery");
    expect(top!.slug).toBe("arc-nixery");
    expect(top!.match).toMatchObject({ part: "title", href: "/playbooks/arc-nixery", snippet: nixery.summary });
  });

  it("tolerate a typo and complete a prefix in a typed query", () => {
    expect(slugs("podmn")[0]).toBe("podman-actors");
    const [top] = index.search("subordinat");
    expect(top!.match).toMatchObject({ part: "step", label: 'Step "Subordinate ID ranges"' });
  });

  it("rank the playbook about the words above one that mentions them in passing", () => {
    expect(slugs("registry manifest")[0]).toBe("registry-notes");
  });

  it("return nothing for nothing", () => {
    expect(index.search("")).toEqual([]);
    expect(index.search("   the of and  ")).toEqual([]);
    expect(index.search("zzqxv")).toEqual([]);
  });
});

describe("options", () => {
  it("filter by tag, case-insensitively, and limit", () => {
    expect(slugs("node", { tag: "NIXERY" })).toEqual(["arc-nixery"]);
    expect(slugs("manifest", { tag: "podman" })).toEqual(["podman-actors"]);
    expect(slugs("manifest unknown: manifest unknown", { tag: "github-actions" })).toEqual([]);
    expect(slugs("manifest", { limit: 1 })).toHaveLength(1);
    expect(slugs("manifest")).toHaveLength(2);
  });

  it("stay fast and sane on a pasted 4,000-character log", () => {
    const log = Array.from(
      { length: 80 },
      (_, i) => `2025-01-14T10:22:${i}Z pid=${1000 + i} sha256:${(i * 7919).toString(16).padStart(12, "0")} retrying`,
    ).join("\n");
    const paste = `${log.slice(0, 3000)}\nmanifest unknown: manifest unknown\n${log.slice(0, 900)}`;
    expect(paste.length).toBeGreaterThan(3900);
    expect(slugs(paste)[0]).toBe("podman-actors");
  });
});

describe("other kinds of documents", () => {
  interface IncidentHead {
    kind: "incident";
    id: string;
    title: string;
  }
  const incident: SearchDoc<IncidentHead> = {
    key: "incident:7",
    title: "Actors stuck after image rebuild",
    head: { kind: "incident", id: "7", title: "Actors stuck after image rebuild" },
    tags: ["ray"],
    parts: [
      {
        part: "symptom",
        label: "Symptom",
        href: "/incidents/7#symptoms",
        symptom: "manifest unknown: manifest unknown",
      },
      {
        part: "learning",
        label: "Learning",
        href: "/incidents/7#learnings",
        text: "Always pin the manifest digest from .RepoDigests, never .Digest.",
      },
    ],
  };
  const mixed = createSearchIndex<{ kind: string }, string>([...[podman, nixery].map(playbookDocument), incident]);

  it("show incidents beside playbooks, each with its own deep link", () => {
    const results = mixed.search("manifest unknown: manifest unknown");
    expect(results.map((r) => r.kind).sort()).toEqual(["incident", "playbook"]);
    expect(results.find((r) => r.kind === "incident")!.match.href).toBe("/incidents/7#symptoms");
    expect(mixed.search("pin the manifest digest")[0]!.match).toMatchObject({
      part: "learning",
      href: "/incidents/7#learnings",
    });
  });

  it("restrict to some kinds", () => {
    expect(mixed.search("manifest unknown: manifest unknown", { kinds: ["playbook"] }).map((r) => r.kind)).toEqual([
      "playbook",
    ]);
  });
});
