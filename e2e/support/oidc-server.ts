// The e2e suite's identity provider, as its own process: Playwright starts it before the Casebook
// server (whose SSO discovery reads it at start) and stops it with SIGTERM.
import { startTestOidcProvider } from "../../testing/oidc-provider";
import { E2E_OIDC_PROVIDER } from "./sso";

const provider = await startTestOidcProvider(E2E_OIDC_PROVIDER);
console.log(`test OpenID Connect provider at ${provider.issuer}`);
const stop = () => void provider.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
