// A playbook in a list: what it is for and how big it is.
import Link from "next/link";
import type { Playbook } from "@/lib/playbooks/types";
import { formatRecency } from "@/lib/format/dates";
import { TagList } from "./tag-badge";

export type PlaybookSummary = Pick<Playbook, "slug" | "title" | "summary" | "tags" | "steps" | "updatedAt">;

export function PlaybookCard({ playbook }: { playbook: PlaybookSummary }) {
  return (
    <article className="playbook-card">
      <h3 className="playbook-card-title">
        <Link href={`/playbooks/${playbook.slug}`}>{playbook.title}</Link>
      </h3>
      <p className="playbook-card-summary">{playbook.summary}</p>
      <div className="playbook-card-meta">
        <TagList tags={playbook.tags} />
        <span className="muted">
          {playbook.steps.length} {playbook.steps.length === 1 ? "step" : "steps"} · updated{" "}
          {formatRecency(playbook.updatedAt)}
        </span>
      </div>
    </article>
  );
}
