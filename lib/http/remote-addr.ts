import proxyAddr from "proxy-addr";

/** Header the custom server sets to the client address (lib/http/client-address.ts), overwriting any client copy. */
export const REMOTE_ADDR_HEADER = "x-casebook-remote-addr";

// proxy-addr's own range: 127.0.0.0/8 and ::1, IPv4-mapped forms included; not a valid address is not loopback.
const loopback = proxyAddr.compile("loopback");

export function isLoopback(addr: string | null | undefined): boolean {
  return !!addr && loopback(addr, 0);
}
