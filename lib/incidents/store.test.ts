// Integration tests against a real, migrated SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseWrites } from "@/testing/refuse-writes";
import { createTempDatabase, type TempDatabase } from "@/testing/temp-database";
import type * as Incidents from "./index";
import type { IncidentInputRaw } from "./schema";
import type { PrismaClient } from "@/lib/db/generated/client";

let temp: TempDatabase;
let inc: typeof Incidents;
let db: PrismaClient;

beforeAll(async () => {
  temp = createTempDatabase("casebook-incidents-");
  process.env.DATABASE_URL = temp.url;
  inc = await import("./index");
  db = (await import("@/lib/db/client")).db;
  await db.user.create({
    data: { id: "u-alice", name: "Alice Operator", email: "alice@example.com", role: "operator" },
  });
  await db.user.create({ data: { id: "u-bob", name: "Bob Admin", email: "bob@example.com", role: "admin" } });
});

afterAll(async () => {
  await db?.$disconnect();
  temp?.remove();
});

function fullInput(overrides: Partial<IncidentInputRaw> = {}): IncidentInputRaw {
  return {
    title: "Ray actors stuck in PENDING_CREATION",
    severity: "SEV2",
    status: "investigating",
    startedAt: "2025-11-05T09:00:00.000Z",
    detectedAt: "2025-11-05T09:30:00.000Z",
    environment: "OrbStack VM ray-cluster",
    symptoms: ["manifest unknown: manifest unknown"],
    summary: "Actors never **start**.",
    tags: ["ray", "podman"],
    timeline: [{ at: "2025-11-05T09:30:00.000Z", kind: "note", text: "Paged", link: null }],
    rootCauses: [
      {
        title: "Wrong digest type",
        symptom: "`manifest unknown`",
        cause: "Content digest used",
        fix: "```bash\npodman push\n```",
      },
    ],
    learnings: [
      {
        kind: "insight",
        text: "Use the manifest digest",
        playbookSlug: "ray-actor-pending-creation-podman",
        stepId: "image-pullable",
      },
      { kind: "lesson", text: "Automate recurring fixes" },
    ],
    actionItems: [{ text: "Fix the build script", owner: "alice", done: false }],
    playbooks: [],
    ...overrides,
  };
}

async function counts() {
  const [incidents, causes, learnings, actions, timeline, links] = await Promise.all([
    db.incident.count(),
    db.rootCause.count(),
    db.learning.count(),
    db.actionItem.count(),
    db.timelineEntry.count(),
    db.incidentPlaybook.count(),
  ]);
  return { incidents, causes, learnings, actions, timeline, links };
}

