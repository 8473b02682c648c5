// "Recent runs" of one playbook or one host, with a link to the full history.
import Link from "next/link";
import { listRuns } from "@/lib/runs/run-views";
import { RunList } from "./run-list";

export async function RecentRuns({
  playbookSlug,
  hostId,
  take = 5,
}: {
  playbookSlug?: string;
  hostId?: string;
  take?: number;
}) {
  const runs = await listRuns({ playbookSlug, hostId, take });
  const query = new URLSearchParams();
  if (playbookSlug) query.set("playbook", playbookSlug);
  if (hostId) query.set("host", hostId);
  return (
    <div className="recent-runs">
      <h3 className="recent-runs-title">Recent runs</h3>
      {runs.length === 0 ? (
        <p className="run-panel-note">No runs yet.</p>
      ) : (
        <>
          <RunList runs={runs} hide={[playbookSlug ? "playbook" : "host"]} />
          <Link href={`/runs?${query}`} className="recent-runs-all">
            All runs{playbookSlug ? " of this playbook" : " on this host"}
          </Link>
        </>
      )}
    </div>
  );
}
