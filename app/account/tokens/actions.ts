"use server";
// Any signed-in user makes and revokes their own tokens; revokeToken lets an admin revoke anyone's.
import { revalidatePath } from "next/cache";
import type * as z from "zod";
import { formAction } from "@/lib/actions/action-client";
import { createToken, revokeToken } from "@/lib/auth/api-tokens";
import { createTokenInput, revokeTokenInput } from "@/lib/auth/token-input";
import { describeIssues } from "@/lib/auth/user-input";

/** `token` is in the state once, right after it was made: the page never shows it again. */
export type TokenActionState = { ok: true; message: string; token?: string } | { ok: false; message: string } | null;

const invalid = (error: z.ZodError): TokenActionState => ({ ok: false, message: describeIssues(error) });

export const createTokenAction = formAction(
  { role: "viewer", input: createTokenInput, invalid },
  async ({ user, input }): Promise<TokenActionState> => {
    const made = await createToken(user, {
      name: input.name,
      cap: input.cap,
      expiresInSeconds: input.expiresInDays === undefined ? undefined : input.expiresInDays * 86_400,
    });
    if (!made.ok) return made;
    revalidatePath("/account/tokens");
    return { ok: true, message: `Token “${input.name}” created.`, token: made.value.token };
  },
);

export const revokeTokenAction = formAction(
  { role: "viewer", input: revokeTokenInput, invalid },
  async ({ user, input }): Promise<TokenActionState> => {
    const revoked = await revokeToken(user, input.tokenId);
    if (!revoked.ok) return revoked;
    revalidatePath("/account/tokens");
    return { ok: true, message: "Revoked." };
  },
);
