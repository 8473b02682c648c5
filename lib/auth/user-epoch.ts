// A change counter per user (lib/change-epochs.ts). Whatever can take authority away from a user (a
// ban, a role change, deletion, a sign-out or any ended session) bumps it, from better-auth's
// database hooks (lib/auth/auth.ts). The hub's /ui sockets compare counters instead of reading the
// session again on every request; across server instances the hub relays bumps itself
// (server/hub/ui-session.ts).
import { changeEpochs } from "@/lib/change-epochs";

export type { ChangeOrigin } from "@/lib/change-epochs";

const users = changeEpochs("user-epochs");

/** Now, as a value to pass to changedSince later: take it before reading the user, not after. */
export const userClock = users.clock;
/** Whether the user changed after `clock` (taken with userClock()). */
export const changedSince = users.changedSince;
/** Marks everything resolved about the user so far as stale, and tells the listeners. */
export const bumpUser = users.bump;
/** Calls `listener` on every bump; returns the unsubscribe. */
export const onUserChange = users.onChange;
