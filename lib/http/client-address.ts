// The client address, computed once per request by the custom server: the TCP peer, or, through
// proxies TRUST_PROXY names, the address they forwarded (X-Forwarded-For). Pages, better-auth's rate
// limit and the socket.io handshakes read it from REMOTE_ADDR_HEADER.
import type { IncomingMessage, Server } from "node:http";
import proxyAddr from "proxy-addr";
import { REMOTE_ADDR_HEADER } from "./remote-addr";

/** Whether the hop at `hop` (0 = the TCP peer) is a proxy whose X-Forwarded-For entry we believe. */
export type TrustProxy = (addr: string, hop: number) => boolean;

const trustNobody: TrustProxy = () => false;

/**
 * TRUST_PROXY as Express reads "trust proxy": unset, empty or 0 trusts nobody (the TCP peer is the
 * client); a number trusts that many hops; anything else is proxy-addr's comma list of addresses,
 * CIDR ranges and the names loopback, linklocal and uniquelocal. "true" is refused: trusting every
 * hop makes the client's own leftmost X-Forwarded-For entry its address.
 */
export function parseTrustProxy(setting: string | undefined): TrustProxy {
  const value = (setting ?? "").trim();
  if (value === "" || value === "false") return trustNobody;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_addr, hop) => hop < hops;
  }
  if (value === "true") {
    throw new Error(
      `TRUST_PROXY="true" would trust any client's X-Forwarded-For. Name the proxies (loopback, a CIDR list) ` +
        "or give a hop count.",
    );
  }
  const list = value.split(",").map((entry) => entry.trim());
  try {
    return proxyAddr.compile(list);
  } catch (err) {
    throw new Error(
      `TRUST_PROXY="${value}" cannot be read (${(err as Error).message}). Use a hop count, or a comma list of ` +
        "addresses, CIDR ranges, loopback, linklocal or uniquelocal.",
      { cause: err },
    );
  }
}

export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(req, trust) ?? "";
}

/**
 * Stamps every request and WebSocket upgrade with the client address, overwriting any copy the
 * client sent. Call it after socket.io is attached: socket.io wraps the request listeners present
 * when it attaches, so listeners prepended afterwards run first for its handshakes too.
 */
export function installClientAddress(server: Server, trust: TrustProxy): void {
  const stamp = (req: IncomingMessage) => {
    req.headers[REMOTE_ADDR_HEADER] = clientAddress(req, trust);
  };
  server.prependListener("request", stamp);
  server.prependListener("upgrade", stamp);
}
