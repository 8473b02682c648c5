"use client";
// The playbook page's run panel: the form to start a run, then the run's state and its actions.
import { RecordIncidentLink } from "@/components/incidents/record-incident-link";
import Link from "next/link";
import type { ReactNode } from "react";
import { mayUseHost } from "@/lib/auth/host-access";
import { mayActOnRun, mayStartRuns } from "@/lib/auth/permissions";
import { NextStepLine } from "./next-step-line";
import { usePlaybookRun, type PlaybookRun } from "./playbook-run-context";
import { RunForm } from "./run-form";
import { formatDateTime } from "@/lib/format/dates";
import { RUN_STATUS_LABELS } from "./run-format";
import { runVariables } from "./run-environment";
import { VariableChips } from "./variable-chips";

export function RunPanel({ recentRuns }: { recentRuns?: ReactNode }) {
  const ctx = usePlaybookRun();
  if (!ctx) return null;
  const may = mayStartRuns(ctx.user);
  return (
    <section id="run-panel" className="run-panel" aria-labelledby="run-panel-title">
      <header className="run-panel-head">
        <h2 id="run-panel-title" className="section-label">
          Run this playbook
        </h2>
        <ConnectionState ctx={ctx} />
      </header>
      {ctx.run ? (
        <ActiveRun ctx={ctx} />
      ) : ctx.joining ? (
        <p className="run-panel-note">Joining the run…</p>
      ) : may.allowed ? (
        <RunForm ctx={ctx} />
      ) : (
        <p className="run-panel-note">{may.reason}</p>
      )}
      {ctx.error ? (
        <p className="run-error" role="alert">
          {ctx.error}
        </p>
      ) : null}
      {recentRuns}
    </section>
  );
}

function ConnectionState({ ctx }: { ctx: PlaybookRun }) {
  if (ctx.connected) return <span className="live-dot" data-online title="Live: connected to the run hub" />;
  return <span className="connection-note">{ctx.connectionProblem ?? "Connecting…"}</span>;
}

function ActiveRun({ ctx }: { ctx: PlaybookRun }) {
  const run = ctx.run!;
  const may = mayStartRuns(ctx.user).allowed;
  const host = ctx.host;
  // Another user's run, or a host whose access list now leaves the user out: the hub would refuse
  // its actions, so they are disabled with the reason.
  const ownerMay = mayActOnRun(ctx.user, run);
  const act = !ownerMay.allowed || !host ? ownerMay : mayUseHost(ctx.user, host);
  const variables = runVariables(run, ctx.playbook.inputs);
  const inputs = variables.filter((v) => v.from === "input");
  const captured = variables.filter((v) => v.from === "capture");
  return (
    <div className="active-run" data-status={run.status}>
      <p className="active-run-summary">
        <span className={`badge run-status run-status-${run.status}`}>{RUN_STATUS_LABELS[run.status]}</span>
        <span>
          on <strong>{run.hostName}</strong>
          {host && !host.online ? <span className="host-offline"> (offline)</span> : null}
          {run.userName ? ` · started by ${run.userName}` : null} · {formatDateTime(run.createdAt)}
        </span>
        <Link href={`/runs/${run.id}`} className="active-run-link">
          Run details
        </Link>
      </p>
      {inputs.length > 0 ? <VariableChips variables={inputs} label="Inputs" /> : null}
      {captured.length > 0 ? (
        <div className="active-run-captures">
          <span className="muted">Captured</span>
          <VariableChips variables={captured} label="Captured values" />
        </div>
      ) : null}
      {run.stale ? (
        <p className="run-panel-note">
          This playbook has changed since the run started; new steps run the current version.
        </p>
      ) : null}
      <NextStepLine ctx={ctx} />
      {run.status === "active" && may ? (
        <div className="run-actions">
          <button
            type="button"
            className="button"
            onClick={() => void ctx.runAllRead()}
            disabled={!act.allowed || ctx.pending !== null || run.activeStepRunId !== null}
            title={act.allowed ? undefined : act.reason}
          >
            {run.runningAllRead ? "Running all read steps…" : "Run all read steps"}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void ctx.finishRun()}
            disabled={!act.allowed || ctx.pending !== null || run.activeStepRunId !== null}
            title={act.allowed ? undefined : act.reason}
          >
            Finish run
          </button>
          {act.allowed ? null : <span className="run-panel-note">{act.reason}</span>}
          <RecordIncidentLink runId={run.id} />
        </div>
      ) : null}
      {run.status !== "active" ? (
        <div className="run-actions">
          <span className="run-panel-note">
            {run.status === "interrupted"
              ? "The server restarted during this run; its output up to then is kept."
              : "This run is finished."}
          </span>
          {may ? (
            <>
              <RecordIncidentLink runId={run.id} />
              <button type="button" className="button button-primary" onClick={ctx.newRun}>
                Start a new run
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
