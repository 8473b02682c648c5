// What the risk classifier knows about programs: data only. A program missing here is "change"
// (danger when its subcommand says it destroys, UNKNOWN_PROGRAM_VERBS); one listed here is read
// only with the subcommands and options this table calls read. The rules that need code (find's
// -exec, awk programs, sed scripts, rm's paths, dd's of=, kill's PIDs, the SQL database clients run)
// are named by `analyse` and live in risk-analysers.ts. The principles behind the entries are in
// docs/playbook-format.md ("How Casebook classifies a command").
import type { Risk } from "./format";
import type { SqlDialect } from "./risk-sql";

export interface Rule {
  risk: Risk;
  reason: string;
}

export interface OptionRule extends Rule {
  /** Only when the option's value matches. */
  value?: RegExp;
  /** Only when the option's value does not match (`-o /dev/null` is harmless). */
  unlessValue?: RegExp;
}

/** A rule for positional arguments (those after the subcommand); the first that applies wins. */
export interface ArgRule extends Rule {
  /** The index of the first positional the rule looks at (default 0). */
  from?: number;
  match?: RegExp;
  unless?: RegExp;
}

/** How a wrapper finds the command it runs (sudo, env, timeout, xargs, ssh, bash -c …). */
export interface Runs {
  /** Positional words before the command: a duration, a container, a host. */
  skip?: number;
  /** The command starts after `--` when there is one. */
  dashDash?: boolean;
  /** NAME=value words before the command. */
  assignments?: boolean;
  /** The command is one shell text: the remaining words joined with spaces. */
  joined?: boolean;
  /** The value of this option is a shell script (`su -c`). */
  scriptOption?: string;
  /** With this flag the first positional is a shell script (`bash -c`). */
  scriptFlag?: string;
  /** This positional is a shell script (`trap 'cmd' EXIT`). */
  scriptPositional?: number;
  /** A shell: without a script, a positional is a script file and no positional means stdin. */
  shell?: boolean;
  /** The command is this program with the remaining words as its arguments (`minikube kubectl --`). */
  program?: string;
  /** More arguments come from elsewhere (xargs's input). */
  extraArgs?: boolean;
  /** At least this risk, whatever the command. */
  atLeast?: Rule;
}

export type AnalyserName = "find" | "awk" | "sed" | "rm" | "dd" | "kill" | "sql" | "unknownProgram";

export interface ProgramSpec {
  /** What running it does when no subcommand, option or argument below says otherwise. */
  risk: Risk;
  /** Why, for change and danger. Without one the classifier says the subcommand is not known to read. */
  reason?: string;
  /** With no argument at all (`hostnamectl` shows status; `sudo` alone opens nothing). */
  bare?: Rule;
  /** Options that take the next word as their value; inherited by subcommands. */
  valueOptions?: readonly string[];
  /** Options that take no value. Wrappers and options before a subcommand must be known. */
  flags?: readonly string[];
  /** One-dash long options (`-noout`, `-pm`): never split into letters. */
  longSingleDash?: boolean;
  /** With any of these options the program only reads (`fdisk -l`); a RegExp must match the value. */
  readWith?: Readonly<Record<string, true | RegExp>>;
  /** Options that raise the risk; inherited by subcommands. */
  options?: Readonly<Record<string, OptionRule>>;
  args?: readonly ArgRule[];
  /** By name; `*` matches any word, `name*` any word that starts with name. */
  subcommands?: Readonly<Record<string, ProgramSpec>>;
  runs?: Runs;
  analyse?: AnalyserName;
}

const READ: ProgramSpec = { risk: "read" };
const read = (more: Partial<ProgramSpec> = {}): ProgramSpec => ({ risk: "read", ...more });
const change = (reason: string, more: Partial<ProgramSpec> = {}): ProgramSpec => ({ risk: "change", reason, ...more });
const danger = (reason: string, more: Partial<ProgramSpec> = {}): ProgramSpec => ({ risk: "danger", reason, ...more });
const toChange = (reason: string, more: Partial<OptionRule> = {}): OptionRule => ({ risk: "change", reason, ...more });
const toDanger = (reason: string, more: Partial<OptionRule> = {}): OptionRule => ({ risk: "danger", reason, ...more });
/** The same rule under several names (`-i` and `--in-place`). */
const each = <T>(names: string[], rule: T): Record<string, T> => Object.fromEntries(names.map((n) => [n, rule]));
const reads = (...names: string[]): Record<string, ProgramSpec> => each(names, READ);

/** Where output may go without changing the host. */
export const HARMLESS_OUTPUTS = /^\/dev\/(null|stdout|stderr|tty|fd\/[12])$/;
/** Writing here destroys data or stops the machine. */
export const DANGEROUS_OUTPUTS = [
  {
    match: /^\/dev\/(sd|hd|vd|xvd|nvme|mmcblk|dm-|md|loop|sr)[a-z0-9]*$|^\/dev\/(mapper|disk)\//,
    reason: "writes straight to a block device",
  },
  { match: /^\/proc\/sysrq-trigger$/, reason: "writes to /proc/sysrq-trigger, which can reboot or crash the host" },
  { match: /^\/dev\/(mem|kmem|port)$/, reason: "writes to kernel memory" },
] as const;

/** Paths under these may be deleted recursively as a `change`. `${TMPDIR}` stands for "$TMPDIR". */
export const TEMP_DIRS = ["/tmp/", "/var/tmp/", "/dev/shm/", "${TMPDIR}/"] as const;

/** Variables that decide which programs run or how the shell reads what follows. */
export const RUNS_OTHER_PROGRAMS = new RegExp(
  [
    "^(PATH|LD_\\w+|DYLD_\\w+|BASH_ENV|ENV|PROMPT_COMMAND|PS4|SHELLOPTS|BASHOPTS|\\w*PAGER|LESSOPEN|LESSCLOSE",
    "|EDITOR|VISUAL|KUBE_EDITOR|GIT_\\w+|SSH_ASKPASS|\\w*_EXTERNAL_DIFF|PYTHONPATH|PYTHONSTARTUP|NODE_OPTIONS",
    "|PERL5OPT|PERL5LIB|RUBYOPT|BROWSER)$",
  ].join(""),
);

/** Directories whose programs are looked up by their base name (`/usr/bin/ls` is `ls`). */
export const SYSTEM_BIN_DIRS = ["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"];

/** Rules for every program's subcommands, from the issue: `… delete --all`, `prune -a`, `system reset`. */
export const ANY_PROGRAM_RULES: readonly (Rule & { path: readonly string[]; options?: readonly string[] })[] = [
  {
    path: ["delete"],
    options: ["--all", "--purge", "--data", "--all-namespaces", "-A"],
    risk: "danger",
    reason: "`{path} {option}` deletes everything of its kind, or its data",
  },
  { path: ["prune"], options: ["-a", "--all"], risk: "danger", reason: "`{path} {option}` deletes everything unused" },
  { path: ["system", "reset"], risk: "danger", reason: "`{path}` deletes every container, image and volume" },
];

/**
 * For a program the table does not know: positional words (subcommands) that say it destroys something,
 * split at `-`, `_` and camelCase (`delete-cluster`, `eraseDisk`). `{path}` is the program and its words
 * up to the verb; with `options`, only when one of them is given.
 */
export const UNKNOWN_PROGRAM_VERBS: readonly (Rule & { verbs: readonly string[]; options?: readonly string[] })[] = [
  {
    verbs: [
      ...["delete", "destroy", "purge", "wipe", "reset", "prune", "remove", "rm", "drop", "uninstall", "erase"],
      ...["format", "truncate", "nuke", "terminate"],
    ],
    risk: "danger",
    reason: "`{path}` is not a known program, and `{verb}` says it deletes or resets something",
  },
  {
    verbs: ["clean"],
    options: ["--all", "--force"],
    risk: "danger",
    reason: "`{path} {option}` is not a known program, and `{verb} {option}` says it deletes everything",
  },
  {
    verbs: ["drain", "evict", "kill"],
    options: ["--force"],
    risk: "danger",
    reason:
      "`{path} {option}` is not a known program, and `{verb} {option}` says it stops work without a clean shutdown",
  },
];

