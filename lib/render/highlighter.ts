// One shiki highlighter per process with light and dark GitHub themes. Grammars come from shiki's
// bundled languages and load on first use from node_modules; nothing is fetched.
import { createHighlighter } from "shiki";
import { forgetProcessSingleton, processSingleton } from "@/lib/process-singleton";
import { CODE_THEMES } from "./shiki-options";

// Preloaded because nearly every playbook uses them; others load lazily.
const PRELOADED = ["bash", "shellscript", "shellsession", "yaml", "json", "toml", "python", "dockerfile", "ini"];

export type Highlighter = Awaited<ReturnType<typeof createHighlighter>>;

const SINGLETON = "highlighter";

export function getHighlighter(): Promise<Highlighter> {
  return processSingleton(SINGLETON, () =>
    createHighlighter({ themes: Object.values(CODE_THEMES), langs: PRELOADED }).catch((err: unknown) => {
      forgetProcessSingleton(SINGLETON); // let the next request try again
      throw err;
    }),
  );
}
