import type { Metadata } from "next";
import Writing from "@/docs/writing-playbooks.md";
import { HelpArticle } from "@/components/help/help-article";
import { requireUser } from "@/lib/auth/session";
import { helpPage } from "@/lib/help/help-pages";

const page = helpPage("writing-playbooks");

export const metadata: Metadata = { title: page.title, description: page.summary };

// The doc is the page: compiled from docs/writing-playbooks.md at build time (next.config.ts).
export default async function WritingHelpPage() {
  await requireUser();
  return <HelpArticle page={page} Doc={Writing} />;
}
