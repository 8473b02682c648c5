import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportIncidentJson, importIncidentJson } from "../export-json";
import { importIncidentFile } from "../import-file";
import { IncidentInputError, parseIncidentInput, type IncidentInput } from "../schema";
import { exportIncidentMarkdown } from "./export-markdown";
import { importIncidentMarkdown } from "./import-markdown";
import { fenceMask } from "./lines";

const seed = (name: string) => readFileSync(path.join("content", "incidents", name), "utf8");

/** An incident whose text is full of things that look like the write-up's own structure. */
function trickyIncident(): IncidentInput {
  return parseIncidentInput({
    title: "Ray actors stuck in `PENDING_CREATION` # not a heading",
    severity: "SEV2",
    status: "mitigated",
    startedAt: "2025-11-05T09:15:00.000Z",
    detectedAt: "2025-11-05T09:40:00.000Z",
    resolvedAt: "2025-11-05T12:00:00.000Z",
    environment: "OrbStack VM ray-cluster (Ubuntu 24.04), podman 4.9",
    symptoms: [
      "FileNotFoundError: [Errno 2] No such file or directory: 'podman'",
      "line one\n```\nwith a fence inside\n```",
      "manifest unknown: manifest unknown",
    ],
    summary: [
      "Actors never start.",
      "",
      "## Symptoms",
      "\\## Root Causes Identified",
      "_None recorded._",
      "",
      "```bash",
      "## Timeline inside code stays as is",
      "```",
      "- `2025-01-01` **note** looks like a timeline item",
      "- [x] looks like an action item",
    ].join("\n"),
    resolution: "Installed podman.\n\n### 1. Not a numbered cause here\n\n**Solution**: not a label in prose",
    tags: ["ray", "podman"],
    timeline: [
      {
        at: "2025-11-05T09:40:00.000Z",
        kind: "note",
        text: "Noticed `PENDING_CREATION`.\n\n## Symptoms\n\n    indented code",
        link: null,
      },
      { at: "2025-11-05T10:00:00.000Z", kind: "run", text: "Ran the playbook", link: "/runs/abc123" },
      {
        at: "2025-11-05T10:05:00.000Z",
        kind: "status",
        text: "Status changed from investigating to mitigated",
        link: "https://example.com/a?b=c",
      },
    ],
    rootCauses: [
      {
        title: "Podman not installed",
        symptom: "`FileNotFoundError: [Errno 2] No such file or directory: 'podman'`",
        cause:
          "The VM image has no podman.\n\n**Solution**: this line only looks like a label\n### 2. nor is this a cause",
        evidence: "```bash\n$ command -v podman\n**Evidence**: inside code\n```",
        fix: "```bash\nsudo apt-get install -y podman\n```",
        prevention: "Document it as a prerequisite.",
      },
      { title: "Only a title", symptom: "", cause: "", evidence: "", fix: "", prevention: "" },
      {
        title: "Unclosed fence stays inside its field",
        symptom: "",
        cause: "```bash\necho hi",
        evidence: "",
        fix: "after",
        prevention: "",
      },
    ],
    learnings: [
      {
        kind: "insight",
        text: "Digest types matter\n\nUse the manifest digest.",
        playbookSlug: "ray-actor-pending-creation-podman",
        stepId: "podman-installed",
      },
      {
        kind: "insight",
        text: "A long first paragraph\nthat spans two lines\n\nand more",
        playbookSlug: "ray-actor-pending-creation-podman",
        stepId: null,
      },
      {
        kind: "insight",
        text: "Ends with something link-like\n\n→ Playbook: [x](/playbooks/x)",
        playbookSlug: null,
        stepId: null,
      },
      { kind: "lesson", text: "Automate recurring fixes", playbookSlug: null, stepId: null },
      { kind: "lesson", text: "Title\n\n\nTwo blank lines before this", playbookSlug: null, stepId: null },
    ],
    actionItems: [
      { text: "Add podman to the VM image", owner: "alice", done: true },
      { text: "Write the runbook", owner: "", done: false },
      { text: "Tricky text _(owner: bob)_", owner: "", done: false },
    ],
    playbooks: ["ray-actor-pending-creation-podman"],
    runs: ["abc123"],
  });
}

