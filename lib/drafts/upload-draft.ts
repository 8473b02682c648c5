// An uploaded file becomes a draft: a playbook (.mdx) as written, or a troubleshooting guide
// (.md, .markdown, .txt) through the importer, whose steps then declare at least the classifier's
// risk. Either way it is stored for review and cannot run until an editor publishes it.
import "server-only";
import path from "node:path";
import { saveGeneratedDraft } from "@/lib/import/save-draft";
import { troubleshootingToPlaybook } from "@/lib/import/troubleshooting-to-playbook";
import { createDraft, type DraftRef } from "./create-draft";
import { DraftError } from "./draft-error";

const GUIDE = /\.(md|markdown|txt)$/i;

export interface UploadDraftOptions {
  name: string;
  text: string;
  author: { id: string };
  slug?: string;
  replaces?: string;
}

export async function uploadDraft(o: UploadDraftOptions): Promise<DraftRef> {
  if (o.text.trim() === "") throw new DraftError(`${o.name} is empty`, 400);
  const common = { source: o.name.match(GUIDE) ? "import" : "upload", sourceRef: o.name, author: o.author } as const;
  if (o.name.toLowerCase().endsWith(".mdx")) {
    const slug = o.slug || path.basename(o.name, path.extname(o.name));
    return createDraft({ ...common, source: "upload", mdx: o.text, slug, replaces: o.replaces });
  }
  if (GUIDE.test(o.name)) {
    const { draft } = await troubleshootingToPlaybook(o.text, { file: o.name, slug: o.slug || undefined });
    return saveGeneratedDraft(draft, { ...common, source: "import", replaces: o.replaces });
  }
  throw new DraftError(`${o.name}: upload a playbook (.mdx) or a troubleshooting guide (.md)`, 400);
}
