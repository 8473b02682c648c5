// Time-stamped samples on the machine's monotonic clock (the one emit-ticks.mjs prints), so that the
// figures of one flood can be cut out of a phase by the flood's start and end.
import { readRssKb } from "../stream/rss-sampler";

export interface Sample {
  /** ms on nowMs()'s clock. */
  at: number;
  value: number;
}

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export function within(samples: Sample[], from: number, to: number): number[] {
  return samples.filter((s) => s.at >= from && s.at <= to).map((s) => s.value);
}

/** Samples a process's RSS (MB, 10^6 bytes) every `everyMs` until stopped. */
export function sampleRss(pid: number, everyMs = 100): { stop(): Sample[] } {
  const samples: Sample[] = [];
  const take = () => {
    const kb = readRssKb(pid);
    if (kb !== null) samples.push({ at: nowMs(), value: (kb * 1024) / 1e6 });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