/** How a database client is given SQL, read by the `sql` analyser (risk-sql.ts reads the SQL). */
export interface SqlClient {
  dialect: SqlDialect;
  /** Options whose value is SQL to run; each may be given more than once. */
  sql: readonly string[];
  /** Options that take a value, attached (`-Upostgres`, `--user=x`) or as the next word. */
  valueOptions: readonly string[];
  /** Options whose value must be attached (`mysql -psecret`; `-p` alone prompts). */
  attachedValueOptions?: readonly string[];
  /** Options (with a value) that run or write what the classifier cannot see, and why. */
  options: Readonly<Record<string, string>>;
  /** Positionals from this one on are SQL (`sqlite3 DB "SQL"…`). */
  sqlFrom?: number;
  /** `-cmd`, `-init`: one-dash long options; `--cmd` is the same option. */
  longSingleDash?: boolean;
}

const MYSQL_CLIENT: SqlClient = {
  dialect: "mysql",
  sql: ["-e", "--execute", "--init-command"],
  valueOptions: [
    ...["-u", "--user", "-h", "--host", "-P", "--port", "-D", "--database", "-S", "--socket", "--defaults-file"],
    ...["--defaults-extra-file", "--login-path", "--protocol", "--default-character-set", "--connect-timeout"],
  ],
  attachedValueOptions: ["-p", "--password"],
  options: { "--tee": "writes its output to a file", "--pager": "pipes its output through a program" },
};

export const SQL_CLIENTS: Readonly<Record<string, SqlClient>> = {
  psql: {
    dialect: "postgres",
    sql: ["-c", "--command"],
    valueOptions: [
      ...["-d", "--dbname", "-h", "--host", "-p", "--port", "-U", "--username", "-v", "--set", "--variable"],
      ...["-P", "--pset", "-F", "--field-separator", "-R", "--record-separator", "-T", "--table-attr"],
    ],
    options: {
      ...each(["-f", "--file"], "runs SQL from a file"),
      ...each(["-o", "--output"], "writes its output to a file"),
      ...each(["-L", "--log-file"], "writes a log file"),
    },
  },
  mysql: MYSQL_CLIENT,
  mariadb: MYSQL_CLIENT,
  sqlite3: {
    dialect: "sqlite",
    sql: ["-cmd"],
    valueOptions: ["-separator", "-newline", "-nullvalue", "-vfs", "-mmap", "-maxsize", "-heap", "-lookaside"],
    options: { "-init": "runs SQL from a file" },
    sqlFrom: 1,
    longSingleDash: true,
  },
};

// Programs that only read, whatever their arguments.
const READERS = reads(
  ...["cat", "tac", "ls", "dir", "vdir", "tree", "head", "tail", "less", "more", "grep", "egrep", "fgrep"],
  ...["zgrep", "zcat", "bzcat", "xzcat", "zstdcat", "ag", "wc", "cut", "tr", "paste", "join", "comm", "column"],
  ...["nl", "fold", "fmt", "expand", "unexpand", "rev", "diff", "cmp", "sdiff", "md5sum", "sha1sum", "sha224sum"],
  ...["sha256sum", "sha384sum", "sha512sum", "b2sum", "cksum", "base64", "base32", "od", "hexdump", "strings"],
  ...["file", "stat", "readlink", "realpath", "basename", "dirname", "pwd", "echo", "printf", "true", "false"],
  ...[":", "test", "[", "id", "whoami", "groups", "who", "w", "users", "last", "lastb", "lastlog", "uname"],
  ...["uptime", "nproc", "lscpu", "lsblk", "lsusb", "lspci", "lsmod", "modinfo", "lshw", "dmidecode", "sensors"],
  ...["lsof", "ss", "netstat", "ps", "pgrep", "pidof", "pstree", "top", "htop", "atop", "free", "vmstat"],
  ...["iostat", "mpstat", "pidstat", "sar", "df", "du", "findmnt", "blkid", "getent", "printenv", "locale"],
  ...["which", "whereis", "type", "hash", "dig", "nslookup", "host", "whois", "ping", "ping6", "traceroute"],
  ...["tracepath", "arp", "getconf", "seq", "expr", "bc", "cal", "sleep", "yes", "jq", "xmllint", "man"],
  ...["info", "apropos", "ldd", "readelf", "objdump", "nm", "sw_vers", "system_profiler", "vm_stat"],
  ...["lsb_release", "iptables-save", "ip6tables-save", "lvs", "vgs", "pvs", "lvdisplay", "vgdisplay"],
  ...["pvdisplay", "lvscan", "nvcc", "stern", "dmsetup", "cd", "pushd", "popd", "exit", "return", "break"],
  ...["continue", "shift", "wait", "set", "shopt", "unset", "export", "local", "declare", "typeset"],
  ...["readonly", "read", "getopts", "let", "ulimit", "umask", "times", "jobs", "caller", "help", "history"],
  ...["unalias", "systemd-cgls", "systemd-cgtop", "networkctl", "ntpq", "iw", "iwconfig", "mtr", "rg"],
);

const SUDO_LIKE: ProgramSpec = {
  risk: "read",
  valueOptions: ["-u", "--user", "-g", "--group", "-C", "--close-from", "-D", "--chdir", "-h", "--host", "-p"],
  flags: ["-E", "--preserve-env", "-H", "--set-home", "-n", "--non-interactive", "-S", "--stdin", "-k", "-b", "-P"],
  readWith: { "-l": true, "--list": true, "-V": true, "--version": true, "-v": true, "--validate": true },
  runs: {},
  bare: { risk: "change", reason: "`sudo` with no command opens a root shell" },
  options: each(["-i", "--login", "-s", "--shell"], toChange("`sudo -i` runs the command through a root login shell")),
};

const SHELL: ProgramSpec = {
  risk: "read",
  valueOptions: ["-o", "+o", "-O", "+O", "--rcfile", "--init-file"],
  flags: ["-c", "-e", "-u", "-x", "-v", "-l", "-s", "-n", "-a", "-f", "-h", "-m", "-p", "-t", "-E", "-T", "-B"],
  runs: { scriptFlag: "c", shell: true },
};

const CONTAINER_EXEC: ProgramSpec = {
  risk: "read",
  flags: ["-i", "-t", "--interactive", "--tty", "--privileged", "-T", "--no-TTY"],
  valueOptions: ["-e", "--env", "-u", "--user", "-w", "--workdir", "--env-file", "--detach-keys", "--index"],
  options: each(["-d", "--detach"], toChange("`exec -d` leaves the command running in the container")),
  runs: { skip: 1 },
};

const COMPOSE: ProgramSpec = {
  risk: "change",
  valueOptions: ["-f", "--file", "-p", "--project-name", "--profile", "--env-file", "--project-directory"],
  subcommands: {
    ...reads("ps", "ls", "logs", "config", "images", "top", "version", "events", "port"),
    exec: CONTAINER_EXEC,
    down: change("`compose down` stops and removes the project's containers", {
      options: each(["-v", "--volumes"], toDanger("`compose down -v` deletes the project's volumes and their data")),
    }),
  },
};

