import type { Metadata } from "next";
import { BrokenPlaybooksNotice } from "@/components/broken-playbooks-notice";
import { PlaybookCard } from "@/components/playbook-card";
import { requireUser } from "@/lib/auth/session";
import { getContentIndex } from "@/lib/playbooks/content-index";
import { byTitle } from "@/lib/render/catalog";

export const metadata: Metadata = { title: "Playbooks" };

export default async function PlaybooksPage() {
  await requireUser();
  const index = await getContentIndex();
  const playbooks = byTitle(index.playbooks.values());
  return (
    <div className="page page-medium">
      <header className="page-header">
        <h1>Playbooks</h1>
        <p className="page-lead">
          {playbooks.length} {playbooks.length === 1 ? "playbook" : "playbooks"}, each a diagnosis you can read or run
          step by step.
        </p>
      </header>
      <BrokenPlaybooksNotice broken={index.broken} />
      <div className="card-list">
        {playbooks.map((p) => (
          <PlaybookCard key={p.slug} playbook={p} />
        ))}
      </div>
    </div>
  );
}
