import type { Crumb } from "@/components/breadcrumb";

/** The breadcrumb trail of a page under one incident: the list, then the incident. */
export function incidentTrail(incident: { id: string; title: string }): Crumb[] {
  return [
    { href: "/incidents", label: "Incidents" },
    { href: `/incidents/${incident.id}`, label: incident.title },
  ];
}
