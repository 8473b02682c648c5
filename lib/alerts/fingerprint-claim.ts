// Which instance opens the incident for a new alert. Under scale-out two instances can take the
// first post of one fingerprint at the same moment (Alertmanager sends to every replica it is
// given, and retries). The fingerprint row's key is unique, so it is the lock: an instance first
// claims the row (created, or taken over from an incident since deleted, compare-and-set on the
// old incident id) and only the one whose claim holds opens the incident; the others wait for its
// incident id and amend that incident instead.
import "server-only";
import { db } from "@/lib/db/client";

/** A claimed row's incident id until its incident exists. */
const OPENING = "";
/** How long a loser waits for the winner's incident before giving up with an error (its post is retried). */
const WAIT_MS = 15_000;
const POLL_MS = 100;

export interface FingerprintKey {
  sourceId: string;
  fingerprint: string;
}

/** The row as read before claiming it. */
export interface SeenRow {
  incidentId: string;
  updatedAt: Date;
}

/** Another instance is opening this alert's incident now (not a claim left by one that died). */
export function isBeingOpened(row: SeenRow | null): boolean {
  return row !== null && row.incidentId === OPENING && Date.now() - row.updatedAt.getTime() < WAIT_MS;
}

/**
 * True when this caller won and must open the incident. `seen` is the row as read (its incident
 * deleted, or a dead instance's claim): taken over only if nobody changed it since.
 */
export async function claimFingerprint(key: FingerprintKey, seen: SeenRow | null): Promise<boolean> {
  if (seen !== null) {
    const taken = await db.alertFingerprint.updateMany({
      where: { ...key, incidentId: seen.incidentId, updatedAt: seen.updatedAt },
      data: { incidentId: OPENING, status: "opening" },
    });
    return taken.count === 1;
  }
  try {
    await db.alertFingerprint.create({ data: { ...key, incidentId: OPENING, status: "opening" } });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** The winner did not open its incident in time; the post should be sent again. */
export class ClaimPendingError extends Error {}

/** The incident the winner opened; ClaimPendingError when none appears in time. */
export async function claimedIncident(key: FingerprintKey): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const row = await db.alertFingerprint.findUnique({
      where: { sourceId_fingerprint: key },
      select: { incidentId: true },
    });
    if (row && row.incidentId !== OPENING) return row.incidentId;
    if (Date.now() > deadline)
      throw new ClaimPendingError(`no incident was opened for alert ${key.fingerprint} in time`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function settleClaim(key: FingerprintKey, incidentId: string, status: string): Promise<void> {
  await db.alertFingerprint.update({ where: { sourceId_fingerprint: key }, data: { incidentId, status } });
}

/** The winner could not open its incident: let another post try. */
export async function releaseClaim(key: FingerprintKey): Promise<void> {
  await db.alertFingerprint.deleteMany({ where: { ...key, incidentId: OPENING } });
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "P2002";
}
