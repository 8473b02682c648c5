// "Record incident" for a run: opens the incident form prefilled from the run. For the run page and
// the run panel (see docs/incidents.md).
import Link from "next/link";

export function RecordIncidentLink({ runId, className = "button" }: { runId: string; className?: string }) {
  return (
    <Link className={className} href={`/incidents/new?run=${encodeURIComponent(runId)}`}>
      Record incident
    </Link>
  );
}
