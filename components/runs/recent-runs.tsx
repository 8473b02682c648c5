// "Recent runs" of one playbook or one host, with a link to the full history. On a playbook page
// the run being followed there is folded in live (RecentRunsList).
import { listRuns } from "@/lib/runs/run-views";
import { RecentRunsList } from "./recent-runs-list";

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
      <RecentRunsList
        runs={runs}
        take={take}
        playbookSlug={playbookSlug}
        hide={[playbookSlug ? "playbook" : "host"]}
        allHref={`/runs?${query}`}
        allLabel={`All runs${playbookSlug ? " of this playbook" : " on this host"}`}
      />
    </div>
  );
}
