import type { Metadata } from "next";
import { ImportForm } from "@/components/incidents/import-form";
import { requireUser } from "@/lib/auth/session";
import { Breadcrumb } from "@/components/breadcrumb";

export const metadata: Metadata = { title: "Import incident" };

export default async function ImportIncidentPage() {
  await requireUser("operator");
  return (
    <div className="page page-narrow">
      <Breadcrumb trail={[{ href: "/incidents", label: "Incidents" }]} current="Import" />
      <header className="page-header">
        <h1>Import a write-up</h1>
        <p className="page-lead">
          Turn a Markdown write-up into an incident. From a terminal: <code>npm run import:incident -- FILE</code>.
        </p>
      </header>
      <ImportForm />
    </div>
  );
}
