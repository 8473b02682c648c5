// What a link in an incident points to, in words: a run by its playbook, host and time, a playbook
// by its title, a web page by its host. "link" tells a reader nothing.
import { formatDateTime } from "@/lib/format/dates";

/** What a run is known by. */
export interface RunHeadline {
  playbookSlug: string;
  hostName: string;
  /** ISO 8601. */
  createdAt: string;
}

/** The names a label can use; unknown ones fall back to the slug or id. */
export interface LinkNames {
  playbook(slug: string): string;
  step(slug: string, stepId: string): string;
  run(id: string): RunHeadline | undefined;
}

/** "Run of Ray actor stuck… on vm-ray-1, 5 Nov 2025, 10:00:00 UTC". */
export function runLabel(run: RunHeadline, playbookTitle: string): string {
  return `Run of ${playbookTitle} on ${run.hostName}, ${formatDateTime(run.createdAt)}`;
}

const RUN_PATH = /^\/runs\/([^/?#]+)/;
const PLAYBOOK_PATH = /^\/playbooks\/([^/?#]+)(?:[?][^#]*)?(?:#step-(.+))?$/;

/** The run a site path points to (`/runs/ID`, `/runs/ID#step-run-…`), if it points to one. */
export function runIdOf(link: string): string | undefined {
  const id = RUN_PATH.exec(link)?.[1];
  return id ? decodeURIComponent(id) : undefined;
}

export function linkLabel(link: string, names: LinkNames): string {
  const runId = runIdOf(link);
  if (runId) {
    const run = names.run(runId);
    return run ? runLabel(run, names.playbook(run.playbookSlug)) : `Run ${runId.slice(0, 10)}`;
  }
  const playbook = PLAYBOOK_PATH.exec(link);
  if (playbook?.[1]) {
    const slug = decodeURIComponent(playbook[1]);
    const step = playbook[2] ? decodeURIComponent(playbook[2]) : undefined;
    const title = names.playbook(slug);
    return step ? `${title}, step “${names.step(slug, step)}”` : title;
  }
  if (/^https?:\/\//i.test(link)) {
    try {
      return new URL(link).hostname.replace(/^www\./, "");
    } catch {
      return link;
    }
  }
  return link;
}
