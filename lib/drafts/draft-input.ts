// One zod schema per way into the drafts: the route handlers and the server actions read with these.
import * as z from "zod";
import { MAX_DRAFT_BYTES } from "./draft-rules";

/** A playbook version as the playbook page shows it (title="Version …"). */
const versionField = z
  .string("must be text")
  .trim()
  .regex(/^[0-9a-f]{12}$/, "must be a playbook version: the 12 hex characters of its content hash");

// The slug rule itself (and its message) is checkSlug in draft-rules.ts; this only bounds the text.
const slugField = z.string("must be text").trim().max(1000, "is too long");

/** Drafting from an incident: `{ slug?, replaces? }`. */
export const incidentDraftInput = z.object(
  { slug: slugField.optional(), replaces: versionField.optional() },
  "The body must be JSON: { slug, replaces }",
);

/** An upload's query string: `?slug=&replaces=&name=&dryRun=1` (a dry run checks and saves nothing). */
export const uploadDraftQuery = z.object({
  slug: slugField.optional(),
  replaces: versionField.optional(),
  name: z.string().max(200, "is too long").optional(),
  dryRun: z
    .enum(["1", "true", "0", "false"], "must be 1 (a dry run) or 0")
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

const draftId = z.string().min(1, "Which draft?").max(100, "Which draft?");

export const draftIdInput = z.object({ draftId });

export const approveDraftInput = z.object({
  draftId,
  note: z.string().trim().max(2000, "The note is too long (2,000 characters at most).").default(""),
});

export const rejectDraftInput = z.object({
  draftId,
  reason: z
    .string()
    .trim()
    .min(1, "Say why the draft is rejected: its author reads it.")
    .max(2000, "The reason is too long (2,000 characters at most)."),
});

export const updateDraftInput = z.object({
  draftId,
  mdx: z
    .string()
    .min(1, "The draft is empty.")
    .refine((text) => Buffer.byteLength(text) <= MAX_DRAFT_BYTES, `The draft is over ${MAX_DRAFT_BYTES} bytes.`),
  from: z.string().optional(),
});
