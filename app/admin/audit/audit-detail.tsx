// An audit event's detail, readable in a table cell (lib/runs/audit-detail.ts decides the form).
import { auditDetailView } from "@/lib/runs/audit-detail";

export function AuditDetail({ detail }: { detail: string }) {
  const view = auditDetailView(detail);
  if (view.kind === "text") return <span className="audit-detail-text">{view.text}</span>;
  if (view.kind === "fields") {
    return (
      <dl className="audit-detail-fields">
        {view.fields.map(({ key, value }) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    );
  }
  const pre = <pre className="audit-detail-json">{view.pretty}</pre>;
  if (!view.long) return pre;
  return (
    <details className="audit-detail-fold">
      <summary>{view.summary}</summary>
      {pre}
    </details>
  );
}
