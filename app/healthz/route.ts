// Liveness: the process is up and answers. It checks nothing else on purpose: a database outage
// must make the instance unready (/readyz), not get it restarted by its supervisor.
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "public" }, async () => Response.json({ ok: true }));
