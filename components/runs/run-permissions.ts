// What the signed-in user may do in a run, as the hub will decide it (the hub checks again).
import { hasRole, type Role } from "@/lib/auth/roles";
import { riskWithin, type Risk } from "@/lib/playbooks/format";

export interface RunUser {
  name: string;
  role: Role;
}

export type Permission = { allowed: true } | { allowed: false; reason: string };

export function mayStartRuns(user: RunUser): Permission {
  return hasRole(user, "operator") ? { allowed: true } : { allowed: false, reason: "Viewers can watch runs but not start them or run steps." };
}

export function mayRunStep(user: RunUser, risk: Risk): Permission {
  const start = mayStartRuns(user);
  if (!start.allowed) return start;
  if (risk === "danger" && !hasRole(user, "admin")) return { allowed: false, reason: "Only an admin can run a danger step." };
  return { allowed: true };
}

/** Why the host's agent will refuse a step of this risk, if it will. */
export function hostRefusal(maxRisk: Risk | undefined, risk: Risk): string | null {
  if (!maxRisk || riskWithin(risk, maxRisk)) return null;
  return `This host's agent accepts ${maxRisk === "read" ? "read-only steps only" : `steps up to ${maxRisk}`}; it will refuse this ${risk} step.`;
}
