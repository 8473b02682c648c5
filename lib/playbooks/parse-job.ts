// The unit of work of a content build, the same whether it runs on the main thread or in a worker.
import { checkPlaybook } from "./check-playbook";
import type { ParseResult } from "./parse-playbook";

export interface ParseJob {
  file: string;
  source: Uint8Array;
  mtime: Date;
}

export async function runParseJob(job: ParseJob): Promise<ParseResult> {
  try {
    return await checkPlaybook(job.file, job.source, { mtime: job.mtime });
  } catch (error) {
    // A parser bug must cost one playbook, not the site.
    const reason = error instanceof Error ? error.message : String(error);
    return { errors: [{ file: job.file, line: 1, message: `internal error while parsing: ${reason}` }] };
  }
}
