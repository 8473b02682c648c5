// The unit of work of a content build, the same whether it runs on the main thread or in a worker.
import { parsePlaybook, type ParseResult } from "./parse-playbook";

export interface ParseJob {
  file: string;
  source: Uint8Array;
  mtime: Date;
}

export function runParseJob(job: ParseJob): ParseResult {
  try {
    return parsePlaybook(job.file, job.source, { mtime: job.mtime });
  } catch (error) {
    // A parser bug must cost one playbook, not the site.
    const reason = error instanceof Error ? error.message : String(error);
    return { errors: [{ file: job.file, line: 1, message: `internal error while parsing: ${reason}` }] };
  }
}
