// Parses many playbooks on all cores. MDX parsing costs a few milliseconds per file, so a thousand
// playbooks on one thread would take most of the 10 s budget; worker threads share the load while
// the main thread keeps parsing too (it would otherwise sit idle while the workers start).
import "server-only";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { log } from "@/lib/log";
import { runParseJob, type ParseJob } from "./parse-job";
import type { ParseResult } from "./parse-playbook";
import { bundledParseWorker } from "./parse-worker-bundle";
import type { WorkerReply, WorkerRequest } from "./parse-worker";

// A worker needs a fifth of a second to load the bundled parser (parse-worker-bundle.ts), and its
// first files run cold; below this many files it cannot pay that back.
const MIN_JOBS_FOR_WORKERS = 100;
const MAX_WORKERS = 4;
const BATCH_SIZE = 8;
// The main thread parses too, but lets worker replies in this often so the workers never starve.
const YIELD_EVERY_MS = 10;

/** How many workers to start for `jobCount` files: none for small folders or a single core. */
export function workerCount(jobCount: number): number {
  if (jobCount < MIN_JOBS_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_WORKERS));
}

export interface PoolOptions {
  /** Worker threads to start; default from workerCount(). */
  workers?: number;
  /** The worker's entry module; tests point it elsewhere to see a worker fail. */
  entry?: string;
  /** Parse on the main thread as well (default true); when false it steps in only if every worker fails. */
  mainThread?: boolean;
}

/**
 * Results in the order of `jobs`, and how many of them the workers parsed. A worker that fails hands
 * its jobs back to the main thread, so parsing as a whole never fails.
 */
export async function parseJobs(
  jobs: ParseJob[],
  options: PoolOptions = {},
): Promise<{ results: ParseResult[]; byWorkers: number }> {
  let byWorkers = 0;
  const results = new Array<ParseResult | undefined>(jobs.length);
  const returned: number[] = [];
  let next = 0;
  let inFlight = 0;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  const take = (count: number): number[] => {
    const ids = returned.splice(0, count);
    while (ids.length < count && next < jobs.length) ids.push(next++);
    return ids;
  };

  const started: Worker[] = [];
  let finished = false;
  const attach = (worker: Worker) => {
    let batch: number[] = [];
    const feed = () => {
      batch = take(BATCH_SIZE);
      if (batch.length === 0) return;
      inFlight++;
      worker.postMessage(batch.map((id) => ({ id, job: jobs[id] as ParseJob })) satisfies WorkerRequest);
    };
    worker.on("message", (reply: WorkerReply) => {
      if ("results" in reply) {
        for (const { id, result } of reply.results) results[id] = result;
        byWorkers += reply.results.length;
        inFlight--;
        batch = [];
        signal();
      }
      feed();
    });
    worker.once("error", (error) =>
      log.warn({ err: error }, "playbook parse worker failed; the main thread parses its files"),
    );
    worker.once("exit", () => {
      alive--;
      if (batch.length > 0) {
        returned.push(...batch);
        inFlight--;
        batch = [];
      }
      signal();
    });
  };
  // Workers still starting count as alive, so a pool told not to parse on the main thread waits for them.
  const wanted = options.workers ?? workerCount(jobs.length);
  let alive = wanted;
  if (wanted > 0) {
    // The main thread parses while the worker's entry is found (or bundled) and the workers load.
    void workerEntry(options.entry).then((entry) => {
      const workers = finished ? [] : startWorkers(wanted, entry);
      alive -= wanted - workers.length;
      for (const worker of workers) attach(worker);
      started.push(...workers);
      signal();
    });
  }

  let lastYield = performance.now();
  try {
    for (;;) {
      const remaining = next < jobs.length || returned.length > 0;
      const [id] = remaining && (options.mainThread !== false || alive === 0) ? take(1) : [];
      if (id !== undefined) {
        // Cloned as a worker's result is on its way back: YAML scalars are built a character at a
        // time (chains of string pieces) and a step's strings are slices that hold the whole file.
        // Flat copies take a third less heap, and a playbook is the same whichever thread read it.
        results[id] = structuredClone(await runParseJob(jobs[id] as ParseJob));
        if (alive > 0 && performance.now() - lastYield > YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = performance.now();
        }
      } else if (inFlight > 0 || (remaining && alive > 0)) {
        await new Promise<void>((resolve) => (wake = resolve));
      } else {
        break;
      }
    }
  } finally {
    finished = true;
    for (const worker of started) void worker.terminate();
  }
  return { results: results as ParseResult[], byWorkers };
}

/** The worker to start: the one given, else the bundled worker, else the tsx entry beside this module. */
async function workerEntry(given: string | undefined): Promise<string | undefined> {
  return given ?? (await bundledParseWorker()) ?? tsxEntry();
}

/**
 * Next to this module when it runs from source (the server, scripts, tests). Inside a bundle the file
 * is not there, and parsing simply stays on the main thread.
 */
function tsxEntry(): string | undefined {
  try {
    const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "parse-worker.mjs");
    return existsSync(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

function startWorkers(count: number, entry: string | undefined): Worker[] {
  if (count <= 0 || !entry) return [];
  const workers: Worker[] = [];
  for (let i = 0; i < count; i++) {
    try {
      const worker = new Worker(entry);
      worker.unref();
      workers.push(worker);
    } catch (error) {
      log.warn({ err: error }, "cannot start a playbook parse worker");
    }
  }
  return workers;
}
