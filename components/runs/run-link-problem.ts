// Why the run named in a playbook page's URL (?run=<id>) is not shown there, in words: unknown,
// not the user's to watch, or a run of another playbook. Null when it is shown (or still loading).
import type { UiError } from "@/lib/runs/protocol";

export interface RunLinkProblem {
  title: string;
  detail: string;
  /** Where the run can be seen instead, when it can. */
  link?: { href: string; label: string };
}

export function runLinkProblem(opts: {
  runId: string;
  /** The hub's answer to joining the run, when it refused. */
  error: UiError | null;
  /** The run joined, when it is another playbook's. */
  foreign?: { id: string; playbookSlug: string } | null;
}): RunLinkProblem | null {
  const { runId, error, foreign } = opts;
  if (foreign) {
    return {
      title: "This run belongs to another playbook",
      detail: `Run ${runId} is a run of “${foreign.playbookSlug}”, so its steps are not on this page.`,
      link: {
        href: `/playbooks/${encodeURIComponent(foreign.playbookSlug)}?run=${foreign.id}`,
        label: "Open it there",
      },
    };
  }
  if (!error) return null;
  switch (error.code) {
    case "not-found":
      return {
        title: "Run not found",
        detail: `No run has the id “${runId}”: the link may be mistyped, or the run was deleted.`,
      };
    case "forbidden":
    case "unauthorized":
      return { title: "You cannot open this run", detail: error.message };
    default:
      return { title: "Could not join this run", detail: error.message };
  }
}
