// The token forms' schemas (app/account/tokens): the server actions validate with them.
import * as z from "zod";
import { ROLES } from "./roles";

/** The lifetimes the form offers, in days; "" is a token that does not expire. */
export const TOKEN_LIFETIMES = ["7", "30", "90", "365", ""] as const;

export const createTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the token (what it is for, e.g. “CI deploys”).")
    .max(64, "The name is too long (64 characters at most)."),
  cap: z.enum(ROLES, "Choose a role for the token: viewer, operator or admin."),
  expiresInDays: z
    .enum(TOKEN_LIFETIMES, "Choose when the token expires.")
    .transform((days) => (days === "" ? undefined : Number(days))),
});

export const revokeTokenInput = z.object({ tokenId: z.string().min(1, "Which token?") });
