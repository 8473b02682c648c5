// Worker entry point. Worker threads do not inherit the TypeScript loader of the process that starts
// them, so this plain module registers tsx for itself and then loads the TypeScript worker.
import { tsImport } from "tsx/esm/api";

await tsImport("./parse-worker.ts", import.meta.url);
