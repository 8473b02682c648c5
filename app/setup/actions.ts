"use server";
// Public: nobody has an account yet. Who may create the first admin (loopback or token) is
// decided by createFirstAdmin, again here, from the client address the custom server computed.
import { redirect } from "next/navigation";
import * as z from "zod";
import { formAction, type FormFields } from "@/lib/actions/action-client";
import { createFirstAdmin } from "@/lib/auth/first-admin";
import { describeIssues, newAccountInput } from "@/lib/auth/user-input";
import { REMOTE_ADDR_HEADER } from "@/lib/http/remote-addr";

export type SetupState = { error: string; name: string; email: string } | null;

const setupForm = newAccountInput
  .extend({ confirm: z.string(), token: z.string().default("") })
  .refine((form) => form.password === form.confirm, { message: "The two passwords differ.", path: ["confirm"] });

/** A refusal that keeps the name and email as typed. */
function refuse(error: string, fields: FormFields): SetupState {
  return { error, name: fields.name ?? "", email: fields.email ?? "" };
}

export const setupAction = formAction(
  { role: "public", input: setupForm, invalid: (error, fields) => refuse(describeIssues(error), fields) },
  async ({ input, fields, headers }) => {
    const result = await createFirstAdmin(input, { remoteAddr: headers.get(REMOTE_ADDR_HEADER), token: input.token });
    if (result.ok) redirect("/sign-in?setup=done");
    if (result.reason === "users-exist") redirect("/sign-in");
    return refuse(result.message, fields);
  },
);
