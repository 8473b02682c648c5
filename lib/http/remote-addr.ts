/** Header the custom server sets to the TCP peer address (overwriting any client copy). */
export const REMOTE_ADDR_HEADER = "x-casebook-remote-addr";

export function isLoopback(addr: string | null | undefined): boolean {
  if (!addr) return false;
  return addr === "::1" || addr.startsWith("127.") || addr.startsWith("::ffff:127.");
}
