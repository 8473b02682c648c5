import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlaybookCard } from "@/components/playbook-card";
import { requireUser } from "@/lib/auth/session";
import { getContentIndex } from "@/lib/playbooks/content-index";
import { byTitle } from "@/lib/render/catalog";
import { Breadcrumb } from "@/components/breadcrumb";

interface Props {
  params: Promise<{ tag: string }>;
}

// Next decodes the segment itself; decoding it again threw URIError for a tag with a literal "%".
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Tag: ${(await params).tag}` };
}

export default async function TagPage({ params }: Props) {
  await requireUser();
  const { tag } = await params;
  const playbooks = byTitle([...(await getContentIndex()).playbooks.values()].filter((p) => p.tags.includes(tag)));
  if (playbooks.length === 0) notFound();
  return (
    <div className="page page-medium">
      <Breadcrumb trail={[{ href: "/tags", label: "Tags" }]} current={tag} />
      <header className="page-header">
        <h1>
          <span className="muted">#</span>
          {tag}
        </h1>
        <p className="page-lead">
          {playbooks.length} {playbooks.length === 1 ? "playbook" : "playbooks"} tagged {tag}.
        </p>
      </header>
      <div className="card-list">
        {playbooks.map((p) => (
          <PlaybookCard key={p.slug} playbook={p} />
        ))}
      </div>
    </div>
  );
}
