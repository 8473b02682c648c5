// Automatic triage (issue 11): for an incident an alert just opened, on a source that opted in,
// run the suggested playbook's read steps on the host the source's label names, through the hub
// with the same checks as a person's "Run all read steps" (lib/runs/hub-commands.ts). The walk
// stops before any change or danger step (lib/runs/diagnosis-walk.ts) and the agent's own policy
// still refuses what it refuses. Verdicts and output excerpts go onto the incident's timeline, the
// run is linked to it, and a failed step is notified.
import "server-only";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { notify } from "@/lib/notifications/notify";
import { processSingleton } from "@/lib/process-singleton";
import { recordAudit } from "@/lib/runs/audit";
import { runHubCommand, watchRun } from "@/lib/runs/hub-commands";
import type { RunView } from "@/lib/runs/protocol";
import type { SessionUser } from "@/lib/auth/request-user";
import type { TimelineEntryInput } from "@/lib/incidents/schema";
import { amendIncident } from "./amend-incident";
import { entryText, withEntries } from "./amend-text";
import type { IntakeSource } from "./intake";
import { outputExcerpt } from "./output-excerpt";
import type { Alert } from "./payloads";
import { triageUser } from "./triage-user";

/** A walk that has not stopped by then is left running and reported as such. */
const WALK_TIMEOUT_MS = 15 * 60_000;

/** Triage runs in the background; tests and shutdown can wait for what is in flight. */
const inFlight = () => processSingleton("alert-triage-in-flight", () => new Set<Promise<void>>());

export function startTriage(source: IntakeSource, alert: Alert, incidentId: string, playbooks: string[]): void {
  const work = triage(source, alert, incidentId, playbooks).catch((err: unknown) => {
    log.error({ err, incidentId, sourceId: source.id }, "triage failed");
  });
  inFlight().add(work);
  void work.finally(() => inFlight().delete(work));
}

/** Resolves once every triage started so far has ended. */
export async function triageSettled(): Promise<void> {
  while (inFlight().size) await Promise.all([...inFlight()]);
}

const EDITOR = "triage";

async function note(
  incidentId: string,
  text: string,
  link: string | null = null,
  kind: "note" | "run" | "step" = "note",
) {
  await amendIncident(
    incidentId,
    (i) => withEntries(i, [{ at: new Date(), kind, text: entryText(text), link }]),
    EDITOR,
  );
}

async function triage(source: IntakeSource, alert: Alert, incidentId: string, playbooks: string[]): Promise<void> {
  const who = await triageUser(source.triageUserId);
  if (!who.ok) return note(incidentId, `Triage did not run: ${who.reason}.`);
  const hostName = source.hostLabel ? alert.labels[source.hostLabel] : undefined;
  if (!hostName) return note(incidentId, `Triage did not run: the alert has no \`${source.hostLabel}\` label.`);
  const host = await findHost(hostName);
  if (!host) return note(incidentId, `Triage did not run: no host is named ${hostName}.`);
  const playbook = playbooks[0];
  if (!playbook) return note(incidentId, "Triage did not run: no playbook was suggested for this alert.");

  const user = who.user;
  const started = await runHubCommand(user, "run.start", { playbook, hostId: host.id, inputs: {} });
  await recordAudit({
    action: "alert.triage",
    userId: user.id,
    hostName: host.name,
    playbook,
    detail:
      `source ${source.name}, incident ${incidentId}: ` + (started.ok ? `run ${started.runId}` : started.error.message),
  });
  if (!started.ok)
    return note(incidentId, `Triage could not start ${playbook} on ${host.name}: ${started.error.message}`);
  const runId = started.runId;
  const link = `/runs/${runId}`;
  await amendIncident(
    incidentId,
    (i) => ({
      ...withEntries(i, [
        { at: new Date(), kind: "run", text: `Triage started **${playbook}** on ${host.name} as ${user.name}.`, link },
      ]),
      runs: [...new Set([...i.runs, runId])],
    }),
    EDITOR,
  );
  const run = await walkReadSteps(user, runId);
  await report(incidentId, run, link, playbook, host.name);
}

/** Exact name first; Prometheus's `instance` is often host:port, so the name before the port next. */
async function findHost(name: string) {
  const select = { id: true, name: true };
  const exact = await db.host.findUnique({ where: { name }, select });
  if (exact) return exact;
  const bare = name.replace(/:\d+$/, "");
  return bare === name ? null : db.host.findUnique({ where: { name: bare }, select });
}

/** Starts "run all read steps" and waits for its walk to stop; the run as it then is. */
async function walkReadSteps(user: SessionUser, runId: string): Promise<RunView | { error: string }> {
  let latest: RunView | null = null;
  let done: (run: RunView | { error: string }) => void = () => {};
  const stopped = new Promise<RunView | { error: string }>((resolve) => (done = resolve));
  const watch = await watchRun(user, runId, (event) => {
    if (event.type !== "run") return;
    latest = event.run;
    if (event.run.walk?.stopped && !event.run.runningAllRead) done(event.run);
    if (event.run.status !== "active") done(event.run);
  });
  if (!watch.ok) return { error: watch.error.message };
  const timer = setTimeout(() => done(latest ?? { error: "the walk did not stop in time" }), WALK_TIMEOUT_MS);
  try {
    const walk = await runHubCommand(user, "run.runAllRead", { runId });
    if (!walk.ok) return { error: walk.error.message };
    return await stopped;
  } finally {
    clearTimeout(timer);
    watch.stop();
  }
}

async function report(
  incidentId: string,
  run: RunView | { error: string },
  link: string,
  playbook: string,
  hostName: string,
) {
  if ("error" in run)
    return note(incidentId, `Triage of ${playbook} on ${hostName} did not finish: ${run.error}`, link);
  const entries: TimelineEntryInput[] = [];
  for (const step of run.steps) {
    const excerpt = await outputExcerpt(step.id);
    const exit = step.exitCode === null ? "" : ` (exit ${step.exitCode})`;
    const why = step.reason ? ` — ${step.reason}` : "";
    const text =
      `Triage: step \`${step.stepId}\` ${step.title}: **${step.verdict}**${exit}${why}` +
      (excerpt ? `\n\n\`\`\`\n${excerpt}\n\`\`\`` : "");
    entries.push({
      at: new Date(step.endedAt ?? Date.now()),
      kind: "step" as const,
      text: entryText(text),
      link: `${link}#${step.stepId}`,
    });
    if (step.verdict === "failed" || step.verdict === "error" || step.verdict === "timed-out") {
      await notify({
        type: "triage.step-failed",
        incident: await incidentHead(incidentId),
        run: { id: run.id, playbook, host: hostName },
        step: { id: step.stepId, title: step.title, verdict: step.verdict, exitCode: step.exitCode },
        excerpt,
      });
    }
  }
  const stoppedWhy = run.walk?.stopped ?? "the walk ended";
  entries.push({ at: new Date(), kind: "note" as const, text: entryText(`Triage ${stoppedWhy}`), link });
  await amendIncident(incidentId, (i) => withEntries(i, entries), EDITOR);
}

async function incidentHead(id: string) {
  const row = await db.incident.findUnique({
    where: { id },
    select: { id: true, title: true, severity: true, status: true },
  });
  return row ?? { id, title: "(deleted incident)", severity: "SEV3", status: "investigating" };
}
