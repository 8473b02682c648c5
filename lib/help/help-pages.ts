// The in-app help: which doc in docs/ each help page renders, and where a link between docs leads
// once it is shown in the app. Each page under app/help/ imports its doc itself (a bundler needs a
// static import); app/help/help-pages.test.tsx checks that each page imports the doc named here.

export interface HelpPage {
  /** The page is /help/<slug>. */
  slug: string;
  title: string;
  /** One line for the help index. */
  summary: string;
  /** The file in docs/ that is the page's text. */
  doc: string;
}

export const HELP_PAGES = [
  {
    slug: "playbook-format",
    title: "The playbook format",
    summary: "Every field, attribute and rule of a playbook file, and what the checker reports.",
    doc: "playbook-format.md",
  },
  {
    slug: "writing-playbooks",
    title: "Writing a good playbook",
    summary: "How to turn a troubleshooting session into steps that diagnose one thing each.",
    doc: "writing-playbooks.md",
  },
  {
    slug: "agent",
    title: "Running an agent",
    summary: "Enrol a host, run casebook-agent on it, and limit what it may run.",
    doc: "agent.md",
  },
  {
    slug: "api",
    title: "The REST API",
    summary: "Tokens, runs over HTTP, and the reference of every operation (the OpenAPI document).",
    doc: "api.md",
  },
] as const satisfies readonly HelpPage[];

export const HELP_ROOT = "/help";

export const helpHref = (slug: HelpSlug, hash = ""): string => `${HELP_ROOT}/${slug}${hash ? `#${hash}` : ""}`;

/** The format reference's section on the risk classifier; its heading's slug (tested). */
export const CLASSIFIER_HELP = helpHref("playbook-format", "how-casebook-classifies-a-command");

const DOC_LINK = /^(?:\.\/)?([\w.-]+\.md)(?:#(.*))?$/;

export type DocLinkTarget =
  { kind: "url"; href: string } | { kind: "help"; href: string } | { kind: "doc"; doc: string };

/**
 * Where a link in a doc goes in the app: a link to another doc that has a help page goes to that
 * page; one to a doc without a page (review.md) has nowhere to go, so it is named as its file.
 */
export function docLinkTarget(href: string): DocLinkTarget {
  const match = DOC_LINK.exec(href);
  if (!match) return { kind: "url", href };
  const [, doc, hash] = match;
  const page = HELP_PAGES.find((p) => p.doc === doc);
  return page ? { kind: "help", href: helpHref(page.slug, hash) } : { kind: "doc", doc: `docs/${doc}` };
}

export type HelpSlug = (typeof HELP_PAGES)[number]["slug"];

export function helpPage(slug: HelpSlug): HelpPage {
  return HELP_PAGES.find((p) => p.slug === slug)!;
}
