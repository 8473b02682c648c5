// What a Markdown importer reads out of a document before validation: strings as written, so the
// schema can report a bad severity or date with the line it came from.

export interface RawRootCause {
  title: string;
  symptom: string;
  cause: string;
  evidence: string;
  fix: string;
  prevention: string;
}

export interface RawIncident {
  title: string;
  severity: string;
  status: string;
  startedAt: string | null;
  detectedAt: string | null;
  resolvedAt: string | null;
  environment: string;
  symptoms: string[];
  summary: string;
  resolution: string;
  tags: string[];
  timeline: Array<{ at: string; kind: string; text: string; link: string | null }>;
  rootCauses: RawRootCause[];
  learnings: Array<{ kind: string; text: string; playbookSlug: string | null; stepId: string | null }>;
  actionItems: Array<{ text: string; owner: string; done: boolean }>;
  playbooks: string[];
  runs: string[];
}

/** An importer's result: the incident and the 1-based line each part started on. */
export interface ParsedWriteUp {
  incident: RawIncident;
  /** Keys are dotted input paths (`severity`, `rootCauses.2`); the deepest known prefix wins. */
  lines: Map<string, number>;
}

export function emptyRawIncident(): RawIncident {
  return {
    title: "",
    severity: "SEV3",
    status: "investigating",
    startedAt: null,
    detectedAt: null,
    resolvedAt: null,
    environment: "",
    symptoms: [],
    summary: "",
    resolution: "",
    tags: [],
    timeline: [],
    rootCauses: [],
    learnings: [],
    actionItems: [],
    playbooks: [],
    runs: [],
  };
}

export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
