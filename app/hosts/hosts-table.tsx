"use client";
// The host list, kept live: an agent connecting or leaving flips its row without a reload.
import Link from "next/link";
import { describeHostAccess } from "@/lib/auth/host-access";
import type { HostView } from "@/lib/runs/protocol";
import { describePolicy } from "@/components/runs/host-policy";
import { formatAgo, formatDateTime } from "@/lib/format/dates";
import { UiSocketProvider } from "@/components/runs/ui-socket-provider";
import { useLiveHosts } from "@/components/runs/use-live-hosts";
import { useNow } from "@/components/runs/use-now";
import { RevokeHostButton } from "./host-forms";
import { TableHead } from "@/components/table-head";

export function OnlineState({ host }: { host: Pick<HostView, "online" | "revoked"> }) {
  if (host.revoked)
    return (
      <span className="online-state" data-revoked>
        Revoked
      </span>
    );
  return (
    <span className="online-state" data-online={host.online || undefined}>
      {host.online ? "Online" : "Offline"}
    </span>
  );
}

/** Who may use the host, shown to everyone: an operator left out should know whom to ask. */
export function AccessState({ host }: { host: Pick<HostView, "access"> }) {
  const who = describeHostAccess(host.access);
  if (!who) return <span className="muted">Anyone signed in</span>;
  return <span data-restricted>Restricted to: {who}</span>;
}

export function LastSeen({ at }: { at: string | null }) {
  const now = useNow();
  if (!at) return <span className="muted">never</span>;
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {now === null ? formatDateTime(at) : formatAgo(at, now)}
    </time>
  );
}

export function HostsTable({ hosts, admin }: { hosts: HostView[]; admin: boolean }) {
  return (
    <UiSocketProvider>
      <LiveHostsTable hosts={hosts} admin={admin} />
    </UiSocketProvider>
  );
}

function LiveHostsTable({ hosts: initial, admin }: { hosts: HostView[]; admin: boolean }) {
  const hosts = useLiveHosts(initial);
  return (
    <div className="table-scroll">
      <table className="data-table hosts-table">
        <TableHead
          columns={["Host", "State", "Access", "Last seen", "OS", "Agent", "Policy", "Token", admin && "Actions"]}
        />
        <tbody>
          {hosts.map((host) => (
            <tr key={host.id} data-host={host.name}>
              <td>
                <Link href={`/hosts/${host.id}`}>{host.name}</Link>
                {host.local ? <span className="muted"> (this machine)</span> : null}
              </td>
              <td>
                <OnlineState host={host} />
              </td>
              <td>
                <AccessState host={host} />
              </td>
              <td>
                <LastSeen at={host.lastSeenAt} />
              </td>
              <td>{host.os ?? <span className="muted">—</span>}</td>
              <td>{host.agentVersion ?? <span className="muted">—</span>}</td>
              <td>{describePolicy(host.policy)}</td>
              <td>
                <code>{host.tokenPrefix}…</code>
              </td>
              {admin ? <td>{host.revoked ? null : <RevokeHostButton hostId={host.id} name={host.name} />}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
