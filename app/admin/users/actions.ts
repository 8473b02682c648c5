"use server";
// Every action checks the admin role before it reads its input, then validates with zod.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { createUser, setBanned, setRole, type UserAdminResult } from "@/lib/auth/user-admin";
import { createUserInput, describeIssues, setBannedInput, setRoleInput } from "@/lib/auth/user-input";

export type UserActionState = UserAdminResult | null;

async function asAdmin() {
  const actor = await requireUser("admin");
  return { actor, requestHeaders: new Headers(await headers()) };
}

function fields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !key.startsWith("$")) out[key] = value;
  return out;
}

export async function createUserAction(_prev: UserActionState, form: FormData): Promise<UserActionState> {
  const { actor, requestHeaders } = await asAdmin();
  const parsed = createUserInput.safeParse(fields(form));
  if (!parsed.success) return { ok: false, message: describeIssues(parsed.error) };
  const result = await createUser(actor, parsed.data, requestHeaders);
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function setRoleAction(_prev: UserActionState, form: FormData): Promise<UserActionState> {
  const { actor, requestHeaders } = await asAdmin();
  const parsed = setRoleInput.safeParse(fields(form));
  if (!parsed.success) return { ok: false, message: describeIssues(parsed.error) };
  const result = await setRole(actor, parsed.data, requestHeaders);
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function setBannedAction(_prev: UserActionState, form: FormData): Promise<UserActionState> {
  const { actor, requestHeaders } = await asAdmin();
  const parsed = setBannedInput.safeParse(fields(form));
  if (!parsed.success) return { ok: false, message: describeIssues(parsed.error) };
  const result = await setBanned(actor, parsed.data, requestHeaders);
  if (result.ok) revalidatePath("/admin/users");
  return result;
}
