"use server";
// The sign-out action, shared by every SignOutButton (components/sign-out-button.tsx).
// Public: signing out with no session (or an expired one) is a no-op that still lands on /sign-in.
import { APIError } from "better-auth/api";
import { redirect } from "next/navigation";
import { buttonAction } from "./action-client";
import { auth } from "@/lib/auth/auth";

export const signOutAction = buttonAction({ role: "public" }, async ({ headers }) => {
  try {
    // The nextCookies plugin clears the session cookie on this response.
    await auth.api.signOut({ headers });
  } catch (err) {
    // Already signed out (no or expired session): nothing to undo.
    if (!(err instanceof APIError)) throw err;
  }
  redirect("/sign-in");
});
