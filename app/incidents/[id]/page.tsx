import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { IncidentHeader } from "@/components/incidents/detail/incident-header";
import { LearningsSection } from "@/components/incidents/detail/learnings-section";
import { NextStepsSection } from "@/components/incidents/detail/next-steps-section";
import { linkNames } from "@/components/incidents/detail/link-names";
import { ProseSection } from "@/components/incidents/detail/prose-section";
import { RootCausesSection } from "@/components/incidents/detail/root-causes-section";
import { SymptomsSection } from "@/components/incidents/detail/symptoms-section";
import { TimelineSection } from "@/components/incidents/detail/timeline-section";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getIncident } from "@/lib/incidents/get-incident";
import { FIELD_LABELS } from "@/lib/incidents/labels";
import { runIdOf } from "@/lib/incidents/link-label";
import { runHeadlines } from "@/lib/incidents/run-headlines";
import { getContentIndex } from "@/lib/playbooks/content-index";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Rendered alongside the page, before the page's own check stops a signed-out visitor.
  await requireUser();
  const incident = await getIncident((await params).id);
  return { title: incident ? incident.title : "Incident not found" };
}

export default async function IncidentPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const [incident, index] = await Promise.all([getIncident(id), getContentIndex()]);
  if (!incident) notFound();
  const linkedRuns = [...incident.runs, ...incident.timeline.map((t) => (t.link ? runIdOf(t.link) : undefined))];
  const names = linkNames(index, await runHeadlines(linkedRuns.filter((id) => id !== undefined)));

  return (
    <div className="page page-medium">
      <Breadcrumb trail={[{ href: "/incidents", label: "Incidents" }]} current={incident.title} />
      <IncidentHeader incident={incident} canEdit={hasRole(user, "operator")} names={names} />
      <ProseSection id="summary" title={FIELD_LABELS.summary.label} text={incident.summary} empty="Not written yet." />
      <SymptomsSection symptoms={incident.symptoms} />
      <RootCausesSection causes={incident.rootCauses} />
      <ProseSection id="resolution" title={FIELD_LABELS.resolution.label} text={incident.resolution} />
      <LearningsSection learnings={incident.learnings} names={names} />
      <TimelineSection entries={incident.timeline} names={names} />
      <NextStepsSection items={incident.actionItems} />
    </div>
  );
}
