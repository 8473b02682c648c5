// Every way into the app, found from the files themselves: route handlers (app/**/route.ts, by
// exported method), server actions (app/**/actions.ts and the "use server" modules in lib/actions,
// by exported name), pages (app/**/page.tsx) and the events agents send. The entry-point test and
// the authorisation matrix walk these lists, so a new one is covered the moment it exists. Paths
// are relative to app/. Listing needs only the file system (the e2e spec uses it); loading imports
// the modules, so do it after DATABASE_URL points at a test database.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const APP_DIR = path.resolve(import.meta.dirname, "../app");
const SHARED_ACTIONS_DIR = path.resolve(APP_DIR, "../lib/actions");

import { HTTP_METHODS } from "@/lib/http/methods";

export { HTTP_METHODS };

/** better-auth's catch-all: its endpoints are listed from the auth instance (authEndpoints below). */
export const AUTH_ROUTE = "api/auth/[...all]/route.ts";

function filesNamed(name: string): string[] {
  return readdirSync(APP_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .sort();
}

export const routeFiles = (): string[] => filesNamed("route.ts");
export const pageFiles = (): string[] => filesNamed("page.tsx");

/** A page's actions sit beside it in actions.ts; shared ones are "use server" modules in lib/actions. */
export function actionFiles(): string[] {
  const shared = readdirSync(SHARED_ACTIONS_DIR)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .filter((file) => readFileSync(path.join(SHARED_ACTIONS_DIR, file), "utf8").startsWith('"use server"'))
    .map((file) => `../lib/actions/${file}`);
  return [...filesNamed("actions.ts"), ...shared];
}

/** The path a page serves, segments as written: `incidents/[id]/page.tsx` → `/incidents/[id]`. */
export function pagePath(file: string): string {
  const dir = path.dirname(file);
  return dir === "." ? "/" : `/${dir.split(path.sep).join("/")}`;
}

async function exportsOf(file: string): Promise<Record<string, unknown>> {
  return (await import(path.join(APP_DIR, file))) as Record<string, unknown>;
}

export interface FoundHandler {
  /** `api/incidents/route.ts POST`: the key the entry-point test and the matrix use. */
  key: string;
  file: string;
  method: (typeof HTTP_METHODS)[number];
  handler: unknown;
}

/** Each exported method of each route file. */
export async function routeHandlers(files = routeFiles()): Promise<FoundHandler[]> {
  const found: FoundHandler[] = [];
  for (const file of files) {
    const mod = await exportsOf(file);
    for (const method of HTTP_METHODS) {
      if (method in mod) found.push({ key: `${file} ${method}`, file, method, handler: mod[method] });
    }
  }
  return found;
}

export interface FoundAction {
  /** `hosts/actions.ts addHostAction`. */
  key: string;
  file: string;
  name: string;
  action: unknown;
}

/** Each exported function of each server-action module. */
export async function serverActions(files = actionFiles()): Promise<FoundAction[]> {
  const found: FoundAction[] = [];
  for (const file of files) {
    for (const [name, action] of Object.entries(await exportsOf(file))) {
      if (typeof action === "function") found.push({ key: `${file} ${name}`, file, name, action });
    }
  }
  return found;
}

/**
 * The events an agent may send the hub: the members of AgentToServerEvents in agent/src/protocol.ts.
 * It is a type, not a value, so it is read from the source with the TypeScript parser.
 */
export async function agentEventNames(): Promise<string[]> {
  const { default: ts } = await import("typescript");
  const file = path.resolve(APP_DIR, "../agent/src/protocol.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const names: string[] = [];
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== "AgentToServerEvents") return;
    for (const member of node.members) {
      if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)))
        names.push(member.name.text);
    }
  });
  if (names.length === 0) throw new Error(`no AgentToServerEvents interface in ${file}`);
  return names.sort();
}
