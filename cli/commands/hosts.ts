// `casebook hosts`: the hosts the token's user may see, with their agent's state (GET /api/hosts).
import type { HostView } from "../../lib/runs/protocol";
import { CliError } from "../client";
import type { Context } from "../context";
import { EXIT, printJson } from "../context";

export async function listHosts(ctx: Context): Promise<HostView[]> {
  return (await ctx.client.json<{ hosts: HostView[] }>("GET", "/api/hosts")).hosts;
}

/** A host named by its id or its name (names are unique). */
export async function findHost(ctx: Context, wanted: string): Promise<HostView> {
  const hosts = await listHosts(ctx);
  const host = hosts.find((h) => h.id === wanted) ?? hosts.find((h) => h.name === wanted);
  if (host) return host;
  const names = hosts.map((h) => h.name).join(", ") || "none";
  throw new CliError(`No host "${wanted}" (by name or id). Hosts: ${names}.`);
}

export async function hosts(ctx: Context): Promise<number> {
  const all = await listHosts(ctx);
  if (ctx.json) {
    printJson(ctx, { hosts: all });
    return EXIT.passed;
  }
  const rows = all.map((h) => [
    h.name,
    h.revoked ? "revoked" : h.online ? "online" : "offline",
    h.local ? "local" : "",
    h.os ?? "",
    h.id,
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length), 4));
  for (const row of rows) {
    ctx.io.stdout(`${row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join("  ")}\n`);
  }
  if (rows.length === 0) ctx.io.stderr("No hosts you may use.\n");
  return EXIT.passed;
}
