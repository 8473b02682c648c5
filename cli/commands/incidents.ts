// `casebook incidents import <file>` (a Markdown write-up or a JSON export; POST /api/incidents/import)
// and `casebook incidents export [--out FILE]` (all incidents as JSON; GET /api/incidents/export).
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliError } from "../client";
import type { Context } from "../context";
import { EXIT, printJson } from "../context";

export async function importIncident(ctx: Context, file: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new CliError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const name = path.basename(file);
  const type = name.endsWith(".json") ? "application/json" : "text/markdown";
  const res = await ctx.client.request("POST", `/api/incidents/import?${new URLSearchParams({ name })}`, {
    body: text,
    headers: { "content-type": type },
  });
  const made = (await res.json()) as { id: string; title: string };
  const url = ctx.client.link(`/incidents/${made.id}`);
  if (ctx.json) printJson(ctx, { ...made, url });
  else ctx.io.stdout(`Imported incident ${made.id}: ${made.title}\n  ${url}\n`);
  return EXIT.passed;
}

export async function exportIncidents(ctx: Context, opts: { out?: string }): Promise<number> {
  const res = await ctx.client.request("GET", "/api/incidents/export");
  const text = await res.text();
  if (!opts.out) {
    ctx.io.stdout(text.endsWith("\n") ? text : `${text}\n`);
    return EXIT.passed;
  }
  await writeFile(opts.out, text);
  const count = countIncidents(text);
  if (ctx.json) printJson(ctx, { out: opts.out, incidents: count });
  else ctx.io.stderr(`Wrote ${count ?? "the"} incidents to ${opts.out}\n`);
  return EXIT.passed;
}

function countIncidents(text: string): number | null {
  try {
    const body = JSON.parse(text) as unknown;
    if (Array.isArray(body)) return body.length;
    const list = (body as { incidents?: unknown }).incidents;
    return Array.isArray(list) ? list.length : null;
  } catch {
    return null;
  }
}
