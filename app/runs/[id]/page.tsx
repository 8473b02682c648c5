import { RecordIncidentLink } from "@/components/incidents/record-incident-link";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordedRunSteps } from "@/components/runs/recorded-run-steps";
import { RUN_STATUS_LABELS } from "@/components/runs/run-format";
import { runVariables } from "@/components/runs/run-environment";
import { VariableChips } from "@/components/runs/variable-chips";
import { formatDateTime } from "@/lib/format/dates";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { mayWatchRun } from "@/lib/hosts/host-access-store";
import { findRunView } from "@/lib/runs/find-run-view";
import { loadStepCommands } from "@/lib/runs/step-commands";
import "@/components/runs/runs.css";
import { Breadcrumb } from "@/components/breadcrumb";

interface Props {
  params: Promise<{ id: string }>;
}

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const [found, may] = await Promise.all([findRunView(id), mayWatchRun(user, id)]);
  if (!found) notFound();
  const { run, playbook } = found;
  // Its host's access list leaves this user out: the run's facts stay, its inputs and output go.
  const commands = may.allowed ? await loadStepCommands(id) : {};
  const variables = runVariables(run, playbook?.inputs ?? []);
  const inputs = variables.filter((v) => v.from === "input");
  const captured = variables.filter((v) => v.from === "capture");

  return (
    <div className="page page-medium">
      <Breadcrumb trail={[{ href: "/runs", label: "Runs" }]} current={run.id} />
      <header className="page-header">
        <h1>
          {playbook?.title ?? run.playbookSlug} <span className="muted">on {run.hostName}</span>
        </h1>
        {hasRole(user, "operator") && may.allowed ? <RecordIncidentLink runId={run.id} /> : null}
      </header>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`badge run-status run-status-${run.status}`}>{RUN_STATUS_LABELS[run.status]}</span>
          {run.status === "active" && playbook && may.allowed ? (
            <>
              {" "}
              <Link href={`/playbooks/${run.playbookSlug}?run=${run.id}`}>Continue on the playbook page</Link>
            </>
          ) : null}
        </dd>
        <dt>Playbook</dt>
        <dd>
          {playbook ? <Link href={`/playbooks/${run.playbookSlug}`}>{run.playbookSlug}</Link> : run.playbookSlug}
          <code title="Content hash of the version that ran">@{run.contentHash}</code>
          {run.stale ? <span className="muted"> (the playbook has changed since)</span> : null}
        </dd>
        <dt>Host</dt>
        <dd>
          <Link href={`/hosts/${run.hostId}`}>{run.hostName}</Link>
        </dd>
        <dt>Started by</dt>
        <dd>{run.userName ?? "a deleted user"}</dd>
        <dt>Started</dt>
        <dd>{formatDateTime(run.createdAt)}</dd>
        {run.finishedAt ? (
          <>
            <dt>Finished</dt>
            <dd>{formatDateTime(run.finishedAt)}</dd>
          </>
        ) : null}
        <dt>Inputs</dt>
        <dd>
          {!may.allowed ? (
            <span className="muted">not shown</span>
          ) : inputs.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            <VariableChips variables={inputs} label="Inputs" />
          )}
        </dd>
        {may.allowed && captured.length > 0 ? (
          <>
            <dt>Captured</dt>
            <dd>
              <VariableChips variables={captured} label="Captured values" />
            </dd>
          </>
        ) : null}
      </dl>
      <section className="page-section" aria-labelledby="steps-title">
        <h2 id="steps-title">Steps</h2>
        {may.allowed ? (
          <RecordedRunSteps initialRun={run} commands={commands} canCancel={hasRole(user, "operator")} />
        ) : (
          <p className="run-panel-note" data-host-refusal>
            {may.reason} Its steps&apos; commands and output are not shown to you.
          </p>
        )}
      </section>
    </div>
  );
}
