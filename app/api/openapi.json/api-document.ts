// The API document, built once per process from the listed routes (their specs do not change
// while it runs).
import { openApiDocument } from "@/lib/http/openapi";
import { hostViewSchema, runViewSchema, stepRunViewSchema } from "@/lib/runs/protocol";
import { apiRoutes } from "./api-routes";

/** The API's own version: raised when a route changes in a way that breaks a client. */
const API_VERSION = "1.0.0";

/** Views several answers hold, kept once under components.schemas. */
const SHARED = { RunView: runViewSchema, StepRunView: stepRunViewSchema, HostView: hostViewSchema };

let built: Record<string, unknown> | undefined;

export function apiDocument(): Record<string, unknown> {
  return (built ??= openApiDocument(apiRoutes(), API_VERSION, SHARED));
}
