"use server";
// Adding and revoking hosts: admins only, checked by formAction before the form is read.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/action-client";
import { serverBaseUrl } from "@/lib/auth/origins";
import { createHost, HostError, revokeHost } from "@/lib/hosts/manage-hosts";
import { agentCommand } from "@/lib/hosts/agent-command";

export type AddHostState =
  { ok: true; name: string; token: string; command: string } | { ok: false; message: string } | null;

export type RevokeHostState = { ok: true; message: string } | { ok: false; message: string } | null;

const addHostInput = z.strictObject({
  name: z.string().trim().min(1, "Give the host a name.").max(63, "A host name is at most 63 characters."),
});
const revokeHostInput = z.strictObject({ hostId: z.string().min(1).max(100) });

function hostRefusal(err: unknown): { ok: false; message: string } {
  if (err instanceof HostError) return { ok: false, message: err.message };
  throw err;
}

export const addHostAction = formAction(
  {
    role: "admin",
    input: addHostInput,
    invalid: (error): AddHostState => ({ ok: false, message: error.issues[0]?.message ?? "Invalid host." }),
  },
  async ({ user, input }): Promise<AddHostState> => {
    try {
      const { host, token } = await createHost(input.name, { createdById: user.id });
      revalidatePath("/hosts");
      const command = agentCommand({ serverUrl: serverBaseUrl(), token, name: host.name });
      return { ok: true, name: host.name, token, command };
    } catch (err) {
      return hostRefusal(err);
    }
  },
);

export const revokeHostAction = formAction(
  {
    role: "admin",
    input: revokeHostInput,
    invalid: (): RevokeHostState => ({ ok: false, message: "No host was named." }),
  },
  async ({ user, input }): Promise<RevokeHostState> => {
    try {
      const host = await revokeHost(input.hostId, user.id);
      revalidatePath("/hosts");
      revalidatePath(`/hosts/${host.id}`);
      return { ok: true, message: `Revoked ${host.name}: its agent can no longer connect.` };
    } catch (err) {
      return hostRefusal(err);
    }
  },
);
