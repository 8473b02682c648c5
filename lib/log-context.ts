// Fields every log line written on behalf of one request carries (its request id), without
// passing a logger through every call: pino's mixin reads them from here. A process singleton,
// so the custom server sets what the Next bundle's code logs with.
import { AsyncLocalStorage } from "node:async_hooks";
import { processSingleton } from "./process-singleton";

const storage = processSingleton("logContext", () => new AsyncLocalStorage<Record<string, string>>());

export function withLogContext<T>(fields: Record<string, string>, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, fn);
}

export function logContext(): Record<string, string> {
  return storage.getStore() ?? {};
}
