// GET /api/audit/export?format=csv|json&user=&host=&action=&from=&to= → the matching audit events,
// newest first, with their seq and hashes so a copy can be checked against the chain. Admin only.
import { stringify } from "csv-stringify/sync";
import * as z from "zod";
import { route } from "@/lib/http/route";
import { AUDIT_PAGE_MAX, listAudit, type AuditEntry } from "@/lib/runs/audit";
import { CHAINED_FIELDS } from "@/lib/runs/audit-chain";
import { auditQuery } from "@/lib/runs/audit-query";

export const dynamic = "force-dynamic";

/** A bound on one download; narrow the filters (or page with `before`) for more. */
const EXPORT_MAX = 50_000;

const query = auditQuery.extend({ format: z.enum(["csv", "json"], 'must be "csv" or "json"').default("csv") });

/** `seq` first for reading, then every field the chain covers and the event's own hash. */
const COLUMNS = ["seq", ...CHAINED_FIELDS.filter((f) => f !== "seq"), "hash"] satisfies (keyof AuditEntry)[];

export const GET = route(
  {
    role: "admin",
    query,
    doc: {
      summary: "Export the audit trail",
      response: { contentType: "text/csv", description: "The matching events, newest first (JSON with format=json)." },
    },
  },
  async ({ query: { format, ...filters } }) => {
    const entries: AuditEntry[] = [];
    let before = filters.before;
    while (entries.length < EXPORT_MAX) {
      const page = await listAudit({ ...filters, before, take: AUDIT_PAGE_MAX });
      entries.push(...page);
      if (page.length < AUDIT_PAGE_MAX) break;
      before = page[page.length - 1]?.seq;
    }
    const body =
      format === "json"
        ? JSON.stringify(entries, null, 2)
        : // Cells a spreadsheet would run as a formula get a leading quote (CSV injection).
          stringify(entries, { header: true, columns: [...COLUMNS], cast: { string: defuseFormula } });
    return new Response(body, {
      headers: {
        "content-type": format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit.${format}"`,
        "x-content-type-options": "nosniff",
      },
    });
  },
);

function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
