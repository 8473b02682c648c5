// What the hub can be told; defaults come from the environment and the real content index / auth.
import type { SessionUser } from "@/lib/auth/request-user";
import type { Playbook } from "@/lib/playbooks/types";

export interface HubOptions {
  /** The content index. Default: getPlaybook from lib/playbooks/content-index. */
  getPlaybook: (slug: string) => Promise<Playbook | undefined>;
  /** The signed-in user for a /ui handshake. Default: the better-auth session cookie. */
  authenticateUser: (headers: Headers) => Promise<SessionUser | null>;
  /** Browser origins allowed to connect (agents send none). Default: lib/auth/origins. */
  allowedOrigins: string[];
  /** Unacknowledged output an agent may have in flight per step (AGENT_WINDOW_KB). */
  windowBytes: number;
  heartbeatMs: number;
  /** How long a step waits for its agent to come back after a dropped connection (AGENT_RECONNECT_GRACE_S). */
  agentGraceMs: number;
  /** Output kept per step; beyond it the step is stopped (RUN_MAX_STEP_OUTPUT_MB). */
  maxOutputBytes: number;
  /** Mark leftover runs interrupted and prune old ones when the hub starts. */
  housekeeping: boolean;
  /** Redis for socket.io broadcasts across server instances (REDIS_URL); null for one instance. */
  redisUrl: string | null;
  /** Prefix of the Redis channels (REDIS_KEY_PREFIX), so several deployments can share one Redis. */
  redisKeyPrefix: string;
}

/** The agent's credit window when AGENT_WINDOW_KB is not set. */
export const DEFAULT_AGENT_WINDOW_KB = 4096;

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

export async function resolveHubOptions(
  given: Partial<HubOptions>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<HubOptions> {
  return {
    getPlaybook: given.getPlaybook ?? (await import("@/lib/playbooks/content-index")).getPlaybook,
    authenticateUser: given.authenticateUser ?? (await import("@/lib/auth/request-user")).userFromHeaders,
    allowedOrigins: given.allowedOrigins ?? (await import("@/lib/auth/origins")).trustedOrigins(env),
    windowBytes: given.windowBytes ?? numberFrom(env, "AGENT_WINDOW_KB", DEFAULT_AGENT_WINDOW_KB) * 1024,
    heartbeatMs: given.heartbeatMs ?? 15_000,
    agentGraceMs: given.agentGraceMs ?? numberFrom(env, "AGENT_RECONNECT_GRACE_S", 30) * 1000,
    maxOutputBytes: given.maxOutputBytes ?? Math.floor(numberFrom(env, "RUN_MAX_STEP_OUTPUT_MB", 64) * 1024 * 1024),
    housekeeping: given.housekeeping ?? true,
    redisUrl: given.redisUrl !== undefined ? given.redisUrl : env.REDIS_URL || null,
    redisKeyPrefix: given.redisKeyPrefix ?? (env.REDIS_KEY_PREFIX || "casebook"),
  };
}
