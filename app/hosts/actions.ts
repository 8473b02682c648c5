"use server";
// Adding and revoking hosts: admins only, checked before the input is read.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { serverBaseUrl } from "@/lib/auth/origins";
import { createHost, HostError, revokeHost } from "@/lib/hosts/manage-hosts";
import { agentCommand } from "@/lib/hosts/agent-command";

export type AddHostState =
  | { ok: true; name: string; token: string; command: string }
  | { ok: false; message: string }
  | null;

export type RevokeHostState = { ok: true; message: string } | { ok: false; message: string } | null;

const addHostInput = z.strictObject({ name: z.string().trim().min(1, "Give the host a name.").max(63, "A host name is at most 63 characters.") });
const revokeHostInput = z.strictObject({ hostId: z.string().min(1).max(100) });

function fields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !key.startsWith("$")) out[key] = value;
  return out;
}

export async function addHostAction(_prev: AddHostState, form: FormData): Promise<AddHostState> {
  const admin = await requireUser("admin");
  const parsed = addHostInput.safeParse(fields(form));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid host." };
  try {
    const { host, token } = await createHost(parsed.data.name, { createdById: admin.id });
    revalidatePath("/hosts");
    return { ok: true, name: host.name, token, command: agentCommand({ serverUrl: serverBaseUrl(), token, name: host.name }) };
  } catch (err) {
    if (err instanceof HostError) return { ok: false, message: err.message };
    throw err;
  }
}

export async function revokeHostAction(_prev: RevokeHostState, form: FormData): Promise<RevokeHostState> {
  const admin = await requireUser("admin");
  const parsed = revokeHostInput.safeParse(fields(form));
  if (!parsed.success) return { ok: false, message: "No host was named." };
  try {
    const host = await revokeHost(parsed.data.hostId, admin.id);
    revalidatePath("/hosts");
    revalidatePath(`/hosts/${host.id}`);
    return { ok: true, message: `Revoked ${host.name}: its agent can no longer connect.` };
  } catch (err) {
    if (err instanceof HostError) return { ok: false, message: err.message };
    throw err;
  }
}
