// CPU time spent by processes during a measurement, from /proc/<pid>/stat (utime + stime), so a
// report can say which process the time goes to.
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function cpuSeconds(pid: number): number {
  try {
    // Fields after "(comm) ": state is [0], utime [11], stime [12].
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0; // gone
  }
}

export function childPids(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Named groups of processes; the benchmark process itself is "client". */
export type ProcessRoles = Record<string, number[]>;

export interface CpuMeter {
  /** CPU seconds per role since the meter started. */
  stop(): Record<string, number>;
}

export function startCpuMeter(roles: ProcessRoles): CpuMeter {
  const before = Object.fromEntries(Object.entries(roles).map(([role, pids]) => [role, pids.map(cpuSeconds)]));
  const own = process.cpuUsage();
  return {
    stop() {
      const spent: Record<string, number> = {};
      for (const [role, pids] of Object.entries(roles))
        spent[role] = pids.reduce((sum, pid, i) => sum + cpuSeconds(pid) - (before[role]?.[i] ?? 0), 0);
      const mine = process.cpuUsage(own);
      spent.client = (mine.user + mine.system) / 1e6;
      return spent;
    },
  };
}
