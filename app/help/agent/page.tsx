import type { Metadata } from "next";
import Agent from "@/docs/agent.md";
import { HelpArticle } from "@/components/help/help-article";
import { requireUser } from "@/lib/auth/session";
import { helpPage } from "@/lib/help/help-pages";

const page = helpPage("agent");

export const metadata: Metadata = { title: page.title, description: page.summary };

// The doc is the page: compiled from docs/agent.md at build time (next.config.ts).
export default async function AgentHelpPage() {
  await requireUser();
  return <HelpArticle page={page} Doc={Agent} />;
}
