import "server-only";
// rate-limiter-flexible's counting on better-auth's RateLimit table, so a count holds across restarts
// and server instances, on SQLite and PostgreSQL alike, with no table of its own to migrate.
import { randomUUID } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";

/** A RateLimit row as this store uses it: `lastRequest` holds when the window ends (ms since epoch). */
interface Row {
  count: number;
  lastRequest: bigint;
}

/**
 * The library's Prisma store expects its own table (key, points, expire); this one maps the same
 * four operations onto RateLimit's columns (its base class is not exported, so it extends the Prisma
 * store and replaces all of them). Keys carry the limiter's keyPrefix, which never looks like
 * better-auth's own `<ip>|<path>` keys. better-auth prunes rows whose lastRequest is older than its
 * longest window, so with the window's end stored there a row goes only after it has expired.
 */
export class RateLimitTableStore extends RateLimiterPrisma {
  constructor(opts: { keyPrefix: string; points: number; duration: number }) {
    super({ ...opts, storeClient: db, tableName: "rateLimit", clearExpiredByTimeout: false });
  }

  _getRateLimiterRes(_key: string, changedPoints: number, row: Row): RateLimiterRes {
    const consumed = row.count;
    const msBeforeNext = Math.max(Number(row.lastRequest) - Date.now(), 0);
    return new RateLimiterRes(Math.max(this.points - consumed, 0), msBeforeNext, consumed, consumed === changedPoints);
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<Row> {
    const now = Date.now();
    const window = { count: points, lastRequest: BigInt(now + msDuration) };
    // A row id of its own, never the key: PostgreSQL settles a race to insert the same key through
    // ON CONFLICT ("key") only, so a second unique value shared by racing inserts (the primary key)
    // fails one of them with a unique violation instead of turning it into the increment.
    const create = { id: randomUUID(), key, ...window };
    if (forceExpire) return db.rateLimit.upsert({ where: { key }, create, update: window });
    if (points < 0) {
      // A reward gives back to a live window only: a row that expired meanwhile must not start below 0.
      const live = { key, lastRequest: { gt: BigInt(now) } };
      await db.rateLimit.updateMany({ where: live, data: { count: { increment: points } } });
      return (await db.rateLimit.findFirst({ where: live })) ?? { count: 0, lastRequest: BigInt(now) };
    }
    // An expired row starts a new window; a live one is incremented in the database, so concurrent
    // failures on several instances are all counted.
    await db.rateLimit.deleteMany({ where: { key, lastRequest: { lte: BigInt(now) } } });
    return db.rateLimit.upsert({ where: { key }, create, update: { count: { increment: points } } });
  }

  _get(key: string): Promise<Row | null> {
    return db.rateLimit.findFirst({ where: { key, lastRequest: { gt: BigInt(Date.now()) } } });
  }

  async _delete(key: string): Promise<boolean> {
    return (await db.rateLimit.deleteMany({ where: { key } })).count > 0;
  }
}
