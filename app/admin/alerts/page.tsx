import { SOURCE_KIND_LABELS } from "@/lib/alerts/kinds";
import { listSources } from "@/lib/alerts/sources";
import { serverBaseUrl } from "@/lib/auth/origins";
import { requireUser } from "@/lib/auth/session";
import { formatDay, formatTime } from "@/lib/format/dates";
import { listDeliveries } from "@/lib/notifications/delivery-log";
import { listTargets } from "@/lib/notifications/targets";
import { TableHead } from "@/components/table-head";
import { CreateSourceForm, CreateTargetForm, DeleteButton, TriageForm } from "./alert-forms";
import "@/components/runs/runs.css";
import "./alerts.css";

export const metadata = { title: "Alerts and notifications" };

export default async function AlertsPage() {
  await requireUser("admin");
  const [sources, targets, deliveries] = await Promise.all([listSources(), listTargets(), listDeliveries()]);
  const base = serverBaseUrl().replace(/\/+$/, "");

  return (
    <div className="page admin-alerts">
      <header className="page-header">
        <h1>Alerts and notifications</h1>
        <p className="page-lead">
          Monitoring systems post alerts here; each alert opens or updates an incident. With triage on, Casebook runs
          the suggested playbook&apos;s read steps on the host the alert names, as the admin who turned it on (capped at
          operator). Notifications go out when an incident opens or changes status, and when a triage step fails. Setup
          for each system: docs/api.md, &ldquo;Alerts and notifications&rdquo;.
        </p>
      </header>

      <section className="page-section" aria-labelledby="sources">
        <h2 id="sources">Alert sources ({sources.length})</h2>
        {sources.length ? (
          <div className="table-scroll">
            <table className="data-table alerts-table">
              <TableHead columns={["Name", "Kind", "Posts to", "Triage", "Added", "Actions"]} />
              <tbody>
                {sources.map((s) => (
                  <tr key={s.id}>
                    <td>{s.name}</td>
                    <td>{SOURCE_KIND_LABELS[s.kind]}</td>
                    <td className="alerts-url">
                      <code>{`${base}/api/alerts/${s.id}`}</code>
                    </td>
                    <td>
                      <TriageForm sourceId={s.id} name={s.name} triage={s.triage} hostLabel={s.hostLabel} />
                    </td>
                    <td>
                      <time dateTime={s.createdAt.toISOString()}>{formatDay(s.createdAt)}</time>
                    </td>
                    <td>
                      <DeleteButton kind="source" id={s.id} name={s.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="hint">No sources yet.</p>
        )}
        <h3 className="alerts-subheading">Add a source</h3>
        <CreateSourceForm />
      </section>

      <section className="page-section" aria-labelledby="targets">
        <h2 id="targets">Notification targets ({targets.length})</h2>
        {targets.length ? (
          <div className="table-scroll">
            <table className="data-table alerts-table">
              <TableHead columns={["Name", "Kind", "Host", "Added", "Actions"]} />
              <tbody>
                {targets.map((t) => (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>{t.kind === "slack" ? "Slack-compatible" : "Signed webhook"}</td>
                    <td>{t.host}</td>
                    <td>
                      <time dateTime={t.createdAt.toISOString()}>{formatDay(t.createdAt)}</time>
                    </td>
                    <td>
                      <DeleteButton kind="target" id={t.id} name={t.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="hint">No targets yet: nothing is sent.</p>
        )}
        <h3 className="alerts-subheading">Add a target</h3>
        <CreateTargetForm />
      </section>

      <section className="page-section" aria-labelledby="deliveries">
        <h2 id="deliveries">Delivery log</h2>
        {deliveries.length ? (
          <div className="table-scroll">
            <table className="data-table alerts-table">
              <TableHead columns={["Queued", "Event", "Target", "Status", "Attempts", "Last answer"]} />
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <time dateTime={d.createdAt.toISOString()}>{formatTime(d.createdAt)}</time>
                    </td>
                    <td>{d.event}</td>
                    <td>{d.target.name}</td>
                    <td>
                      <span className={`badge delivery-${d.status}`}>{d.status}</span>
                      {d.status === "pending" && d.attempts > 0 ? (
                        <span className="muted"> retry {formatTime(d.nextAttemptAt)}</span>
                      ) : null}
                    </td>
                    <td>{d.attempts}</td>
                    <td className="alerts-error">{d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : "—")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="hint">Nothing sent yet.</p>
        )}
      </section>
    </div>
  );
}
