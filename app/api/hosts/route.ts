// GET /api/hosts → { hosts: HostView[] }: the enrolled hosts the caller may use (their access
// lists, lib/auth/host-access: mayUseHost), online first; revoked ones only with ?revoked=1.
import * as z from "zod";
import { mayUseHost } from "@/lib/auth/host-access";
import { listHosts } from "@/lib/hosts/manage-hosts";
import { route } from "@/lib/http/route";
import { hostViewSchema } from "@/lib/runs/protocol";

export const dynamic = "force-dynamic";

const query = z.object({
  revoked: z.enum(["0", "1"], 'must be "0" or "1"').default("0").describe("1: include revoked hosts."),
});

export const GET = route(
  {
    role: "viewer",
    query,
    doc: { summary: "List hosts and their status", response: z.object({ hosts: z.array(hostViewSchema) }) },
  },
  async ({ user, query: { revoked } }) => {
    const hosts = await listHosts({ includeRevoked: revoked === "1" });
    return Response.json({ hosts: hosts.filter((host) => mayUseHost(user, host).allowed) });
  },
);
