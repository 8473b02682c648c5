#!/usr/bin/env node
// `npm run agent:pack [-- --out DIR]`: the agent as one installable tarball for this platform,
// casebook-agent-<version>-<platform>-<arch>.tgz. Inside: one JavaScript bundle (bundle.mjs; esbuild
// at pack time only), node-pty's JavaScript and its native module built for this machine, the package.json
// and the systemd unit. A host needs Node.js and nothing from npm: no tsx, no esbuild, no install.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { bundleAgent } from "./bundle.mjs";

const agentDir = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { out: { type: "string", default: path.join(agentDir, "dist") } } });
const out = path.resolve(values.out);
const stage = path.join(out, "package");
const pkg = JSON.parse(fs.readFileSync(path.join(agentDir, "package.json"), "utf8"));

fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });

// In bin/, so the agent finds its version in ../package.json as it does from src/.
await bundleAgent(path.join(stage, "bin/casebook-agent.mjs"));
fs.chmodSync(path.join(stage, "bin/casebook-agent.mjs"), 0o755);

// node-pty: its package.json, its JavaScript, and the native module this machine built.
const ptyFrom = path.dirname(
  execFileSync(process.execPath, ["-p", "require.resolve('node-pty/package.json')"], {
    cwd: agentDir,
    encoding: "utf8",
  }).trim(),
);
const ptyTo = path.join(stage, "node_modules/node-pty");
const runtimeOnly = (file) => !/\.(test\.js|map)$/.test(file);
for (const part of ["package.json", "LICENSE", "lib"]) {
  fs.cpSync(path.join(ptyFrom, part), path.join(ptyTo, part), { recursive: true, filter: runtimeOnly });
}
// Where node-pty looks for a prebuilt module: npm packs a bundled package by its own "files"
// list, which has prebuilds/ but not build/.
const prebuilt = path.join(ptyTo, `prebuilds/${process.platform}-${process.arch}`);
fs.mkdirSync(prebuilt, { recursive: true });
fs.copyFileSync(path.join(ptyFrom, "build/Release/pty.node"), path.join(prebuilt, "pty.node"));
const ptyVersion = JSON.parse(fs.readFileSync(path.join(ptyFrom, "package.json"), "utf8")).version;

fs.copyFileSync(path.join(agentDir, "casebook-agent.service"), path.join(stage, "casebook-agent.service"));
fs.writeFileSync(
  path.join(stage, "package.json"),
  JSON.stringify(
    {
      name: pkg.name,
      version: pkg.version,
      description: pkg.description,
      type: "module",
      bin: { "casebook-agent": "bin/casebook-agent.mjs" },
      engines: pkg.engines,
      os: [process.platform],
      cpu: [process.arch],
      dependencies: { "node-pty": ptyVersion },
      bundleDependencies: ["node-pty"],
    },
    null,
    2,
  ) + "\n",
);

const packed = execFileSync("npm", ["pack", "--pack-destination", out, "--silent"], { cwd: stage, encoding: "utf8" });
const tarball = path.join(out, `${pkg.name}-${pkg.version}-${process.platform}-${process.arch}.tgz`);
fs.renameSync(path.join(out, packed.trim().split("\n").at(-1)), tarball);
console.log(tarball);
