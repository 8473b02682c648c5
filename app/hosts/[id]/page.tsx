import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { describePolicy } from "@/components/runs/host-policy";
import { formatDateTime } from "@/lib/format/dates";
import { RecentRuns } from "@/components/runs/recent-runs";
import { mayUseHost } from "@/lib/auth/host-access";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { editableHostAccess } from "@/lib/hosts/host-access-store";
import { getHost } from "@/lib/hosts/manage-hosts";
import { HostAccessForm, RevokeHostButton } from "../host-forms";
import { AccessState, LastSeen, OnlineState } from "../hosts-table";
import "@/components/runs/runs.css";
import { Breadcrumb } from "@/components/breadcrumb";

interface Props {
  params: Promise<{ id: string }>;
}

export const metadata: Metadata = { title: "Host" };

export default async function HostPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const host = await getHost(id);
  if (!host) notFound();
  const admin = hasRole(user, "admin");
  const editable = admin ? await editableHostAccess(host.id) : null;
  const mine = mayUseHost(user, host);
  return (
    <div className="page page-medium">
      <Breadcrumb trail={[{ href: "/hosts", label: "Hosts" }]} current={host.name} />
      <header className="page-header">
        <h1>{host.name}</h1>
      </header>
      <dl className="facts">
        <dt>State</dt>
        <dd>
          <OnlineState host={host} />
        </dd>
        <dt>Access</dt>
        <dd>
          <AccessState host={host} />
          {mine.allowed ? null : <span className="muted"> · you may not use it; ask an admin</span>}
        </dd>
        <dt>Last seen</dt>
        <dd>
          <LastSeen at={host.lastSeenAt} />
        </dd>
        <dt>OS</dt>
        <dd>{host.os ?? "—"}</dd>
        <dt>Agent version</dt>
        <dd>{host.agentVersion ?? "—"}</dd>
        <dt>Policy</dt>
        <dd>{describePolicy(host.policy)}</dd>
        <dt>Token</dt>
        <dd>
          <code>{host.tokenPrefix}…</code>
        </dd>
        <dt>Added</dt>
        <dd>
          {formatDateTime(host.createdAt)}
          {host.local ? " (this machine's local agent)" : ""}
        </dd>
      </dl>
      {admin && !host.revoked ? (
        <div className="run-actions page-section">
          <RevokeHostButton hostId={host.id} name={host.name} />
        </div>
      ) : null}
      {editable ? (
        <section className="page-section" aria-labelledby="host-access">
          <h2 id="host-access">Who may use it</h2>
          <p className="hint">
            Using a host is starting runs on it, acting on its runs and watching them. A change applies at once: people
            it leaves out stop seeing its live output.
          </p>
          <HostAccessForm hostId={host.id} name={host.name} {...editable} />
        </section>
      ) : null}
      <section className="page-section">
        <RecentRuns hostId={host.id} take={20} />
      </section>
    </div>
  );
}
