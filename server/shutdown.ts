// Stopping one instance: stop accepting, let go of every socket.io connection (agents and
// browsers reconnect, to another instance when there is one), then wait for HTTP requests in
// flight. Without letting go, an agent's websocket keeps server.close() waiting for ever, and the
// instance keeps running forwarded steps long after SIGTERM.
import type http from "node:http";
import type { Hub } from "./hub";

/** Requests still open after this long are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

export async function closeServer(server: http.Server, hub: Pick<Hub, "close">, graceMs = SHUTDOWN_GRACE_MS) {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  await hub.close();
  server.closeIdleConnections();
  const cut = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(cut);
}
