// A hub refusal (UiError, lib/runs/protocol.ts) as an HTTP answer: the same reason, the status
// that fits its code, and the code itself for scripts. Route handlers that run hub commands
// (lib/runs/hub-commands.ts) answer with it.
import type { UiError, UiErrorCode } from "@/lib/runs/protocol";

const STATUS: Record<UiErrorCode, number> = {
  "bad-request": 400,
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "needs-confirmation": 409,
  "host-offline": 503,
  internal: 500,
};

export function hubError(error: UiError): Response {
  return Response.json({ error: error.message, code: error.code }, { status: STATUS[error.code] });
}
