// A playbook the e2e server adds to its copy of content/: the Ray/Podman seed's check and install
// loop (install-podman goes back to podman-installed either way), with an install that only says
// it cannot install, so the test never changes the machine. Both fail on a host without podman.
const missing = "casebook-e2e-no-such-tool";
const checkTitle = "Is podman installed?";
const installTitle = "Install podman (pretend)";
const back = 'onPass="podman-installed" onFail="podman-installed"';

export const LOOP_PLAYBOOK = {
  slug: "e2e-loop",
  checkTitle,
  installTitle,
  source: `---
title: Loop check
summary: An end-to-end fixture whose check and fix lead back to each other, like the Ray/Podman seed's.
tags: [e2e]
---

<Step id="podman-installed" title="${checkTitle}" onPass="done" onFail="install-podman" timeout={15}>
Looks for a tool that no host has.

\`\`\`bash
command -v ${missing} || { echo "${missing}: not found on PATH"; exit 1; }
\`\`\`

</Step>

<Step id="install-podman" title="${installTitle}" risk="change" ${back} timeout={15}>
Marked change like the real install; it only says it cannot install.

\`\`\`bash
echo "no package provides ${missing}"; exit 1
\`\`\`

</Step>

<Step id="done" title="Done" timeout={15}>

\`\`\`bash
echo done
\`\`\`

</Step>
`,
};
