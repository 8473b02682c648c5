// The one way to declare a server action: who may call it and what its form must hold. The role is
// checked before the form is read (signed out: to /sign-in; role too low: 403), and the action body
// runs only on input its schema accepted, so a new action cannot skip either check.
import { headers } from "next/headers";
import type * as z from "zod";
import type { Access } from "@/lib/auth/request-user";
import type { Role } from "@/lib/auth/roles";
import { requireUser, type SessionUser } from "@/lib/auth/session";

/** A form's text fields by name; Next's own `$ACTION_…` fields and file uploads are left out. */
export type FormFields = Record<string, string>;

type Caller<A extends Access> = A extends Role ? { user: SessionUser } : unknown;

/** A copy of the request's headers, for calls (better-auth, the peer address) that need them. */
type RequestContext = { headers: Headers };

export type FormActionArgs<A extends Access, S extends z.ZodType> = Caller<A> &
  RequestContext & {
    input: z.output<S>;
    /** The fields as sent, for a reply that puts them back into the form. */
    fields: FormFields;
  };

export interface FormActionSpec<A extends Access, S extends z.ZodType, State> {
  role: A;
  input: S;
  /** The state to answer input the schema refuses with; the action body does not run. */
  invalid: (error: z.ZodError, fields: FormFields) => State;
}

const declared = new WeakMap<object, Access>();

/** The access an action was declared with, or undefined if this module did not make it. */
export function actionAccess(action: unknown): Access | undefined {
  return typeof action === "function" ? declared.get(action) : undefined;
}

/** An action for `useActionState`: `(previous state, form) => next state`. */
export function formAction<A extends Access, S extends z.ZodType, State>(
  spec: FormActionSpec<A, S, State>,
  run: (args: FormActionArgs<A, S>) => Promise<State>,
): (prev: State, form: FormData) => Promise<State> {
  const action = async (_prev: State, form: FormData): Promise<State> => {
    const caller = await authorise(spec.role);
    const fields = formFields(form);
    const parsed = spec.input.safeParse(fields);
    if (!parsed.success) return spec.invalid(parsed.error, fields);
    return run({ ...caller, ...(await requestContext()), input: parsed.data, fields } as FormActionArgs<A, S>);
  };
  declared.set(action, spec.role);
  return action;
}

/** An action for a plain `<form action>` whose only input is the click (sign-out). */
export function buttonAction<A extends Access>(
  spec: { role: A },
  run: (args: Caller<A> & RequestContext) => Promise<void>,
): (form: FormData) => Promise<void> {
  const action = async (): Promise<void> => {
    const caller = await authorise(spec.role);
    await run({ ...caller, ...(await requestContext()) } as Caller<A> & RequestContext);
  };
  declared.set(action, spec.role);
  return action;
}

async function authorise(role: Access): Promise<{ user?: SessionUser }> {
  return role === "public" ? {} : { user: await requireUser(role) };
}

async function requestContext(): Promise<RequestContext> {
  return { headers: new Headers(await headers()) };
}

function formFields(form: FormData): FormFields {
  const text = [...form].filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return Object.fromEntries(text.filter(([key]) => !key.startsWith("$")));
}
