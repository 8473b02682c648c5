#!/usr/bin/env node
// The agent is TypeScript run through tsx, so it installs and runs without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
main(process.argv);
