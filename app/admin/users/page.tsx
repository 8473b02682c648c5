import { passwordSignInState } from "@/lib/auth/password-sign-in";
import { isRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { ssoConfig } from "@/lib/auth/sso-config";
import { listUsers } from "@/lib/auth/user-admin";
import { formatDay } from "@/lib/format/dates";
import { SignInSettings } from "./sign-in-settings";
import { BanForm, CreateUserForm, EditorForm, RoleForm } from "./user-forms";
import { TableHead } from "@/components/table-head";
import "@/components/runs/runs.css";
import "./users.css";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireUser("admin");
  const users = await listUsers();
  const sso = ssoConfig();
  const password = await passwordSignInState();

  return (
    <div className="page admin-users">
      <header className="page-header">
        <h1>Users</h1>
        <p className="page-lead">
          Viewers read and search. Operators also run steps, record incidents and write playbook drafts. Editors
          (admins, and operators you make editors) review drafts and publish them. Admins manage hosts and users.
        </p>
      </header>
      <section aria-labelledby="all-users">
        <h2 id="all-users" className="users-heading">
          Everyone ({users.length})
        </h2>
        <div className="table-scroll">
          <table className="users-table">
            <TableHead columns={["Name", "Email", "Role", "Editor", "Status", "Added"]} />
            <tbody>
              {users.map((user) => {
                const self = user.id === me.id;
                return (
                  <tr key={user.id} data-email={user.email}>
                    <td>
                      {user.name}
                      {self ? <span className="muted"> (you)</span> : null}
                    </td>
                    <td className="users-email">{user.email}</td>
                    <td>
                      {self || !isRole(user.role) ? (
                        user.role
                      ) : (
                        <RoleForm userId={user.id} email={user.email} role={user.role} />
                      )}
                    </td>
                    <td>
                      {user.role === "admin" ? (
                        <span className="muted">always</span>
                      ) : user.role === "operator" ? (
                        <>
                          <span className="visually-hidden">{user.editor ? "Editor" : "Not an editor"}</span>
                          <EditorForm userId={user.id} email={user.email} editor={user.editor} />
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>
                      <div className="users-status">
                        <span className={user.banned ? "badge status banned" : "badge status active"}>
                          {user.banned ? "Banned" : "Active"}
                        </span>
                        {!self && <BanForm userId={user.id} email={user.email} banned={user.banned} />}
                      </div>
                    </td>
                    <td>
                      <time dateTime={user.createdAt.toISOString()}>{formatDay(user.createdAt)}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section className="page-section" aria-labelledby="add-user">
        <h2 id="add-user">Add a user</h2>
        <p className="hint">
          They sign in with this email and the initial password; send the password to them yourself.
        </p>
        <CreateUserForm />
      </section>
      <section className="page-section" aria-labelledby="sign-in">
        <h2 id="sign-in">Sign-in</h2>
        <p className="hint">
          Single sign-on gives people the role their groups map to, at every sign-in. Password sign-in can be turned off
          once an admin has signed in with single sign-on.
        </p>
        <SignInSettings
          sso={sso && { name: sso.name, issuer: new URL(sso.discoveryUrl).origin }}
          passwordOn={password.on}
          cannotTurnOff={password.cannotTurnOff}
        />
      </section>
    </div>
  );
}
