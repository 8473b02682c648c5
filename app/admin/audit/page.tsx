import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format/dates";
import { requireUser } from "@/lib/auth/session";
import { listAudit } from "@/lib/runs/audit";
import "@/components/runs/runs.css";
import { TableHead } from "@/components/table-head";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function beforeParam(value: string | string[] | undefined): Date | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function shorten(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export default async function AuditPage({ searchParams }: Props) {
  await requireUser("admin");
  const before = beforeParam((await searchParams).before);
  // One extra row tells whether an older page exists.
  const rows = await listAudit({ take: PAGE_SIZE + 1, before });
  const entries = rows.slice(0, PAGE_SIZE);
  const older = rows.length > PAGE_SIZE ? entries[entries.length - 1]?.at : undefined;

  return (
    <div className="page">
      <header className="page-header">
        <h1>Audit log</h1>
        <p className="page-lead">
          Every step execution and every host and user change: who (as they were named at the time), where, which
          playbook version, the command and its outcome. Newest first.
        </p>
      </header>
      {entries.length === 0 ? (
        <div className="empty-state">
          <h2>Nothing recorded {before ? "before this point" : "yet"}</h2>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table audit-table">
            <TableHead columns={["When", "Action", "Who", "Host", "Playbook", "Step", "Command", "Outcome"]} />
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.userName || e.userEmail ? (
                      <span title={e.userEmail ?? undefined}>
                        {e.userName ?? e.userEmail}
                        {e.userName && e.userEmail ? <span className="muted"> · {e.userEmail}</span> : null}
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>{e.hostName ?? <span className="muted">—</span>}</td>
                  <td>{e.playbook ? <code>{e.playbook}</code> : <span className="muted">—</span>}</td>
                  <td>{e.stepId ? <code>{e.stepId}</code> : <span className="muted">—</span>}</td>
                  <td>
                    {e.command ? <code title={e.command}>{shorten(e.command)}</code> : <span className="muted">—</span>}
                  </td>
                  <td>
                    {[e.verdict, e.exitCode !== null ? `exit ${e.exitCode}` : null, e.detail]
                      .filter(Boolean)
                      .join(" · ") || <span className="muted">—</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Audit pages">
        {before ? <Link href="/admin/audit">Newest</Link> : null}
        {older ? <Link href={`/admin/audit?before=${encodeURIComponent(older)}`}>Older</Link> : null}
      </nav>
    </div>
  );
}
