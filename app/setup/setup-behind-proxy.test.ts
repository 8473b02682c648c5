// /setup's loopback rule behind a reverse proxy on this machine: the proxy's loopback peer must not
// open setup to a remote client. Real HTTP server, real setupAccess on a temp database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-setup-proxy-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET = "test-secret-test-secret-test-secret-0123";

const { db } = await import("@/lib/db/client");
const { setupAccess } = await import("@/lib/auth/first-admin");
const { installClientAddress, parseTrustProxy } = await import("@/lib/http/client-address");
const { REMOTE_ADDR_HEADER } = await import("@/lib/http/remote-addr");

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
});

/** What /setup decides for a request from 127.0.0.1 (the proxy) forwarding for `forwardedFor`. */
async function setupVia(trustSetting: string | undefined, forwardedFor: string): Promise<string> {
  const server = http.createServer((req, res) => {
    const remoteAddr = req.headers[REMOTE_ADDR_HEADER] as string | undefined;
    void setupAccess({ remoteAddr, token: null }).then((via) => res.end(String(via)));
  });
  installClientAddress(server, parseTrustProxy(trustSetting));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/setup`;
    return await (await fetch(url, { headers: { "x-forwarded-for": forwardedFor } })).text();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("/setup behind a reverse proxy", () => {
  it("is refused for a forwarded remote client when the proxy is trusted", async () => {
    expect(await setupVia("loopback", "203.0.113.7")).toBe("null");
  });

  it("stays open to a forwarded loopback client, and ignores X-Forwarded-For without trust", async () => {
    expect(await setupVia("loopback", "127.0.0.1")).toBe("loopback");
    expect(await setupVia(undefined, "203.0.113.7")).toBe("loopback");
  });
});
