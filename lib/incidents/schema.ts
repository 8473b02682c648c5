// One zod schema drives what an incident may contain: the API, the forms, Markdown/JSON import and
// the seed loader all validate through it, so a rule (a size limit, date order) holds everywhere.
import { z } from "zod";
import { sameSitePath } from "@/lib/http/site-path";

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ["investigating", "mitigated", "resolved"] as const;
export type Status = (typeof STATUSES)[number];

export const TIMELINE_KINDS = ["note", "run", "step", "status"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const LEARNING_KINDS = ["insight", "lesson"] as const;
export type LearningKind = (typeof LEARNING_KINDS)[number];

/** Size limits, shared with the form so it can say them before the server does. */
export const LIMITS = {
  title: 200,
  line: 500,
  markdown: 50_000,
  symptom: 4_000,
  symptoms: 50,
  tags: 20,
  timeline: 500,
  timelineText: 4_000,
  rootCauses: 50,
  learnings: 100,
  learningText: 4_000,
  actionItems: 100,
  owner: 100,
  playbooks: 20,
  runs: 50,
  link: 2_000,
} as const;

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const WEB_URL = /^https?:\/\/[^\s<>]*$/;

const tooLong = (max: number) => `must be at most ${max.toLocaleString("en")} characters`;

function singleLine(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} ${tooLong(max)}` })
    .refine((s) => !/[\r\n]/.test(s), { error: `${label} must be a single line` });
}

function markdown(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .max(max, { error: `${label} ${tooLong(max)}` })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim());
}

function slug(label: string) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .toLowerCase()
    .max(100, { error: `${label} ${tooLong(100)}` })
    .regex(SLUG, { error: `${label} must be lowercase letters, digits and dashes` });
}

/** Dates arrive as Date objects (from code) or ISO 8601 strings (from JSON, forms, Markdown). */
function optionalDate(label: string) {
  return z
    .union([z.date(), z.string(), z.null()], { error: `${label} must be a date` })
    .optional()
    .transform((v, ctx): Date | null => {
      if (v === undefined || v === null) return null;
      if (v instanceof Date) {
        if (Number.isNaN(v.getTime())) ctx.addIssue({ code: "custom", message: `${label} is not a valid date` });
        return v;
      }
      const s = v.trim();
      if (s === "") return null;
      const d = /^\d{4}-\d{2}-\d{2}/.test(s) ? new Date(s) : new Date(Number.NaN);
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({
          code: "custom",
          message: `${label} is not a date in ISO 8601 form (e.g. 2025-11-05T14:30:00Z)`,
        });
        return null;
      }
      return d;
    });
}

function requiredDate(label: string) {
  return optionalDate(label).transform((d, ctx): Date => {
    if (d === null) {
      ctx.addIssue({ code: "custom", message: `${label} is required` });
      return new Date(0);
    }
    return d;
  });
}

/** Optional text fields arrive from forms as "" for "none". */
function optional<T extends z.ZodType<string>>(inner: T) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    inner.nullish().transform((v) => v ?? null),
  );
}

const link = optional(
  z
    .string({ error: "Link must be text" })
    .trim()
    .max(LIMITS.link, { error: `Link ${tooLong(LIMITS.link)}` })
    // Only site paths and web URLs: a `javascript:` link in an incident would run on click, and a
    // path that normalises to "//host" would leave the site. Site paths are kept normalised.
    .transform((s, ctx) => {
      const path = s.startsWith("/") ? sameSitePath(s) : WEB_URL.test(s) ? s : null;
      if (path === null)
        ctx.addIssue({ code: "custom", message: "Link must be a site path (/runs/…) or an http(s) URL" });
      return path ?? s;
    }),
);

export const timelineEntrySchema = z.object({
  at: requiredDate("Time"),
  kind: z.enum(TIMELINE_KINDS, { error: `Kind must be one of ${TIMELINE_KINDS.join(", ")}` }),
  text: markdown("Text", LIMITS.timelineText).refine((s) => s.length > 0, { error: "Text is required" }),
  link,
});

export const rootCauseSchema = z.object({
  title: singleLine("Title", LIMITS.title).refine((s) => s.length > 0, { error: "Title is required" }),
  symptom: markdown("Symptom", LIMITS.markdown).default(""),
  cause: markdown("Cause", LIMITS.markdown).default(""),
  evidence: markdown("Evidence", LIMITS.markdown).default(""),
  fix: markdown("Fix", LIMITS.markdown).default(""),
  prevention: markdown("Prevention", LIMITS.markdown).default(""),
});

export const learningSchema = z
  .object({
    kind: z.enum(LEARNING_KINDS, { error: "Kind must be insight or lesson" }).default("insight"),
    text: markdown("Text", LIMITS.learningText).refine((s) => s.length > 0, { error: "Text is required" }),
    playbookSlug: optional(slug("Playbook")),
    stepId: optional(slug("Step")),
  })
  .superRefine((l, ctx) => {
    if (l.stepId && !l.playbookSlug) {
      ctx.addIssue({ code: "custom", path: ["stepId"], message: "A step needs its playbook" });
    }
  });

export const actionItemSchema = z.object({
  text: singleLine("Action", LIMITS.line).refine((s) => s.length > 0, { error: "Action text is required" }),
  owner: singleLine("Owner", LIMITS.owner).default(""),
  done: z.boolean({ error: "Done must be true or false" }).default(false),
});

function list<T extends z.ZodType>(item: T, label: string, max: number) {
  return z
    .array(item, { error: `${label} must be a list` })
    .max(max, { error: `At most ${max} ${label.toLowerCase()}` })
    .default([]);
}

function uniqueStrings(label: string, max: number, item: z.ZodType<string, string>) {
  return z
    .array(item, { error: `${label} must be a list` })
    .max(max, { error: `At most ${max} ${label.toLowerCase()}` })
    .default([])
    .transform((xs) => [...new Set(xs.filter((x) => x.length > 0))]);
}

/** Everything a person records about an incident; authors and ids are the store's business. */
export const incidentInputSchema = z
  .object({
    title: singleLine("Title", LIMITS.title).refine((s) => s.length > 0, { error: "Title is required" }),
    severity: z.enum(SEVERITIES, { error: `Severity must be one of ${SEVERITIES.join(", ")}` }),
    status: z.enum(STATUSES, { error: `Status must be one of ${STATUSES.join(", ")}` }).default("investigating"),
    startedAt: optionalDate("Started"),
    detectedAt: optionalDate("Detected"),
    resolvedAt: optionalDate("Resolved"),
    environment: singleLine("Environment", LIMITS.line).default(""),
    symptoms: list(
      z.string({ error: "Symptom must be text" }).max(LIMITS.symptom, { error: `Symptom ${tooLong(LIMITS.symptom)}` }),
      "Symptoms",
      LIMITS.symptoms,
    ).transform((xs) => [...new Set(xs.map((s) => s.replace(/\r\n?/g, "\n").trim()).filter((s) => s.length > 0))]),
    summary: markdown("Summary", LIMITS.markdown).default(""),
    resolution: markdown("Resolution", LIMITS.markdown).default(""),
    tags: uniqueStrings("Tags", LIMITS.tags, slug("Tag")),
    timeline: list(timelineEntrySchema, "Timeline entries", LIMITS.timeline),
    rootCauses: list(rootCauseSchema, "Root causes", LIMITS.rootCauses),
    learnings: list(learningSchema, "Learnings", LIMITS.learnings),
    actionItems: list(actionItemSchema, "Action items", LIMITS.actionItems),
    playbooks: uniqueStrings("Playbooks", LIMITS.playbooks, slug("Playbook")),
    runs: uniqueStrings(
      "Runs",
      LIMITS.runs,
      z
        .string()
        .trim()
        .max(100, { error: "Run id is too long" })
        .regex(/^[A-Za-z0-9_-]+$/, { error: "Run id is malformed" }),
    ),
  })
  .superRefine(
    (v, ctx) => {
      // Runs even when other fields failed (see `when`), so values may be untransformed.
      const before = (a: unknown, b: unknown) => a instanceof Date && b instanceof Date && a.getTime() < b.getTime();
      if (before(v.detectedAt, v.startedAt)) {
        ctx.addIssue({ code: "custom", path: ["detectedAt"], message: "Detected must not be before Started" });
      }
      if (before(v.resolvedAt, v.startedAt)) {
        ctx.addIssue({ code: "custom", path: ["resolvedAt"], message: "Resolved must not be before Started" });
      }
      if (before(v.resolvedAt, v.detectedAt)) {
        ctx.addIssue({ code: "custom", path: ["resolvedAt"], message: "Resolved must not be before Detected" });
      }
    },
    { when: () => true },
  );

const EXPECTED_UPDATED_AT =
  "is required: the updatedAt of the copy the edit started from (an ISO 8601 time), so a newer save is not overwritten";

/**
 * Which copy an edit started from, its `updatedAt`. Required: an edit without it would overwrite
 * whatever was saved since, unseen.
 */
export const expectedUpdatedAtSchema = z.union(
  [z.date({ error: EXPECTED_UPDATED_AT }), z.iso.datetime({ offset: true, error: EXPECTED_UPDATED_AT })],
  { error: EXPECTED_UPDATED_AT },
);

/** An edit as a request sends it; the incident itself is checked by parseIncidentInput, field by field. */
export const incidentUpdateSchema = z.object(
  {
    expectedUpdatedAt: expectedUpdatedAtSchema,
    incident: z.custom<object>((v) => typeof v === "object" && v !== null, "is required: the incident as edited"),
  },
  { error: "The body must be a JSON object" },
);

/** What callers may send (dates as strings, optional lists). */
export type IncidentInputRaw = z.input<typeof incidentInputSchema>;
/** What the store keeps: validated, trimmed, dates as Date. */
export type IncidentInput = z.output<typeof incidentInputSchema>;
export type TimelineEntryInput = IncidentInput["timeline"][number];
export type RootCauseInput = IncidentInput["rootCauses"][number];
export type LearningInput = IncidentInput["learnings"][number];
export type ActionItemInput = IncidentInput["actionItems"][number];

export interface FieldIssue {
  /** Dotted path into the input, e.g. `rootCauses.0.title`; empty for the whole incident. */
  path: string;
  message: string;
}

/** Bad input, with one reason per field; routes answer it with 400. */
export class IncidentInputError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "));
    this.name = "IncidentInputError";
  }
}

export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** Validates raw input; throws IncidentInputError listing every problem at once. */
export function parseIncidentInput(raw: unknown): IncidentInput {
  const result = incidentInputSchema.safeParse(raw);
  if (!result.success) throw new IncidentInputError(issuesFromZod(result.error));
  return result.data;
}
