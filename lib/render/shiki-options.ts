// How code is highlighted, in one place for both pipelines: playbook bodies compiled at run time
// (compile-body.ts) and the help pages compiled at build time (lib/help/mdx-options.ts). Plain data,
// because Turbopack hands the build's MDX options to its loader processes as JSON.
import type { RehypeShikiCoreOptions } from "@shikijs/rehype/core";

export const CODE_THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;

export const SHIKI_OPTIONS = {
  themes: CODE_THEMES,
  // Both themes become CSS variables; app/globals.css picks one with light-dark().
  defaultColor: false,
  lazy: true,
  defaultLanguage: "text",
  fallbackLanguage: "text",
  addLanguageClass: true,
} satisfies RehypeShikiCoreOptions;
