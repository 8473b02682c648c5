import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formStateFrom } from "@/components/incidents/form-state";
import { IncidentForm } from "@/components/incidents/incident-form";
import { playbookOptions } from "@/components/incidents/playbook-options";
import { runOptions } from "@/components/incidents/run-options";
import { requireUser } from "@/lib/auth/session";
import { getIncident } from "@/lib/incidents/get-incident";
import { Breadcrumb } from "@/components/breadcrumb";
import { incidentTrail } from "@/components/incidents/incident-trail";

export const metadata: Metadata = { title: "Edit incident" };
export const dynamic = "force-dynamic";

export default async function EditIncidentPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("operator");
  const { id } = await params;
  const incident = await getIncident(id);
  if (!incident) notFound();
  const playbooks = await playbookOptions();
  return (
    <div className="page page-medium">
      <Breadcrumb trail={incidentTrail(incident)} current="Edit" />
      <header className="page-header">
        <h1>Edit incident</h1>
      </header>
      <IncidentForm
        mode="edit"
        incidentId={id}
        initial={formStateFrom(incident)}
        expectedUpdatedAt={incident.updatedAt.toISOString()}
        playbooks={playbooks}
        runs={await runOptions(incident.runs, playbooks)}
      />
    </div>
  );
}
