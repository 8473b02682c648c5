// The rules of the playbook format that more than one module (parser, renderer, docs) must agree on.

export { isRisk, RISKS, riskWithin, type Risk } from "@/agent/src/risk";

/** Languages a step's code block may use; the agent runs the code with that shell. */
export const SHELL_LANGS = ["bash", "sh", "zsh"] as const;
export type ShellLang = (typeof SHELL_LANGS)[number];

export function isShellLang(lang: string): lang is ShellLang {
  return (SHELL_LANGS as readonly string[]).includes(lang);
}

export const STEP_ATTRIBUTES = [
  "id",
  "title",
  "risk",
  "riskReason",
  "expect",
  "onPass",
  "onFail",
  "timeout",
  "capture",
  "captureLastLine",
  "captureSecret",
] as const;
export type StepAttribute = (typeof STEP_ATTRIBUTES)[number];

export const CALLOUT_TYPES = ["info", "tip", "warning", "danger"] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];
export const CALLOUT_ATTRIBUTES = ["type", "title"] as const;

/** The JSX components a playbook may use; the renderer must provide exactly these. */
export const COMPONENTS = ["Step", "Callout"] as const;

export const DEFAULT_TIMEOUT_SECONDS = 60;
/** A day: longer than any diagnostic should take, short enough to catch a unit mistake. */
export const MAX_TIMEOUT_SECONDS = 24 * 60 * 60;

/**
 * A slug names a file (`content/<slug>.mdx`), so it stays well under a file name's 255 bytes; a
 * longer one failed with ENAMETOOLONG. Incidents refer to playbooks and steps with the same bound.
 */
export const MAX_SLUG_LENGTH = 100;
/** Step ids, slugs and tags end up in URLs and HTML anchors. */
export const SLUG_PATTERN = new RegExp(`^(?=.{1,${MAX_SLUG_LENGTH}}$)[a-z0-9]+(?:-[a-z0-9]+)*$`);
export const TAG_PATTERN = /^[a-z0-9][a-z0-9.+-]*$/;
/** Input names become environment variables. */
export const INPUT_NAME_PATTERN = /^[A-Z][A-Z0-9_]*$/;
