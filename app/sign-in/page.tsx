import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { safeNextPath } from "@/lib/auth/paths";
import { getCurrentUser } from "@/lib/auth/session";
import { passwordSignInState } from "@/lib/auth/password-sign-in";
import { hasAnyUser } from "@/lib/auth/setup-token";
import { ssoConfig } from "@/lib/auth/sso-config";
import { ssoErrorMessage } from "./sign-in-error";
import { SignInForm } from "./sign-in-form";
import { SsoSignIn } from "./sso-sign-in";

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

  const sso = ssoConfig();
  const password = (await passwordSignInState()).on;
  const ssoError = sso && typeof params.error === "string" ? ssoErrorMessage(params.error, sso.name) : null;

  return (
    <div className="auth-page">
      <h1>Sign in to Casebook</h1>
      {ssoError && (
        <p className="error" role="alert">
          {ssoError}
        </p>
      )}
      {sso && <SsoSignIn name={sso.name} next={next} primary={!password} />}
      {sso && password && (
        <p className="auth-or" aria-hidden="true">
          <span>or with a password</span>
        </p>
      )}
      {password ? (
        <SignInForm
          next={next}
          notice={params.setup === "done" ? "Admin account created. Sign in with it." : undefined}
        />
      ) : (
        <p className="hint">Password sign-in is turned off on this Casebook.</p>
      )}
      <p className="hint">No account? Ask an admin of this Casebook to create one for you.</p>
    </div>
  );
}
