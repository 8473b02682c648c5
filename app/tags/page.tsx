import type { Metadata } from "next";
import Link from "next/link";
import { tagHref } from "@/components/tag-badge";
import { requireUser } from "@/lib/auth/session";
import { getContentIndex } from "@/lib/playbooks/content-index";
import { groupByTag } from "@/lib/render/catalog";

export const metadata: Metadata = { title: "Tags" };

export default async function TagsPage() {
  await requireUser();
  const groups = groupByTag((await getContentIndex()).playbooks.values());
  return (
    <div className="page page-medium">
      <header className="page-header">
        <h1>Tags</h1>
        <p className="page-lead">Playbooks grouped by the system or tool they are about.</p>
      </header>
      {groups.length === 0 ? <p className="muted">No tags yet.</p> : null}
      <ul className="tag-grid">
        {groups.map((group) => (
          <li key={group.tag} className="tag-tile">
            <Link href={tagHref(group.tag)} className="tag-tile-link">
              <span className="tag-tile-name">{group.tag}</span>
              <span className="count">{group.playbooks.length}</span>
            </Link>
            <p className="tag-tile-titles">{group.playbooks.map((p) => p.title).join(" · ")}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
