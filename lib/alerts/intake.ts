// An alert, into an incident: the first post of a fingerprint (per source) opens one, linked to its
// suggested playbooks, and starts triage where the source opted in; later posts of it add to that
// incident's timeline (and reopen it if it fires again). Posts of one fingerprint are handled one at
// a time in this process, so a burst of repeats opens one incident.
import "server-only";
import { db } from "@/lib/db/client";
import { createIncident } from "@/lib/incidents/create-incident";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { amendedInput, newIncidentInput } from "./alert-incident";
import { amendIncident } from "./amend-incident";
import type { Alert } from "./payloads";
import { suggestPlaybooks } from "./suggest-playbooks";

export interface IntakeSource {
  id: string;
  name: string;
  triage: boolean;
  hostLabel: string | null;
  triageUserId: string | null;
}

export type IntakeAction = "opened" | "updated" | "resolved" | "ignored";

export interface IntakeResult {
  fingerprint: string;
  action: IntakeAction;
  incidentId: string | null;
}

/** Starts triage of a newly opened incident; injected so intake does not load the hub's client. */
export type StartTriage = (source: IntakeSource, alert: Alert, incidentId: string, playbooks: string[]) => void;

export async function takeAlert(source: IntakeSource, alert: Alert, startTriage: StartTriage): Promise<IntakeResult> {
  return oneAtATime(`${source.id}\0${alert.fingerprint}`, async () => {
    const now = new Date();
    const key = { sourceId_fingerprint: { sourceId: source.id, fingerprint: alert.fingerprint } };
    const known = await db.alertFingerprint.findUnique({ where: key, select: { incidentId: true } });
    const editor = `alert source ${source.name}`;
    if (known && (await amendIncident(known.incidentId, (i) => amendedInput(i, alert, source.name, now), editor))) {
      await db.alertFingerprint.update({ where: key, data: { status: alert.status } });
      const action = alert.status === "resolved" ? "resolved" : "updated";
      return { fingerprint: alert.fingerprint, action, incidentId: known.incidentId };
    }
    // A resolution of an alert Casebook never saw firing (or whose incident was deleted) opens nothing.
    if (alert.status === "resolved") return { fingerprint: alert.fingerprint, action: "ignored", incidentId: null };
    const playbooks = await suggestPlaybooks(alert);
    const incident = await createIncident(newIncidentInput(alert, source.name, playbooks, now));
    await db.alertFingerprint.upsert({
      where: key,
      create: { sourceId: source.id, fingerprint: alert.fingerprint, incidentId: incident.id, status: alert.status },
      update: { incidentId: incident.id, status: alert.status },
    });
    log.info({ sourceId: source.id, incidentId: incident.id, playbooks }, "alert opened an incident");
    if (source.triage) startTriage(source, alert, incident.id, playbooks);
    return { fingerprint: alert.fingerprint, action: "opened", incidentId: incident.id };
  });
}

const queues = () => processSingleton("alert-fingerprint-queues", () => new Map<string, Promise<unknown>>());

async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const map = queues();
  const before = map.get(key) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(work);
  map.set(key, mine);
  try {
    return await mine;
  } finally {
    if (map.get(key) === mine) map.delete(key);
  }
}
