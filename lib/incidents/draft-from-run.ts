// Prefills an incident from a run: the playbook and host, the failed steps' output as symptoms,
// one root cause per distinct failure (./failure-groups.ts), and every step as a timeline entry.
// The person recording only adds what they learned.
import "server-only";
import { db } from "@/lib/db/client";
import { stripAnsi } from "@/lib/runs/ansi";
import { readOutput } from "@/lib/runs/read-output";
import { looksLikeError } from "./markdown/markdown-bits";
import { groupFailures, rootCauseFor, type StepFailure } from "./failure-groups";
import type { IncidentInputRaw } from "./schema";

const TAIL_BYTES = 16 * 1024;
const EXCERPT_LINES = 30;
const FAILED = new Set(["failed", "error", "timed-out", "interrupted"]);

/** The last lines of a step's output, escapes removed: what a person would copy from the terminal. */
export async function outputExcerpt(stepRunId: string): Promise<string> {
  let tail = Buffer.alloc(0);
  for await (const chunk of readOutput(stepRunId)) {
    tail = Buffer.concat([tail, chunk.data]);
    if (tail.length > 2 * TAIL_BYTES) tail = tail.subarray(tail.length - TAIL_BYTES);
  }
  const text = stripAnsi(tail.subarray(Math.max(0, tail.length - TAIL_BYTES)).toString("utf8")).replace(/\r/g, "");
  return text
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l, i, all) => l !== "" || (i > 0 && all[i - 1] !== ""))
    .slice(-EXCERPT_LINES)
    .join("\n")
    .trim();
}

export interface RunDraft {
  input: IncidentInputRaw;
  /** The failed step to attach a learning to by default. */
  failedStep: { playbookSlug: string; stepId: string } | null;
}

export async function incidentDraftFromRun(
  runId: string,
  opts: { playbookTitle?: (slug: string) => Promise<string | undefined> } = {},
): Promise<RunDraft | null> {
  const run = await db.run.findUnique({
    where: { id: runId },
    select: {
      id: true,
      playbookSlug: true,
      createdAt: true,
      finishedAt: true,
      host: { select: { name: true, os: true } },
      user: { select: { name: true } },
      steps: {
        select: {
          id: true,
          stepId: true,
          title: true,
          command: true,
          verdict: true,
          exitCode: true,
          signal: true,
          reason: true,
          startedAt: true,
          endedAt: true,
        },
        orderBy: { startedAt: "asc" },
      },
    },
  });
  if (!run) return null;
  const playbookTitle = (await opts.playbookTitle?.(run.playbookSlug)) ?? run.playbookSlug;
  const runLink = `/runs/${run.id}`;
  const failed = run.steps.filter((s) => FAILED.has(s.verdict));
  const outcome = (s: (typeof run.steps)[number]) =>
    `${s.verdict}${s.exitCode !== null ? `, exit ${s.exitCode}` : ""}` +
    `${s.signal ? `, signal ${s.signal}` : ""}${s.reason ? ` (${s.reason})` : ""}`;
  const failures: StepFailure[] = [];
  for (const s of failed) {
    const at = s.endedAt ?? s.startedAt;
    failures.push({ ...s, outcome: outcome(s), at, excerpt: await outputExcerpt(s.id) });
  }

  const symptoms = new Set<string>();
  for (const { excerpt } of failures) {
    const lines = excerpt.split("\n").filter(looksLikeError);
    // Without an error-looking line, the last line is what the step said when it gave up.
    for (const line of lines.length ? lines.slice(-5) : excerpt.split("\n").slice(-1))
      if (line.trim()) symptoms.add(line.trim());
  }

  const firstFailed = failed[0];
  const input: IncidentInputRaw = {
    title: firstFailed
      ? `${playbookTitle}: "${firstFailed.title}" failed on ${run.host.name}`
      : `${playbookTitle} on ${run.host.name}`,
    severity: "SEV3",
    status: "investigating",
    startedAt: run.createdAt.toISOString(),
    detectedAt: (firstFailed?.endedAt ?? firstFailed?.startedAt ?? run.createdAt).toISOString(),
    environment: [run.host.name, run.host.os].filter(Boolean).join(" · "),
    symptoms: [...symptoms].slice(0, 20),
    summary:
      `A run of [${playbookTitle.replace(/[[\]]/g, "")}](/playbooks/${run.playbookSlug}) on host \`${run.host.name}\`` +
      (firstFailed ? ` failed at step “${firstFailed.title}” (${outcome(firstFailed)})` : "") +
      `. [Open the run](${runLink}).`,
    timeline: [
      {
        at: run.createdAt.toISOString(),
        kind: "run",
        text: `Run started${run.user ? ` by ${run.user.name}` : ""} on ${run.host.name}`,
        link: runLink,
      },
      ...run.steps.map((s) => ({
        at: s.startedAt.toISOString(),
        kind: "step" as const,
        text: `Step “${s.title}” (${s.stepId}): ${outcome(s)}`,
        link: `${runLink}#step-run-${s.id}`,
      })),
    ],
    rootCauses: groupFailures(failures).map((group) => rootCauseFor(group, runLink)),
    playbooks: [run.playbookSlug],
    runs: [run.id],
  };
  return { input, failedStep: firstFailed ? { playbookSlug: run.playbookSlug, stepId: firstFailed.stepId } : null };
}
