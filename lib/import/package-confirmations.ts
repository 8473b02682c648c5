// Package managers that stop at "Do you want to continue? [Y/n]": which subcommands ask, and which
// flags answer. One table for both sides: interactive.ts says such a command would wait, and
// confirmations.ts adds the `-y` that lets it run as a step.
export interface ConfirmingManager {
  programs: readonly string[];
  subcommands: readonly string[];
  /** Flags that answer the question; the first is the one the importer adds. */
  yes: readonly string[];
}

export const CONFIRMING_MANAGERS: readonly ConfirmingManager[] = [
  {
    programs: ["apt-get", "apt", "aptitude"],
    subcommands: ["install", "remove", "purge", "upgrade", "dist-upgrade", "full-upgrade", "autoremove"],
    // `-qq` implies `-y`.
    yes: ["-y", "--yes", "--assume-yes", "-qq"],
  },
  {
    programs: ["dnf", "yum", "microdnf", "tdnf"],
    subcommands: [
      "install",
      "remove",
      "erase",
      "update",
      "upgrade",
      "downgrade",
      "reinstall",
      "autoremove",
      "groupinstall",
    ],
    yes: ["-y", "--assumeyes"],
  },
  {
    programs: ["zypper"],
    subcommands: ["in", "install", "rm", "remove", "up", "update", "dup", "dist-upgrade", "patch"],
    yes: ["-y", "-n", "--non-interactive", "--no-confirm"],
  },
  {
    programs: ["conda", "mamba"],
    subcommands: ["install", "remove", "uninstall", "create", "update", "upgrade"],
    yes: ["-y", "--yes"],
  },
  { programs: ["pip", "pip3"], subcommands: ["uninstall"], yes: ["-y", "--yes"] },
];
