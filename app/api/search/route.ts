// GET /api/search?q=&limit=&tag= → { query, results }: playbooks (and, once registered, other
// kinds such as incidents), best first, each with the part that matched and a deep link to it.
import * as z from "zod";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log";
import { search } from "@/lib/search";
import { parseSearchParams } from "@/lib/search/search-params";

export const dynamic = "force-dynamic";

// parseSearchParams owns what the query may hold and how a bad one is worded.
const query = z.record(z.string(), z.string()).transform((raw, ctx) => {
  const parsed = parseSearchParams(new URLSearchParams(raw));
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: parsed.error });
  return z.NEVER;
});

export const GET = route(
  {
    role: "viewer",
    query,
    doc: {
      summary: "Search playbooks",
      description: "Query: q (the text, e.g. an error message), limit, tag.",
      response: z.object({ query: z.string(), results: z.array(z.record(z.string(), z.unknown())) }),
    },
  },
  async ({ user, query: { q, limit, tag } }) => {
    try {
      const results = await search(q, { limit, tag });
      return Response.json({ query: q, results });
    } catch (err) {
      log.error({ err, userId: user.id }, "search failed");
      return Response.json(
        { error: "Search is unavailable right now; the server log has the details." },
        { status: 500 },
      );
    }
  },
);
