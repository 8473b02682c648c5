// JSON lines on stdout, one object per event: journald and log shippers take them as they are.
type Level = "debug" | "info" | "warn" | "error" | "fatal";
const order: Record<Level, number> = { debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };
const threshold = order[(process.env.CASEBOOK_LOG_LEVEL as Level | undefined) ?? "info"] ?? order.info;

function write(level: Level, fields: Record<string, unknown>, msg: string): void {
  if (order[level] < threshold) return;
  const err = fields.err instanceof Error ? { err: { message: fields.err.message, stack: fields.err.stack } } : {};
  process.stdout.write(
    JSON.stringify({ time: new Date().toISOString(), level, app: "casebook-agent", msg, ...fields, ...err }) + "\n",
  );
}

export const log = {
  debug: (fields: Record<string, unknown>, msg: string) => write("debug", fields, msg),
  info: (fields: Record<string, unknown>, msg: string) => write("info", fields, msg),
  warn: (fields: Record<string, unknown>, msg: string) => write("warn", fields, msg),
  error: (fields: Record<string, unknown>, msg: string) => write("error", fields, msg),
  fatal: (fields: Record<string, unknown>, msg: string) => write("fatal", fields, msg),
};
