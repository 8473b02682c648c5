// An uploaded file becomes a draft: a playbook (.mdx) as written, or a troubleshooting guide
// (.md, .markdown, .txt) through the importer, whose steps then declare at least the classifier's
// risk and whose import report is kept with the draft. Either way it is stored for review and
// cannot run until an editor publishes it. A preview makes every check an upload makes and saves nothing.
import "server-only";
import path from "node:path";
import type { ImportReport } from "@/lib/import/import-report";
import { generatedDraftOptions } from "@/lib/import/save-draft";
import { troubleshootingToPlaybook } from "@/lib/import/troubleshooting-to-playbook";
import { checkNewDraft, createDraft, type CreateDraftOptions, type DraftRef } from "./create-draft";
import { DraftError } from "./draft-error";

const GUIDE = /\.(md|markdown|txt)$/i;

export interface UploadDraftOptions {
  name: string;
  text: string;
  author: { id: string };
  slug?: string;
  replaces?: string;
}

/** What an upload would save: the draft as checked, and the import report for a guide. */
export interface UploadPreview {
  slug: string;
  title: string;
  mdx: string;
  report: ImportReport | null;
}

async function draftOptions(o: UploadDraftOptions): Promise<CreateDraftOptions> {
  if (o.text.trim() === "") throw new DraftError(`${o.name} is empty`, 400);
  const common = { sourceRef: o.name, author: o.author, replaces: o.replaces } as const;
  if (o.name.toLowerCase().endsWith(".mdx")) {
    const slug = o.slug || path.basename(o.name, path.extname(o.name));
    return { ...common, source: "upload", mdx: o.text, slug };
  }
  if (GUIDE.test(o.name)) {
    const { draft, report } = await troubleshootingToPlaybook(o.text, { file: o.name, slug: o.slug || undefined });
    return generatedDraftOptions(draft, { ...common, source: "import", importReport: report });
  }
  throw new DraftError(`${o.name}: upload a playbook (.mdx) or a troubleshooting guide (.md)`, 400);
}

export async function uploadDraft(o: UploadDraftOptions): Promise<DraftRef> {
  return createDraft(await draftOptions(o));
}

/** The upload's dry run: the same checks (format, slug, the version it replaces), nothing saved. */
export async function previewUpload(o: UploadDraftOptions): Promise<UploadPreview> {
  const options = await draftOptions(o);
  const { playbook } = await checkNewDraft(options);
  return { slug: options.slug, title: playbook.title, mdx: options.mdx, report: options.importReport ?? null };
}
