// One zod schema per user form: the server actions and the business functions validate with it.
import * as z from "zod";
import { ROLES } from "./roles";

/** Turns a zod failure into one readable sentence per problem. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join(" ");
}

export const newAccountInput = z.object({
  name: z.string().trim().min(1, "Name is required.").max(100, "Name is too long (100 characters at most)."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  // better-auth's admin createUser checks only the maximum, so the minimum is enforced here.
  password: z
    .string()
    .min(8, "The password needs at least 8 characters.")
    .max(128, "The password is too long (128 characters at most)."),
});

const roleField = z.enum(ROLES, "Choose a role: viewer, operator or admin.");

export const createUserInput = newAccountInput.extend({ role: roleField });

export const setRoleInput = z.object({
  userId: z.string().min(1, "Which user?"),
  role: roleField,
});

export const setBannedInput = z.object({
  userId: z.string().min(1, "Which user?"),
  banned: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const setEditorInput = z.object({
  userId: z.string().min(1, "Which user?"),
  editor: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const setPasswordSignInInput = z.object({
  on: z.enum(["true", "false"], "Say on or off.").transform((v) => v === "true"),
});
