// JSON lines on stdout in the shape of ./log-line.ts, the same as the server's.
import { LOG_LEVELS, type LogLevel } from "./log-line";

const rank = (level: LogLevel) => LOG_LEVELS.indexOf(level);
const wanted = process.env.CASEBOOK_LOG_LEVEL as LogLevel | undefined;
const threshold = rank(wanted && LOG_LEVELS.includes(wanted) ? wanted : "info");

function write(level: LogLevel, fields: Record<string, unknown>, msg: string): void {
  if (rank(level) < threshold) return;
  const err = fields.err instanceof Error ? { err: { message: fields.err.message, stack: fields.err.stack } } : {};
  process.stdout.write(
    JSON.stringify({ time: new Date().toISOString(), level, app: "casebook-agent", msg, ...fields, ...err }) + "\n",
  );
}

type Write = (fields: Record<string, unknown>, msg: string) => void;

export const log = Object.fromEntries(
  LOG_LEVELS.map((level) => [level, ((fields, msg) => write(level, fields, msg)) satisfies Write]),
) as Record<LogLevel, Write>;
