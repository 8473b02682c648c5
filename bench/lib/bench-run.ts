// What every benchmark needs around its work: a scratch folder, and a clean stop (child processes
// ended, the folder removed) on exit, on Ctrl-C and when the watchdog fires, so a run never lingers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { killAllNow, stopAll } from "../stream/child-processes";

export interface BenchRun {
  /** The run's scratch folder. */
  work: string;
  /** Stops every child process and removes the folder; safe to call more than once. */
  cleanUp(): Promise<void>;
}

export function startBenchRun(name: string, watchdogMs: number): BenchRun {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `casebook-${name}-bench-`));
  let cleaned = false;
  async function cleanUp(): Promise<void> {
    if (cleaned) return;
    cleaned = true;
    await stopAll();
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.on("exit", killAllNow);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
  setTimeout(() => {
    console.error(`bench:${name}: still running after ${watchdogMs / 60_000} min; stopping everything`);
    void cleanUp().finally(() => process.exit(2));
  }, watchdogMs).unref();
  return { work, cleanUp };
}
