// First-start content: the two session write-ups Casebook was created from, recorded as incidents
// and linked to the playbooks written from them, so the feedback loop shows from the first start.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import type { Playbook } from "@/lib/playbooks/types";
import { createIncident } from "./create-incident";
import { importIncidentMarkdown } from "./markdown/import-markdown";
import type { IncidentInput } from "./schema";

/** A write-up in content/incidents, and what to set on top of what it says. */
type SeedIncident = Pick<IncidentInput, "severity" | "status" | "environment" | "tags"> & {
  /** Fixed id: the seed is skipped when an incident with this id exists, even if edited since. */
  id: string;
  file: string;
  playbook: string;
  /** Learning text pattern → step title/id pattern; applied only when the step exists. */
  stepHints: Array<[RegExp, RegExp]>;
};

export const SEED_INCIDENTS: readonly SeedIncident[] = [
  {
    id: "seed-ray-actors-pending-creation-podman",
    file: "ray-actors-pending-creation-podman.md",
    playbook: "ray-actor-pending-creation-podman",
    severity: "SEV2",
    status: "resolved",
    environment: "OrbStack Linux VM ray-cluster, rootless podman, Ray Serve",
    tags: ["ray", "podman", "containers"],
    stepHints: [
      [/^\**Digest Types Matter/, /pull|digest/i],
      [/^\**Rootless Containers Need User Namespace/, /subordinate|subid|uid/i],
      [/^\**Permission Management is Multi-Layered/, /write|writable|\/app/i],
      [/^\**YAML Configuration Requires Literal Values/, /yaml|literal|\.env/i],
      [/^\**Automation Prevents Recurring Issues/, /\/tmp\/ray/i],
    ],
  },
  {
    id: "seed-arc-job-containers-nixery",
    file: "arc-job-containers-nixery.md",
    playbook: "arc-job-containers-nixery",
    severity: "SEV3",
    status: "investigating",
    environment: "ARC runner set instant-cf-cached-privileged-kubernetes (namespace arc-systems), Nixery job images",
    tags: ["github-actions", "arc", "kubernetes", "nixery"],
    stepHints: [
      [/gnutar/, /\btar\b|gnutar/i],
      [/findutils/, /\bfind\b|findutils/i],
      [/externals/, /externals|\/__e\b/i],
      [/glibc|Dynamic Linker/i, /glibc|interpreter|linker|ld-linux/i],
    ],
  },
];

function stepFor(playbook: Playbook | undefined, text: string, hints: SeedIncident["stepHints"]): string | null {
  if (!playbook) return null;
  for (const [learning, step] of hints) {
    if (!learning.test(text)) continue;
    const found = playbook.steps.find((s) => s.risk === "read" && (step.test(s.title) || step.test(s.id)));
    if (found) return found.id;
  }
  return null;
}

async function playbookNamed(slug: string): Promise<Playbook | undefined> {
  try {
    const { getPlaybook } = await import("@/lib/playbooks/content-index");
    return await getPlaybook(slug);
  } catch (err) {
    log.warn({ err, slug }, "incident seed: content index unavailable; learnings stay unattached to steps");
    return undefined;
  }
}

export function seedInput(seed: SeedIncident, source: string, playbook: Playbook | undefined): IncidentInput {
  const input = importIncidentMarkdown(source, seed.file);
  return {
    ...input,
    severity: seed.severity,
    status: seed.status,
    environment: seed.environment,
    tags: seed.tags,
    playbooks: [seed.playbook],
    // Insights are what the next reader of the playbook needs; lessons stay with the incident.
    learnings: input.learnings.map((l) =>
      l.kind === "insight"
        ? { ...l, playbookSlug: seed.playbook, stepId: stepFor(playbook, l.text, seed.stepHints) }
        : l,
    ),
  };
}

/**
 * Records the seed incidents that are not there yet. Safe to call on every start. Returns the ids
 * it created. A missing or unreadable seed file is logged and skipped, never fatal.
 */
export async function seedIncidents(opts: { dir?: string } = {}): Promise<string[]> {
  const dir = opts.dir ?? path.resolve("content", "incidents");
  const created: string[] = [];
  for (const seed of SEED_INCIDENTS) {
    if (await db.incident.findUnique({ where: { id: seed.id }, select: { id: true } })) continue;
    let source: string;
    try {
      source = await readFile(path.join(dir, seed.file), "utf8");
    } catch (err) {
      log.warn({ err, file: seed.file }, "incident seed: write-up not found; skipped");
      continue;
    }
    try {
      await createIncident(seedInput(seed, source, await playbookNamed(seed.playbook)), { id: seed.id });
      created.push(seed.id);
      log.info({ id: seed.id }, "incident seed recorded");
    } catch (err) {
      // Two servers starting at once may race on the same seed; the loser finds it there.
      if (await db.incident.findUnique({ where: { id: seed.id }, select: { id: true } })) continue;
      log.error({ err, file: seed.file }, "incident seed failed");
    }
  }
  return created;
}
