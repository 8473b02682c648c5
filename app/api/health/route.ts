// The original health check, kept for existing probes and the e2e harness: public, and it proves
// the database answers. New probes should use /healthz (liveness) and /readyz (readiness).
import { checkDatabase } from "@/lib/health/readiness";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log";
import * as z from "zod";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    role: "public",
    doc: { summary: "Health check (the database answers)", response: z.object({ ok: z.boolean(), db: z.string() }) },
  },
  async () => {
    try {
      await checkDatabase();
      return Response.json({ ok: true, db: "ok" });
    } catch (err) {
      log.error({ err }, "health check: database query failed");
      return Response.json({ ok: false, db: "error" }, { status: 503 });
    }
  },
);
