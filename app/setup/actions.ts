"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import * as z from "zod";
import { createFirstAdmin } from "@/lib/auth/first-admin";
import { describeIssues, newAccountInput } from "@/lib/auth/user-input";
import { REMOTE_ADDR_HEADER } from "@/lib/http/remote-addr";

export type SetupState = { error: string; name: string; email: string } | null;

const setupForm = newAccountInput
  .extend({ confirm: z.string(), token: z.string().default("") })
  .refine((form) => form.password === form.confirm, { message: "The two passwords differ.", path: ["confirm"] });

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
};

export async function setupAction(_prev: SetupState, form: FormData): Promise<SetupState> {
  const raw = {
    name: text(form, "name"),
    email: text(form, "email"),
    password: text(form, "password"),
    confirm: text(form, "confirm"),
    token: text(form, "token"),
  };
  const keep = { name: raw.name ?? "", email: raw.email ?? "" };
  const parsed = setupForm.safeParse(raw);
  if (!parsed.success) return { error: describeIssues(parsed.error), ...keep };

  // Access (loopback or token) is decided again here, from the TCP peer the custom server saw.
  const remoteAddr = (await headers()).get(REMOTE_ADDR_HEADER);
  const result = await createFirstAdmin(parsed.data, { remoteAddr, token: parsed.data.token });
  if (result.ok) redirect("/sign-in?setup=done");
  if (result.reason === "users-exist") redirect("/sign-in");
  return { error: result.message, ...keep };
}
