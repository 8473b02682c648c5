// No client component reaches a module marked `import "server-only"` (the database, the files),
// directly or through other modules. `next build` refuses that too, but only after a minute of
// compiling; this walks the import graph in about a second. An ESLint rule on components/ cannot
// say it: server components live there too, and the offending import is often several files away.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib"];
const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs"];

interface ModuleInfo {
  directive: "use client" | "use server" | null;
  serverOnly: boolean;
  /** Project files this module loads at run time (type-only imports are erased, so left out). */
  imports: string[];
}

const modules = new Map<string, ModuleInfo>();

function info(file: string): ModuleInfo {
  let found = modules.get(file);
  if (!found) {
    found = read(file);
    modules.set(file, found);
  }
  return found;
}

function read(file: string): ModuleInfo {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const first = source.statements[0];
  const directive =
    first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : null;
  const specifiers: string[] = [];
  let serverOnly = false;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (!statement.importClause) serverOnly ||= statement.moduleSpecifier.text === "server-only";
      if (!isTypeOnly(statement)) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      if (ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
    }
  }
  source.forEachChild(function visit(node) {
    const dynamic = ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword;
    const [arg] = dynamic ? node.arguments : [];
    if (arg && ts.isStringLiteral(arg)) specifiers.push(arg.text);
    node.forEachChild(visit);
  });
  return {
    directive: directive === "use client" || directive === "use server" ? directive : null,
    serverOnly,
    imports: specifiers.map((s) => resolve(s, file)).filter((f): f is string => f !== null),
  };
}

function isTypeOnly(statement: ts.ImportDeclaration): boolean {
  const clause = statement.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
}

function resolve(specifier: string, from: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null; // a package: server-only itself is seen by read()
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  return candidates.find((c) => EXTENSIONS.includes(path.extname(c)) && existsSync(c)) ?? null;
}

/** The import chain from `file` to a server-only module, or null. Server actions are a boundary. */
function chainToServerOnly(file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  const mod = info(file);
  if (mod.serverOnly) return [file];
  for (const next of mod.imports) {
    if (info(next).directive === "use server") continue; // the client gets a reference, not the module
    const chain = chainToServerOnly(next, seen);
    if (chain) return [file, ...chain];
  }
  return null;
}

const sourceFiles = SOURCE_DIRS.flatMap((dir) =>
  readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes("generated"))
    .map((f) => path.join(ROOT, dir, f)),
);
const clientFiles = sourceFiles.filter((f) => info(f).directive === "use client");
const relative = (chain: string[]) => chain.map((f) => path.relative(ROOT, f)).join(" → ");

describe('modules marked import "server-only"', () => {
  it("are found, and the walk reaches them from a server page", () => {
    expect(info(path.join(ROOT, "lib/db/client.ts")).serverOnly).toBe(true);
    expect(chainToServerOnly(path.join(ROOT, "app/runs/[id]/page.tsx"))).not.toBeNull();
    expect(clientFiles.length).toBeGreaterThanOrEqual(20);
  });

  it("are never reached from a client component", () => {
    const reached = clientFiles.map((f) => chainToServerOnly(f)).filter((chain) => chain !== null);
    expect(reached.map(relative)).toEqual([]);
  });
});
