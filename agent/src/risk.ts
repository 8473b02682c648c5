// The risk order, least to most harmful. It lives in the agent because the agent package is
// installed on its own and enforces it locally; the server takes it from here through
// lib/playbooks/format.ts, so the order is written once.
export const RISKS = ["read", "change", "danger"] as const;

export type Risk = (typeof RISKS)[number];

export function isRisk(value: unknown): value is Risk {
  return typeof value === "string" && (RISKS as readonly string[]).includes(value);
}

/** Whether a step of `risk` is allowed under a ceiling of `max`. */
export function riskWithin(risk: Risk, max: Risk): boolean {
  return RISKS.indexOf(risk) <= RISKS.indexOf(max);
}
