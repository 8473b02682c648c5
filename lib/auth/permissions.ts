// Who may do what with runs. The hub refuses with these rules (its /ui command table names an
// action per event) and the UI hides or explains what they would refuse, so both read them here.
// Client-safe.
import { riskWithin, type Risk } from "@/lib/playbooks/format";
import { mayUseHost, type HostAccess } from "./host-access";
import { hasRole, type Role } from "./roles";

export type Permission = { allowed: true } | { allowed: false; reason: string };

/** The user as these rules need it. */
export interface RunUser {
  id: string;
  name: string;
  role: Role;
}

/** A run as the ownership rule needs it (a RunView is one): who started it, null once deleted. */
export interface OwnedRun {
  userId: string | null;
  userName: string | null;
}

const ALLOWED: Permission = { allowed: true };
const refuse = (reason: string): Permission => ({ allowed: false, reason });

/** What each run action needs; `doing` names the action in a refusal. */
export const RUN_ACTIONS = {
  watch: { role: "viewer", doing: "Watching runs" },
  "start-runs": { role: "operator", doing: "Running playbooks" },
  "run-steps": { role: "operator", doing: "Running steps" },
  "cancel-steps": { role: "operator", doing: "Cancelling steps" },
  "finish-runs": { role: "operator", doing: "Finishing runs" },
} as const satisfies Record<string, { role: Role; doing: string }>;

export type RunAction = keyof typeof RUN_ACTIONS;

/** The hub's check before it handles a request. */
export function mayDo(user: Pick<RunUser, "role">, action: RunAction): Permission {
  const { role, doing } = RUN_ACTIONS[action];
  return hasRole(user, role) ? ALLOWED : refuse(`${doing} needs the ${role} role; you are ${user.role}.`);
}

/** The role a step of this risk needs, beyond the one for running steps at all. */
export function roleForRisk(risk: Risk): Role {
  return risk === "danger" ? "admin" : RUN_ACTIONS["run-steps"].role;
}

/** For the run panel: whether to offer starting a run at all. */
export function mayStartRuns(user: RunUser): Permission {
  return mayDo(user, "start-runs").allowed
    ? ALLOWED
    : refuse("Viewers can watch runs but not start them or run steps.");
}

/**
 * Acting on a run (its steps, run-all, cancel, finish) is for the user who started it, or an admin:
 * anyone else could otherwise reuse its inputs (credentials among them) under their own name.
 */
export function mayActOnRun(user: Pick<RunUser, "id" | "role">, run: OwnedRun): Permission {
  if ((run.userId !== null && user.id === run.userId) || hasRole(user, "admin")) return ALLOWED;
  if (run.userId === null) return refuse("This run's owner no longer exists: only an admin may act on it.");
  return refuse(
    `This run belongs to ${run.userName ?? "another user"}: only they or an admin may act on it; you can watch it.`,
  );
}

/**
 * For a step card: whether to offer running a step of `risk`, in `run` when there is one, on `host`
 * (the run's, or the one picked for a new run) when it is known.
 */
export function mayRunStep(
  user: RunUser,
  risk: Risk,
  run?: OwnedRun | null,
  host?: { name: string; access: HostAccess } | null,
): Permission {
  const start = mayStartRuns(user);
  if (!start.allowed) return start;
  if (run) {
    const owner = mayActOnRun(user, run);
    if (!owner.allowed) return owner;
  }
  if (host) {
    const use = mayUseHost(user, host);
    if (!use.allowed) return use;
  }
  if (!hasRole(user, roleForRisk(risk))) return refuse("Only an admin can run a danger step.");
  return ALLOWED;
}

export interface StepRefusal {
  code: "forbidden" | "needs-confirmation";
  message: string;
}

/**
 * The hub's check of one step request, after the role check for running steps: change steps need
 * a confirmation, danger steps an admin, the typed step id and a confirmation.
 */
export function stepRefusal(
  user: Pick<RunUser, "role">,
  step: { id: string; risk: Risk },
  given: { confirm?: boolean; typedStepId?: string },
): StepRefusal | null {
  if (step.risk === "change" && given.confirm !== true) {
    return { code: "needs-confirmation", message: `Step "${step.id}" changes the host; confirm to run it.` };
  }
  if (step.risk !== "danger") return null;
  const danger = `Step "${step.id}" is dangerous`;
  if (!hasRole(user, roleForRisk(step.risk)))
    return { code: "forbidden", message: `${danger}: only admins may run it.` };
  if (given.typedStepId !== step.id) return { code: "forbidden", message: `${danger}: type its id to run it.` };
  if (given.confirm !== true) return { code: "needs-confirmation", message: `${danger}; confirm to run it.` };
  return null;
}

/** Why the host's agent will refuse a step of this risk, if it will. */
export function hostRefusal(maxRisk: Risk | undefined, risk: Risk): string | null {
  if (!maxRisk || riskWithin(risk, maxRisk)) return null;
  const accepts = maxRisk === "read" ? "read-only steps only" : `steps up to ${maxRisk}`;
  return `This host's agent accepts ${accepts}; it will refuse this ${risk} step.`;
}
