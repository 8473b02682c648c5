// Incident store events as notifications: opened (not imported history: a resolved one is not
// news) and every status change.
import "server-only";
import { onIncidentEvent, type IncidentEvent } from "@/lib/incidents/incident-events";
import { processSingleton } from "@/lib/process-singleton";
import { notify } from "./notify";

function toNotification(event: IncidentEvent) {
  const { id, title, severity, status } = event.incident;
  const incident = { id, title, severity, status };
  if (event.type === "opened") return status === "resolved" ? null : { type: "incident.opened" as const, incident };
  return { type: "incident.status" as const, incident, from: event.from, by: event.by };
}

/** Once per process (start-up; tests that drive the store without the server call it too). */
export function registerIncidentNotifications(): void {
  processSingleton("incident-notifications", () =>
    onIncidentEvent(async (event) => {
      const n = toNotification(event);
      if (n) await notify(n);
    }),
  );
}
