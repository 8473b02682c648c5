// The query string of GET /api/search, checked: one schema for what the endpoint accepts.
import { z } from "zod";
import { MAX_QUERY_CHARS } from "./search-index";

export const MAX_RESULTS = 50;

export const searchParamsSchema = z.object({
  q: z
    .string({ error: "is required: paste an error message or type what you are looking for" })
    .describe("The text: an error message, or what you are looking for.")
    .max(MAX_QUERY_CHARS, `must be at most ${MAX_QUERY_CHARS} characters`)
    .trim()
    .min(1, "must not be empty"),
  limit: z
    .string()
    .regex(/^\d+$/, `must be a whole number from 1 to ${MAX_RESULTS}`)
    .transform(Number)
    .pipe(z.number().min(1, `must be from 1 to ${MAX_RESULTS}`).max(MAX_RESULTS, `must be from 1 to ${MAX_RESULTS}`))
    .optional(),
  tag: z
    .string()
    .trim()
    .max(100, "must be at most 100 characters")
    .optional()
    .transform((t) => t || undefined),
});

export type SearchParams = z.output<typeof searchParamsSchema>;

export type ParsedSearchParams = { ok: true; value: SearchParams } | { ok: false; error: string };

export function parseSearchParams(params: URLSearchParams): ParsedSearchParams {
  const raw = {
    q: params.get("q") ?? undefined,
    limit: params.get("limit") ?? undefined,
    tag: params.get("tag") ?? undefined,
  };
  const result = searchParamsSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: `${issue?.path.join(".") || "query"} ${issue?.message ?? "is invalid"}` };
}
