// A playbook the e2e server adds to its copy of content/: one harmless step marked `danger`, to
// check that only an admin can run it and only after typing its id.
const stepId = "wipe-nothing";
const stepTitle = "Pretend to wipe the host";
/** What the step prints; its expectation matches on it. */
const output = "danger step ran";

export const DANGER_PLAYBOOK = {
  slug: "e2e-danger",
  stepId,
  stepTitle,
  output,
  source: `---
title: Danger check
summary: An end-to-end fixture whose only step is marked danger but just prints a line.
tags: [e2e]
---

<Step id="${stepId}" title="${stepTitle}" risk="danger" expect={{ exit: 0, match: "${output}" }} timeout={30}>
Marked danger so the confirmation asks for the step id; it only echoes.

\`\`\`bash
echo "${output}"
\`\`\`

</Step>
`,
};
