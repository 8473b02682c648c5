// Runs on a playbook page: the run context around the page (the hosts to pick from, the steps
// with their risks, the user's role), the run panel with recent runs, and the sticky run bar.
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/session";
import { listHosts } from "@/lib/hosts/manage-hosts";
import { agentStepCommand } from "@/lib/playbooks/step-wire";
import type { Playbook } from "@/lib/playbooks/types";
import { PlaybookRunProvider, type RunPlaybook } from "./playbook-run-context";
import { RecentRuns } from "./recent-runs";
import { RunBar } from "./run-bar";
import { RunPanel } from "./run-panel";
import "./runs.css";

function forRuns(playbook: Playbook): RunPlaybook {
  return {
    slug: playbook.slug,
    title: playbook.title,
    contentHash: playbook.contentHash,
    steps: playbook.steps.map((step) => ({
      id: step.id,
      title: step.title,
      risk: step.risk,
      code: agentStepCommand(step).command,
      variables: step.variables ?? [],
    })),
    inputs: playbook.inputs.map(({ name, label, description, default: def, required, secret, pattern }) => ({
      name,
      label,
      description,
      // A secret's default stays on the server; the hub applies it when the field is left empty.
      default: secret ? undefined : def,
      required,
      secret,
      pattern,
    })),
  };
}

export async function PlaybookRuns({
  playbook,
  user,
  children,
}: {
  playbook: Playbook;
  user: SessionUser;
  children: ReactNode;
}) {
  const hosts = await listHosts();
  return (
    <PlaybookRunProvider
      playbook={forRuns(playbook)}
      user={{ id: user.id, name: user.name, role: user.role }}
      hosts={hosts}
    >
      {children}
    </PlaybookRunProvider>
  );
}

export function PlaybookRunPanel({ slug }: { slug: string }) {
  return <RunPanel recentRuns={<RecentRuns playbookSlug={slug} />} />;
}

export { RunBar };
