import type { Metadata } from "next";
import Format from "@/docs/playbook-format.md";
import { HelpArticle } from "@/components/help/help-article";
import { requireUser } from "@/lib/auth/session";
import { helpPage } from "@/lib/help/help-pages";

const page = helpPage("playbook-format");

export const metadata: Metadata = { title: page.title, description: page.summary };

// The doc is the page: compiled from docs/playbook-format.md at build time (next.config.ts).
export default async function FormatHelpPage() {
  await requireUser();
  return <HelpArticle page={page} Doc={Format} />;
}