// docker, podman and nerdctl share their read-only subcommands.
const CONTAINER_CLI: ProgramSpec = {
  risk: "change",
  valueOptions: ["--context", "-c", "-H", "--host", "--connection", "--url", "--root", "--runroot", "--log-level"],
  flags: ["--remote", "-r", "-D", "--debug"],
  subcommands: {
    ...reads("ps", "images", "inspect", "info", "version", "logs", "top", "port", "history", "diff", "events"),
    ...reads("search", "healthcheck", "--version", "-v"),
    stats: read({ args: [] }),
    exec: CONTAINER_EXEC,
    unshare: read({ runs: {}, bare: { risk: "change", reason: "`podman unshare` with no command opens a shell" } }),
    run: change("`run` starts a container (and may pull its image)"),
    image: change("", { subcommands: reads("ls", "list", "inspect", "history", "exists", "tree") }),
    container: change("", {
      subcommands: reads("ls", "list", "ps", "inspect", "logs", "top", "port", "diff", "exists"),
    }),
    network: change("", { subcommands: reads("ls", "list", "inspect", "exists") }),
    volume: change("", {
      subcommands: {
        ...reads("ls", "list", "inspect", "exists"),
        ...each(["rm", "remove", "prune"], danger("deleting volumes deletes the data in them")),
      },
    }),
    system: change("", {
      subcommands: {
        ...reads("df", "info", "events", "connection"),
        prune: change("`system prune` deletes stopped containers and dangling images", {
          options: { "--volumes": toDanger("`system prune --volumes` deletes unused volumes and their data") },
        }),
      },
    }),
    pod: change("", { subcommands: reads("ps", "ls", "list", "inspect", "top", "stats", "exists", "logs") }),
    machine: change("", {
      subcommands: {
        ...reads("ls", "list", "info", "inspect"),
        ...each(["rm", "remove", "reset"], danger("deleting the machine deletes its disk and every image in it")),
      },
    }),
    manifest: change("", { subcommands: reads("inspect") }),
    context: change("", { subcommands: reads("ls", "list", "inspect", "show") }),
    buildx: change("", { subcommands: reads("ls", "inspect", "version", "du") }),
    compose: COMPOSE,
    secret: change("", { subcommands: reads("ls", "list", "inspect") }),
  },
};

const KUBECTL_READ = reads(
  ...["get", "describe", "logs", "top", "version", "explain", "api-resources", "api-versions", "cluster-info"],
  ...["events", "wait", "diff", "kustomize", "completion"],
);
const KUBECTL: ProgramSpec = {
  risk: "change",
  valueOptions: [
    ...["-n", "--namespace", "--context", "--cluster", "--user", "--kubeconfig", "-s", "--server", "--token"],
    ...["--as", "--as-group", "--cache-dir", "--request-timeout", "-v", "--v", "-l", "--selector", "-o"],
    ...["--output", "-c", "--container", "-f", "--filename"],
  ],
  flags: ["--insecure-skip-tls-verify", "-A", "--all-namespaces"],
  subcommands: {
    ...KUBECTL_READ,
    config: change("", {
      subcommands: reads("view", "current-context", "get-contexts", "get-clusters", "get-users"),
    }),
    auth: change("", { subcommands: reads("can-i", "whoami") }),
    rollout: change("", { subcommands: reads("status", "history") }),
    exec: read({
      flags: ["-i", "-t", "-q", "--stdin", "--tty", "--quiet"],
      valueOptions: ["--pod-running-timeout"],
      runs: { skip: 1, dashDash: true },
    }),
    delete: change("`kubectl delete` deletes objects", {
      // --force (with --grace-period=0, its default then) removes the object at once.
      options: {
        "--force": toDanger(
          "`kubectl delete --force` removes objects at once, skipping graceful shutdown: a StatefulSet can run " +
            "two pods with one identity",
          { unlessValue: /^false$/ },
        ),
      },
      args: [
        {
          match:
            /^(namespaces?|ns|pv|pvc|persistentvolumes?|persistentvolumeclaims?|crds?|customresourcedefinitions?)$/,
          risk: "danger",
          reason: "`kubectl delete {arg}` deletes everything in it or its stored data (a namespace, a volume)",
        },
        {
          match: /^(namespaces?|ns|pv|pvc|persistentvolumes?|persistentvolumeclaims?|crds?)\//,
          risk: "danger",
          reason: "`kubectl delete {arg}` deletes everything in it or its stored data (a namespace, a volume)",
        },
      ],
    }),
  },
};

const SYSTEMCTL_DANGER = danger("`{path}` stops or restarts the whole machine");
const SYSTEMCTL: ProgramSpec = {
  risk: "change",
  reason: "`{path}` changes a unit",
  valueOptions: ["-H", "--host", "-M", "--machine", "-t", "--type", "--state", "-p", "--property", "-n", "--lines"],
  flags: [
    ...["--user", "--system", "--global", "--no-pager", "-q", "--quiet", "-a", "--all", "--failed", "-l", "--full"],
    ...["--no-legend", "--value", "-r", "--recursive", "--now", "--plain", "-o", "--output", "--no-ask-password"],
  ],
  bare: { risk: "read", reason: "" },
  subcommands: {
    ...reads("status", "show", "cat", "list-units", "list-unit-files", "list-timers", "list-sockets"),
    ...reads("list-dependencies", "list-jobs", "list-machines", "list-paths", "is-active", "is-enabled"),
    ...reads("is-failed", "is-system-running", "get-default", "show-environment", "help", "--version"),
    ...each(
      ["reboot", "poweroff", "halt", "kexec", "soft-reboot", "rescue", "emergency", "suspend", "hibernate"],
      SYSTEMCTL_DANGER,
    ),
    ...each(["hybrid-sleep", "suspend-then-hibernate"], SYSTEMCTL_DANGER),
    ...each(
      ["start", "isolate", "restart"],
      change("`{path}` changes what runs", {
        args: [
          {
            match: /^(reboot|poweroff|halt|kexec|rescue|emergency|shutdown)(\.target)?$/,
            risk: "danger",
            reason: "`{path} {arg}` stops or restarts the whole machine",
          },
        ],
      }),
    ),
  },
};

const GIT: ProgramSpec = {
  risk: "change",
  valueOptions: ["-C", "-c", "--git-dir", "--work-tree", "--namespace"],
  flags: ["--no-pager", "-P", "--paginate", "--bare", "--no-replace-objects", "--literal-pathspecs"],
  subcommands: {
    ...reads("status", "log", "diff", "show", "rev-parse", "ls-files", "ls-tree", "ls-remote", "describe", "blame"),
    ...reads("grep", "shortlog", "cat-file", "rev-list", "show-ref", "version", "--version", "whatchanged"),
    ...reads("merge-base", "name-rev", "count-objects", "fsck", "check-ignore", "help", "var"),
    branch: read({
      args: [{ risk: "change", reason: "`git branch NAME` creates a branch" }],
      options: each(
        ["-d", "-D", "--delete", "-m", "-M", "--move", "-c", "-C", "--copy", "-u", "--set-upstream-to"],
        toChange("`git branch {option}` changes branches"),
      ),
    }),
    tag: read({
      args: [{ risk: "change", reason: "`git tag NAME` creates a tag" }],
      options: each(["-d", "--delete", "-a", "-s", "-f"], toChange("`git tag {option}` changes tags")),
    }),
    remote: read({
      flags: ["-v", "--verbose"],
      subcommands: reads("show", "get-url"),
      args: [{ risk: "change", reason: "`git remote {arg}` changes remotes" }],
    }),
    config: read({
      valueOptions: ["--file", "-f", "--blob"],
      readWith: each(["--get", "--get-all", "--get-regexp", "-l", "--list", "--show-origin"], true),
      args: [{ from: 1, risk: "change", reason: "`git config NAME VALUE` changes the configuration" }],
    }),
    stash: change("", { subcommands: reads("list", "show") }),
    worktree: change("", { subcommands: reads("list") }),
    reflog: read({ subcommands: { ...reads("show"), delete: change(""), expire: change("") } }),
    reset: change("`git reset` moves the branch", {
      options: { "--hard": toDanger("`git reset --hard` throws away uncommitted work") },
    }),
    clean: danger("`git clean` deletes untracked files, which git cannot bring back", {
      readWith: each(["-n", "--dry-run"], true),
    }),
    push: change("`git push` changes the remote", {
      options: each(["-f", "--force"], toDanger("`git push --force` rewrites the remote's history")),
      args: [{ match: /^\+/, risk: "danger", reason: "`git push +REF` rewrites the remote's history" }],
    }),
  },
};

