import pino from "pino";

/** The server's structured logger (JSON lines on stdout; LOG_LEVEL sets the level). */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { app: "casebook" },
});
