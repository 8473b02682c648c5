import type { NextConfig } from "next";

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
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() and app/forbidden.tsx: requireUser() answers 403 when a role is too low.
  experimental: { authInterrupts: true },
};

export default config;