describe("incident Markdown export", () => {
  it("has the shape of the session-learnings write-ups", () => {
    const md = exportIncidentMarkdown(trickyIncident());
    const lines = md.split("\n");
    const inCode = fenceMask(lines);
    const headings = lines.filter((l, i) => !inCode[i] && /^##? /.test(l));
    expect(headings).toEqual([
      "# Ray actors stuck in `PENDING_CREATION` # not a heading",
      "## Problem Summary",
      "## Symptoms",
      "## Timeline",
      "## Root Causes Identified",
      "## Resolution",
      "## Key Insights",
      "## Lessons Learned",
      "## Next Steps",
    ]);
    expect(md).toContain("**Date**: 2025-11-05");
    expect(md).toContain(
      "### 1. Podman not installed\n\n**Symptom**: `FileNotFoundError: [Errno 2] No such file or directory: 'podman'`",
    );
    expect(md).toContain("**Solution**:\n\n```bash\nsudo apt-get install -y podman\n```");
    expect(md).toContain("**Prevention**: Document it as a prerequisite.");
    expect(md).toContain("- [x] Add podman to the VM image _(owner: alice)_");
    expect(md).toContain("- [ ] Write the runbook\n");
    expect(md).toContain(
      "→ Playbook: [ray-actor-pending-creation-podman](/playbooks/ray-actor-pending-creation-podman) " +
        "· step [podman-installed]",
    );
    // Structure-like lines in a field are escaped rather than left to split the document.
    expect(md).toContain("\\## Symptoms\n\\\\## Root Causes Identified");
  });

  it("round-trips through import to the same incident", () => {
    const incident = trickyIncident();
    const back = importIncidentMarkdown(exportIncidentMarkdown(incident));
    const closedFence = { ...incident.rootCauses[2]!, cause: "```bash\necho hi\n```" };
    expect(back).toEqual({ ...incident, rootCauses: [incident.rootCauses[0], incident.rootCauses[1], closedFence] });
  });

  it("round-trips a minimal incident, keeping empty sections empty", () => {
    const incident = parseIncidentInput({ title: "Minimal", severity: "SEV4" });
    const md = exportIncidentMarkdown(incident);
    expect(md).toContain("## Symptoms\n\n_None recorded._");
    expect(importIncidentMarkdown(md)).toEqual(incident);
  });

  it("round-trips the imported seeds through export", () => {
    for (const name of ["ray-actors-pending-creation-podman.md", "arc-job-containers-nixery.md"]) {
      const first = importIncidentMarkdown(seed(name), name);
      expect(importIncidentMarkdown(exportIncidentMarkdown(first))).toEqual(first);
    }
  });
});

describe("incident JSON export", () => {
  it("round-trips, and a bare incident object imports too", () => {
    const incident = trickyIncident();
    const json = exportIncidentJson({ ...incident, authors: ["Alice"] });
    expect(JSON.parse(json)).toMatchObject({ format: "casebook.incident", version: 1, authors: ["Alice"] });
    expect(importIncidentJson(json)).toEqual(incident);
    expect(importIncidentJson(JSON.stringify(incident))).toEqual(incident);
  });

  it("rejects broken JSON and a bad field with reasons", () => {
    expect(() => importIncidentJson("{nope", "x.json")).toThrow(/x\.json: not valid JSON/);
    try {
      importIncidentFile(JSON.stringify({ title: "t", severity: "SEV9" }), "bad.json");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(IncidentInputError);
      expect((err as IncidentInputError).issues).toEqual([
        { path: "severity", message: "bad.json: Severity must be one of SEV1, SEV2, SEV3, SEV4" },
      ]);
    }
  });
});

describe("importing write-ups", () => {
  it("reads seed 000 (Ray actors under Podman): causes, symptoms, insights, lessons, next steps", () => {
    const incident = importIncidentMarkdown(seed("ray-actors-pending-creation-podman.md"));
    expect(incident.title).toBe("Session Learnings: Containerized Ray Actors with Podman");
    expect(incident.startedAt?.toISOString()).toBe("2025-11-05T00:00:00.000Z");
    expect(incident.rootCauses.map((c) => c.title)).toEqual([
      "Podman Not Installed in VM",
      "Podman User Namespace Not Configured",
      "Wrong Container Image Digest Type",
      "Insufficient Container Permissions",
      "/tmp/ray File Locking Permission Conflicts",
    ]);
    expect(incident.symptoms).toEqual([
      "FileNotFoundError: [Errno 2] No such file or directory: 'podman'",
      "Error: potentially insufficient UIDs or GIDs available in user namespace",
      "manifest unknown: manifest unknown",
      "EACCES: permission denied, open '/app/template_user/.claude.json'",
      "PermissionError: [Errno 13] Permission denied: '/tmp/ray/session_*/ports_by_node.json.lock'",
    ]);
    const userns = incident.rootCauses[1]!;
    expect(userns.cause).toMatch(/^Rootless podman requires subordinate UID\/GID mapping/);
    expect(userns.fix).toContain("podman system migrate");
    expect(incident.rootCauses[0]!.prevention).toBe("Document as prerequisite in ORBSTACK_SETUP.md");
    // Code blocks in a solution are kept whole.
    expect(incident.rootCauses[2]!.fix).toContain("**New Code (CORRECT)**:\n```bash\nIMAGE_DIGEST=$(");
    expect(incident.learnings.filter((l) => l.kind === "insight").map((l) => l.text.split("\n")[0])).toEqual([
      "**Digest Types Matter for Cross-Platform Compatibility**",
      "**Rootless Containers Need User Namespace Configuration**",
      "**Permission Management is Multi-Layered**",
      "**YAML Configuration Requires Literal Values**",
      "**Automation Prevents Recurring Issues**",
    ]);
    expect(
      incident.learnings.some((l) => l.kind === "lesson" && l.text.includes("Fix root causes, not symptoms")),
    ).toBe(true);
    expect(incident.actionItems[0]).toEqual({ text: "Document all learnings", owner: "", done: true });
    expect(incident.actionItems.at(-1)).toEqual({
      text: "Consider Docker as default (simpler than Podman)",
      owner: "",
      done: false,
    });
    // Sections without a field of their own are kept in the summary.
    expect(incident.summary).toContain("## Files Modified");
    expect(incident.resolution).toContain("Actor: ALIVE and running in container");
  });

  it("reads seed 002 (ARC job containers on Nixery): sessions, numbered root causes, the fix", () => {
    const incident = importIncidentMarkdown(seed("arc-job-containers-nixery.md"));
    expect(incident.title).toBe("Debugging instant-cf PR #25 Container Initialization Failures");
    expect(incident.rootCauses.map((c) => c.title)).toEqual([
      "Missing gnutar in Nixery Images",
      "Missing findutils in validate-manifests Nixery Image",
      "Missing /__e (externals) Volume Mount in Hook Extension",
      "glibc/Dynamic Linker Incompatibility",
    ]);
    expect(incident.symptoms).toContain("env: '/__e/node20/bin/node': No such file or directory");
    expect(incident.symptoms).toContain("sh: line 1: find: command not found");
    expect(incident.symptoms[0]).toMatch(/^##\[error\]Executing the custom container implementation failed/);
    expect(incident.timeline.map((t) => t.text)).toEqual([
      "Session 1: Initial Analysis (2025-12-27)",
      "Session 2: After gnutar Fix (2025-12-27)",
      "Session 3: After gnutar Fix - New Failure (2025-12-27)",
      "Session 4: Volume Duplication and glibc Theory (2025-12-27)",
    ]);
    expect(incident.rootCauses[0]!.evidence).toContain('sh -c "command -v tar"');
    expect(incident.rootCauses[0]!.fix).toBe("**Fix Applied:** Added `gnutar` to Nixery image URLs.");
    expect(incident.rootCauses[2]!.fix).toMatch(/^\*\*The Fix\*\*\n\nNeed to add the externals volume/);
    expect(incident.rootCauses[3]!.evidence).toContain("Validation Results");
    expect(incident.resolution).toContain(
      "nixery.dev/shell/git/docker/devbox/nix/nodejs_24/gnutar/findutils/coreutils",
    );
    expect(incident.actionItems.filter((a) => a.done)).toHaveLength(3);
    // No Key Insights section: each root cause becomes an insight.
    expect(incident.learnings).toHaveLength(4);
    expect(incident.summary).toContain("## Required Utilities for Container Hooks");
  });

  it("names the file and line of a bad value", () => {
    const md = exportIncidentMarkdown(
      parseIncidentInput({ title: "t", severity: "SEV1", startedAt: "2025-01-02T00:00:00Z" }),
    )
      .replace("**Severity**: SEV1", "**Severity**: SEV9")
      .replace(
        "**Started**: 2025-01-02T00:00:00.000Z",
        "**Started**: 2025-01-02T00:00:00.000Z  \n**Detected**: 2025-01-01T00:00:00.000Z",
      );
    try {
      importIncidentMarkdown(md, "upload.md");
      expect.unreachable();
    } catch (err) {
      const lines = md.split("\n");
      const sev = lines.findIndex((l) => l.startsWith("**Severity**")) + 1;
      const det = lines.findIndex((l) => l.startsWith("**Detected**")) + 1;
      expect((err as IncidentInputError).issues.map((i) => i.message)).toEqual([
        `upload.md:${sev}: Severity must be one of SEV1, SEV2, SEV3, SEV4`,
        `upload.md:${det}: Detected must not be before Started`,
      ]);
    }
  });
});
