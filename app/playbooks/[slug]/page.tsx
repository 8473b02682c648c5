import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContentErrorPanel } from "@/components/content-error-panel";
import { InputsTable } from "@/components/inputs-table";
import { playbookComponents } from "@/components/mdx-components";
import { PlaybookRunPanel, PlaybookRuns, RunBar } from "@/components/runs/playbook-runs";
import { Symptoms } from "@/components/symptoms";
import { TableOfContents, TocRail } from "@/components/toc";
import { TagList } from "@/components/tag-badge";
import { requireUser } from "@/lib/auth/session";
import { getContentIndex } from "@/lib/playbooks/content-index";
import { RISKS, type ContentError, type Playbook, type Risk } from "@/lib/playbooks/types";
import { formatDate } from "@/lib/format/dates";
import { renderPlaybookBody } from "@/lib/render/render-body";
import { hasPlaybookLearnings, PlaybookLearnings, StepLearnings } from "@/components/incidents/playbook-learnings";
import { HashTarget } from "@/components/hash-target";
import { buildToc } from "@/lib/render/toc";
import { Breadcrumb } from "@/components/breadcrumb";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Rendered alongside the page, before the page's own check stops a signed-out visitor.
  await requireUser();
  const { slug } = await params;
  const index = await getContentIndex();
  const playbook = index.playbooks.get(slug);
  if (playbook) return { title: playbook.title, description: playbook.summary };
  return { title: index.broken.has(slug) ? `${slug} (cannot be loaded)` : "Not found" };
}

export default async function PlaybookPage({ params }: Props) {
  const user = await requireUser();
  const { slug } = await params;
  const index = await getContentIndex();
  const playbook = index.playbooks.get(slug);
  if (!playbook) {
    const errors = index.broken.get(slug);
    if (errors) return <BrokenPlaybook slug={slug} errors={errors} />;
    notFound();
  }

  const stepExtra = (stepId: string) => <StepLearnings slug={playbook.slug} stepId={stepId} />;
  const body = await renderPlaybookBody(playbook, playbookComponents(playbook, stepExtra));
  const toc = buildToc(playbook);
  const contents = (
    <TableOfContents
      entries={toc}
      hasSymptoms={playbook.symptoms.length > 0}
      hasInputs={playbook.inputs.length > 0}
      hasLearnings={await hasPlaybookLearnings(playbook.slug)}
    />
  );

  return (
    <PlaybookRuns playbook={playbook} user={user}>
      <div className="page playbook-layout">
        <article className="playbook">
          <Breadcrumb trail={PLAYBOOKS_TRAIL} current={playbook.title} />
          <PlaybookHeader playbook={playbook} />
          <details className="toc-inline">
            <summary>On this page</summary>
            {contents}
          </details>
          <Symptoms playbook={playbook} />
          <InputsTable inputs={playbook.inputs} />
          <PlaybookRunPanel slug={playbook.slug} />
          {body.ok ? (
            <div className="prose">{body.element}</div>
          ) : (
            <ContentErrorPanel title="This playbook's text cannot be rendered" errors={[body.error]} />
          )}
          <PlaybookLearnings slug={playbook.slug} />
          <RunBar />
        </article>
        <TocRail>{contents}</TocRail>
        <HashTarget />
      </div>
    </PlaybookRuns>
  );
}

const PLAYBOOKS_TRAIL = [{ href: "/playbooks", label: "Playbooks" }];

function PlaybookHeader({ playbook }: { playbook: Playbook }) {
  const counts = Object.fromEntries(RISKS.map((risk) => [risk, 0])) as Record<Risk, number>;
  for (const step of playbook.steps) counts[step.risk] += 1;
  const riskCounts = [counts.change ? `${counts.change} change` : "", counts.danger ? `${counts.danger} danger` : ""]
    .filter(Boolean)
    .join(", ");
  return (
    <header className="playbook-header">
      <h1>{playbook.title}</h1>
      <p className="playbook-summary">{playbook.summary}</p>
      <div className="playbook-meta">
        <TagList tags={playbook.tags} />
        <span className="meta-item">
          {playbook.steps.length} {playbook.steps.length === 1 ? "step" : "steps"}
          {counts.change + counts.danger > 0 ? ` (${riskCounts})` : ""}
        </span>
        <span className="meta-item">Updated {formatDate(playbook.updatedAt)}</span>
        <span className="meta-item meta-file" title={`Version ${playbook.contentHash}`}>
          <code>{playbook.file}</code>
        </span>
      </div>
    </header>
  );
}

function BrokenPlaybook({ slug, errors }: { slug: string; errors: ContentError[] }) {
  return (
    <div className="page page-narrow">
      <Breadcrumb trail={PLAYBOOKS_TRAIL} current={slug} />
      <header className="playbook-header">
        <h1>{slug}</h1>
        <p className="playbook-summary">
          This playbook could not be loaded, so it is not shown or searchable until its file is fixed.
        </p>
      </header>
      <ContentErrorPanel
        title={errors.length === 1 ? "1 problem in this playbook" : `${errors.length} problems in this playbook`}
        errors={errors}
      />
    </div>
  );
}
