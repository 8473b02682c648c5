import type { Metadata } from "next";
import Link from "next/link";
import { formStateFrom } from "@/components/incidents/form-state";
import { IncidentForm } from "@/components/incidents/incident-form";
import { playbookOptions } from "@/components/incidents/playbook-options";
import { runOptions } from "@/components/incidents/run-options";
import { requireUser } from "@/lib/auth/session";
import { incidentDraftFromRun } from "@/lib/incidents/draft-from-run";
import { getPlaybook } from "@/lib/playbooks/content-index";
import { Breadcrumb } from "@/components/breadcrumb";

export const metadata: Metadata = { title: "Record incident" };
export const dynamic = "force-dynamic";

export default async function NewIncidentPage({
  searchParams,
}: {
  searchParams: Promise<{ run?: string | string[] }>;
}) {
  await requireUser("operator");
  const runParam = (await searchParams).run;
  const runId = Array.isArray(runParam) ? runParam[0] : runParam;
  const playbooks = await playbookOptions();
  const fromRun = runId
    ? await incidentDraftFromRun(runId, { playbookTitle: async (slug) => (await getPlaybook(slug))?.title })
    : null;
  const initial = formStateFrom(
    fromRun
      ? {
          ...fromRun.input,
          // The failed step is where the next reader will need what this incident teaches.
          learnings: fromRun.failedStep
            ? [
                {
                  kind: "insight",
                  text: "",
                  playbookSlug: fromRun.failedStep.playbookSlug,
                  stepId: fromRun.failedStep.stepId,
                },
              ]
            : [],
        }
      : { severity: "SEV3", status: "investigating", startedAt: null },
  );
  return (
    <div className="page page-medium">
      <Breadcrumb trail={[{ href: "/incidents", label: "Incidents" }]} current="Record" />
      <header className="page-header">
        <h1>{fromRun ? "Record an incident from this run" : "Record an incident"}</h1>
        {runId && !fromRun ? (
          <p className="notice notice-warning">No run with id “{runId}”; starting from scratch.</p>
        ) : null}
        {fromRun ? (
          <p className="page-lead">
            Prefilled from <Link href={`/runs/${runId}`}>the run</Link>: its playbook, host, failed steps and their
            output. Add what you found and what you learned.
          </p>
        ) : (
          <p className="page-lead">
            Symptoms, root causes, the fix and what you learned. Or{" "}
            <Link href="/incidents/import">import a write-up</Link>.
          </p>
        )}
      </header>
      <IncidentForm
        mode="create"
        initial={initial}
        playbooks={playbooks}
        runs={await runOptions(fromRun?.input.runs ?? [], playbooks)}
      />
    </div>
  );
}
