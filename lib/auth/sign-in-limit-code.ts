/** The `code` of a 429 from the sign-in limit (lib/auth/sign-in-limit.ts); the sign-in form shows its message. */
export const SIGN_IN_LIMITED = "SIGN_IN_LIMITED";
