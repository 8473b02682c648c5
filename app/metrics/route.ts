// Prometheus scrape endpoint. Metrics name hosts' counts and traffic, so they are not for everyone:
// a scraper on this machine may read them, and one elsewhere sends `Authorization: Bearer
// $METRICS_TOKEN`. Without METRICS_TOKEN, only loopback may.
import { timingSafeEqual } from "node:crypto";
import { jsonError } from "@/lib/http/json-error";
import { isLoopback, REMOTE_ADDR_HEADER } from "@/lib/http/remote-addr";
import { route } from "@/lib/http/route";
import { metrics } from "@/lib/metrics/metrics";

export const dynamic = "force-dynamic";

function hasToken(req: Request, token: string | undefined): boolean {
  if (!token) return false;
  const given = Buffer.from(req.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export const GET = route({ role: "public" }, async ({ req }) => {
  if (!isLoopback(req.headers.get(REMOTE_ADDR_HEADER)) && !hasToken(req, process.env.METRICS_TOKEN)) {
    return jsonError(403, "Metrics are served to loopback, or with Authorization: Bearer $METRICS_TOKEN.");
  }
  return new Response(await metrics.registry.metrics(), {
    headers: { "content-type": metrics.registry.contentType },
  });
});
