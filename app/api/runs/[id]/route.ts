// GET /api/runs/:id → { run: RunView } (any signed-in user): the run, its steps and verdicts.
import { requireApiUser } from "@/lib/auth/request-user";
import { db } from "@/lib/db/client";
import { getPlaybook } from "@/lib/playbooks/content-index";
import { liveRunState } from "@/lib/runs/live-state";
import { loadRunView } from "@/lib/runs/run-views";

export const dynamic = "force-dynamic";

interface Ctx {
  params: Promise<{ id: string }>;
}

export async function GET(req: Request, { params }: Ctx): Promise<Response> {
  const user = await requireApiUser(req);
  if (user instanceof Response) return user;
  const { id } = await params;
  const row = await db.run.findUnique({ where: { id }, select: { playbookSlug: true } });
  if (!row) return Response.json({ error: `No run ${id}.` }, { status: 404 });
  const run = await loadRunView(id, await getPlaybook(row.playbookSlug), liveRunState(id));
  return run ? Response.json({ run }) : Response.json({ error: `No run ${id}.` }, { status: 404 });
}
