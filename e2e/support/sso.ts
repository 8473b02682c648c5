// The e2e suite's OpenID Connect provider (e2e/support/oidc-server.ts, started by playwright.config.ts
// before the Casebook server) and the SSO settings the server gets for it. Just-in-time accounts are
// on, so these people are not the setup project's accounts and no other spec sees a role change.
import { E2E_BASE_URL, E2E_HOST, E2E_PORT } from "./users";

/** CASEBOOK_E2E_OIDC_PORT, else the e2e port + 1000 (two checkouts side by side keep apart). */
export const E2E_OIDC_PORT = Number(process.env.CASEBOOK_E2E_OIDC_PORT ?? E2E_PORT + 1000);
export const E2E_OIDC_ISSUER = `http://${E2E_HOST}:${E2E_OIDC_PORT}`;
export const E2E_OIDC_NAME = "Test IdP";

const CLIENT_ID = "casebook-e2e";
const CLIENT_SECRET = "casebook-e2e-client-secret";

export const SSO_OPERATOR = {
  name: "Sam Sso",
  email: "sam.sso@casebook.test",
  password: "sam-idp-password",
  groups: ["oncall", "everyone"],
};
export const SSO_ADMIN = {
  name: "Ida Sso",
  email: "ida.sso@casebook.test",
  password: "ida-idp-password",
  groups: ["casebook-admins", "oncall"],
};
export const SSO_OUTSIDER = {
  name: "Oscar Outside",
  email: "oscar.outside@casebook.test",
  password: "oscar-idp-password",
  groups: ["sales"],
};

/** For the provider: its one client and its accounts. */
export const E2E_OIDC_PROVIDER = {
  port: E2E_OIDC_PORT,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  redirectUri: `${E2E_BASE_URL}/api/auth/callback/oidc`,
  accounts: [SSO_OPERATOR, SSO_ADMIN, SSO_OUTSIDER],
};

/** For the Casebook server (docs/sso.md). */
export const E2E_SSO_ENV = {
  CASEBOOK_OIDC_ISSUER: E2E_OIDC_ISSUER,
  CASEBOOK_OIDC_CLIENT_ID: CLIENT_ID,
  CASEBOOK_OIDC_CLIENT_SECRET: CLIENT_SECRET,
  CASEBOOK_OIDC_NAME: E2E_OIDC_NAME,
  CASEBOOK_OIDC_SCOPES: "openid email profile groups",
  CASEBOOK_OIDC_ROLE_MAP: "casebook-admins=admin,oncall=operator",
  CASEBOOK_OIDC_JIT: "on",
};
