import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format/dates";
import { requireUser } from "@/lib/auth/session";
import { listAudit } from "@/lib/runs/audit";
import { auditQuery, type AuditQuery } from "@/lib/runs/audit-query";
import "@/components/runs/runs.css";
import "./audit.css";
import { TableHead } from "@/components/table-head";
import { AuditDetail } from "./audit-detail";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The filters as a query string (without the cursor), for the pager and the export links. */
function filterParams(raw: Record<string, string>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ["user", "host", "action", "from", "to"] as const) if (raw[key]) params.set(key, raw[key]);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

function shorten(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export default async function AuditPage({ searchParams }: Props) {
  await requireUser("admin");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, (Array.isArray(value) ? value[0] : value) ?? ""]),
  );
  const parsed = auditQuery.safeParse(raw);
  const query: AuditQuery = parsed.success ? parsed.data : {};
  // One extra row tells whether an older page exists.
  const rows = parsed.success ? await listAudit({ ...query, take: PAGE_SIZE + 1 }) : [];
  const entries = rows.slice(0, PAGE_SIZE);
  const older = rows.length > PAGE_SIZE ? entries[entries.length - 1]?.seq : undefined;
  const filtered = Boolean(query.user || query.host || query.action || query.from || query.to);

  return (
    <div className="page">
      <header className="page-header">
        <h1>Audit log</h1>
        <p className="page-lead">
          Every step execution and every host and user change: who (as they were named at the time), where, which
          playbook version, the command and its outcome. Newest first. Each event is chained by hash to the last;{" "}
          <code>npm run audit:verify</code> checks the chain.
        </p>
      </header>
      <form className="audit-filters" method="get" action="/admin/audit" aria-label="Filter the audit log">
        <label>
          User <input name="user" defaultValue={raw.user} placeholder="email or name" />
        </label>
        <label>
          Host <input name="host" defaultValue={raw.host} />
        </label>
        <label>
          Action <input name="action" defaultValue={raw.action} placeholder="step.run" />
        </label>
        <label>
          From (UTC) <input name="from" type="datetime-local" step="1" defaultValue={raw.from} />
        </label>
        <label>
          To (UTC) <input name="to" type="datetime-local" step="1" defaultValue={raw.to} />
        </label>
        <button type="submit">Filter</button>
        {filtered ? <Link href="/admin/audit">Clear</Link> : null}
      </form>
      <p className="audit-export">
        Export {filtered ? "the filtered events" : "all events"}:{" "}
        <a href={`/api/audit/export${filterParams(raw, { format: "csv" })}`}>CSV</a> ·{" "}
        <a href={`/api/audit/export${filterParams(raw, { format: "json" })}`}>JSON</a>
      </p>
      {!parsed.success ? (
        <p role="alert" className="error">
          {parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}
        </p>
      ) : entries.length === 0 ? (
        <div className="empty-state">
          <h2>Nothing recorded {query.before ? "before this point" : filtered ? "that matches" : "yet"}</h2>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table audit-table">
            <TableHead columns={["#", "When", "Action", "Who", "Host", "Playbook", "Step", "Command", "Outcome"]} />
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td title={e.hash ?? "written before the hash chain"}>{e.seq}</td>
                  <td>
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </td>
                  <td className="audit-action">
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
                  <td className="audit-outcome">
                    {e.verdict || e.exitCode !== null ? (
                      <div>
                        {[e.verdict, e.exitCode !== null ? `exit ${e.exitCode}` : null].filter(Boolean).join(" · ")}
                      </div>
                    ) : null}
                    {e.detail ? (
                      <AuditDetail detail={e.detail} />
                    ) : e.verdict || e.exitCode !== null ? null : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Audit pages">
        {query.before ? <Link href={`/admin/audit${filterParams(raw)}`}>Newest</Link> : null}
        {older ? <Link href={`/admin/audit${filterParams(raw, { before: String(older) })}`}>Older</Link> : null}
      </nav>
    </div>
  );
}
