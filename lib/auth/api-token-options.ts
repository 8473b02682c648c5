// How better-auth's API-key plugin is set up for Casebook's API tokens (lib/auth/api-tokens.ts
// makes and revokes them; lib/auth/bearer.ts resolves a request's `Authorization: Bearer`).
import type { apiKey } from "@better-auth/api-key";

/** Every token starts with it, so a leaked one is recognisable (and secret scanners can match it). */
export const API_TOKEN_PREFIX = "cb_";

/** The plugin's HTTP endpoints, closed: Casebook's own actions are the one way in (see auth.ts). */
export const API_TOKEN_PATHS = [
  "/api-key/create",
  "/api-key/get",
  "/api-key/list",
  "/api-key/update",
  "/api-key/delete",
];

export const apiTokenOptions = {
  defaultPrefix: API_TOKEN_PREFIX,
  // 64 random letters after the prefix (the plugin's default): about 380 bits.
  defaultKeyLength: 64,
  maximumNameLength: 64,
  requireName: true,
  // The role cap lives in the metadata (lib/auth/api-tokens.ts).
  enableMetadata: true,
  // The plugin counts requests per key and refuses past the limit (10 a day by default); a script
  // polling a run would hit that at once. Requests are limited where they cost (sign-in, the hub).
  rateLimit: { enabled: false },
  // Lifetimes are checked by the token form (whole days); this lets tests make short-lived ones.
  keyExpiration: { minExpiresIn: 0, maxExpiresIn: 366 },
  // The plugin's own session-from-key is off: bearer requests are resolved in lib/auth/bearer.ts,
  // which applies the cap and the ban that a mocked session would skip.
  enableSessionForAPIKeys: false,
} satisfies Parameters<typeof apiKey>[0];
