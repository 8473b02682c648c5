// A token's role cap: what it may do is the lower of its owner's role now and the cap it was given,
// so a demotion applies to the owner's tokens at once and no token outranks the one who made it.
import { isRole, ROLES, type Role } from "./roles";

/** The cap as stored in the key's metadata; anything unreadable caps at the least role. */
export function tokenCap(metadata: unknown): Role {
  const parsed = typeof metadata === "string" ? safeParse(metadata) : metadata;
  const cap = typeof parsed === "object" && parsed !== null && "cap" in parsed ? parsed.cap : undefined;
  return isRole(cap) ? cap : "viewer";
}

export function lowerRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b;
}

/** The caps a user may give a new token: their own role and the ones below it. */
export function capsFor(role: Role): Role[] {
  return ROLES.slice(0, ROLES.indexOf(role) + 1);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
