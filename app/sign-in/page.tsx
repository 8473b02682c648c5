import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { safeNextPath } from "@/lib/auth/paths";
import { getCurrentUser } from "@/lib/auth/session";
import { hasAnyUser } from "@/lib/auth/setup-token";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: Params }) {
  const params = await searchParams;
  // Before the first admin exists there is nobody to sign in as.
  if (!(await hasAnyUser())) redirect("/setup");
  const next = safeNextPath(typeof params.next === "string" ? params.next : null);
  const user = await getCurrentUser();

  if (user) {
    return (
      <div className="auth-page">
        <h1>Signed in</h1>
        <p>
          You are signed in as <strong>{user.name}</strong> ({user.email}, {user.role}).
        </p>
        <p>
          <Link href={next}>Continue to Casebook</Link>
        </p>
        <SignOutButton />
      </div>
    );
  }

  return (
    <div className="auth-page">
      <h1>Sign in to Casebook</h1>
      <SignInForm
        next={next}
        notice={params.setup === "done" ? "Admin account created. Sign in with it." : undefined}
      />
      <p className="hint">No account? Ask an admin of this Casebook to create one for you.</p>
    </div>
  );
}
