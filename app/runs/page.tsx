import type { Metadata } from "next";
import { FilterActions } from "@/components/filter-actions";
import { RunList } from "@/components/runs/run-list";
import { requireUser } from "@/lib/auth/session";
import { listHosts } from "@/lib/hosts/manage-hosts";
import { getContentIndex } from "@/lib/playbooks/content-index";
import { listRuns } from "@/lib/runs/run-views";

export const metadata: Metadata = { title: "Runs" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function one(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.length <= 200 ? v : undefined;
}

export default async function RunsPage({ searchParams }: Props) {
  await requireUser();
  const params = await searchParams;
  const playbookSlug = one(params.playbook);
  const hostId = one(params.host);
  const [runs, hosts, index] = await Promise.all([
    listRuns({ playbookSlug, hostId, take: 100 }),
    listHosts({ includeRevoked: true }),
    getContentIndex(),
  ]);
  const titles = new Map([...index.playbooks.values()].map((p) => [p.slug, p.title]));
  const playbooks = [...titles].sort((a, b) => a[1].localeCompare(b[1]));
  const filtered = playbookSlug !== undefined || hostId !== undefined;

  return (
    <div className="page">
      <header className="page-header">
        <h1>Runs</h1>
        <p className="page-lead">Every run of a playbook on a host, newest first. Open one to replay its steps.</p>
      </header>
      <form className="filter-bar" method="get" action="/runs">
        <label>
          Playbook
          <select name="playbook" defaultValue={playbookSlug ?? ""}>
            <option value="">All playbooks</option>
            {playbooks.map(([slug, title]) => (
              <option key={slug} value={slug}>
                {title}
              </option>
            ))}
            {playbookSlug && !titles.has(playbookSlug) ? <option value={playbookSlug}>{playbookSlug}</option> : null}
          </select>
        </label>
        <label>
          Host
          <select name="host" defaultValue={hostId ?? ""}>
            <option value="">All hosts</option>
            {hosts.map((host) => (
              <option key={host.id} value={host.id}>
                {host.name}
                {host.revoked ? " (revoked)" : ""}
              </option>
            ))}
          </select>
        </label>
        <FilterActions clearHref="/runs" filtered={filtered} />
      </form>
      {runs.length === 0 ? (
        <div className="empty-state">
          <h2>{filtered ? "No runs match" : "No runs yet"}</h2>
          <p>Open a playbook, pick a host and run a step: the run is recorded here.</p>
        </div>
      ) : (
        <RunList runs={runs} titles={titles} />
      )}
    </div>
  );
}
