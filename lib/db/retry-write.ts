// A write that must not be lost to a short database outage (a restart, a failover, a SQLite lock
// held past the busy timeout): tried again with backoff until it succeeds or GIVE_UP_MS passed.
import { log } from "@/lib/log";

const FIRST_RETRY_MS = 20;
/** A lost database comes back in seconds (a restart) to a minute (a failover): back off up to this. */
const RETRY_MAX_MS = 1000;
/**
 * Then the write is given up (and the caller logs it). While recorded output waits, the agent gets
 * no credit past what is committed, so what is held is bounded; the bound here keeps a database gone
 * for good from holding a step's end for ever.
 */
const GIVE_UP_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the write's result; rejects with its last error once the database stayed away. */
export async function retryWrite<T>(
  write: () => Promise<T>,
  context: Record<string, unknown>,
  giveUpMs = GIVE_UP_MS,
): Promise<T> {
  const started = Date.now();
  let backoff = FIRST_RETRY_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (Date.now() - started >= giveUpMs) throw err;
      if (attempt === 1) log.warn({ err, ...context }, "database write failed; retrying");
      await sleep(backoff);
      backoff = Math.min(backoff * 2, RETRY_MAX_MS);
    }
  }
}
