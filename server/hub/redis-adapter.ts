// Scale-out: with REDIS_URL, socket.io broadcasts go through Redis, so a browser connected to
// server B watches live output from an agent connected to server A. Channels are named under
// REDIS_KEY_PREFIX and every message is sealed (redis-seal.ts).
import type { Server } from "socket.io";
import { registerReadinessCheck } from "@/lib/health/readiness";
import { log } from "@/lib/log";
import { sealedParser, type Seal } from "./redis-seal";

export async function joinRedisAdapter(
  io: Server,
  { url, keyPrefix, seal }: { url: string; keyPrefix: string; seal: Seal },
): Promise<() => Promise<void>> {
  const { createClient } = await import("redis");
  const { createAdapter } = await import("@socket.io/redis-adapter");
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on("error", (err: unknown) => log.error({ err }, "redis connection error"));
  await Promise.all([pub.connect(), sub.connect()]);
  // The adapter publishes (and counts subscribers) without handling a failure: while Redis
  // restarts, that would be a process-wide unhandled rejection. A broadcast lost then is what
  // pub/sub promises anyway (a page fills the hole by replay); the failure is logged instead. The
  // same promise goes back, so a caller that awaits it still sees the error.
  for (const name of ["publish", "sendCommand"] as const) {
    const call = (pub[name] as (...args: unknown[]) => Promise<unknown>).bind(pub);
    Object.defineProperty(pub, name, {
      value: (...args: unknown[]) => {
        const sent = call(...args);
        sent.catch((err: unknown) => log.warn({ err: String(err), command: name }, "redis command failed"));
        return sent;
      },
    });
  }
  io.adapter(createAdapter(pub, sub, { key: keyPrefix, parser: sealedParser(seal) }));
  log.info({ url: url.replace(/\/\/[^@]*@/, "//***@") }, "socket.io redis adapter on");
  // Without Redis this instance cannot reach runs on the others: it is not ready (/readyz).
  const forgetCheck = registerReadinessCheck("redis", async () => {
    if ((await pub.ping()) !== "PONG") throw new Error("Redis did not answer PONG");
  });
  return async () => {
    forgetCheck();
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
