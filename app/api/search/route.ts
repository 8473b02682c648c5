// GET /api/search?q=&limit=&tag= → { query, results }: playbooks (and, once registered, other
// kinds such as incidents), best first, each with the part that matched and a deep link to it.
import * as z from "zod";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log";
import { search } from "@/lib/search";
import { searchParamsSchema as query } from "@/lib/search/search-params";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    role: "viewer",
    query,
    doc: {
      summary: "Search playbooks",
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
