// The shapes every part of Casebook shares about playbooks. The parser produces them, the content
// index holds them, search indexes them, pages render them and the run hub executes their steps.

import type { Expectation } from "./expectations";
import type { Risk } from "./format";

export { RISKS, type Risk } from "./format";
export type { Expectation } from "./expectations";

/** A playbook input. It reaches commands only as an environment variable named `name`. */
export interface PlaybookInput {
  name: string; // ^[A-Z][A-Z0-9_]*$
  label: string;
  description?: string;
  default?: string;
  required: boolean; // default true when there is no default
  secret: boolean; // masked in stored output, runs and audit
  pattern?: string; // optional regex the value must match
}

export interface Step {
  id: string; // unique within the playbook; also the HTML anchor `step-<id>`
  title: string;
  lang: string; // the fenced code block's language (bash, sh, zsh, ...)
  code: string;
  risk: Risk; // default "read"; never below the classifier's risk unless riskReason says why
  /** The author's reason for the declared risk; required when it is lower than the classifier's. */
  riskReason?: string;
  /** What the risk classifier found (lib/playbooks/risk-classifier.ts); set by the content check. */
  classified?: { risk: Risk; summary: string };
  expect: Expectation;
  onPass?: string; // step id; default: next step in document order
  onFail?: string; // step id; default: next step in document order
  timeout: number; // seconds; default 60
  /** Values taken from the step's output for the later steps of a run (lib/runs/captures.ts). */
  capture?: StepCapture;
  /** Where the code expands `$NAME` or `${NAME}`, for Copy with a run's values; set by the content check. */
  variables?: VariableUse[];
  /** Prose inside the <Step> element other than the code, as plain text (for search). */
  text: string;
  /** The heading the step sits under, if any. */
  section?: { id: string; title: string };
  line: number; // 1-based line of the <Step> tag in the file
}

/** A step's `capture`, `captureLastLine` and `captureSecret` attributes (docs/playbook-format.md). */
export interface StepCapture {
  /** Regexes written as text, tried on the output with the "m" flag; each named group is a variable. */
  patterns: string[];
  /** The variable that gets the output's last non-blank line, trimmed. */
  lastLine?: string;
  /** Captured names whose values are masked like secret inputs. */
  secret: string[];
}

/** One `$NAME` or `${NAME}` in a step's code: its place (string offsets) and how it is quoted there. */
export interface VariableUse {
  name: string;
  start: number;
  end: number;
  /** Inside double quotes, where a value needs `\`, `"`, `$` and backquote escaped; else a bare word. */
  quoted: boolean;
}

export interface Section {
  id: string; // heading slug, the HTML anchor
  title: string;
  depth: number; // 2..6
  line: number;
  /** Plain text of the prose under this heading up to the next heading (for search). */
  text: string;
}

export interface Playbook {
  slug: string; // file name without .mdx
  file: string; // path relative to the project root, e.g. content/foo.mdx
  title: string;
  summary: string;
  tags: string[];
  symptoms: string[];
  /** Symptom text → the step that diagnoses it (frontmatter `{ text, step }` entries). */
  symptomSteps: Record<string, string>;
  inputs: PlaybookInput[];
  steps: Step[];
  sections: Section[];
  /** Plain text of prose before the first heading. */
  intro: string;
  /** The MDX body without frontmatter, for rendering. */
  body: string;
  /** Line in the file where `body` starts, so render errors can name the file line. */
  bodyLine: number;
  contentHash: string; // sha256 of the file's bytes, hex, first 12 chars
  updatedAt: Date; // file modification time
}

/** A problem found in a content file. `line` is 1-based. */
export interface ContentError {
  file: string;
  line: number;
  column?: number;
  message: string;
}

export interface ContentIndex {
  playbooks: Map<string, Playbook>; // by slug, valid ones only
  /** Playbooks that failed to parse, by slug, so their page can say why. */
  broken: Map<string, ContentError[]>;
  builtAt: Date;
}
