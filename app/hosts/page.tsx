import type { Metadata } from "next";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listHosts } from "@/lib/hosts/manage-hosts";
import { AddHostForm } from "./host-forms";
import { HostsTable } from "./hosts-table";
import "@/components/runs/runs.css";

export const metadata: Metadata = { title: "Hosts" };

export default async function HostsPage() {
  const user = await requireUser();
  const admin = hasRole(user, "admin");
  const hosts = await listHosts({ includeRevoked: true });
  return (
    <div className="page">
      <header className="page-header">
        <h1>Hosts</h1>
        <p className="page-lead">
          Machines whose agent runs playbook steps. An agent dials out to this server, so a host needs no open port.
        </p>
      </header>
      {hosts.length === 0 ? (
        <div className="empty-state">
          <h2>No hosts yet</h2>
          <p>{admin ? "Add one below, then start its agent." : "An admin adds hosts here."}</p>
        </div>
      ) : (
        <HostsTable hosts={hosts} admin={admin} />
      )}
      {admin ? (
        <section className="page-section" aria-labelledby="add-host">
          <h2 id="add-host">Add a host</h2>
          <p className="hint">
            You get a token for its agent. It is shown once; revoke the host to stop the token working.
          </p>
          <AddHostForm />
        </section>
      ) : null}
    </div>
  );
}
