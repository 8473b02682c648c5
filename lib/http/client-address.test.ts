// The client address as the custom server computes it, over a real HTTP server and socket.io, with
// X-Forwarded-For sent by the client.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server as SocketServer } from "socket.io";
import { io as connect } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { installClientAddress, parseTrustProxy } from "./client-address";
import { isLoopback, REMOTE_ADDR_HEADER } from "./remote-addr";

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

/** A server on 127.0.0.1 stamped as server/index.ts does; it answers with the address it saw. */
async function serve(trustSetting: string | undefined): Promise<string> {
  const server = http.createServer((req, res) => res.end(req.headers[REMOTE_ADDR_HEADER]));
  const sockets = new SocketServer(server);
  sockets.on("connection", (socket) => socket.emit("address", socket.handshake.headers[REMOTE_ADDR_HEADER]));
  installClientAddress(server, parseTrustProxy(trustSetting));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => new Promise((resolve) => void sockets.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function addressSeen(url: string, headers: Record<string, string> = {}): Promise<string> {
  return (await fetch(url, { headers })).text();
}

describe("client address", () => {
  it("is the TCP peer by default: a client's X-Forwarded-For or own copy of the header changes nothing", async () => {
    const url = await serve(undefined);
    expect(await addressSeen(url)).toBe("127.0.0.1");
    expect(await addressSeen(url, { "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
    expect(await addressSeen(url, { [REMOTE_ADDR_HEADER]: "203.0.113.7" })).toBe("127.0.0.1");
  });

  it("honours X-Forwarded-For from a trusted proxy, and only as far as the trust goes", async () => {
    const loopback = await serve("loopback");
    expect(await addressSeen(loopback, { "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
    // The proxy appends the peer it saw; what the client wrote before it is not trusted.
    expect(await addressSeen(loopback, { "x-forwarded-for": "10.9.9.9, 203.0.113.7" })).toBe("203.0.113.7");
    expect(await addressSeen(loopback)).toBe("127.0.0.1");
    await close?.();

    const list = await serve("10.0.0.0/8, 127.0.0.1");
    expect(await addressSeen(list, { "x-forwarded-for": "203.0.113.9, 10.1.2.3" })).toBe("203.0.113.9");
    await close?.();

    const hops = await serve("1");
    expect(await addressSeen(hops, { "x-forwarded-for": "198.51.100.1, 203.0.113.8" })).toBe("203.0.113.8");
  });

  it("stamps socket.io handshakes too", async () => {
    const url = await serve("loopback");
    const socket = connect(url, { transports: ["websocket"], extraHeaders: { "x-forwarded-for": "203.0.113.5" } });
    const seen = await new Promise<unknown>((resolve) => socket.once("address", resolve));
    socket.close();
    expect(seen).toBe("203.0.113.5");
  });

  it("refuses a setting it cannot read, naming it, and one that would trust every client", () => {
    expect(() => parseTrustProxy("not-an-address")).toThrow(/TRUST_PROXY="not-an-address".*invalid IP address/);
    expect(() => parseTrustProxy("true")).toThrow(/TRUST_PROXY="true" would trust/);
    expect(parseTrustProxy("")("127.0.0.1", 0)).toBe(false);
    expect(parseTrustProxy("0")("127.0.0.1", 0)).toBe(false);
  });
});

describe("isLoopback", () => {
  it("knows IPv4, IPv6 and IPv4-mapped loopback, and nothing else", () => {
    for (const addr of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"])
      expect(isLoopback(addr), addr).toBe(true);
    for (const addr of ["203.0.113.7", "::ffff:203.0.113.7", "127.0.0.1.evil", "", null, undefined]) {
      expect(isLoopback(addr), String(addr)).toBe(false);
    }
  });
});
