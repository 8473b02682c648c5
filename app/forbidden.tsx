import Link from "next/link";

export const metadata = { title: "Forbidden" };

/** Rendered with status 403 by forbidden(), e.g. from requireUser() when the role is too low. */
export default function Forbidden() {
  return (
    <div className="auth-page forbidden">
      <h1>Forbidden</h1>
      <p>Your role does not allow this page. Ask an admin if you need access.</p>
      <p>
        <Link href="/">Back to Casebook</Link>
      </p>
    </div>
  );
}
