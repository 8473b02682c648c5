// Per-socket budgets for what a browser or an agent may send. Each kind of message has a token
// bucket (a burst, refilled at a steady rate); every incoming packet is charged before it is
// parsed, so refused and malformed messages cost as much as good ones. A socket that empties a
// bucket, or has too many commands in flight, is disconnected and logged: a flood ends at the
// first packet over budget instead of queueing work for the database and the event loop.
//
// A bucket of our own rather than a library: the check must be synchronous (socket.io's per-socket
// middleware runs for every packet, and a promise per packet is what a flood should not cost), and
// the state lives and dies with the socket, so there are no keys to expire.
import type { Socket } from "socket.io";
import { log } from "@/lib/log";

export interface Budget {
  /** Messages that may arrive at once. */
  burst: number;
  /** Messages per second refilled after that. */
  perSecond: number;
}

/**
 * /ui. Commands (answered requests, and any event the table does not know) are what a person
 * clicks; signals (`output.ack`) come with each live chunk a terminal writes, at most a few
 * hundred a second (the agent coalesces output into chunks at least 4 ms apart).
 */
export const UI_BUDGETS = {
  command: { burst: 30, perSecond: 10 },
  signal: { burst: 1000, perSecond: 500 },
} as const satisfies Record<string, Budget>;

/** Commands a browser may have awaiting their answer; a page opens a few terminals at most. */
export const UI_MAX_IN_FLIGHT = 8;

/** What a signal the hub ignores (malformed, refused, an ack from a non-watcher) costs: misbehaviour. */
export const UI_IGNORED_SIGNAL_COST = 100;

/**
 * /agent. Output is bounded by its credit (bytes, see the agent namespace) and, by count, far
 * above what coalesced chunks reach, per running step (the namespace divides each chunk's cost);
 * control messages are one hello, a heartbeat every few seconds and an exit or refusal per step.
 */
export const AGENT_BUDGETS = {
  output: { burst: 2000, perSecond: 1000 },
  control: { burst: 100, perSecond: 20 },
} as const satisfies Record<string, Budget>;

/**
 * Connections per host: each one costs a token check, a Host write, a log line and two
 * `host.status` broadcasts to every browser. An agent reconnects with backoff from 0.5 s; a
 * refused one retries later by itself.
 */
export const AGENT_CONNECTIONS: Budget = { burst: 10, perSecond: 0.5 };

export class TokenBucket {
  private tokens: number;
  private at = performance.now();

  constructor(private readonly budget: Budget) {
    this.tokens = budget.burst;
  }

  take(cost: number): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.budget.burst, this.tokens + ((now - this.at) / 1000) * this.budget.perSecond);
    this.at = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}

/** One socket's buckets, by kind; `who` names the socket in the log (user or host). */
export class SocketLimits<K extends string> {
  private readonly buckets = new Map<K, TokenBucket>();
  private readonly counts = new Map<K, number>();
  private closed = false;

  constructor(
    private readonly socket: Pick<Socket, "disconnect">,
    budgets: Record<K, Budget>,
    private readonly who: Record<string, unknown>,
  ) {
    for (const kind of Object.keys(budgets) as K[]) this.buckets.set(kind, new TokenBucket(budgets[kind]));
  }

  /** Charges a message; false (and the socket disconnected) when the budget is spent. */
  charge(kind: K, event: string, cost = 1): boolean {
    if (this.closed) return false;
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    if (this.buckets.get(kind)!.take(cost)) return true;
    this.offend(event, `over the ${kind} budget`, kind);
    return false;
  }

  /** Disconnects the socket for misbehaviour, logging who, the event and how many were sent. */
  offend(event: string, reason: string, kind?: K): void {
    if (this.closed) return;
    this.closed = true;
    const count = kind ? this.counts.get(kind) : undefined;
    log.warn({ ...this.who, event, count, reason }, "socket disconnected for abuse");
    this.socket.disconnect(true);
  }

  get disconnected(): boolean {
    return this.closed;
  }
}
