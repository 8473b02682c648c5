"use client";
// The rows of "Recent runs" as rendered on the server, with the runs of this page's run context
// (started or joined here) folded in live: a run shows as soon as it starts, and its status and
// step counts follow it. Outside a playbook page there is no run context and the rows are as rendered.
import Link from "next/link";
import { useState } from "react";
import type { RunView } from "@/lib/runs/protocol";
import { withLiveRuns, type RunListItem } from "@/lib/runs/run-list-item";
import { usePlaybookRun } from "./playbook-run-context";
import { RunList } from "./run-list";

interface Props {
  runs: RunListItem[];
  take: number;
  /** Only runs of this playbook are folded in (the list is that playbook's). */
  playbookSlug?: string;
  hide: ("playbook" | "host")[];
  allHref: string;
  allLabel: string;
}

export function RecentRunsList({ runs, take, playbookSlug, hide, allHref, allLabel }: Props) {
  const ctx = usePlaybookRun();
  const live = ctx?.run && playbookSlug && ctx.run.playbookSlug === playbookSlug ? ctx.run : null;
  // Every run seen here, at its latest state: a run stays listed after "Start a new run" clears it.
  const [seen, setSeen] = useState<RunView[]>([]);
  const [lastLive, setLastLive] = useState<RunView | null>(null);
  if (live !== lastLive) {
    setLastLive(live);
    if (live) setSeen((prev) => [...prev.filter((r) => r.id !== live.id), live]);
  }
  const rows = withLiveRuns(runs, live ? [...seen.filter((r) => r.id !== live.id), live] : seen, take);

  if (rows.length === 0) return <p className="run-panel-note">No runs yet.</p>;
  return (
    <>
      <RunList runs={rows} hide={hide} />
      <Link href={allHref} className="recent-runs-all">
        {allLabel}
      </Link>
    </>
  );
}
