import pino, { type DestinationStream } from "pino";
import { logContext } from "./log-context";

/**
 * The server's structured logger: JSON lines on stdout (LOG_LEVEL sets the level), in the shape
 * the agent writes too (agent/src/log-line.ts): ISO time, the level by name, and the request id of
 * the request being served.
 */
export function createLogger(destination?: DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: { app: "casebook" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: logContext,
  };
  return destination ? pino(options, destination) : pino(options);
}

export const log = createLogger();
