// How a refused request is answered: JSON `{ error }` with one readable reason.
import type * as z from "zod";

/** The proxy and the route guard both answer a missing session with this, so clients see one text. */
export const SIGN_IN_REQUIRED = "Sign in required.";

export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status });
}

/**
 * A schema failure as one reason: its first problem, led by the field it is about, so schemas
 * word their messages as the rest of a sentence ("limit" + "must be from 1 to 50").
 */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request is invalid.";
  const path = issue.path.map(String).join(".");
  return path ? `${path} ${issue.message}` : issue.message;
}
