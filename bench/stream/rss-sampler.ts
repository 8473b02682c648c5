// Samples a process's resident set size (VmRSS in /proc/<pid>/status) at a fixed interval.
import fs from "node:fs";

export function readRssKb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null; // the process is gone
  }
}

export interface RssSamples {
  /** In MiB, in sampling order. */
  mib: number[];
  stop(): number[];
}

export function sampleRss(pid: number, everyMs = 250): RssSamples {
  const mib: number[] = [];
  const take = () => {
    const kb = readRssKb(pid);
    if (kb !== null) mib.push(kb / 1024);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    mib,
    stop() {
      clearInterval(timer);
      take();
      return mib;
    },
  };
}
