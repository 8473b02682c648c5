// Recorded runs as a table: when, which playbook and host, who, and how its steps went.
import Link from "next/link";
import type { RunListItem } from "@/lib/runs/run-list-item";
import type { Verdict } from "@/lib/runs/protocol";
import { formatDateTime } from "@/lib/format/dates";
import { RUN_STATUS_LABELS, VERDICT_LABELS } from "./run-format";
import "./runs.css";
import { TableHead } from "@/components/table-head";

const VERDICT_ORDER: Verdict[] = [
  "passed",
  "failed",
  "error",
  "timed-out",
  "cancelled",
  "refused",
  "interrupted",
  "running",
];

export function VerdictCounts({ verdicts }: { verdicts: RunListItem["verdicts"] }) {
  const parts = VERDICT_ORDER.filter((v) => verdicts[v]);
  if (parts.length === 0) return <span className="muted">no steps</span>;
  return (
    <span className="verdict-counts">
      {parts.map((v) => (
        <span key={v} className={`verdict-count verdict-text-${v}`}>
          {verdicts[v]} {VERDICT_LABELS[v].toLowerCase()}
        </span>
      ))}
    </span>
  );
}

export function RunList({
  runs,
  titles,
  hide = [],
}: {
  runs: RunListItem[];
  /** Playbook titles by slug; a slug without one is shown as is. */
  titles?: ReadonlyMap<string, string>;
  hide?: ("playbook" | "host")[];
}) {
  return (
    <div className="table-scroll">
      <table className="data-table run-table">
        <TableHead
          columns={[
            "Started",
            !hide.includes("playbook") && "Playbook",
            !hide.includes("host") && "Host",
            "By",
            "Status",
            "Steps",
          ]}
        />
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-run-id={run.id}>
              <td className="run-started">
                <Link href={`/runs/${run.id}`}>
                  <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
                </Link>
              </td>
              {hide.includes("playbook") ? null : (
                <td className="run-playbook">
                  <Link href={`/playbooks/${run.playbookSlug}`}>
                    {titles?.get(run.playbookSlug) ?? run.playbookSlug}
                  </Link>
                </td>
              )}
              {hide.includes("host") ? null : (
                <td className="run-host">
                  <Link href={`/hosts/${run.hostId}`}>{run.hostName}</Link>
                </td>
              )}
              <td className="run-by">{run.userName ?? <span className="muted">deleted user</span>}</td>
              <td>
                <span className={`badge run-status run-status-${run.status}`}>{RUN_STATUS_LABELS[run.status]}</span>
              </td>
              <td>
                <VerdictCounts verdicts={run.verdicts} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
