// GET /api/search?q=&limit=&tag= → { query, results }: playbooks (and, once registered, other
// kinds such as incidents), best first, each with the part that matched and a deep link to it.
import { requireApiUser } from "@/lib/auth/session";
import { log } from "@/lib/log";
import { search } from "@/lib/search";
import { parseSearchParams } from "@/lib/search/search-params";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const user = await requireApiUser(req);
  if (user instanceof Response) return user;
  const parsed = parseSearchParams(new URL(req.url).searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  const { q, limit, tag } = parsed.value;
  try {
    const results = await search(q, { limit, tag });
    return Response.json({ query: q, results });
  } catch (err) {
    log.error({ err, userId: user.id }, "search failed");
    return Response.json({ error: "Search is unavailable right now; the server log has the details." }, { status: 500 });
  }
}
