// The entry point of the packed agent (agent/scripts/pack.mjs bundles from here).
import { main } from "./cli";

main(process.argv);
