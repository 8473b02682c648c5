// GET /api/hosts/:id → { host: HostView }: one host's status, if its access list lets the caller in.
import * as z from "zod";
import { mayUseHost } from "@/lib/auth/host-access";
import { getHost } from "@/lib/hosts/manage-hosts";
import { jsonError } from "@/lib/http/json-error";
import { route } from "@/lib/http/route";
import { hostViewSchema } from "@/lib/runs/protocol";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = route(
  { role: "viewer", params, doc: { summary: "Read a host's status", response: z.object({ host: hostViewSchema }) } },
  async ({ user, params: { id } }) => {
    const host = await getHost(id);
    if (!host) return jsonError(404, `No host ${id}.`);
    const may = mayUseHost(user, host);
    return may.allowed ? Response.json({ host }) : jsonError(403, may.reason);
  },
);
