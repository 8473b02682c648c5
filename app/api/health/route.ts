// Liveness for load balancers and the e2e harness: public, and it proves the database answers.
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export const GET = route({ role: "public" }, async () => {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true, db: "ok" });
  } catch (err) {
    log.error({ err }, "health check: database query failed");
    return Response.json({ ok: false, db: "error" }, { status: 503 });
  }
});