describe("recording incidents", () => {
  it("creates an incident with every part and reads it back", async () => {
    const created = await inc.createIncident(fullInput(), { authorId: "u-alice" });
    const read = await inc.getIncident(created.id);
    expect(read).not.toBeNull();
    expect(read!.title).toBe("Ray actors stuck in PENDING_CREATION");
    expect(read!.authors).toEqual([{ id: "u-alice", name: "Alice Operator" }]);
    expect(read!.rootCauses).toEqual([
      {
        title: "Wrong digest type",
        symptom: "`manifest unknown`",
        cause: "Content digest used",
        evidence: "",
        fix: "```bash\npodman push\n```",
        prevention: "",
      },
    ]);
    expect(read!.learnings.map((l) => [l.kind, l.playbookSlug, l.stepId])).toEqual([
      ["insight", "ray-actor-pending-creation-podman", "image-pullable"],
      ["lesson", null, null],
    ]);
    // A learning attached to a playbook links the incident to it.
    expect(read!.playbooks).toEqual(["ray-actor-pending-creation-podman"]);
    expect(read!.startedAt?.toISOString()).toBe("2025-11-05T09:00:00.000Z");
  });

  it("refuses bad input with reasons and stores nothing", async () => {
    const before = await counts();
    const bad = fullInput({
      title: "x".repeat(201),
      severity: "SEV9" as "SEV1",
      startedAt: "2025-11-05T10:00:00Z",
      detectedAt: "2025-11-05T09:00:00Z",
      resolvedAt: "2025-11-04T09:00:00Z",
    });
    const err = await inc.createIncident(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(inc.IncidentInputError);
    expect((err as Incidents.IncidentInputError).issues).toEqual([
      { path: "title", message: "Title must be at most 200 characters" },
      { path: "severity", message: "Severity must be one of SEV1, SEV2, SEV3, SEV4" },
      { path: "detectedAt", message: "Detected must not be before Started" },
      { path: "resolvedAt", message: "Resolved must not be before Started" },
      { path: "resolvedAt", message: "Resolved must not be before Detected" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a link to a run that does not exist", async () => {
    const before = await counts();
    const err = await inc.createIncident(fullInput({ runs: ["no-such-run"] })).catch((e: unknown) => e);
    expect((err as Incidents.IncidentInputError).issues).toEqual([
      { path: "runs.0", message: 'No run with id "no-such-run"' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("saves nothing when a write fails halfway through", async () => {
    // A trigger makes the database itself refuse one action item, after the incident row and its
    // causes and learnings have been written inside the transaction.
    const allow = await refuseWrites(db, "refuse_boom", {
      table: "ActionItem",
      event: "INSERT",
      when: "NEW.text = 'boom'",
    });
    try {
      const before = await counts();
      await expect(inc.createIncident(fullInput({ actionItems: [{ text: "boom" }] }))).rejects.toThrow(
        /actionItem\.createMany|injected failure/,
      );
      expect(await counts()).toEqual(before);

      const existing = await inc.createIncident(fullInput({ title: "Edited halfway" }));
      const mid = await counts();
      await expect(
        inc.updateIncident(
          existing.id,
          fullInput({ title: "Should not stick", status: "resolved", actionItems: [{ text: "boom" }] }),
          { expectedUpdatedAt: existing.updatedAt },
        ),
      ).rejects.toThrow(/actionItem\.createMany|injected failure/);
      expect(await counts()).toEqual(mid);
      const after = await inc.getIncident(existing.id);
      expect(after).toEqual(existing);
    } finally {
      await allow();
    }
  });
});

describe("editing incidents", () => {
  it("replaces the lists, records a status change in the timeline and adds the editor as author", async () => {
    const created = await inc.createIncident(fullInput(), { authorId: "u-alice" });
    const now = new Date("2025-11-05T12:00:00.000Z");
    const edited = await inc.updateIncident(
      created.id,
      fullInput({ status: "mitigated", rootCauses: [], learnings: [{ text: "Only this one" }], actionItems: [] }),
      { editorId: "u-bob", editorName: "Bob Admin", expectedUpdatedAt: created.updatedAt, now },
    );
    expect(edited.status).toBe("mitigated");
    expect(edited.rootCauses).toEqual([]);
    expect(edited.learnings.map((l) => l.text)).toEqual(["Only this one"]);
    expect(edited.timeline.map((t) => [t.kind, t.text, t.at.toISOString()])).toEqual([
      ["note", "Paged", "2025-11-05T09:30:00.000Z"],
      ["status", "Status changed from investigating to mitigated by Bob Admin", "2025-11-05T12:00:00.000Z"],
    ]);
    expect(edited.authors.map((a) => a.id).sort()).toEqual(["u-alice", "u-bob"]);

    // Saving again without a status change adds no entry (the earlier one is part of the input now).
    const again = await inc.updateIncident(
      created.id,
      { ...fullInput({ status: "mitigated" }), timeline: edited.timeline },
      { expectedUpdatedAt: edited.updatedAt },
    );
    expect(again.timeline.filter((t) => t.kind === "status")).toHaveLength(1);
  });

  it("refuses an edit started from a stale copy, and an unknown incident", async () => {
    const created = await inc.createIncident(fullInput());
    await inc.updateIncident(created.id, fullInput({ title: "First edit" }), {
      expectedUpdatedAt: created.updatedAt,
      now: new Date(Date.now() + 1000),
    });
    await expect(
      inc.updateIncident(created.id, fullInput({ title: "Second edit" }), { expectedUpdatedAt: created.updatedAt }),
    ).rejects.toBeInstanceOf(inc.IncidentConflictError);
    expect((await inc.getIncident(created.id))!.title).toBe("First edit");
    await expect(inc.updateIncident("nope", fullInput(), { expectedUpdatedAt: new Date() })).rejects.toBeInstanceOf(
      inc.IncidentNotFoundError,
    );
  });

  it("never overwrites unconditionally: an edit must name the copy it started from", async () => {
    const created = await inc.createIncident(fullInput({ title: "Kept" }));
    for (const missing of [{}, { expectedUpdatedAt: "" }, { expectedUpdatedAt: "not a date" }]) {
      // @ts-expect-error expectedUpdatedAt is required and a date, so the compiler refuses this call
      const edit = inc.updateIncident(created.id, fullInput({ title: "Overwritten" }), missing);
      await expect(edit, JSON.stringify(missing)).rejects.toBeInstanceOf(inc.IncidentConflictError);
    }
    expect((await inc.getIncident(created.id))!.title).toBe("Kept");
  });
});

describe("finding incidents", () => {
  it("filters the list by status, severity, tag and playbook", async () => {
    const a = await inc.createIncident(
      fullInput({
        title: "Filter A",
        severity: "SEV1",
        status: "resolved",
        tags: ["alpha"],
        playbooks: ["pb-one"],
        learnings: [],
      }),
    );
    const b = await inc.createIncident(
      fullInput({ title: "Filter B", severity: "SEV4", tags: ["beta"], playbooks: ["pb-two"], learnings: [] }),
    );
    const ids = async (f: Incidents.IncidentFilter) =>
      (await inc.listIncidents(f)).map((i) => i.id).filter((id) => id === a.id || id === b.id);
    expect(await ids({ status: "resolved" })).toEqual([a.id]);
    expect(await ids({ severity: "SEV4" })).toEqual([b.id]);
    expect(await ids({ tag: "ALPHA" })).toEqual([a.id]);
    expect(await ids({ playbook: "pb-two" })).toEqual([b.id]);
    expect((await ids({})).sort()).toEqual([a.id, b.id].sort());
  });

  it("lists a playbook's learnings with their incident, and a step's", async () => {
    const slug = "pb-learnings";
    await inc.createIncident(
      fullInput({
        title: "Older",
        startedAt: "2025-01-01T00:00:00Z",
        detectedAt: null,
        learnings: [{ text: "old lesson", playbookSlug: slug }],
      }),
    );
    await inc.createIncident(
      fullInput({
        title: "Newer",
        startedAt: "2025-06-01T00:00:00Z",
        detectedAt: null,
        learnings: [{ text: "step lesson", playbookSlug: slug, stepId: "check-it" }],
      }),
    );
    const all = await inc.listPlaybookLearnings(slug);
    expect(all.map((l) => [l.text, l.incident.title, l.incident.date.toISOString().slice(0, 10)])).toEqual([
      ["step lesson", "Newer", "2025-06-01"],
      ["old lesson", "Older", "2025-01-01"],
    ]);
    expect(inc.countIncidents(all)).toBe(2);
    expect((await inc.listPlaybookLearnings(slug, { stepId: "check-it" })).map((l) => l.text)).toEqual(["step lesson"]);
  });
});

describe("seeding and round trips through the store", () => {
  it("seeds the two write-ups once, linked to their playbooks", async () => {
    const first = await inc.seedIncidents();
    expect(first).toEqual(["seed-ray-actors-pending-creation-podman", "seed-arc-job-containers-nixery"]);
    expect(await inc.seedIncidents()).toEqual([]);
    const ray = await inc.getIncident("seed-ray-actors-pending-creation-podman");
    expect(ray!.playbooks).toEqual(["ray-actor-pending-creation-podman"]);
    expect(ray!.rootCauses).toHaveLength(5);
    const insights = ray!.learnings.filter((l) => l.kind === "insight");
    expect(insights.every((l) => l.playbookSlug === "ray-actor-pending-creation-podman")).toBe(true);
    // Where an insight clearly belongs to a step of the playbook, it is shown at that step.
    expect(insights.map((l) => l.stepId)).toContain("subids-configured");
    const arc = await inc.getIncident("seed-arc-job-containers-nixery");
    expect(arc!.playbooks).toEqual(["arc-job-containers-nixery"]);
    expect(arc!.symptoms).toContain("env: '/__e/node20/bin/node': No such file or directory");
    const shown = await inc.listPlaybookLearnings("ray-actor-pending-creation-podman");
    expect(shown.filter((l) => l.incident.id === "seed-ray-actors-pending-creation-podman")).toHaveLength(5);
  });

  it("exports a stored incident and imports it back as the same incident", async () => {
    const stored = await inc.getIncident("seed-ray-actors-pending-creation-podman");
    const { toExportable } = await import("./types");
    const md = inc.exportIncidentMarkdown(toExportable(stored!));
    const copy = await inc.createIncident(inc.importIncidentMarkdown(md));
    const strip = (r: Incidents.IncidentRecord) => {
      const { id: _i, createdAt: _c, updatedAt: _u, authors: _a, ...rest } = r;
      return rest;
    };
    expect(strip((await inc.getIncident(copy.id))!)).toEqual(strip(stored!));
    const fromJson = await inc.createIncident(inc.importIncidentJson(inc.exportIncidentJson(toExportable(stored!))));
    expect(strip(fromJson)).toEqual(strip(stored!));
  });
});

describe("incidents in search", () => {
  it("finds the seed incident and what fixed it beside the playbook for a pasted error", async () => {
    const { search, closeSearchIndex } = await import("@/lib/search");
    const { registerIncidentSearch, isIncidentResult } = await import("./search-source");
    registerIncidentSearch();
    try {
      const hits = await search("2025-12-27T10:00:01Z env: '/__e/node20/bin/node': No such file or directory", {
        limit: 10,
      });
      const incident = hits.find((h) => isIncidentResult(h) && h.id === "seed-arc-job-containers-nixery");
      expect(incident).toBeDefined();
      expect(incident!.match.href).toMatch(/^\/incidents\/seed-arc-job-containers-nixery#/);
      expect(isIncidentResult(incident!) && incident.causes.map((c) => c.title)).toContain(
        "glibc/Dynamic Linker Incompatibility",
      );
      expect(hits.some((h) => h.kind === "playbook")).toBe(true);

      // A new incident is searchable straight after it is recorded.
      await inc.createIncident(
        fullInput({
          title: "Disk full on build host",
          symptoms: ["write /var/lib/docker/tmp: no space left on device"],
          learnings: [],
        }),
      );
      const again = await search("no space left on device", { limit: 10 });
      expect(again.some((h) => isIncidentResult(h) && h.title === "Disk full on build host")).toBe(true);
    } finally {
      closeSearchIndex();
    }
  });
});

describe("recording from a run", () => {
  it("prefills playbook, host, failed output as symptoms and evidence, and steps as timeline", async () => {
    const host = await db.host.create({
      data: { name: "vm-ray-1", tokenHash: "h1", tokenPrefix: "cb_1", os: "linux" },
    });
    const run = await db.run.create({
      data: {
        playbookSlug: "ray-actor-pending-creation-podman",
        contentHash: "abc123def456",
        hostId: host.id,
        userId: "u-alice",
        inputs: {},
        status: "finished",
        createdAt: new Date("2025-11-05T10:00:00Z"),
      },
    });
    await db.stepRun.create({
      data: {
        runId: run.id,
        stepId: "podman-installed",
        title: "Is podman installed?",
        risk: "read",
        command: "command -v podman",
        shell: "bash",
        verdict: "passed",
        exitCode: 0,
        startedAt: new Date("2025-11-05T10:00:01Z"),
        endedAt: new Date("2025-11-05T10:00:02Z"),
      },
    });
    const failed = await db.stepRun.create({
      data: {
        runId: run.id,
        stepId: "image-pullable",
        title: "Can the image be pulled?",
        risk: "read",
        command: 'podman pull "$IMAGE"',
        shell: "bash",
        verdict: "failed",
        exitCode: 125,
        startedAt: new Date("2025-11-05T10:00:03Z"),
        endedAt: new Date("2025-11-05T10:00:09Z"),
      },
    });
    await db.outputChunk.createMany({
      data: [
        {
          stepRunId: failed.id,
          seq: 0,
          t: 0.1,
          data: Buffer.from("Trying to pull ghcr.io/acme/worker@sha256:abc...\r\n"),
        },
        {
          stepRunId: failed.id,
          seq: 1,
          t: 0.9,
          data: Buffer.from("\x1b[31mError: initializing source: manifest unknown: manifest unknown\x1b[0m\r\n"),
        },
      ],
    });

    const draft = await inc.incidentDraftFromRun(run.id, {
      playbookTitle: async () => "Ray actor stuck in PENDING_CREATION",
    });
    expect(draft).not.toBeNull();
    const { input, failedStep } = draft!;
    expect(failedStep).toEqual({ playbookSlug: "ray-actor-pending-creation-podman", stepId: "image-pullable" });
    expect(input.title).toBe('Ray actor stuck in PENDING_CREATION: "Can the image be pulled?" failed on vm-ray-1');
    expect(input.symptoms).toEqual(["Error: initializing source: manifest unknown: manifest unknown"]);
    expect(input.environment).toBe("vm-ray-1 · linux");
    expect(input.timeline!.map((t) => t.kind)).toEqual(["run", "step", "step"]);
    expect(input.timeline![2]!.text).toBe("Step “Can the image be pulled?” (image-pullable): failed, exit 125");
    expect(input.rootCauses![0]!.symptom).toBe(
      "```text\nTrying to pull ghcr.io/acme/worker@sha256:abc...\n" +
        "Error: initializing source: manifest unknown: manifest unknown\n```",
    );
    expect(input.rootCauses![0]!.evidence).toContain('```bash\npodman pull "$IMAGE"\n```');

    const recorded = await inc.createIncident(input, { authorId: "u-alice" });
    expect(recorded.runs).toEqual([run.id]);
    expect(recorded.playbooks).toEqual(["ray-actor-pending-creation-podman"]);
    expect(await inc.incidentDraftFromRun("no-such-run")).toBeNull();
  });

  it("makes one root cause per distinct failure, not one per failed step run", async () => {
    const host = await db.host.create({ data: { name: "vm-orb-1", tokenHash: "h2", tokenPrefix: "cb_2" } });
    const run = await db.run.create({
      data: {
        playbookSlug: "orbstack-vm",
        contentHash: "abc123def456",
        hostId: host.id,
        inputs: {},
        status: "finished",
        createdAt: new Date("2025-11-06T10:00:00Z"),
      },
    });
    // orb-installed fails twice; two VM checks fail for the one reason that orb is missing.
    const steps = [
      ["orb-installed", "Is orb installed?", "sh: 1: orb: not found"],
      ["orb-installed", "Is orb installed?", "sh: 1: orb: not found"],
      ["vm-running", "Is the VM running?", "Error: no such VM: ray-cluster"],
      ["vm-network", "Does the VM reach the network?", "Error: no such VM: ray-cluster"],
    ];
    const ids: string[] = [];
    for (const [i, [stepId, title, output]] of steps.entries()) {
      const step = await db.stepRun.create({
        data: {
          runId: run.id,
          stepId: stepId!,
          title: title!,
          risk: "read",
          command: `check ${stepId} ${i}`,
          shell: "bash",
          verdict: "failed",
          exitCode: 1,
          startedAt: new Date(Date.UTC(2025, 10, 6, 10, 0, i * 10 + 1)),
          endedAt: new Date(Date.UTC(2025, 10, 6, 10, 0, i * 10 + 5)),
        },
      });
      await db.outputChunk.create({ data: { stepRunId: step.id, seq: 0, t: 0.1, data: Buffer.from(`${output}\r\n`) } });
      ids.push(step.id);
    }

    const { input } = (await inc.incidentDraftFromRun(run.id))!;
    const causes = input.rootCauses!;
    expect(causes.map((c) => c.title)).toEqual([
      "Step “Is orb installed?” failed",
      "Steps “Is the VM running?” and “Does the VM reach the network?” failed",
    ]);
    // The latest failure's evidence, and every step run it stands for, linked.
    expect(causes[0]!.evidence).toContain("check orb-installed 1");
    expect(causes[0]!.evidence).not.toContain("check orb-installed 0");
    for (const id of ids.slice(0, 2)) expect(causes[0]!.evidence).toContain(`/runs/${run.id}#step-run-${id}`);
    for (const id of ids.slice(2)) expect(causes[1]!.evidence).toContain(`/runs/${run.id}#step-run-${id}`);
    // Each step entry of the timeline points at its own step run.
    expect(input.timeline!.slice(1).map((t) => t.link)).toEqual(ids.map((id) => `/runs/${run.id}#step-run-${id}`));
  });
});
