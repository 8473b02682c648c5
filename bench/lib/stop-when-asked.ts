// For a bench server run as a child process: stop on SIGTERM, or when the benchmark that started
// it is gone without a word (its IPC channel closes, e.g. after a SIGKILL), so nothing lingers.
export function stopWhenAsked(stop: () => Promise<void>): void {
  let stopping = false;
  const once = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 5000).unref();
    void stop().finally(() => process.exit(0));
  };
  process.on("SIGTERM", once);
  process.on("disconnect", once);
}
