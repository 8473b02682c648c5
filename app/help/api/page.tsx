import type { Metadata } from "next";
import Api from "@/docs/api.md";
import { apiDocument } from "@/app/api/openapi.json/api-document";
import { ApiReference } from "@/components/help/api-reference";
import { HelpArticle } from "@/components/help/help-article";
import { requireUser } from "@/lib/auth/session";
import { helpPage } from "@/lib/help/help-pages";

const page = helpPage("api");

export const metadata: Metadata = { title: page.title, description: page.summary };

// docs/api.md, then the reference of every operation, rendered from the same OpenAPI document
// that /api/openapi.json serves.
export default async function ApiHelpPage() {
  await requireUser();
  return (
    <HelpArticle page={page} Doc={Api}>
      <ApiReference document={apiDocument()} />
    </HelpArticle>
  );
}
