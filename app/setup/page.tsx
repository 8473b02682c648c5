import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { setupAccess } from "@/lib/auth/first-admin";
import { hasAnyUser } from "@/lib/auth/setup-token";
import { REMOTE_ADDR_HEADER } from "@/lib/http/remote-addr";
import { SetupForm } from "./setup-form";

export const metadata = { title: "Set up" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function SetupPage({ searchParams }: { searchParams: Params }) {
  if (await hasAnyUser()) redirect("/sign-in");
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const via = await setupAccess({ remoteAddr: (await headers()).get(REMOTE_ADDR_HEADER), token });

  if (!via) {
    return (
      <div className="auth-page">
        <h1>Set up Casebook</h1>
        <p className="error" role="alert">
          The first admin can only be created from the machine Casebook runs on, or with the setup link printed in the
          server console when it started.
        </p>
      </div>
    );
  }

  return (
    <div className="auth-page">
      <h1>Create the first admin</h1>
      <p>Nobody has an account yet. This account can create everyone else&apos;s and choose their roles.</p>
      <SetupForm token={token} />
    </div>
  );
}
