// A playbook the e2e server adds to its copy of content/: a step that captures a version from its
// output, one that captures a secret last line, and a change step that uses both, so a spec can
// check that captured values reach the next step, show on the run and in the confirmation dialog.
const version = "4.9.3";
const token = "tok-e2e-5f1c";

const use = {
  id: "use-captures",
  title: "Upgrade from the captured version",
  command: 'echo "upgrading from $FAKEPOD_VERSION for $WHO with ${SESSION_TOKEN} and $API_KEY"',
};

export const CAPTURES_PLAYBOOK = {
  slug: "e2e-captures",
  version,
  token,
  use,
  source: `---
title: Captures check
summary: An end-to-end fixture whose steps capture values from their output for the next step.
tags: [e2e]
inputs:
  - { name: WHO, label: Who, default: ops }
  - { name: API_KEY, label: API key, secret: true, default: k3y-e2e }
---

<Step id="read-version" title="Read the version" capture="fakepod version (?<FAKEPOD_VERSION>\\S+)" timeout={30}>
\`\`\`bash
echo "fakepod version ${version}"
\`\`\`
</Step>

<Step id="mint-token" title="Mint a session token" captureLastLine="SESSION_TOKEN" captureSecret="SESSION_TOKEN">
\`\`\`bash
echo "minting a token"
echo "${token}"
\`\`\`
</Step>

<Step id="${use.id}" title="${use.title}" risk="change" expect={{ exit: 0, match: "upgrading from ${version}" }}>
It only echoes what it would upgrade.

\`\`\`bash
${use.command}
\`\`\`
</Step>
`,
};