const APT_READ = reads("list", "show", "policy", "search", "depends", "rdepends", "showsrc", "changelog");
/** A package argument that is a glob, a regex or an apt pattern (`'^nvidia-.*'`, `nvidia-*`, `~nnvidia`). */
const REMOVES_BY_PATTERN: ArgRule = {
  match: /[*?[\]^$|]|^~/,
  risk: "danger",
  reason: "`{path} {arg}` removes every matching package, often far more than meant (drivers, the kernel, the desktop)",
};
const REMOVE = change("`{path}` removes packages", { args: [REMOVES_BY_PATTERN] });
const removes = (...names: string[]) => each(names, REMOVE);

const NVIDIA_SMI: ProgramSpec = {
  risk: "read",
  longSingleDash: true,
  flags: ["-q", "--query", "-L", "--list-gpus", "-x", "--xml-format", "-B", "--list-excluded-gpus", "-u", "--unit"],
  options: {
    ...each(["-pm", "--persistence-mode"], toChange("`nvidia-smi -pm` changes persistence mode")),
    ...each(["-r", "--gpu-reset"], toChange("`nvidia-smi -r` resets the GPU")),
    ...each(["-pl", "--power-limit"], toChange("`nvidia-smi -pl` changes the power limit")),
    ...each(["-e", "--ecc-config", "-p", "--reset-ecc-errors"], toChange("`nvidia-smi {option}` changes ECC")),
    ...each(
      ["-c", "--compute-mode", "-am", "--accounting-mode", "-caa"],
      toChange("`nvidia-smi {option}` changes a mode"),
    ),
    ...each(["-ac", "-rac", "-lgc", "-rgc", "-lmc", "-rmc", "--applications-clocks"], toChange("changes GPU clocks")),
    ...each(["-mig", "--multi-instance-gpu", "--auto-boost-default"], toChange("`nvidia-smi {option}` changes a mode")),
  },
  valueOptions: ["-i", "--id", "-d", "--display", "-f", "--filename", "-l", "--loop", "-lms"],
  subcommands: {
    ...reads("dmon", "pmon", "topo", "nvlink", "clocks", "encodersessions", "vgpu"),
    ...each(["mig", "drain", "compute-policy", "boost-slider", "power-hint", "conf-compute"], change("")),
  },
};

