// A parse worker: receives batches of jobs, answers with their results. Started by parse-pool.ts
// through parse-worker.mjs.
import { parentPort } from "node:worker_threads";
import { runParseJob, type ParseJob } from "./parse-job";

export type WorkerRequest = { id: number; job: ParseJob }[];
export type WorkerReply =
  { ready: true } | { results: { id: number; result: Awaited<ReturnType<typeof runParseJob>> }[] };

const port = parentPort;
if (port) {
  port.on("message", (batch: WorkerRequest) => {
    void Promise.all(batch.map(async ({ id, job }) => ({ id, result: await runParseJob(job) }))).then((results) =>
      port.postMessage({ results } satisfies WorkerReply),
    );
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}
