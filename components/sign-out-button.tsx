"use client";
// The one sign-out control (header menu and sign-in page). A server-action form, so it works
// before hydration and without JavaScript; once hydrated it says so while the action runs.
import { useFormStatus } from "react-dom";
import { signOutAction } from "@/lib/actions/sign-out";

function Submit({ className }: { className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending}>
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}

/** `className` styles the button (the user menu passes "menu-item"). */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action={signOutAction} className="sign-out">
      <Submit className={className} />
    </form>
  );
}
