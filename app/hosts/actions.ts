"use server";
// Adding and revoking hosts and setting who may use them: admins only, checked by formAction
// before the form is read.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/action-client";
import { describeHostAccess } from "@/lib/auth/host-access";
import { serverBaseUrl } from "@/lib/auth/origins";
import { ROLES } from "@/lib/auth/roles";
import { createHost, HostError, revokeHost } from "@/lib/hosts/manage-hosts";
import { agentCommand } from "@/lib/hosts/agent-command";
import { setHostAccess } from "@/lib/hosts/set-host-access";

export type AddHostState =
  { ok: true; name: string; token: string; command: string } | { ok: false; message: string } | null;

export type RevokeHostState = { ok: true; message: string } | { ok: false; message: string } | null;

export type HostAccessState = { ok: true; message: string } | { ok: false; message: string } | null;

/** The most users one host's list may name. */
const MAX_LISTED = 200;

const addHostInput = z.strictObject({
  name: z.string().trim().min(1, "Give the host a name.").max(63, "A host name is at most 63 characters."),
});
const revokeHostInput = z.strictObject({ hostId: z.string().min(1).max(100) });

/** Emails separated by commas, semicolons, spaces or lines; none is no list by name (null). */
const emailList = z
  .string()
  .max(20_000, "The list of users is too long.")
  .default("")
  .transform((text, ctx) => {
    const emails = text.split(/[\s,;]+/).filter(Boolean);
    const bad = emails.find((e) => !z.email().safeParse(e).success);
    if (bad) ctx.addIssue({ code: "custom", message: `"${bad.slice(0, 100)}" is not an email address.` });
    if (emails.length > MAX_LISTED) ctx.addIssue({ code: "custom", message: `Name at most ${MAX_LISTED} users.` });
    return emails.length > 0 ? emails : null;
  });

const hostAccessInput = z.strictObject({
  hostId: z.string().min(1).max(100),
  minRole: z.enum(ROLES, "Choose a minimum role: viewer, operator or admin."),
  users: emailList,
});

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

export const setHostAccessAction = formAction(
  {
    role: "admin",
    input: hostAccessInput,
    invalid: (error): HostAccessState => ({ ok: false, message: error.issues[0]?.message ?? "Invalid access list." }),
  },
  async ({ user, input }): Promise<HostAccessState> => {
    try {
      const { host, changed } = await setHostAccess({
        hostId: input.hostId,
        minRole: input.minRole,
        emails: input.users,
        byUserId: user.id,
      });
      revalidatePath("/hosts");
      revalidatePath(`/hosts/${host.id}`);
      const who = describeHostAccess(host.access);
      const now = who ? `${host.name} is restricted to ${who}.` : `Anyone signed in may use ${host.name}.`;
      return { ok: true, message: changed ? now : `${now.slice(0, -1)} (no change).` };
    } catch (err) {
      return hostRefusal(err);
    }
  },
);
