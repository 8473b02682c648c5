import "server-only";
// Failed sign-ins, limited per account and per address together: one attacker's guesses lock out the
// account they target and their own address, never everyone behind the same proxy or NAT; and an
// account cannot be guessed at from many addresses without bound. better-auth's own rate limit keys
// by address and path only, so this is a plugin with a check before /sign-in/email and a count after.
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getIP, isAPIError } from "better-auth/api";
import type { RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitTableStore } from "./rate-limit-table-store";
import { SIGN_IN_LIMITED } from "./sign-in-limit-code";

const WINDOW_SECONDS = 15 * 60;

function perAddressCeiling(setting: string | undefined): number {
  const value = Number(setting ?? 20);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`CASEBOOK_SIGN_IN_MAX="${setting}" must be a whole number of at least 1.`);
  }
  return value;
}

/**
 * Failed sign-ins allowed per 15 minutes: 5 per account, and per client address the sign-in ceiling
 * (CASEBOOK_SIGN_IN_MAX, default 20; the e2e server raises it, as every spec signs in from 127.0.0.1).
 */
export const SIGN_IN_LIMITS = {
  perAccount: 5,
  perAddress: perAddressCeiling(process.env.CASEBOOK_SIGN_IN_MAX),
  windowSeconds: WINDOW_SECONDS,
} as const;

// Counted in the database (the RateLimit table), so the limits hold across instances.
const byAccount = new RateLimitTableStore({
  keyPrefix: "sign-in-failures:account",
  points: SIGN_IN_LIMITS.perAccount,
  duration: WINDOW_SECONDS,
});
const byAddress = new RateLimitTableStore({
  keyPrefix: "sign-in-failures:address",
  points: SIGN_IN_LIMITS.perAddress,
  duration: WINDOW_SECONDS,
});

const REASONS = {
  account: "Too many failed sign-ins for this account.",
  address: "Too many failed sign-ins from your address.",
} as const;

function refuse(reason: keyof typeof REASONS, state: RateLimiterRes): never {
  const retryAfter = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  throw new APIError(
    "TOO_MANY_REQUESTS",
    { code: SIGN_IN_LIMITED, message: REASONS[reason] },
    { "X-Retry-After": String(retryAfter) },
  );
}

/** Who is signing in: the email as typed, folded, and the client address better-auth resolved. */
function keys(ctx: { body?: unknown; request?: Request; headers?: Headers }, options: Parameters<typeof getIP>[1]) {
  const body = ctx.body as { email?: unknown } | undefined;
  const account = typeof body?.email === "string" ? body.email.trim().toLowerCase() : null;
  const headers = ctx.request ?? ctx.headers;
  return { account, address: headers ? getIP(headers, options) : null };
}

const isSignIn = (ctx: { path?: string }) => ctx.path === "/sign-in/email";

/** Takes one attempt from `key`'s budget: null when it was within it, else the state to refuse with. */
async function take(limiter: RateLimitTableStore, key: string): Promise<RateLimiterRes | null> {
  return limiter.consume(key).then(
    () => null,
    (refused: unknown) => {
      if (refused instanceof Error) throw refused; // the store failed: not a verdict
      return refused as RateLimiterRes;
    },
  );
}

export const signInLimit = () =>
  ({
    id: "casebook-sign-in-limit",
    hooks: {
      before: [
        {
          matcher: isSignIn,
          // Each attempt is counted before the password is checked, in one database increment, so
          // guesses sent at once cannot all pass a check made before any of them is counted. What
          // turns out not to be a wrong password is given back after.
          handler: createAuthMiddleware(async (ctx) => {
            const { account, address } = keys(ctx, ctx.context.options);
            const accountRefusal = account ? await take(byAccount, account) : null;
            if (accountRefusal) refuse("account", accountRefusal);
            const addressRefusal = address ? await take(byAddress, address) : null;
            if (addressRefusal) {
              if (account) await byAccount.reward(account);
              refuse("address", addressRefusal);
            }
          }),
        },
      ],
      after: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const { account, address } = keys(ctx, ctx.context.options);
            const returned = ctx.context.returned;
            if (isAPIError(returned) && returned.statusCode === 401) return; // a wrong guess: it stays counted
            if (address) await byAddress.reward(address);
            if (!account) return;
            // The owner got in: their earlier typos no longer count. The address keeps its failures, so
            // signing in to one's own account cannot reset an attacker's budget for others.
            if (isAPIError(returned))
              await byAccount.reward(account); // a ban or bad input is not a guess
            else await byAccount.delete(account);
          }),
        },
      ],
    },
  }) satisfies BetterAuthPlugin;
