// What the audit page and the export accept as filters: one schema, so both refuse the same input.
import * as z from "zod";

/** A form leaves an unused field as "": that means "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** `datetime-local` sends no zone; the page shows UTC, so a bare time is read as UTC. */
const time = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    const date = new Date(/(Z|[+-]\d\d:?\d\d)$/.test(v) ? v : `${v}Z`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: `"${v}" is not a date and time` });
      return z.NEVER;
    }
    return date;
  });

const text = z.string().trim().max(200);

export const auditQuery = z.object({
  before: optional(z.coerce.number().int().positive("must be a positive event number")),
  user: optional(text),
  host: optional(text),
  action: optional(text),
  from: optional(time),
  to: optional(time),
});

export type AuditQuery = z.output<typeof auditQuery>;
