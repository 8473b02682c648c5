#!/usr/bin/env node
// The `casebook` CLI's launcher (package.json "bin"): registers tsx, a dependency of the app, and
// runs cli/index.ts, so the CLI needs no build step after `npm install`.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/index.ts");
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
