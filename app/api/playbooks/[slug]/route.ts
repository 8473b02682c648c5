// GET /api/playbooks/:slug → { playbook } with its symptoms, inputs and steps (any signed-in user).
import * as z from "zod";
import { playbookDetail, playbookDetailSchema } from "@/lib/api/playbook-views";
import { jsonError } from "@/lib/http/json-error";
import { route } from "@/lib/http/route";
import { getPlaybook } from "@/lib/playbooks/content-index";

export const dynamic = "force-dynamic";

const params = z.object({ slug: z.string().min(1).max(200) });

export const GET = route(
  {
    role: "viewer",
    params,
    doc: {
      summary: "Read a playbook: symptoms, inputs and steps",
      response: z.object({ playbook: playbookDetailSchema }),
    },
  },
  async ({ params: { slug } }) => {
    const playbook = await getPlaybook(slug);
    return playbook ? Response.json({ playbook: playbookDetail(playbook) }) : jsonError(404, `No playbook ${slug}.`);
  },
);
