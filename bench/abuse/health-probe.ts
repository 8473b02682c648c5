// Sequential GETs of /api/health, one every `everyMs` (or as soon as the last one answered, if slower),
// recording each one's latency in ms. A request that takes longer than the timeout counts as its timeout.
import { nowMs, type Sample } from "./timeline";

export interface HealthProbe {
  stop(): Promise<Sample[]>;
}

export function probeHealth(url: string, everyMs = 20, timeoutMs = 5000): HealthProbe {
  const latencies: Sample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = nowMs();
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
      } catch {
        // a timeout: recorded as the time waited
      }
      const took = nowMs() - start;
      latencies.push({ at: start, value: took });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - took)));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return latencies;
    },
  };
}
