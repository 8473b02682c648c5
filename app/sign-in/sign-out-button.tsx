import { signOutAction } from "./actions";

/** A sign-out control for any server component (the site header uses it). Works without JavaScript. */
export function SignOutButton({ className = "sign-out" }: { className?: string }) {
  return (
    <form action={signOutAction} className={className}>
      <button type="submit">Sign out</button>
    </form>
  );
}
