"use server";
// Admins only: formAction checks the role before it reads the form, then validates with zod.
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action-client";
import { setPasswordSignIn } from "@/lib/auth/password-sign-in";
import { createUser, setBanned, setEditor, setRole, type UserAdminResult } from "@/lib/auth/user-admin";
import {
  createUserInput,
  describeIssues,
  setBannedInput,
  setEditorInput,
  setPasswordSignInInput,
  setRoleInput,
} from "@/lib/auth/user-input";
import type * as z from "zod";

export type UserActionState = UserAdminResult | null;

const invalid = (error: z.ZodError): UserActionState => ({ ok: false, message: describeIssues(error) });

function revalidated(result: UserAdminResult): UserActionState {
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export const createUserAction = formAction(
  { role: "admin", input: createUserInput, invalid },
  async ({ user, input, headers }) => revalidated(await createUser(user, input, headers)),
);

export const setRoleAction = formAction(
  { role: "admin", input: setRoleInput, invalid },
  async ({ user, input, headers }) => revalidated(await setRole(user, input, headers)),
);

export const setBannedAction = formAction(
  { role: "admin", input: setBannedInput, invalid },
  async ({ user, input, headers }) => revalidated(await setBanned(user, input, headers)),
);

export const setEditorAction = formAction({ role: "admin", input: setEditorInput, invalid }, async ({ user, input }) =>
  revalidated(await setEditor(user, input)),
);

/** Password sign-in on or off, next to single sign-on (refused while it would lock everyone out). */
export const setPasswordSignInAction = formAction(
  { role: "admin", input: setPasswordSignInInput, invalid },
  async ({ user, input }) => revalidated(await setPasswordSignIn(user, input.on)),
);
