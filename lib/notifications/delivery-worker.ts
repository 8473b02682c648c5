// Sends queued notifications (NotificationDelivery rows), one worker per process: woken when an
// event is queued and polling for retries that fall due. A row is claimed by moving its due time
// ahead (a lease), so two instances on one database do not both send it, and a process that died
// mid-send leaves it to be retried once the lease ends. Failures are retried with exponential
// backoff, a bounded number of times; redirects are not followed, so nothing is sent to a host no
// admin configured.
import "server-only";
import { unsealSecret } from "@/lib/alerts/seal";
import { signTimestamped } from "@/lib/alerts/hmac";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";

export const MAX_ATTEMPTS = 8;
export const FIRST_RETRY_MS = 10_000;
export const MAX_RETRY_MS = 30 * 60_000;
const LEASE_MS = 60_000;
const SEND_TIMEOUT_MS = 10_000;
const POLL_MS = 5_000;
const BATCH = 20;

export const SIGNATURE_HEADER = "x-casebook-signature";

/** Wait before attempt n+1, after n failed ones: 10 s, 20 s, 40 s… at most 30 minutes. */
export function retryDelay(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (failedAttempts - 1), MAX_RETRY_MS);
}

interface WorkerState {
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  again: boolean;
}

const state = () =>
  processSingleton<WorkerState>("delivery-worker", () => ({ timer: null, running: null, again: false }));

export function startDeliveryWorker(pollMs = POLL_MS): () => void {
  const s = state();
  if (!s.timer) {
    s.timer = setInterval(wakeDeliveryWorker, pollMs);
    s.timer.unref();
    wakeDeliveryWorker();
  }
  return () => {
    if (s.timer) clearInterval(s.timer);
    s.timer = null;
  };
}

/** Runs a pass now, or right after the one in progress; a no-op where the worker was not started. */
export function wakeDeliveryWorker(): void {
  const s = state();
  if (!s.timer) return;
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = (async () => {
    do {
      s.again = false;
      try {
        await deliverDue();
      } catch (err) {
        log.error({ err }, "notification delivery pass failed");
      }
    } while (s.again);
    s.running = null;
  })();
}

/** Waits for the pass in progress (tests, shutdown). */
export async function deliveryIdle(): Promise<void> {
  while (state().running) await state().running;
}

/** Sends every delivery due at `now`; returns how many were attempted. */
export async function deliverDue(now = new Date()): Promise<number> {
  let attempted = 0;
  for (;;) {
    const due = await db.notificationDelivery.findMany({
      where: { status: "pending", nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH,
      include: { target: true },
    });
    if (due.length === 0) return attempted;
    for (const row of due) {
      const claimed = await db.notificationDelivery.updateMany({
        where: { id: row.id, status: "pending", nextAttemptAt: row.nextAttemptAt },
        data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
      });
      if (claimed.count !== 1) continue;
      attempted++;
      const result = await send(row.target, row.id, row.event, row.body);
      const attempts = row.attempts + 1;
      const failed = !result.ok && attempts >= MAX_ATTEMPTS;
      await db.notificationDelivery.update({
        where: { id: row.id },
        data: {
          attempts,
          status: result.ok ? "delivered" : failed ? "failed" : "pending",
          lastStatus: result.status,
          lastError: result.ok ? null : result.error,
          deliveredAt: result.ok ? new Date() : null,
          nextAttemptAt: result.ok || failed ? now : new Date(now.getTime() + retryDelay(attempts)),
        },
      });
      if (!result.ok) log.warn({ deliveryId: row.id, attempts, error: result.error }, "notification not delivered");
    }
  }
}

type Sent = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function send(
  target: { kind: string; url: string; secretSealed: string | null },
  id: string,
  event: string,
  body: string,
): Promise<Sent> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Casebook-Notifications",
  };
  if (target.kind === "webhook") {
    const secret = target.secretSealed ? unsealSecret(target.secretSealed) : null;
    if (secret === null) return { ok: false, status: null, error: "the target's secret cannot be read; add it again" };
    headers[SIGNATURE_HEADER] = signTimestamped(secret, body);
    headers["x-casebook-event"] = event;
    headers["x-casebook-delivery"] = id;
  }
  try {
    const res = await fetch(target.url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await res.body?.cancel();
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    const redirect = res.status >= 300 && res.status < 400 ? " (redirects are not followed)" : "";
    return { ok: false, status: res.status, error: `HTTP ${res.status}${redirect}` };
  } catch (err) {
    return { ok: false, status: null, error: whyNotSent(err) };
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, a timeout) is in its cause. */
function whyNotSent(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } }).cause;
  const code = cause?.code ?? cause?.errors?.find((e) => e.code)?.code;
  if (code) return code;
  if (err instanceof Error && err.name === "TimeoutError") return `no answer in ${SEND_TIMEOUT_MS / 1000} s`;
  return cause?.message ?? (err instanceof Error ? err.message : String(err));
}
