// How the help pages' MDX and Markdown (app/help, docs/*.md) are compiled at build time by
// @next/mdx. Turbopack hands these options to its loader processes as JSON, so plugins are named
// by package, never passed as functions. The help tests compile every help source with these same
// options (app/help/help-pages.test.tsx).
import { SHIKI_OPTIONS } from "../render/shiki-options";

/** The grammars the docs use; shiki loads any other one on first use (lazy). */
const HELP_LANGUAGES = ["sh", "bash", "yaml", "mdx", "ini", "json", "text"];

export const HELP_MDX_OPTIONS = {
  // GitHub tables, as the docs are written for GitHub too.
  remarkPlugins: ["remark-gfm"],
  rehypePlugins: ["rehype-slug", ["@shikijs/rehype", { ...SHIKI_OPTIONS, langs: HELP_LANGUAGES }]],
} satisfies { remarkPlugins: PluginName[]; rehypePlugins: PluginName[] };

type PluginName = string | [name: string, options: object];
