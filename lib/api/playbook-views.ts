// Playbooks as the REST API shows them (GET /api/playbooks, /api/playbooks/:slug): from the
// content index, without the rendering-only fields (MDX body, sections).
import * as z from "zod";
import { RISKS, type Playbook } from "@/lib/playbooks/types";

const stepSummary = z.object({ id: z.string(), title: z.string(), risk: z.enum(RISKS) });

export const playbookSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  steps: z.array(stepSummary),
});

export const playbookDetailSchema = playbookSummarySchema.extend({
  symptoms: z.array(z.string()),
  inputs: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      description: z.string().optional(),
      default: z.string().optional(),
      required: z.boolean(),
      secret: z.boolean(),
      pattern: z.string().optional(),
    }),
  ),
  steps: z.array(
    stepSummary.extend({
      command: z.string().describe("The step's code, as the agent runs it."),
      lang: z.string(),
      timeout: z.number().describe("Seconds."),
      onPass: z.string().optional(),
      onFail: z.string().optional(),
      failMeans: z.string().optional(),
    }),
  ),
});

export type PlaybookSummary = z.infer<typeof playbookSummarySchema>;
export type PlaybookDetail = z.infer<typeof playbookDetailSchema>;

export function playbookSummary(p: Playbook): PlaybookSummary {
  const steps = p.steps.map((s) => ({ id: s.id, title: s.title, risk: s.risk }));
  return { slug: p.slug, title: p.title, summary: p.summary, tags: p.tags, steps };
}

export function playbookDetail(p: Playbook): PlaybookDetail {
  const inputs = p.inputs.map((i) => ({ ...i }));
  const steps = p.steps.map((s) => ({
    id: s.id,
    title: s.title,
    risk: s.risk,
    command: s.code,
    lang: s.lang,
    timeout: s.timeout,
    onPass: s.onPass,
    onFail: s.onFail,
    failMeans: s.failMeans,
  }));
  return { ...playbookSummary(p), symptoms: p.symptoms, inputs, steps };
}
