// A playbook the e2e server adds to its copy of content/: one step that floods the terminal with
// `yes` until it is cancelled, to check that the page stays usable and flow control holds.
export const STREAM_PLAYBOOK = {
  slug: "e2e-stream",
  stepId: "flood",
  stepTitle: "Flood the terminal",
  source: `---
title: Streaming check
summary: An end-to-end fixture whose only step prints without end until it is cancelled.
tags: [e2e]
---

<Step id="flood" title="Flood the terminal" timeout={120}>
Prints the same line as fast as the terminal takes it.

\`\`\`bash
yes "casebook flow control check"
\`\`\`

</Step>
`,
};
