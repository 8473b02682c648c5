// A real OpenID Connect provider for tests: oidc-provider 8 on 127.0.0.1, with one confidential
// client and accounts that carry groups. Its login page is a plain form (Email, Password, "Sign
// in"); consent is given on the accounts' behalf, as a company's provider does for its own apps.
// Used by lib/auth/sso.test.ts in-process and by the e2e suite (e2e/support/oidc-server.ts).
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type OidcContext } from "oidc-provider";

export interface TestOidcAccount {
  email: string;
  password: string;
  name: string;
  groups: string[];
  /** Whether the provider vouches for the email (default true). */
  emailVerified?: boolean;
}

export interface TestOidcOptions {
  /** 0 (default): any free port. */
  port?: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accounts: TestOidcAccount[];
}

export interface TestOidcProvider {
  issuer: string;
  /** The accounts by email; change one's groups and its next sign-in carries them. */
  accounts: Map<string, TestOidcAccount>;
  close(): Promise<void>;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test IdP</title></head><body>
<h1>Test IdP sign-in</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Email <input name="email" type="email" required></label>
<label>Password <input name="password" type="password" required></label>
<button type="submit">Sign in</button></form></body></html>`;
}

async function formBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function signingKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };
}

export async function startTestOidcProvider(options: TestOidcOptions): Promise<TestOidcProvider> {
  const accounts = new Map(options.accounts.map((account) => [account.email, { ...account }]));
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingKey()] },
    cookies: { keys: ["test-oidc-cookie-key"] },
    scopes: ["openid", "email", "profile", "groups"],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "preferred_username"],
      groups: ["groups"],
    },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          name: account.name,
          preferred_username: account.email.split("@")[0],
          groups: [...account.groups],
        }),
      };
    },
    // Consent is implied: a grant of the scopes this client may have.
    async loadExistingGrant(ctx: OidcContext) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
  });
  const oidc = provider.callback();

  server.on("request", (req, res) => {
    const login = req.url?.match(/^\/interaction\/([\w-]+)(\/login)?$/);
    if (!login) return oidc(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method !== "POST" || !login[2]) {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid));
          return;
        }
        const form = await formBody(req);
        const account = accounts.get(form.get("email") ?? "");
        if (!account || account.password !== form.get("password")) {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          res.end(loginPage(details.uid, "Wrong email or password."));
          return;
        }
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: account.email } },
          { mergeWithLastSubmission: false },
        );
      } catch (err) {
        res.writeHead(400, { "content-type": "text/plain" }).end(`interaction failed: ${(err as Error).message}`);
      }
    })();
  });

  return {
    issuer,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
