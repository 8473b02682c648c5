// A parse worker: receives batches of jobs, answers with their results. Started by parse-pool.ts
// through parse-worker.mjs.
import { parentPort } from "node:worker_threads";
import { runParseJob, type ParseJob } from "./parse-job";

export type WorkerRequest = { id: number; job: ParseJob }[];
export type WorkerReply = { ready: true } | { results: { id: number; result: ReturnType<typeof runParseJob> }[] };

const port = parentPort;
if (port) {
  port.on("message", (batch: WorkerRequest) => {
    const reply: WorkerReply = { results: batch.map(({ id, job }) => ({ id, result: runParseJob(job) })) };
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}
