// A real socket.io client inside a signed-in page, for forging /ui requests the UI never sends
// (a viewer running a step, a browser sending a command). It rides the page's session cookie.
import path from "node:path";
import type { Page } from "@playwright/test";

const CLIENT = path.resolve("node_modules/socket.io-client/dist/socket.io.min.js");

interface AckSocket {
  connected: boolean;
  once(event: string, listener: (arg?: unknown) => void): void;
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}

/** Sends `event` on /ui from `page` and returns the hub's acknowledgement. */
export async function emitOnUi(page: Page, event: string, payload: unknown): Promise<unknown> {
  if (!(await page.evaluate(() => "io" in window))) await page.addScriptTag({ path: CLIENT });
  return page.evaluate(
    async ({ event, payload }) => {
      const w = window as unknown as { io: (nsp: string, opts: object) => AckSocket; e2eUiSocket?: AckSocket };
      const socket = (w.e2eUiSocket ??= w.io("/ui", { withCredentials: true, forceNew: true }));
      if (!socket.connected) {
        await new Promise((resolve, reject) => {
          socket.once("connect", resolve);
          socket.once("connect_error", reject);
        });
      }
      return socket.timeout(10_000).emitWithAck(event, payload);
    },
    { event, payload },
  );
}
