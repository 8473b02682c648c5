// What an import did with each part of a guide, so a reviewer can see why a block became a step, an
// expected output or a symptom, or was left as prose. Lines are the source file's own lines.
import type { Risk } from "@/lib/playbooks/types";

/** What a fenced (or shortcode) block in the guide holds. */
export type BlockClass = "commands" | "output" | "interactive" | "config" | "warned-off" | "other";

export type BlockDecision =
  /** Became one or more steps. */
  | { kind: "step"; stepIds: string[] }
  /** Its lines are what an earlier step should print: they feed that step's `expect`. */
  | { kind: "expected-output"; stepId: string }
  /** Its error lines became symptoms. */
  | { kind: "symptoms"; symptoms: string[] }
  /** Stayed in the prose (with a copy button), not runnable. */
  | { kind: "prose" };

export interface ReportBlock {
  line: number;
  lang: string;
  class: BlockClass;
  decision: BlockDecision;
  /** Why, in a sentence: "a `#` prompt: runs as root", "no prompt and no shell-looking first line". */
  reason: string;
}

export type StepRole = "reproduce" | "diagnose" | "fix" | "verify";

export interface ReportStep {
  id: string;
  title: string;
  line: number;
  risk: Risk;
  /** The classifier's reason for the risk. */
  riskReason: string;
  role: StepRole;
  /** Needs root: the source showed it at a `#` prompt. */
  root?: boolean;
}

export interface ReportProblem {
  title: string;
  line: number;
  stepIds: string[];
  symptoms: string[];
}

export interface ReportPlaceholder {
  line: number;
  /** As written in the guide: `<pod-name>`, `IMAGE`, `/path/to/rootfs`. */
  text: string;
  input: string;
}

export interface ReportNote {
  line: number;
  message: string;
}

export interface ImportReport {
  file: string;
  title: string;
  slug: string;
  problems: ReportProblem[];
  steps: ReportStep[];
  blocks: ReportBlock[];
  placeholders: ReportPlaceholder[];
  /** Anything a reviewer should look at: dialect markup rewritten, a variable made an input, … */
  notes: ReportNote[];
}
