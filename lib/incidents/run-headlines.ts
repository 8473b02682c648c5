// The runs an incident links to, by what people know them by, for labelling its links.
import "server-only";
import { db } from "@/lib/db/client";
import type { RunHeadline } from "./link-label";

export async function runHeadlines(ids: readonly string[]): Promise<Map<string, RunHeadline>> {
  if (ids.length === 0) return new Map();
  const runs = await db.run.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, playbookSlug: true, createdAt: true, host: { select: { name: true } } },
  });
  return new Map(
    runs.map((r) => [
      r.id,
      { playbookSlug: r.playbookSlug, hostName: r.host.name, createdAt: r.createdAt.toISOString() },
    ]),
  );
}
