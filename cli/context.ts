// What every command gets: the client, whether to answer in JSON, and where to write. Live output
// goes to stdout; progress and verdicts to stderr, so `casebook run … > out.txt` keeps the output.
import type { CasebookClient } from "./client";

export interface Io {
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
}

export interface Context {
  client: CasebookClient;
  json: boolean;
  io: Io;
}

/** Exit codes: a run's verdict, and everything that is not one. */
export const EXIT = { passed: 0, failed: 1, other: 2 } as const;

export function printJson(ctx: Context, value: unknown): void {
  ctx.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
