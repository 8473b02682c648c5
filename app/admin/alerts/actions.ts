"use server";
// Admins only: formAction checks the role before it reads the form, then validates with zod.
import { revalidatePath } from "next/cache";
import * as z from "zod";
import { createSource, createSourceInput, deleteSource, setTriage, setTriageInput } from "@/lib/alerts/sources";
import { formAction } from "@/lib/actions/action-client";
import { describeIssues } from "@/lib/auth/user-input";
import { createTarget, createTargetInput, deleteTarget } from "@/lib/notifications/targets";

/** The outcome of a form; `secret` is shown once, right after it was made. */
export type AlertsActionState = { ok: boolean; message: string; secret?: string } | null;

const invalid = (error: z.ZodError): AlertsActionState => ({ ok: false, message: describeIssues(error) });
const byId = (key: string) => z.object({ [key]: z.string().min(1, { error: "Which one?" }) });

function revalidated<R extends NonNullable<AlertsActionState>>(result: R): R {
  if (result.ok) revalidatePath("/admin/alerts");
  return result;
}

export const createSourceAction = formAction(
  { role: "admin", input: createSourceInput, invalid },
  async ({ user, input }) => revalidated(await createSource(user, input)),
);

export const setTriageAction = formAction({ role: "admin", input: setTriageInput, invalid }, async ({ user, input }) =>
  revalidated(await setTriage(user, input)),
);

export const deleteSourceAction = formAction(
  { role: "admin", input: byId("sourceId"), invalid },
  async ({ user, input }) => revalidated(await deleteSource(user, String(input.sourceId))),
);

export const createTargetAction = formAction(
  { role: "admin", input: createTargetInput, invalid },
  async ({ user, input }) => revalidated(await createTarget(user, input)),
);

export const deleteTargetAction = formAction(
  { role: "admin", input: byId("targetId"), invalid },
  async ({ user, input }) => revalidated(await deleteTarget(user, String(input.targetId))),
);
