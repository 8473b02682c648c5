// Every route file under app/api the API document describes (lib/http/openapi.ts), by its path
// relative to app/: Next finds routes by their files, so the document needs them named here.
// app/api/openapi.test.ts fails when a route file is missing from this list. Left out: better-auth's
// catch-all (api/auth/[...all]), whose endpoints are better-auth's own, documented by better-auth.
import * as alerts from "@/app/api/alerts/[sourceId]/route";
import * as r0 from "@/app/api/audit/export/route";
import * as r1 from "@/app/api/drafts/[id]/mdx/route";
import * as r2 from "@/app/api/drafts/[id]/publish/route";
import * as r3 from "@/app/api/drafts/route";
import * as r4 from "@/app/api/health/route";
import * as r5 from "@/app/api/hosts/[id]/route";
import * as r6 from "@/app/api/hosts/route";
import * as r7 from "@/app/api/incidents/[id]/draft-playbook/route";
import * as r8 from "@/app/api/incidents/[id]/export/route";
import * as r9 from "@/app/api/incidents/[id]/route";
import * as r10 from "@/app/api/incidents/export/route";
import * as r11 from "@/app/api/incidents/import/route";
import * as r12 from "@/app/api/incidents/route";
import * as r13 from "@/app/api/openapi.json/route";
import * as r14 from "@/app/api/playbooks/[slug]/route";
import * as r15 from "@/app/api/playbooks/route";
import * as r16 from "@/app/api/runs/[id]/cancel/route";
import * as r17 from "@/app/api/runs/[id]/events/route";
import * as r18 from "@/app/api/runs/[id]/finish/route";
import * as r19 from "@/app/api/runs/[id]/route";
import * as r20 from "@/app/api/runs/[id]/run-all-read/route";
import * as r21 from "@/app/api/runs/[id]/steps/[stepRunId]/cast/route";
import * as r22 from "@/app/api/runs/[id]/steps/[stepRunId]/output/route";
import * as r23 from "@/app/api/runs/[id]/steps/[stepRunId]/route";
import * as r24 from "@/app/api/runs/[id]/steps/route";
import * as r25 from "@/app/api/runs/route";
import * as r26 from "@/app/api/search/route";
import { HTTP_METHODS } from "@/lib/http/methods";
import type { ApiRoute } from "@/lib/http/openapi";

export const API_ROUTE_MODULES: Record<string, Record<string, unknown>> = {
  "api/alerts/[sourceId]/route.ts": alerts,
  "api/audit/export/route.ts": r0,
  "api/drafts/[id]/mdx/route.ts": r1,
  "api/drafts/[id]/publish/route.ts": r2,
  "api/drafts/route.ts": r3,
  "api/health/route.ts": r4,
  "api/hosts/[id]/route.ts": r5,
  "api/hosts/route.ts": r6,
  "api/incidents/[id]/draft-playbook/route.ts": r7,
  "api/incidents/[id]/export/route.ts": r8,
  "api/incidents/[id]/route.ts": r9,
  "api/incidents/export/route.ts": r10,
  "api/incidents/import/route.ts": r11,
  "api/incidents/route.ts": r12,
  "api/openapi.json/route.ts": r13,
  "api/playbooks/[slug]/route.ts": r14,
  "api/playbooks/route.ts": r15,
  "api/runs/[id]/cancel/route.ts": r16,
  "api/runs/[id]/events/route.ts": r17,
  "api/runs/[id]/finish/route.ts": r18,
  "api/runs/[id]/route.ts": r19,
  "api/runs/[id]/run-all-read/route.ts": r20,
  "api/runs/[id]/steps/[stepRunId]/cast/route.ts": r21,
  "api/runs/[id]/steps/[stepRunId]/output/route.ts": r22,
  "api/runs/[id]/steps/[stepRunId]/route.ts": r23,
  "api/runs/[id]/steps/route.ts": r24,
  "api/runs/route.ts": r25,
  "api/search/route.ts": r26,
};

/** Each exported method of each listed route file. */
export function apiRoutes(): ApiRoute[] {
  return Object.entries(API_ROUTE_MODULES).flatMap(([file, mod]) =>
    HTTP_METHODS.filter((method) => method in mod).map((method) => ({ file, method, handler: mod[method] })),
  );
}
