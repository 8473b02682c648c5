// A user's own API tokens (issue 11, item 1): list, create (shown once), revoke. An admin also sees
// everyone's, and may revoke them.
import { listTokens, type TokenView } from "@/lib/auth/api-tokens";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { capsFor } from "@/lib/auth/token-cap";
import { formatDay } from "@/lib/format/dates";
import { TableHead } from "@/components/table-head";
import { CreateTokenForm, RevokeTokenForm } from "./token-forms";
import "@/components/runs/runs.css";
import "@/app/admin/users/users.css";
import "./tokens.css";

export const metadata = { title: "API tokens" };

function When({ date, empty }: { date: Date | null; empty: string }) {
  return date ? <time dateTime={date.toISOString()}>{formatDay(date)}</time> : <span className="muted">{empty}</span>;
}

function status(token: TokenView): { label: string; className: string } {
  if (token.revoked) return { label: "Revoked", className: "badge status banned" };
  if (token.expired) return { label: "Expired", className: "badge status" };
  return { label: "Active", className: "badge status active" };
}

function TokenTable({ tokens, showOwner, caption }: { tokens: TokenView[]; showOwner: boolean; caption: string }) {
  if (tokens.length === 0) return <p className="hint">No tokens yet.</p>;
  const columns = ["Name", ...(showOwner ? ["Owner"] : []), "Acts as", "Created", "Expires", "Last used", "Status", ""];
  return (
    <div className="table-scroll">
      <table className="users-table tokens-table">
        <caption className="visually-hidden">{caption}</caption>
        <TableHead columns={columns} />
        <tbody>
          {tokens.map((token) => {
            const state = status(token);
            return (
              <tr key={token.id} data-token-name={token.name}>
                <td>
                  {token.name}
                  {token.start ? <code className="token-start"> {token.start}…</code> : null}
                </td>
                {showOwner ? <td className="users-email">{token.owner.email}</td> : null}
                <td>
                  <span className={`role-chip role-${token.cap}`}>{token.cap}</span>
                </td>
                <td>
                  <When date={token.createdAt} empty="—" />
                </td>
                <td>
                  <When date={token.expiresAt} empty="never" />
                </td>
                <td>
                  <When date={token.lastUsedAt} empty="never" />
                </td>
                <td>
                  <span className={state.className}>{state.label}</span>
                </td>
                <td>{token.revoked ? null : <RevokeTokenForm tokenId={token.id} name={token.name} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default async function TokensPage() {
  const me = await requireUser("viewer");
  const admin = hasRole(me, "admin");
  const [mine, everyone] = await Promise.all([listTokens(me.id), admin ? listTokens(me.id, true) : []]);
  const others = everyone.filter((token) => token.owner.id !== me.id);

  return (
    <div className="page account-tokens">
      <header className="page-header">
        <h1>API tokens</h1>
        <p className="page-lead">
          A token lets a script, CI job or the <code>casebook</code> CLI act as you, up to the role you give it. It
          never has more than your own role: if your role is lowered, so is every token&apos;s. How to use one:{" "}
          <a href="/help/api">the API reference</a>.
        </p>
      </header>
      <section aria-labelledby="my-tokens">
        <h2 id="my-tokens" className="users-heading">
          Your tokens ({mine.length})
        </h2>
        <TokenTable tokens={mine} showOwner={false} caption="Your tokens" />
      </section>
      <section className="page-section" aria-labelledby="new-token">
        <h2 id="new-token">Create a token</h2>
        <CreateTokenForm caps={capsFor(me.role)} />
      </section>
      {admin ? (
        <section className="page-section" aria-labelledby="all-tokens">
          <h2 id="all-tokens" className="users-heading">
            Everyone else&apos;s tokens ({others.length})
          </h2>
          <p className="hint">As an admin you may revoke anyone&apos;s token, for example when someone leaves.</p>
          <TokenTable tokens={others} showOwner caption="Everyone else's tokens" />
        </section>
      ) : null}
    </div>
  );
}
