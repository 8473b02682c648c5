import createMDX from "@next/mdx";
import type { NextConfig } from "next";
import { HELP_MDX_OPTIONS } from "./lib/help/mdx-options";

const config: NextConfig = {
  // Native and server-only packages stay outside the bundle; Node loads them at run time.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "pino",
    "shiki",
    "@mdx-js/mdx",
    // The shell parser loads its .wasm files from the packages at run time (lib/playbooks/shell-parser.ts).
    "web-tree-sitter",
    "tree-sitter-bash",
    // Bundles the playbook parse worker at run time (lib/playbooks/parse-worker-bundle.ts).
    "esbuild",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() and app/forbidden.tsx: requireUser() answers 403 when a role is too low.
  experimental: { authInterrupts: true },
};

// The help pages (app/help) are MDX and import docs/*.md, compiled at build time. Playbooks are not
// imported: they stay compiled at run time from content/ (lib/render/compile-body.ts).
const withMDX = createMDX({ extension: /\.mdx?$/, options: HELP_MDX_OPTIONS });

export default withMDX(config);
