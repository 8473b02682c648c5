#!/usr/bin/env node
// The agent as one JavaScript file that plain `node` runs: no tsx, so no esbuild beside it and no
// TypeScript compiled at start. pack.mjs puts it in the tarball; `node agent/scripts/bundle.mjs
// OUTFILE` makes one for `npm start`'s local agent (lib/hosts/local-agent.ts). The bundle reads its
// version from ../package.json and needs node-pty where Node.js resolves it from OUTFILE.
import path from "node:path";
import { build } from "esbuild";

const agentDir = path.resolve(import.meta.dirname, "..");

export async function bundleAgent(outfile) {
  await build({
    entryPoints: [path.join(agentDir, "src/main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // node-pty is native; ws's speed-ups are optional and absent is fine.
    external: ["node-pty", "bufferutil", "utf-8-validate"],
    // Bundled CommonJS (socket.io-client's dependencies) calls require().
    banner: {
      js: [
        "#!/usr/bin/env node",
        // Under its own name: esbuild does not see the banner, so a bundled import could clash.
        "import { createRequire as createBannerRequire } from 'node:module';",
        "const require = createBannerRequire(import.meta.url);",
      ].join("\n"),
    },
    // An idle agent holds its whole source in memory: minified (names kept, for readable stack
    // traces in its logs) it is a third of the size, and ASCII, which V8 stores at a byte a character.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    logLevel: "warning",
  });
}

if (process.argv[1] === import.meta.filename) {
  const outfile = process.argv[2];
  if (!outfile) throw new Error("usage: node agent/scripts/bundle.mjs OUTFILE");
  await bundleAgent(path.resolve(outfile));
}
