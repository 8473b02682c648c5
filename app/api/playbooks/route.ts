// GET /api/playbooks?tag= → { playbooks: [{ slug, title, summary, tags, steps }] } (any signed-in user).
import * as z from "zod";
import { playbookSummary, playbookSummarySchema } from "@/lib/api/playbook-views";
import { route } from "@/lib/http/route";
import { getContentIndex } from "@/lib/playbooks/content-index";

export const dynamic = "force-dynamic";

const query = z.object({ tag: z.string().max(100).optional().describe("Only playbooks with this tag.") });

export const GET = route(
  {
    role: "viewer",
    query,
    doc: {
      summary: "List playbooks with their steps",
      response: z.object({ playbooks: z.array(playbookSummarySchema) }),
    },
  },
  async ({ query: { tag } }) => {
    const all = [...(await getContentIndex()).playbooks.values()].sort((a, b) => a.slug.localeCompare(b.slug));
    const playbooks = all.filter((p) => tag === undefined || p.tags.includes(tag)).map(playbookSummary);
    return Response.json({ playbooks });
  },
);
