// What makes a title generic: words that say what kind of page a guide is ("Troubleshooting",
// "FAQ", "Known issues", "Contents") and not what it is about.
export const GENERIC = new Set(
  (
    "troubleshooting troubleshoot troubleshooter guide guides faq faqs frequently asked questions question known " +
    "issues issue common problems problem errors error contents content table toc readme docs doc documentation " +
    "help debugging debug overview index introduction intro getting started start notes tips tricks solutions " +
    "solution support fixes fix fixing gotchas caveats limitations pitfalls workarounds bugs general basic basics " +
    "home main about info information misc miscellaneous reference manual howto how quick quickstart resolving " +
    "resolve diagnosing diagnose diagnostics runbook runbooks www site website web"
  ).split(" "),
);
export const STOP = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "of",
  "to",
  "for",
  "with",
  "your",
  "our",
  "this",
  "page",
  "section",
]);

/** Lowercase words of a title or file name, without punctuation, emoji or a `.md` extension. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\.(md|mdx|markdown|rst|txt)$/, "")
    .replace(/[^\p{L}\p{N}\s'-]+/gu, " ")
    .split(/[\s_-]+/)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w !== "");
}

/** "Troubleshooting", "FAQ", "Contents", "Known issues", "README", …: says nothing on its own. */
export function isGenericTitle(title: string): boolean {
  return words(title).every((w) => GENERIC.has(w) || STOP.has(w) || /^\d+$/.test(w));
}
