// The import benchmark's fixtures: each guide `NAME.md` with its hand labels `NAME.labels.yaml`
// (format: bench/import/README.md), read from bench/import/guides/<set>/.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { RISKS } from "@/lib/playbooks/types";

export const GUIDE_SETS = ["dev", "holdout"] as const;
export type GuideSet = (typeof GUIDE_SETS)[number];

export const GUIDES_DIR = path.join("bench", "import", "guides");

const blockLabel = z
  .strictObject({
    line: z.number().int().positive(),
    class: z.enum(["commands", "output", "interactive", "config"]),
    risk: z.enum(RISKS).optional(),
    root: z.boolean().optional(),
    placeholders: z.array(z.string().min(1)).optional(),
  })
  .refine((b) => (b.class === "commands") === (b.risk !== undefined), {
    message: "risk is given for commands blocks, and only for them",
  })
  .refine((b) => b.root === undefined || b.class === "commands", { message: "root is for commands blocks only" });

const guideLabels = z.strictObject({
  project: z.string().min(1).optional(),
  style: z.string().min(1).optional(),
  blocks: z.array(blockLabel),
  errors: z.array(z.string().min(1)),
});

export type BlockLabel = z.infer<typeof blockLabel>;
export type LabelledClass = BlockLabel["class"];
export type GuideLabels = z.infer<typeof guideLabels>;

export interface Guide {
  set: GuideSet;
  /** The file name without `.md`. */
  name: string;
  /** Relative to the repository: bench/import/guides/dev/podman-rootless.md. */
  file: string;
  markdown: string;
  labels: GuideLabels | null;
  /** Why `labels` is null: the file is missing or does not follow the format. */
  labelProblem?: string;
}

export function parseLabels(yamlText: string): GuideLabels {
  const result = guideLabels.safeParse(parse(yamlText));
  if (result.success) return result.data;
  throw new Error(result.error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`).join("; "));
}

/** The guides of one set, by name; none when the set's folder does not exist (yet). */
export function readGuideSet(set: GuideSet, root: string = GUIDES_DIR): Guide[] {
  const dir = path.join(root, set);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".md".length);
      const file = path.join(dir, f);
      const guide: Guide = { set, name, file, markdown: fs.readFileSync(file, "utf8"), labels: null };
      const labelsFile = path.join(dir, `${name}.labels.yaml`);
      try {
        guide.labels = parseLabels(fs.readFileSync(labelsFile, "utf8"));
      } catch (error) {
        guide.labelProblem = `${labelsFile}: ${error instanceof Error ? error.message : String(error)}`;
      }
      return guide;
    });
}
