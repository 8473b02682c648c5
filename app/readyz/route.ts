// Readiness for load balancers: the database answers, the content index is loaded and, with
// REDIS_URL, Redis answers. 503 names the part that is not ready.
import { readiness } from "@/lib/health/readiness";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export const GET = route({ role: "public" }, async () => {
  const result = await readiness();
  if (!result.ready) log.warn({ checks: result.checks }, "not ready");
  return Response.json(result, { status: result.ready ? 200 : 503 });
});
