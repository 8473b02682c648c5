// An alert, into an incident: the first post of a fingerprint (per source) opens one, linked to its
// suggested playbooks, and starts triage where the source opted in; later posts of it add to that
// incident's timeline (and reopen it if it fires again). Posts of one fingerprint are handled one at
// a time in this process, and across instances the fingerprint row decides who opens the incident
// (./fingerprint-claim.ts), so a burst of repeats opens one incident.
import "server-only";
import { db } from "@/lib/db/client";
import { createIncident } from "@/lib/incidents/create-incident";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { amendedInput, newIncidentInput } from "./alert-incident";
import { amendIncident } from "./amend-incident";
import {
  ClaimPendingError,
  claimedIncident,
  claimFingerprint,
  isBeingOpened,
  releaseClaim,
  settleClaim,
} from "./fingerprint-claim";
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
  return oneAtATime(`${source.id}\0${alert.fingerprint}`, () => intake(source, alert, startTriage));
}

/** One post, unserialised: exported for the test of two instances taking the same new alert. */
export async function intake(source: IntakeSource, alert: Alert, startTriage: StartTriage): Promise<IntakeResult> {
  const key = { sourceId: source.id, fingerprint: alert.fingerprint };
  const select = { incidentId: true, updatedAt: true } as const;
  const known = await db.alertFingerprint.findUnique({ where: { sourceId_fingerprint: key }, select });
  const opening = isBeingOpened(known);
  if (known && !opening && known.incidentId && (await amend(source, alert, known.incidentId))) {
    return amended(source, alert, known.incidentId);
  }
  // A resolution of an alert Casebook never saw firing (or whose incident was deleted) opens nothing.
  if (alert.status === "resolved") return { fingerprint: alert.fingerprint, action: "ignored", incidentId: null };
  if (opening || !(await claimFingerprint(key, known))) {
    const opened = await claimedIncident(key); // another instance is opening it: add to that one
    if (await amend(source, alert, opened)) return amended(source, alert, opened);
    throw new ClaimPendingError(`the incident opened for alert ${alert.fingerprint} is gone`);
  }
  try {
    const playbooks = await suggestPlaybooks(alert);
    const incident = await createIncident(newIncidentInput(alert, source.name, playbooks, new Date()));
    await settleClaim(key, incident.id, alert.status);
    log.info({ sourceId: source.id, incidentId: incident.id, playbooks }, "alert opened an incident");
    if (source.triage) startTriage(source, alert, incident.id, playbooks);
    return { fingerprint: alert.fingerprint, action: "opened", incidentId: incident.id };
  } catch (err) {
    await releaseClaim(key);
    throw err;
  }
}

function amend(source: IntakeSource, alert: Alert, incidentId: string): Promise<boolean> {
  const now = new Date();
  return amendIncident(incidentId, (i) => amendedInput(i, alert, source.name, now), `alert source ${source.name}`);
}

async function amended(source: IntakeSource, alert: Alert, incidentId: string): Promise<IntakeResult> {
  await db.alertFingerprint.update({
    where: { sourceId_fingerprint: { sourceId: source.id, fingerprint: alert.fingerprint } },
    data: { status: alert.status },
  });
  return { fingerprint: alert.fingerprint, action: alert.status === "resolved" ? "resolved" : "updated", incidentId };
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
