// Who wants to hear that an incident was opened or changed status (notifications,
// lib/notifications/incident-listener.ts), told after the change is committed. A process-wide list
// (lib/process-singleton.ts) filled at start-up, so the store does not depend on its listeners.
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import type { Status } from "./schema";
import type { IncidentRecord } from "./types";

export type IncidentEvent =
  | { type: "opened"; incident: IncidentRecord }
  | { type: "status"; incident: IncidentRecord; from: Status; by: string | null };

type Listener = (event: IncidentEvent) => Promise<void> | void;

const listeners = () => processSingleton("incident-listeners", () => new Set<Listener>());

export function onIncidentEvent(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Tells every listener; one that fails is logged, and neither it nor the change is undone. */
export async function emitIncidentEvent(event: IncidentEvent): Promise<void> {
  for (const listener of listeners()) {
    try {
      await listener(event);
    } catch (err) {
      log.error({ err, incidentId: event.incident.id, type: event.type }, "an incident listener failed");
    }
  }
}
