"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";

export async function signOutAction(): Promise<void> {
  try {
    // The nextCookies plugin clears the session cookie on this response.
    await auth.api.signOut({ headers: await headers() });
  } catch (err) {
    // Already signed out (no or expired session): nothing to undo.
    if (!(err instanceof APIError)) throw err;
  }
  redirect("/sign-in");
}