const CURL_WRITES_FILE = toChange("`curl {option}` writes the response to a file", {
  unlessValue: /^(-|\/dev\/null)$/,
});
const CURL: ProgramSpec = {
  risk: "read",
  valueOptions: [
    ...["-o", "--output", "-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "-F", "--form"],
    ...["-T", "--upload-file", "-X", "--request", "-H", "--header", "-u", "--user", "-A", "--user-agent"],
    ...["-e", "--referer", "-b", "--cookie", "-c", "--cookie-jar", "-D", "--dump-header", "-K", "--config"],
    ...["-m", "--max-time", "-w", "--write-out", "-x", "--proxy", "-r", "--range", "-E", "--cert", "--key"],
    ...["--cacert", "--resolve", "--connect-timeout", "--retry", "-C", "--continue-at", "--json", "-U"],
    ...["--url", "-y", "-Y", "-z", "-Q", "-t", "--trace", "--trace-ascii", "--unix-socket", "--interface"],
  ],
  options: {
    ...each(["-o", "--output"], CURL_WRITES_FILE),
    ...each(
      ["-O", "--remote-name", "--remote-name-all", "-J"],
      toChange("`curl {option}` saves the response as a file"),
    ),
    ...each(["-D", "--dump-header", "--trace", "--trace-ascii"], CURL_WRITES_FILE),
    ...each(["-c", "--cookie-jar"], toChange("`curl {option}` writes cookies to a file")),
    ...each(
      ["-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "-F", "--form", "--json"],
      toChange("`curl {option}` sends data (a POST)"),
    ),
    ...each(["-T", "--upload-file"], toChange("`curl {option}` uploads a file")),
    ...each(
      ["-X", "--request"],
      toChange("`curl {option} {value}` sends a request that can change things", {
        unlessValue: /^(GET|HEAD|OPTIONS)$/i,
      }),
    ),
    ...each(["-K", "--config"], toChange("`curl {option}` reads more options from a file")),
    "--create-dirs": toChange("`curl --create-dirs` creates directories"),
  },
};

const FIREWALL_FLUSH = "flushes the firewall rules, which can cut the host off or leave it open";
const IPTABLES: ProgramSpec = {
  risk: "change",
  reason: "`{program}` changes the firewall rules",
  valueOptions: ["-t", "--table", "-A", "-I", "-D", "-R", "-N", "-X", "-P", "-E", "-C", "-Z", "-j", "-p", "-s"],
  readWith: each(["-L", "--list", "-S", "--list-rules"], true),
  options: {
    ...each(["-F", "--flush"], toDanger(`\`{program} {option}\` ${FIREWALL_FLUSH}`)),
    ...each(["-A", "-I", "-D", "-R", "-N", "-X", "-P", "-E", "-Z"], toChange("`{program} {option}` changes the rules")),
  },
};

const VM_DELETE = danger("`{path}` deletes the machine and everything on its disk");
const CLUSTER_DELETE = danger("`{path}` deletes the cluster and everything in it");

const REDIS_READ = reads(...["ping", "info", "dbsize", "time", "--version", "-v", "lastsave", "slowlog"]);

export const PROGRAMS: Readonly<Record<string, ProgramSpec>> = {
  ...READERS,

  // Wrappers: classified as the command they run.
  sudo: SUDO_LIKE,
  doas: { ...SUDO_LIKE, valueOptions: ["-u", "-C"], flags: ["-n", "-s", "-L"] },
  pkexec: read({ valueOptions: ["--user"], flags: ["--disable-internal-agent"], runs: {} }),
  env: read({
    valueOptions: ["-u", "--unset", "-C", "--chdir"],
    flags: ["-i", "--ignore-environment", "-0", "--null", "-v", "--debug", "-"],
    options: each(["-S", "--split-string"], toChange("`env -S` splits its own command line")),
    runs: { assignments: true },
  }),
  timeout: read({
    valueOptions: ["-s", "--signal", "-k", "--kill-after"],
    flags: ["--preserve-status", "--foreground", "-v", "--verbose", "-f"],
    runs: { skip: 1 },
  }),
  nice: read({ valueOptions: ["-n", "--adjustment"], runs: {} }),
  ionice: read({
    valueOptions: ["-c", "--class", "-n", "--classdata"],
    flags: ["-t", "--ignore"],
    options: each(
      ["-p", "--pid", "-P", "--pgid", "-u", "--uid"],
      toChange("`ionice {option}` changes another process"),
    ),
    runs: {},
  }),
  stdbuf: read({ valueOptions: ["-i", "-o", "-e", "--input", "--output", "--error"], runs: {} }),
  time: read({
    flags: ["-p", "-v", "--verbose", "--portability"],
    valueOptions: ["-f", "--format"],
    options: each(["-o", "--output", "-a", "--append"], toChange("`time {option}` writes to a file")),
    runs: {},
  }),
  nohup: read({
    runs: {
      atLeast: { risk: "change", reason: "`nohup` keeps the command running after the step (and writes nohup.out)" },
    },
  }),
  setsid: read({
    flags: ["-f", "--fork", "-w", "--wait", "-c", "--ctty"],
    runs: { atLeast: { risk: "change", reason: "`setsid` detaches the command from the step" } },
  }),
  exec: read({ flags: ["-c", "-l"], valueOptions: ["-a"], runs: {} }),
  command: read({ flags: ["-p"], readWith: { "-v": true, "-V": true }, runs: {} }),
  builtin: read({ runs: {} }),
  chroot: read({ valueOptions: ["--userspec", "--groups"], flags: ["--skip-chdir"], runs: { skip: 1 } }),
  nsenter: read({
    valueOptions: ["-t", "--target", "-S", "--setuid", "-G", "--setgid"],
    flags: [
      ...["-a", "--all", "-m", "--mount", "-u", "--uts", "-i", "--ipc", "-n", "--net", "-p", "--pid"],
      ...["-U", "--user", "-C", "--cgroup", "-T", "--time", "-r", "--root", "-w", "--wd", "-F", "--no-fork"],
      "--preserve-credentials",
    ],
    runs: {},
  }),
  runuser: read({
    valueOptions: ["-u", "--user", "-g", "--group", "-G", "--supp-group", "-c", "--command", "-s", "--shell"],
    flags: ["-l", "--login", "-", "-m", "-p", "--preserve-environment"],
    runs: { scriptOption: "-c", dashDash: true },
  }),
  su: read({
    valueOptions: ["-c", "--command", "-s", "--shell", "-g", "--group", "-G", "--supp-group", "-w"],
    flags: ["-l", "--login", "-m", "-p", "--preserve-environment", "-P", "--pty"],
    runs: { scriptOption: "-c", skip: 1 },
    bare: { risk: "change", reason: "`su` with no command opens a shell as another user" },
  }),
  xargs: read({
    valueOptions: [
      ...["-I", "-n", "--max-args", "-L", "--max-lines", "-P", "--max-procs", "-d", "--delimiter", "-s"],
      ...["--max-chars", "-E", "-a", "--arg-file", "--replace"],
    ],
    flags: ["-0", "--null", "-r", "--no-run-if-empty", "-t", "--verbose", "-x", "--exit", "-o", "--open-tty"],
    options: each(["-p", "--interactive"], toChange("`xargs -p` asks on the terminal before each command")),
    runs: { extraArgs: true },
  }),
  watch: read({
    valueOptions: ["-n", "--interval", "-q", "--equexit"],
    flags: ["-d", "--differences", "-t", "--no-title", "-b", "--beep", "-e", "--errexit", "-g", "--chgexit"],
    runs: { joined: true },
  }),
  eval: read({ runs: { joined: true } }),
  trap: read({ flags: ["-p", "-l"], runs: { scriptPositional: 0 } }),
  ssh: read({
    valueOptions: [
      ...["-i", "-p", "-o", "-l", "-J", "-F", "-b", "-c", "-E", "-e", "-I", "-m", "-Q", "-S", "-B"],
      ...["-L", "-R", "-D", "-W", "-w", "-O"],
    ],
    flags: [
      ...["-t", "-T", "-q", "-v", "-vv", "-vvv", "-n", "-A", "-a", "-x", "-X", "-Y", "-C", "-4", "-6", "-g"],
      ...["-G", "-K", "-k", "-s", "-V"],
    ],
    options: {
      ...each(["-L", "-R", "-D", "-W", "-w"], toChange("`ssh {option}` forwards ports or traffic")),
      ...each(["-N", "-f", "-M", "-O"], toChange("`ssh {option}` keeps a connection running after the step")),
    },
    runs: { skip: 1, joined: true },
    bare: { risk: "change", reason: "`ssh` with no command opens an interactive session" },
  }),
  ...each(["bash", "sh", "zsh", "dash", "ksh", "ash", "mksh"], SHELL),
  busybox: read({ runs: {} }),
  source: change("`source` runs the commands of another file in this shell"),
  ".": change("`.` runs the commands of another file in this shell"),
  alias: read({
    args: [{ match: /=/, risk: "change", reason: "`alias` defines a command the classifier cannot see run" }],
  }),

  // Files.
  find: read({ analyse: "find" }),
  awk: read({ analyse: "awk" }),
  ...each(["gawk", "mawk", "nawk"], read({ analyse: "awk" })),
  sed: read({ analyse: "sed" }),
  rm: read({ analyse: "rm" }),
  dd: read({ analyse: "dd" }),
  kill: read({ analyse: "kill" }),
  tee: read({
    flags: ["-a", "--append", "-i", "-p"],
    args: [{ unless: HARMLESS_OUTPUTS, risk: "change", reason: "`tee` writes its input to a file" }],
  }),
  sort: read({
    valueOptions: ["-k", "--key", "-t", "--field-separator", "-S", "--buffer-size", "-T", "--temporary-directory"],
    options: {
      ...each(["-o", "--output"], toChange("`sort -o` writes to a file", { unlessValue: HARMLESS_OUTPUTS })),
      "--compress-program": toChange("`sort --compress-program` runs another program"),
    },
  }),
  uniq: read({ args: [{ from: 1, risk: "change", reason: "`uniq IN OUT` writes to a file" }] }),
  xxd: read({ args: [{ from: 1, risk: "change", reason: "`xxd IN OUT` writes to a file" }] }),
  yq: read({ options: each(["-i", "--inplace"], toChange("`yq -i` edits files in place")) }),
  tar: change("`tar` creates or extracts archives", {
    valueOptions: ["-f", "--file", "-C", "--directory", "-T", "-X"],
    readWith: each(["-t", "--list"], true),
  }),
  unzip: change("`unzip` extracts files", { readWith: each(["-l", "-t", "-v", "-Z"], true) }),
  ...each(
    ["gzip", "gunzip", "xz", "unxz", "bzip2", "zstd"],
    change("`{program}` compresses or extracts files in place", {
      readWith: each(["-l", "--list", "-t", "--test", "-c", "--stdout"], true),
    }),
  ),
  mktemp: change("`mktemp` creates a file or directory", { readWith: each(["-u", "--dry-run"], true) }),
  ...each(
    ["chown", "chmod", "chgrp", "chattr", "setfacl"],
    change("`{program}` changes file ownership or permissions"),
  ),
  ...each(["cp", "mv", "ln", "install", "scp", "sftp"], change("`{program}` writes files")),
  rsync: change("`rsync` copies files", {
    valueOptions: ["-e", "--rsh", "-f", "--filter", "--exclude", "--include", "-T", "--temp-dir"],
    readWith: each(["-n", "--dry-run", "--list-only"], true),
  }),
  ...each(
    ["touch", "mkdir", "rmdir", "truncate", "unlink", "split", "csplit", "patch"],
    change("`{program}` changes files"),
  ),
  ...each(["vi", "vim", "nvim", "nano", "emacs", "ed", "sudoedit"], change("`{program}` opens an editor")),
  shred: danger("`shred` destroys the file's contents for good"),
  wipefs: read({
    options: each(["-a", "--all", "-o", "--offset"], toDanger("`wipefs {option}` erases file system signatures")),
  }),
  mkfs: danger("`{program}` creates a file system, erasing what was on the device"),
  ...each(["mke2fs", "mkswap", "mkdosfs"], danger("`{program}` creates a file system, erasing what was on the device")),
  ...each(
    ["blkdiscard", "sgdisk", "gdisk", "cfdisk"],
    danger("`{program}` rewrites a disk's partitions or blocks", {
      readWith: each(["-p", "--print", "-l"], true),
    }),
  ),
  ...each(
    ["fdisk", "sfdisk", "parted"],
    danger("`{program}` rewrites a disk's partition table", {
      readWith: each(["-l", "--list", "-d", "--dump"], true),
    }),
  ),
  ...each(["lvremove", "vgremove", "pvremove"], danger("`{program}` deletes a volume and its data")),
  zpool: change("", {
    subcommands: {
      ...reads("status", "list", "iostat", "get", "history"),
      destroy: danger("`zpool destroy` deletes the pool and its data"),
    },
  }),
  zfs: change("", { subcommands: { ...reads("list", "get"), destroy: danger("`zfs destroy` deletes the data set") } }),
  cryptsetup: change("", {
    subcommands: {
      ...reads("status", "luksDump", "isLuks"),
      ...each(["luksFormat", "erase", "luksErase"], danger("`{path}` destroys the encrypted data")),
    },
  }),
  mount: read({
    valueOptions: ["-t", "--types", "-O"],
    options: {
      ...each(["-o", "--options"], toChange("`mount -o` mounts or remounts a file system")),
      ...each(["-a", "--all", "-B", "--bind", "-R", "--rbind", "-M", "--move"], toChange("`mount {option}` mounts")),
    },
    args: [{ risk: "change", reason: "`mount DEVICE DIR` mounts a file system" }],
  }),
  ...each(
    ["umount", "swapoff", "swapon", "losetup"],
    change("`{program}` changes what is mounted", {
      readWith: each(["--show", "-s", "--summary", "-l", "--list"], true),
    }),
  ),

  // Processes, time, kernel.
  pkill: change("`pkill` signals processes", {
    valueOptions: ["-u", "--euid", "-U", "-g", "-G", "-P", "-s", "-t", "--signal", "-F"],
    args: [{ match: /^(init|systemd|\^?systemd\$?)$/, risk: "danger", reason: "`pkill {arg}` signals PID 1 (init)" }],
  }),
  killall: change("`killall` signals processes", {
    valueOptions: ["-s", "--signal", "-u", "--user"],
    args: [{ match: /^(init|systemd)$/, risk: "danger", reason: "`killall {arg}` signals PID 1 (init)" }],
  }),
  killall5: danger("`killall5` signals every process"),
  fuser: read({ options: each(["-k", "--kill"], toChange("`fuser -k` kills the processes using the file")) }),
  date: read({
    valueOptions: ["-d", "--date", "-f", "--file", "-r", "--reference", "-I"],
    options: each(["-s", "--set"], toChange("`date -s` sets the system clock")),
    args: [{ unless: /^\+/, risk: "change", reason: "`date MMDDhhmm` sets the system clock" }],
  }),
  hostname: read({
    flags: ["-f", "--fqdn", "-s", "--short", "-i", "--ip-address", "-I", "--all-ip-addresses", "-d", "-A"],
    options: each(["-F", "--file", "-b", "--boot"], toChange("`hostname {option}` sets the host name")),
    args: [{ risk: "change", reason: "`hostname NAME` sets the host name" }],
  }),
  sysctl: read({
    options: {
      ...each(["-w", "--write"], toChange("`sysctl -w` sets a kernel parameter")),
      ...each(["-p", "--load", "--system"], toChange("`sysctl {option}` loads kernel parameters")),
    },
    args: [{ match: /=/, risk: "change", reason: "`sysctl NAME=VALUE` sets a kernel parameter" }],
  }),
  dmesg: read({
    valueOptions: ["-l", "--level", "-f", "--facility"],
    options: {
      ...each(["-c", "-C", "--clear", "--read-clear"], toChange("`dmesg {option}` clears the kernel log")),
      ...each(
        ["-n", "--console-level", "-D", "-E", "--console-off", "--console-on"],
        toChange("changes console logging"),
      ),
    },
  }),
  journalctl: read({
    valueOptions: ["-u", "--unit", "-n", "--lines", "-p", "--priority", "-o", "--output", "-S", "--since"],
    options: each(
      [
        ...["--vacuum-time", "--vacuum-size", "--vacuum-files", "--rotate", "--flush", "--sync", "--relinquish-var"],
        ...["--smart-relinquish-var", "--setup-keys", "--update-catalog"],
      ],
      toChange("`journalctl {option}` deletes or rewrites journal files"),
    ),
  }),
  ...each(["reboot", "halt", "poweroff"], danger("`{program}` stops or restarts the machine")),
  shutdown: danger("`shutdown` stops or restarts the machine"),
  ...each(
    ["init", "telinit"],
    change("`{program}` changes the init system's state", {
      args: [
        {
          match: /^[0156sS]$/,
          risk: "danger",
          reason: "`{program} {arg}` switches the runlevel (0 halts, 6 reboots, 1 stops services)",
        },
      ],
    }),
  ),
  crontab: change("`crontab` replaces the user's cron jobs", {
    readWith: { "-l": true },
    options: { "-r": toDanger("`crontab -r` deletes every cron job of the user") },
  }),
  systemctl: SYSTEMCTL,
  service: read({
    readWith: { "--status-all": true },
    args: [{ from: 1, unless: /^(status)$/, risk: "change", reason: "`service NAME {arg}` changes a service" }],
  }),
  "systemd-analyze": read({ subcommands: { verify: READ } }),
  loginctl: change("`{path}` changes sessions or users", {
    bare: { risk: "read", reason: "" },
    subcommands: reads(
      "list-sessions",
      "list-users",
      "list-seats",
      "show-session",
      "show-user",
      "session-status",
      "user-status",
    ),
  }),
  timedatectl: change("`{path}` changes the clock or time zone", {
    bare: { risk: "read", reason: "" },
    subcommands: reads("status", "show", "list-timezones", "timesync-status", "show-timesync"),
  }),
  hostnamectl: change("`{path}` changes the host name", {
    bare: { risk: "read", reason: "" },
    subcommands: { ...reads("status"), hostname: read({ args: [{ risk: "change", reason: "sets the host name" }] }) },
  }),
  localectl: change("", { bare: { risk: "read", reason: "" }, subcommands: reads("status", "list-locales") }),
  resolvectl: change("", {
    bare: { risk: "read", reason: "" },
    subcommands: reads("status", "query", "statistics", "dns", "domain", "log-level"),
  }),
  chronyc: change("", { subcommands: reads("tracking", "sources", "sourcestats", "activity", "ntpdata") }),
  modprobe: change("`modprobe` loads or unloads kernel modules", { readWith: each(["-n", "--dry-run", "-c"], true) }),
  smartctl: read({
    options: each(
      ["-t", "--test", "-s", "--smart", "-o", "-S", "--set", "-X", "--abort"],
      toChange("`smartctl {option}` changes the drive"),
    ),
  }),
  nvme: change("", {
    subcommands: {
      ...reads("list", "smart-log", "id-ctrl", "id-ns", "error-log", "list-subsys", "fw-log", "list-ns"),
      ...each(["format", "sanitize"], danger("`{path}` erases the drive")),
    },
  }),
  "nvidia-smi": NVIDIA_SMI,
  claude: change("`claude` runs Claude Code, which can edit files and run commands", {
    readWith: each(["--version", "-v"], true),
  }),
  "nvidia-container-cli": change("", { subcommands: reads("info", "list", "--version") }),

  // Network.
  curl: CURL,
  wget: change("`wget` downloads a file", {
    valueOptions: ["-O", "--output-document", "-o", "--output-file", "-T", "--timeout", "-t", "--tries", "-U"],
    readWith: { "--spider": true, "-O": /^(-|\/dev\/null)$/, "--output-document": /^(-|\/dev\/null)$/ },
    options: each(["-o", "--output-file", "-a", "--append-output"], toChange("`wget {option}` writes a log file")),
  }),
  ...each(
    ["nc", "ncat", "netcat"],
    change("`{program}` sends its input over the network or listens", {
      readWith: { "-z": true },
    }),
  ),
  telnet: change("`telnet` opens an interactive connection"),
  ip: change("`{path}` changes the network configuration", {
    valueOptions: ["-n", "-netns", "-f", "-family"],
    flags: ["-br", "-brief", "-s", "-stats", "-d", "-details", "-4", "-6", "-j", "-json", "-p", "-pretty", "-c", "-o"],
    longSingleDash: true,
    subcommands: Object.fromEntries(
      [
        ...["a", "addr", "address", "l", "link", "r", "route", "n", "neigh", "neighbour", "rule", "netns", "maddr"],
        ...["tunnel", "xfrm", "mroute", "ntable", "tuntap", "vrf", "netconf"],
      ].map((object) => [
        object,
        read({
          subcommands: reads("show", "sh", "s", "list", "ls", "lst", "l", "get", "help"),
          args: [{ risk: "change", reason: `\`ip ${object} {arg}\` changes the network configuration` }],
        }),
      ]),
    ),
  }),
  ifconfig: read({ args: [{ from: 1, risk: "change", reason: "`ifconfig IFACE {arg}` changes an interface" }] }),
  route: read({
    args: [{ match: /^(add|del|delete|flush|change)$/, risk: "change", reason: "`route {arg}` changes routes" }],
  }),
  ethtool: read({
    options: each(
      ["-s", "--change", "-K", "--features", "-G", "--set-ring", "-A", "--pause", "-C", "--coalesce", "-r"],
      toChange("`ethtool {option}` changes the interface"),
    ),
  }),
  tcpdump: read({
    valueOptions: ["-i", "--interface", "-c", "-s", "-r", "-C", "-G", "-W", "-y", "-B", "-E", "-F", "-T", "-z"],
    options: each(["-w"], toChange("`tcpdump -w` writes the capture to a file", { unlessValue: /^-$/ })),
  }),
  nmcli: read({
    valueOptions: ["-f", "--fields", "-g", "--get-values", "-m", "--mode", "-c", "--colors", "-e", "--escape"],
    flags: ["-t", "--terse", "-p", "--pretty", "-a", "--ask", "-s", "--show-secrets", "-w"],
    subcommands: {
      ...each(
        ["general", "g", "device", "d", "dev", "connection", "c", "con", "radio", "r", "networking", "n"],
        read({
          subcommands: reads("status", "show", "list", "wifi", "permissions", "connectivity", "hostname", "logging"),
          args: [{ risk: "change", reason: "`{path} {arg}` changes the network configuration" }],
        }),
      ),
      monitor: READ,
    },
  }),
  ...each(["iptables", "ip6tables"], IPTABLES),
  ...each(["iptables-restore", "ip6tables-restore"], change("`{program}` replaces the firewall rules")),
  nft: change("`{path}` changes the firewall rules", {
    flags: ["-a", "--handle", "-n", "--numeric", "-j", "--json", "-s", "--stateless", "-c", "--check"],
    options: each(["-f", "--file"], toChange("`nft -f` loads rules from a file")),
    subcommands: {
      list: READ,
      flush: danger(`\`{path}\` ${FIREWALL_FLUSH}`),
      delete: change("`nft delete` deletes rules", { subcommands: { table: danger(`\`{path}\` ${FIREWALL_FLUSH}`) } }),
    },
  }),
  ufw: change("`{path}` changes the firewall rules", {
    flags: ["--force", "--dry-run"],
    subcommands: {
      ...reads("status", "version", "show", "app"),
      ...each(["reset", "disable"], danger(`\`{path}\` ${FIREWALL_FLUSH}`)),
    },
  }),
  "firewall-cmd": change("`firewall-cmd` changes the firewall", {
    valueOptions: ["--zone"],
    readWith: each(["--state", "--list-*", "--get-*", "--query-*", "--info-*"], true),
    options: {
      "--panic-on": toDanger("`firewall-cmd --panic-on` drops all network traffic"),
      ...each(["--reload", "--complete-reload"], toChange("`firewall-cmd {option}` reloads the firewall rules")),
    },
  }),
  conntrack: change("`conntrack` changes connection tracking", {
    readWith: each(["-L", "--dump", "-S", "--stats", "-C", "--count", "-E", "--event"], true),
  }),
  openssl: change("`{path}` writes keys or certificates", {
    longSingleDash: true,
    options: each(["-out", "-keyout"], toChange("`openssl {option}` writes a file")),
    subcommands: {
      ...reads("version", "s_client", "x509", "verify", "crl", "asn1parse", "ciphers", "dgst", "rand", "list"),
      req: read({
        options: each(["-new", "-newkey", "-x509"], toChange("`openssl req {option}` writes a request or key")),
      }),
    },
  }),
  "ssh-keygen": change("`ssh-keygen` creates or changes keys", {
    valueOptions: ["-f", "-F", "-E", "-t", "-b", "-C", "-N", "-P"],
    readWith: each(["-l", "-F", "-y"], true),
    options: { "-R": toChange("`ssh-keygen -R` edits known_hosts") },
  }),
  certbot: change("", { subcommands: reads("certificates", "--version", "plugins") }),
  nginx: change("`nginx` starts nginx or sends it a signal", { readWith: each(["-t", "-T", "-v", "-V"], true) }),
  ...each(["apachectl", "apache2ctl"], change("", { subcommands: reads("configtest", "-t", "-S", "-M", "-v", "-V") })),
  "redis-cli": change("`redis-cli` sends a command to Redis", {
    valueOptions: ["-h", "-p", "-a", "-n", "-u", "--user", "--pass", "-s"],
    flags: ["--raw", "-c", "--no-raw", "--tls", "-e"],
    subcommands: {
      ...REDIS_READ,
      ...each(["flushall", "FLUSHALL", "flushdb", "FLUSHDB"], danger("`{path}` deletes every key")),
    },
  }),
  // The SQL they are given is read by the `sql` analyser; -l and -V only list or print.
  psql: read({ analyse: "sql", readWith: each(["-l", "--list", "-V"], true) }),
  ...each(["mysql", "mariadb"], read({ analyse: "sql", readWith: { "-V": true } })),
  sqlite3: read({ analyse: "sql", readWith: { "-version": true }, longSingleDash: true }),
  mongosh: change("`{program}` runs database commands", { readWith: { "-V": true } }),

  // Packages and languages.
  apt: change("`{path}` installs or removes packages", {
    flags: ["-q", "-qq", "-y"],
    subcommands: { ...APT_READ, ...removes("remove", "purge", "autoremove") },
  }),
  "apt-get": change("`{path}` installs or removes packages", {
    flags: ["-q", "-qq", "-y", "--yes", "--no-install-recommends"],
    readWith: each(["-s", "--simulate", "--dry-run"], true),
    subcommands: { ...reads("changelog", "check"), ...removes("remove", "purge", "autoremove") },
  }),
  aptitude: change("`{path}` installs or removes packages", {
    readWith: each(["-s", "--simulate"], true),
    subcommands: { ...reads("search", "show", "versions", "why", "why-not"), ...removes("remove", "purge") },
  }),
  zypper: change("`{path}` installs or removes packages", {
    subcommands: { ...reads("search", "se", "info", "if", "repos", "lr"), ...removes("remove", "rm") },
  }),
  // Removing a package or a dependency with these is a change, whatever its subcommand is called.
  ...each(
    ["yarn", "pnpm", "gem", "pipx", "poetry", "cargo", "composer", "rustup", "nvm", "pyenv", "asdf", "port", "choco"],
    change("`{program}` installs or removes packages or tools"),
  ),
  "apt-cache": READ,
  "dpkg-query": READ,
  dpkg: change("`dpkg` installs or removes packages", {
    readWith: each(
      [...["-l", "--list", "-L", "--listfiles", "-s", "--status", "-S", "--search", "-c", "--contents", "-I"]].concat([
        "--info",
        "--print-architecture",
        "--get-selections",
        "--compare-versions",
      ]),
      true,
    ),
  }),
  rpm: change("`rpm` installs or removes packages", {
    readWith: each(["-q", "-qa", "-qi", "-ql", "-qf", "--query", "-V", "--verify", "-qc", "-qR"], true),
  }),
  ...each(
    ["dnf", "yum"],
    change("`{path}` installs or removes packages", {
      flags: ["-q", "-y", "--quiet"],
      subcommands: {
        ...reads("list", "info", "search", "repolist", "provides", "whatprovides", "check-update", "repoquery"),
        ...removes("remove", "erase", "autoremove"),
      },
    }),
  ),
  apk: change("`{path}` installs or removes packages", { subcommands: reads("info", "list", "search", "policy") }),
  brew: change("`{path}` installs or changes packages", {
    subcommands: reads(
      "list",
      "ls",
      "info",
      "--version",
      "doctor",
      "config",
      "outdated",
      "search",
      "deps",
      "--prefix",
      "leaves",
    ),
  }),
  snap: change("", { subcommands: reads("list", "info", "version", "services", "find") }),
  flatpak: change("", { subcommands: reads("list", "info", "remotes", "search") }),
  ...each(
    ["pip", "pip3"],
    change("`{path}` installs or removes Python packages", {
      subcommands: reads("list", "show", "freeze", "--version", "-V", "check", "config", "debug", "inspect"),
    }),
  ),
  npm: change("`{path}` installs or changes packages", {
    subcommands: {
      ...reads("ls", "list", "view", "info", "outdated", "--version", "-v", "root", "prefix", "explain", "why"),
      config: change("", { subcommands: reads("get", "list", "ls") }),
      audit: read({ subcommands: { fix: change("`npm audit fix` changes installed packages") } }),
    },
  }),
  go: change("`{path}` builds, installs or runs code", {
    subcommands: { version: READ, env: read({ options: { "-w": toChange("`go env -w` changes Go's settings") } }) },
  }),
  ...each(
    ["python", "python3", "node", "ruby", "perl", "php", "java"],
    change("`{program}` runs code the classifier does not read", {
      readWith: each(["--version", "-V", "-v", "-version"], true),
    }),
  ),
  ...each(
    ["conda", "mamba"],
    change("", { subcommands: { ...reads("list", "info"), env: change("", { subcommands: reads("list") }) } }),
  ),

  // Containers and clusters.
  docker: CONTAINER_CLI,
  podman: CONTAINER_CLI,
  nerdctl: CONTAINER_CLI,
  "docker-compose": COMPOSE,
  crictl: change("", {
    valueOptions: ["-r", "--runtime-endpoint", "-i", "--image-endpoint", "--timeout"],
    subcommands: {
      ...reads("ps", "pods", "images", "img", "inspect", "inspectp", "inspecti", "logs", "info", "version", "stats"),
      exec: CONTAINER_EXEC,
    },
  }),
  ctr: change("", {
    valueOptions: ["-n", "--namespace", "-a", "--address"],
    subcommands: Object.fromEntries(
      [
        "images",
        "i",
        "image",
        "containers",
        "c",
        "container",
        "tasks",
        "t",
        "task",
        "namespaces",
        "ns",
        "snapshots",
      ].map((object) => [object, change("", { subcommands: reads("ls", "list", "info", "check", "ps", "metrics") })]),
    ),
  }),
  kubectl: KUBECTL,
  oc: KUBECTL,
  helm: change("`{path}` changes releases or repositories", {
    valueOptions: ["-n", "--namespace", "--kube-context", "--kubeconfig"],
    subcommands: {
      ...reads("list", "ls", "status", "get", "history", "version", "show", "search", "env", "template", "lint"),
      // A release is a whole application: uninstalling it deletes every resource the chart made.
      ...each(["uninstall", "delete", "del", "un"], danger("`{path}` deletes the release and every resource it made")),
      repo: change("", { subcommands: reads("list", "ls") }),
      dependency: change("", { subcommands: reads("list") }),
      plugin: change("", { subcommands: reads("list") }),
    },
  }),
  kind: change("`{path}` changes local clusters", {
    subcommands: {
      get: READ,
      version: READ,
      delete: change("", { subcommands: each(["cluster", "clusters"], CLUSTER_DELETE) }),
    },
  }),
  minikube: change("`{path}` changes the local cluster", {
    valueOptions: ["-p", "--profile"],
    subcommands: {
      ...reads("status", "ip", "version", "logs", "update-check", "docker-env", "podman-env", "options"),
      profile: change("", { subcommands: reads("list") }),
      addons: change("", { subcommands: reads("list") }),
      service: read({ flags: ["--url"], subcommands: reads("list"), args: [] }),
      kubectl: read({ runs: { program: "kubectl", dashDash: true } }),
      ssh: read({ runs: { joined: true, dashDash: true } }),
      delete: CLUSTER_DELETE,
    },
  }),
  k3s: change("", {
    subcommands: {
      kubectl: read({ runs: { program: "kubectl" } }),
      crictl: read({ runs: { program: "crictl" } }),
      ctr: read({ runs: { program: "ctr" } }),
      "check-config": READ,
    },
  }),
  ...each(
    ["k3s-uninstall.sh", "k3s-agent-uninstall.sh", "rke2-uninstall.sh"],
    danger("`{program}` uninstalls the cluster and deletes its data"),
  ),
  microk8s: change("", {
    subcommands: {
      status: READ,
      version: READ,
      kubectl: read({ runs: { program: "kubectl" } }),
      ctr: read({ runs: { program: "ctr" } }),
      reset: danger("`microk8s reset` deletes every workload and its data"),
    },
  }),
  ...each(
    ["kubectx", "kubens"],
    read({ args: [{ risk: "change", reason: "`{program} NAME` switches kubeconfig's context" }] }),
  ),
  colima: change("`{path}` changes the VM", {
    valueOptions: ["-p", "--profile"],
    subcommands: {
      ...reads("status", "list", "ls", "version", "ssh-config"),
      ssh: read({ runs: { joined: true, dashDash: true } }),
      delete: VM_DELETE,
    },
  }),
  orb: change("`{path}` changes OrbStack machines", {
    valueOptions: ["-m", "--machine", "-u", "--user", "-w", "--workdir"],
    runs: {},
    bare: { risk: "change", reason: "`orb` with no command opens a shell in the machine" },
    subcommands: {
      ...reads("list", "ls", "status", "info", "version", "logs"),
      config: change("", { subcommands: reads("show", "get") }),
      run: read({ runs: {} }),
      ...each(["shell", "sh"], change("`orb shell` opens an interactive shell")),
      ...each(["delete", "rm"], VM_DELETE),
      ...each(["start", "stop", "restart", "create", "push", "pull", "update", "reset"], change("")),
    },
  }),
  limactl: change("`{path}` changes Lima VMs", {
    subcommands: {
      ...reads("list", "ls", "info"),
      shell: read({ valueOptions: ["--workdir", "--shell"], runs: { skip: 1 } }),
      ...each(["delete", "rm", "remove", "factory-reset"], VM_DELETE),
    },
  }),
  multipass: change("`{path}` changes VMs", {
    subcommands: {
      ...reads("list", "ls", "info", "version", "networks"),
      exec: read({ runs: { skip: 1, dashDash: true } }),
      delete: VM_DELETE,
    },
  }),
  vagrant: change("`{path}` changes VMs", {
    subcommands: {
      ...reads("status", "global-status", "ssh-config", "version", "box"),
      ssh: read({ runs: { scriptOption: "-c" }, bare: { risk: "change", reason: "`vagrant ssh` opens a shell" } }),
      destroy: VM_DELETE,
    },
  }),
  ray: change("`{path}` starts, stops or changes the Ray cluster", {
    subcommands: {
      ...reads("status", "list", "summary", "memory", "logs", "--version", "timeline", "get"),
      job: change("", { subcommands: reads("list", "status", "logs") }),
    },
  }),
  just: change("`just` runs a recipe", {
    readWith: each(["--list", "-l", "--summary", "--show", "--dry-run", "-n"], true),
  }),
  gh: change("`{path}` changes things on GitHub", {
    valueOptions: ["-R", "--repo"],
    subcommands: {
      ...Object.fromEntries(
        ["run", "pr", "issue", "repo", "release", "workflow", "cache", "secret", "variable", "label"].map((object) => [
          object,
          change("", { subcommands: reads("list", "view", "checks", "diff", "status", "watch") }),
        ]),
      ),
      auth: change("", { subcommands: reads("status") }),
      api: read({
        valueOptions: ["-H", "--header", "-q", "--jq", "-t", "--template"],
        options: {
          ...each(
            ["-X", "--method"],
            toChange("`gh api {option} {value}` can change things", { unlessValue: /^GET$/i }),
          ),
          ...each(
            ["-f", "--raw-field", "-F", "--field", "--input"],
            toChange("`gh api {option}` sends fields, which makes it a POST"),
          ),
        },
      }),
    },
  }),
  git: GIT,
  aws: change("`{path}` changes cloud resources", {
    valueOptions: ["--region", "--profile", "--output", "--query", "--endpoint-url"],
    subcommands: {
      s3: change("", {
        subcommands: {
          ls: READ,
          rm: change("`aws s3 rm` deletes objects", {
            options: { "--recursive": toDanger("`aws s3 rm --recursive` deletes every object under the prefix") },
          }),
          rb: change("`aws s3 rb` deletes a bucket", {
            options: { "--force": toDanger("`aws s3 rb --force` deletes the bucket and every object in it") },
          }),
        },
      }),
      "*": change("", { subcommands: reads("describe-*", "list-*", "get-*") }),
    },
  }),
};

/** Program names that share one entry (`mkfs.ext4` is `mkfs`). */
export const PROGRAM_PREFIXES: readonly (readonly [prefix: string, program: string])[] = [["mkfs.", "mkfs"]];
