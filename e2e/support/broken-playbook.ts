// A malformed playbook the e2e server adds to its copy of content/, so specs can check that its page
// names the file and line while every other page keeps working.
export const BROKEN_PLAYBOOK = {
  slug: "broken-on-purpose",
  /** The line of the offending tag in `source`. */
  line: 9,
  source: `---
title: Broken on purpose
summary: An end-to-end fixture whose body uses a component Casebook does not have.
tags: [e2e]
---

Everything else on the site keeps working.

<Terminal command="uptime" />
`,
};
