// Readiness: whether this instance can serve requests now. A load balancer sends traffic only to a
// ready instance; liveness (/healthz) only says the process answers. Each part that can be unready
// registers its check here; the registry is a process singleton because the custom server
// registers (Redis, in server/hub) and the Next bundle's /readyz route reads.
import "server-only";
import { db } from "@/lib/db/client";
import { processSingleton } from "@/lib/process-singleton";
import { getContentIndex } from "@/lib/playbooks/content-index";

/** Resolves when the part is ready; rejects (or times out) with the reason when it is not. */
export type ReadinessCheck = () => Promise<void>;

/** A check that has not answered by then counts as failed: a hung dependency is not ready. */
const CHECK_TIMEOUT_MS = 2_000;

const registered = processSingleton("readinessChecks", () => new Map<string, ReadinessCheck>());

export const checkDatabase: ReadinessCheck = async () => {
  await db.$queryRaw`SELECT 1`;
};

const BUILT_IN: Record<string, ReadinessCheck> = {
  database: checkDatabase,
  // The first build reads every playbook; until it is done, pages and runs would wait on it.
  content: async () => {
    await getContentIndex();
  },
};

/** Adds (or replaces) a named check, e.g. "redis" once the hub joins its adapter. */
export function registerReadinessCheck(name: string, check: ReadinessCheck): () => void {
  registered.set(name, check);
  return () => {
    if (registered.get(name) === check) registered.delete(name);
  };
}

export interface Readiness {
  ready: boolean;
  /** "ok", or why that part is not ready. */
  checks: Record<string, string>;
}

export async function readiness(): Promise<Readiness> {
  const all = Object.entries({ ...BUILT_IN, ...Object.fromEntries(registered) });
  const results = await Promise.all(all.map(async ([name, check]) => [name, await outcome(check)] as const));
  return { ready: results.every(([, result]) => result === "ok"), checks: Object.fromEntries(results) };
}

async function outcome(check: ReadinessCheck): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return "ok";
  } catch (err) {
    return err instanceof Error ? err.message.split("\n")[0]! : String(err);
  } finally {
    clearTimeout(timer);
  }
}
