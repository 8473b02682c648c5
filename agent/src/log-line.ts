// The one shape of a log line, for the server (pino, lib/log.ts) and the agent (./log.ts) alike:
// a JSON object per line, so journald and log shippers read both the same way. lib/log.test.ts
// holds both loggers to it.
// A namespace import, so that the bundle (agent/scripts/pack.mjs) leaves out what is never used.
import * as z from "zod";

export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const logLineSchema = z.looseObject({
  time: z.iso.datetime(),
  level: z.enum(LOG_LEVELS),
  app: z.enum(["casebook", "casebook-agent"]),
  msg: z.string(),
  /** The HTTP request a server line was written for (x-request-id). */
  reqId: z.string().optional(),
  runId: z.string().optional(),
  stepRunId: z.string().optional(),
  err: z.object({ message: z.string(), stack: z.string().optional() }).loose().optional(),
});
export type LogLine = z.infer<typeof logLineSchema>;
