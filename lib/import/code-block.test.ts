import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCodeBlock, type CodeBlockReading } from "./code-block";
import type { BlockClass } from "./import-report";

type Case = [lang: string, value: string, expected: Partial<CodeBlockReading> & { class: BlockClass }];

// Inputs written in the styles real TROUBLESHOOTING.md files use (podman, docker, kubernetes, the
// NVIDIA container toolkit, gitlab-runner, the jupyter images); the text is ours.
const ROOT_PROMPTS: Case[] = [
  [
    "console",
    "# setsebool -P container_use_devices on",
    { class: "commands", root: true, commands: "setsebool -P container_use_devices on" },
  ],
  [
    "console",
    "# sysctl -w kernel.unprivileged_userns_clone=1",
    { class: "commands", root: true, commands: "sysctl -w kernel.unprivileged_userns_clone=1" },
  ],
  ["", "# dnf install -y fuse-overlayfs", { class: "commands", root: true, commands: "dnf install -y fuse-overlayfs" }],
  [
    "console",
    "# loginctl enable-linger $UID",
    { class: "commands", root: true, commands: "loginctl enable-linger $UID" },
  ],
  // `reboot` alone reads as a word, but beside other root prompts it is one too.
  [
    "console",
    "# dnf install -y grubby\n# grubby --update-kernel=ALL --args=quiet\n# reboot",
    {
      class: "commands",
      root: true,
      commands: "dnf install -y grubby\ngrubby --update-kernel=ALL --args=quiet\nreboot",
    },
  ],
  [
    "console",
    "# grep jdoe /etc/subuid\n/etc/subuid:jdoe:200000:1001",
    { class: "commands", root: true, commands: "grep jdoe /etc/subuid", output: ["/etc/subuid:jdoe:200000:1001"] },
  ],
  [
    "console",
    "# podman run -d --name web quay.io/acme/web:1 && podman exec web true\n4f2a9c0b7e1d8a6f\n" +
      "Error: OCI runtime error: unable to start",
    { class: "commands", root: true, output: ["4f2a9c0b7e1d8a6f", "Error: OCI runtime error: unable to start"] },
  ],
  [
    "console",
    "[root@build01 ~]# systemctl restart containerd",
    { class: "commands", root: true, commands: "systemctl restart containerd" },
  ],
  [
    "console",
    "root@node7:/# nvidia-smi -L\nGPU 0: Tesla T4 (UUID: GPU-1234)",
    { class: "commands", root: true, commands: "nvidia-smi -L", output: ["GPU 0: Tesla T4 (UUID: GPU-1234)"] },
  ],
  ["console", "sh-5.2# id -u\n0", { class: "commands", root: true, commands: "id -u", output: ["0"] }],
];

const COMMENTS: Case[] = [
  [
    "bash",
    "# Check the logs\njournalctl -u docker --no-pager -n 50",
    { class: "commands", root: false, commands: "# Check the logs\njournalctl -u docker --no-pager -n 50" },
  ],
  [
    "bash",
    "# install dependencies\nnpm ci",
    { class: "commands", root: false, commands: "# install dependencies\nnpm ci" },
  ],
  ["bash", "# make sure the daemon is running\nsystemctl is-active docker", { class: "commands", root: false }],
  // A commented-out command above a real one is a script's comment, not a root prompt.
  [
    "bash",
    "# kubectl get pods -A\nkubectl get nodes -o wide",
    { class: "commands", root: false, commands: "# kubectl get pods -A\nkubectl get nodes -o wide" },
  ],
  ["bash", "# Only comments here.\n# Nothing to run.", { class: "other", commands: "" }],
  // In a transcript, a comment right before a prompt introduces it; the rest is what `cat` printed.
  [
    "console",
    "# the mount as the container sees it\n$ cat /etc/containers/storage.conf\n# storage settings\n" +
      '[storage]\ndriver = "overlay"',
    {
      class: "commands",
      commands: "# the mount as the container sees it\ncat /etc/containers/storage.conf",
      output: ["# storage settings", "[storage]", 'driver = "overlay"'],
    },
  ],
];

const PROMPTS: Case[] = [
  [
    "console",
    "$ podman info --format '{{.Host.OCIRuntime.Name}}'\ncrun",
    { class: "commands", commands: "podman info --format '{{.Host.OCIRuntime.Name}}'", output: ["crun"], root: false },
  ],
  [
    "console",
    "jdoe@laptop:~/src$ git status --short\n M README.md",
    { class: "commands", commands: "git status --short", output: [" M README.md"] },
  ],
  [
    "console",
    "[jdoe@fedora ~]$ podman unshare cat /proc/self/uid_map\n         0       1000          1",
    { class: "commands", commands: "podman unshare cat /proc/self/uid_map" },
  ],
  [
    "console",
    "(venv) $ pip install -r requirements.txt\nSuccessfully installed acme-1.0",
    { class: "commands", commands: "pip install -r requirements.txt", output: ["Successfully installed acme-1.0"] },
  ],
  ["console", "(base) jdoe@host:~$ conda env list", { class: "commands", commands: "conda env list" }],
  [
    "zsh",
    "% brew services list\nName    Status\npostgresql started",
    { class: "commands", commands: "brew services list", output: ["Name    Status", "postgresql started"] },
  ],
  [
    "console",
    "jdoe@mac ~ % colima status\nINFO[0000] colima is running",
    { class: "commands", commands: "colima status" },
  ],
  ["", "> kubectl get ns", { class: "commands", commands: "kubectl get ns" }],
  ["console", "$ echo ready\nready\n$", { class: "commands", commands: "echo ready", output: ["ready"] }],
  // Continuation lines, heredoc bodies (with their own `#` lines) and PS2 prompts stay with their command.
  [
    "console",
    "$ docker run --rm \\\n    -e MODE=check \\\n    acme/tool:2 check\nall checks passed",
    {
      class: "commands",
      commands: "docker run --rm \\\n    -e MODE=check \\\n    acme/tool:2 check",
      output: ["all checks passed"],
    },
  ],
  [
    "console",
    "$ cat >> ~/.config/containers/containers.conf <<EOF\n[engine]\n# keep ctrl-p for the shell\n" +
      'detach_keys="ctrl-q,ctrl-q"\nEOF\n$ podman info >/dev/null',
    {
      class: "commands",
      commands:
        "cat >> ~/.config/containers/containers.conf <<EOF\n[engine]\n# keep ctrl-p for the shell\n" +
        'detach_keys="ctrl-q,ctrl-q"\nEOF\npodman info >/dev/null',
    },
  ],
  [
    "console",
    "$ for n in 1 2 3; do\n>   ping -c1 node$n\n> done\nPING node1 (10.0.0.1) 56(84) bytes of data.",
    { class: "commands", commands: "for n in 1 2 3; do\n  ping -c1 node$n\ndone" },
  ],
  [
    "console",
    "# cat > /etc/modules-load.d/fuse.conf <<'EOF'\n# loaded at boot\nfuse\nEOF",
    {
      class: "commands",
      root: true,
      commands: "cat > /etc/modules-load.d/fuse.conf <<'EOF'\n# loaded at boot\nfuse\nEOF",
    },
  ],
  // `sudo -i` opens a root shell: what follows runs as root, and the shell itself is not a command to run.
  [
    "console",
    "jdoe@host:~$ sudo -i\nroot@host:~# cat /etc/subgid\njdoe:100000:65536\nroot@host:~# exit",
    { class: "commands", root: true, commands: "cat /etc/subgid", output: ["jdoe:100000:65536"] },
  ],
  [
    "console",
    "$ kubectl exec -n ci runner-0 -- ls /builds\nproject-1",
    { class: "commands", commands: "kubectl exec -n ci runner-0 -- ls /builds" },
  ],
];

const OUTPUT: Case[] = [
  ["", "##[error]The job container exited with code 127\n##[debug]Finishing", { class: "output" }],
  [
    "",
    "Failed to initialize NVML: Unknown Error",
    { class: "output", commands: "", output: ["Failed to initialize NVML: Unknown Error"] },
  ],
  ["console", "Error: failed to create job pod: Error: HTTP-Code: 409", { class: "output", commands: "" }],
  ["sh", "Error: short-name resolution enforced but cannot prompt without a TTY", { class: "output" }],
  ["shell", "error: externally-managed-environment", { class: "output" }],
  [
    "bash",
    'docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]].',
    { class: "output" },
  ],
  [
    "text",
    "NAME                    READY   STATUS             RESTARTS   AGE\n" +
      "web-5c7d9b6f4-x2kqp     0/1     CrashLoopBackOff   7          12m",
    { class: "output" },
  ],
  ["console", "web-5c7d9b6f4-x2kqp     0/1     ImagePullBackOff   0          2m", { class: "output" }],
  ["", "2024-03-02T10:14:07.123Z ERROR runner: job failed: exit code 137", { class: "output" }],
  ["text", 'Mar 02 10:14:07 host dockerd[812]: level=error msg="failed to start daemon"', { class: "output" }],
  ["bash", "/etc/subuid:jdoe:200000:1001\n/etc/subgid:jdoe:200000:1001", { class: "output" }],
  [
    "bash",
    'Traceback (most recent call last):\n  File "/app/run.py", line 3, in <module>\n' +
      "ModuleNotFoundError: No module named 'acme'",
    { class: "output" },
  ],
  [
    "",
    'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space\n\tat com.acme.Main.run(Main.java:42)',
    { class: "output" },
  ],
  ["sh", "permission denied while trying to connect to the Docker daemon socket", { class: "output" }],
  ["console", "touch: cannot touch '/data/file': Permission denied", { class: "output" }],
  ["bash", "drwxr-xr-x 2 root root 4096 Mar  2 10:14 work", { class: "output" }],
  [
    "",
    "Name:         web-5c7d9b6f4-x2kqp\nNamespace:    default\nContainers:\n  web:\n    Image:      acme/web:1",
    { class: "output" },
  ],
  ["", "% Total    % Received % Xferd  Average Speed", { class: "output" }],
  ["bash", "WARNING: The requested image's platform (linux/arm64) does not match", { class: "output" }],
];

const SCRIPTS: Case[] = [
  // Values to fill in, written `<like-this>`, are words, not redirections.
  ["bash", "kubectl logs -n ci runner-<pod-id> --previous", { class: "commands" }],
  ["", "git clone <your-repo-url> app", { class: "commands" }],
  ["bash", "kubectl get pods -n ci", { class: "commands", commands: "kubectl get pods -n ci" }],
  ["sh", "sudo systemctl restart docker && docker info", { class: "commands" }],
  ["", "podman --runtime crun info", { class: "commands" }],
  ["bash", "orb delete build-vm", { class: "commands" }],
  ["shell", "export DOCKER_HOST=unix:///run/user/1000/podman/podman.sock", { class: "commands" }],
  ["bash", "NVIDIA_VISIBLE_DEVICES=all nvidia-container-cli info", { class: "commands" }],
  ["bash", "./scripts/collect-logs.sh --since 1h", { class: "commands" }],
  ["bash", "/usr/bin/nvidia-ctk runtime configure --runtime=docker", { class: "commands" }],
  ["bash", "cd /srv/app\ngit pull --ff-only", { class: "commands", commands: "cd /srv/app\ngit pull --ff-only" }],
  ["bash", 'if [ -d "$HOME/.cache" ]; then\n  du -sh "$HOME/.cache"\nfi', { class: "commands" }],
  [
    "bash",
    "# Restart the runner\n\nsudo gitlab-runner restart\n\n# Verify\nsudo gitlab-runner verify",
    {
      class: "commands",
      commands: "# Restart the runner\n\nsudo gitlab-runner restart\n\n# Verify\nsudo gitlab-runner verify",
    },
  ],
  // A command with no prompt followed by what it printed: the printed lines are set apart.
  [
    "bash",
    "kubectl get pods\nNAME      READY   STATUS    RESTARTS   AGE\nweb-1     1/1     Running   0          3d",
    {
      class: "commands",
      commands: "kubectl get pods",
      output: ["NAME      READY   STATUS    RESTARTS   AGE", "web-1     1/1     Running   0          3d"],
    },
  ],
  ["bash", 'sudo tee /etc/docker/daemon.json <<\'EOF\'\n{ "default-runtime": "nvidia" }\nEOF', { class: "commands" }],
];

const NOT_SHELL: Case[] = [
  // A fragment of a script (an `if` with no `fi`) is neither commands nor output.
  [
    "bash",
    'if [[ -d "/var/lib/cache" ]]; then\n    ln -sf /var/lib/cache /srv/cache\n\nmountPath: /var/lib/x',
    { class: "other" },
  ],
  ["powershell", "Get-Service gitlab-runner", { class: "other", commands: "" }],
  ["ps", "Restart-Service docker", { class: "other" }],
  ["", "PS C:\\GitLab-Runner> .\\gitlab-runner.exe status", { class: "other" }],
  ["console", "PS> Get-ChildItem Env:", { class: "other" }],
  ["yaml", "apiVersion: v1\nkind: Pod", { class: "config" }],
  ["json", '{"runtimes": {"nvidia": {"path": "nvidia-container-runtime"}}}', { class: "config" }],
  ["toml", "[plugins.cri]\nenable_cdi = true", { class: "config" }],
  ["ini", "[Service]\nDelegate=yes", { class: "config" }],
  ["dockerfile", "FROM quay.io/jupyter/base-notebook\nUSER root", { class: "config" }],
  ["diff", "--- a/x\n+++ b/x", { class: "config" }],
  ["python", "import os\nprint(os.getuid())", { class: "other" }],
  ["go", "package main", { class: "other" }],
  ["", '{\n  "features": { "buildkit": true }\n}', { class: "config" }],
  ["", "[Service]\nDelegate=memory pids cpu cpuset", { class: "config" }],
  ["text", "volumeMounts:\n  - name: work\n    mountPath: /work", { class: "config" }],
  ["bash", "", { class: "other" }],
  ["mermaid", "graph TD; a-->b", { class: "other" }],
];

const INTERACTIVE: Case[] = [
  ["bash", "docker exec -it <container> sh", { class: "interactive", commands: "docker exec -it <container> sh" }],
  ["console", "$ podman run -ti --rm fedora sh", { class: "interactive", commands: "podman run -ti --rm fedora sh" }],
  ["bash", "docker exec -it jupyter bash", { class: "interactive", commands: "docker exec -it jupyter bash" }],
  ["console", "# crontab -e", { class: "interactive", root: true, commands: "crontab -e" }],
  ["bash", "kubectl logs -f deploy/web", { class: "interactive" }],
  ["bash", "ssh-keygen -t ed25519", { class: "interactive" }],
];

// Programs no list knows, in the shape every CLI has: a lowercase name, subcommand words, an option.
const UNKNOWN_CLIS: Case[] = [
  ["", "kiln node drain gpu-07 --timeout 30m", { class: "commands", commands: "kiln node drain gpu-07 --timeout 30m" }],
  ["console", "tessel cache purge --all", { class: "commands", commands: "tessel cache purge --all" }],
  ["text", "ferry sync --dry-run ./site", { class: "commands" }],
  ["", "quarry index rebuild -s 3 --force", { class: "commands" }],
  ["bash", "kiln node drain gpu-07 --timeout 30m", { class: "commands" }],
];

// Still what a program printed: a `name:` prefix, a log level after the program, error words, a sentence.
const PRINTED_BY_A_PROGRAM: Case[] = [
  ["", "kiln-agent: nvml: device count is 0", { class: "output" }],
  ["", "npm error code SELF_SIGNED_CERT_IN_CHAIN", { class: "output", commands: "" }],
  ["bash", "npm error code ERESOLVE\nnpm error ERESOLVE could not resolve", { class: "output" }],
  ["text", "npm ERR! code ENOENT\nnpm ERR! syscall open", { class: "output" }],
  ["console", "npm WARN deprecated inflight@1.0.6: leaks memory", { class: "output" }],
  ["", "npm notice New major version of npm available! 9.8.1 -> 10.5.0", { class: "output" }],
  ["", "npm info it worked if it ends with ok", { class: "output" }],
  ["", "npm verbose cli /usr/local/bin/node /usr/local/bin/npm", { class: "output" }],
  ["", "npm http fetch GET 200 https://registry.npmjs.org/left-pad 87ms", { class: "output" }],
  ["", "yarn error An unexpected error occurred: self signed certificate", { class: "output" }],
  ["", 'pip: error: unknown command "instal"', { class: "output" }],
  ["", "warden sync stalled --retry exhausted", { class: "output" }],
  ["", "Run kiln node drain --force to continue.", { class: "output" }],
  ["", "usage: kiln node drain NODE [--timeout DURATION]", { class: "output" }],
  ["", "see the kiln --help output", { class: "output" }],
  ["", "2024-05-01T12:00:01Z kiln --version 1.4", { class: "output" }],
  ["", "kiln node drain gpu-07 --timeout 30m: context deadline", { class: "output" }],
  [
    "bash",
    "npm install\nnpm error code ERESOLVE",
    { class: "commands", commands: "npm install", output: ["npm error code ERESOLVE"] },
  ],
];

// Subcommands that share a log level's name still run.
const LEVEL_NAMED_SUBCOMMANDS: Case[] = [
  ["", "docker info", { class: "commands", commands: "docker info" }],
  ["", "npm info lodash versions", { class: "commands" }],
  ["", "pip debug --verbose", { class: "commands" }],
  ["console", "$ npm info left-pad version --json", { class: "commands" }],
];

// A block of bare assignments sets variables in a shell that then exits: an env file's body.
const ENV_FILES: Case[] = [
  [
    "",
    "DATABASE_URL=postgres://app:secret@db:5432/app\nREDIS_URL=redis://cache:6379/0",
    { class: "config", commands: "" },
  ],
  ["bash", "# where the API listens\nAPI_PORT=8080\nAPI_HOST=0.0.0.0\n", { class: "config" }],
  ["sh", 'NODE_OPTIONS="--max-old-space-size=4096"', { class: "config" }],
  ["text", "LOG_LEVEL=debug TZ=UTC", { class: "config" }],
  ["", "SENTRY_DSN=https://k@o1.ingest.example.com/4?env=prod&debug=1", { class: "config" }],
  ["sh", "export DATABASE_URL=postgres://app@db/app", { class: "commands" }],
  ["bash", "PGHOST=db psql -c 'select 1'", { class: "commands" }],
  ["bash", "API_PORT=8080\n./start.sh --port $API_PORT", { class: "commands" }],
  ["bash", "API_PORT=8080\nexport API_PORT", { class: "commands" }],
  ["bash", "uid=$(id -u)", { class: "commands" }],
  ["bash", "addr=`hostname -I`", { class: "commands" }],
];

// A session typed into a REPL or database client: its prompts are not a shell's, and what it printed
// is output.
const SESSIONS: Case[] = [
  [
    "console",
    "$ redis-cli -h 10.0.4.20\n10.0.4.20:6379> PING\n(error) NOAUTH Authentication required.",
    {
      class: "interactive",
      commands: "redis-cli -h 10.0.4.20",
      output: ["(error) NOAUTH Authentication required."],
    },
  ],
  [
    "",
    '127.0.0.1:6379> CONFIG GET maxmemory\n1) "maxmemory"\n2) "0"\n127.0.0.1:6379[2]> DBSIZE\n(integer) 0',
    { class: "interactive", commands: "", output: ['1) "maxmemory"', '2) "0"', "(integer) 0"] },
  ],
  [
    "console",
    "$ sudo -u postgres psql\npostgres=# SELECT count(*) FROM pg_stat_activity;\n count\n-------\n    97\n(1 row)",
    { class: "interactive", commands: "sudo -u postgres psql", output: [" count", "-------", "    97", "(1 row)"] },
  ],
  [
    "text",
    "app=> select * from failed_jobs\napp-> limit 1;\nERROR:  permission denied for table failed_jobs",
    { class: "interactive", commands: "", output: ["ERROR:  permission denied for table failed_jobs"] },
  ],
  [
    "console",
    "$ python3 manage.py shell\n>>> from jobs.models import Job\n>>> Job.objects.count()\n3",
    { class: "interactive", commands: "python3 manage.py shell", output: ["3"] },
  ],
  [
    "",
    ">>> import ssl\n>>> ssl.OPENSSL_VERSION\n'OpenSSL 3.0.13 30 Jan 2024'",
    { class: "interactive", commands: "", output: ["'OpenSSL 3.0.13 30 Jan 2024'"] },
  ],
  [
    "python",
    ">>> for i in range(2):\n...     print(i)\n...\n0\n1",
    { class: "interactive", commands: "", output: ["0", "1"] },
  ],
  [
    "",
    "mysql> SHOW GRANTS;\nERROR 1045 (28000): Access denied for user 'app'@'10.0.0.5'",
    { class: "interactive", commands: "", output: ["ERROR 1045 (28000): Access denied for user 'app'@'10.0.0.5'"] },
  ],
  [
    "console",
    "MariaDB [(none)]> SELECT user\n    -> FROM mysql.user;\n+------+\n| user |",
    { class: "interactive", commands: "", output: ["+------+", "| user |"] },
  ],
  [
    "",
    'irb(main):001:0> require "openssl"\n=> true\nirb(main):002> OpenSSL::VERSION\n=> "3.2.1"',
    { class: "interactive", commands: "", output: ["=> true", '=> "3.2.1"'] },
  ],
  ["text", "sqlite> .tables\njobs   users", { class: "interactive", commands: "", output: ["jobs   users"] }],
  [
    "bash",
    "redis-cli -h cache\ncache:6379> AUTH hunter2\n(error) WRONGPASS invalid username-password pair",
    {
      class: "interactive",
      commands: "redis-cli -h cache",
      output: ["(error) WRONGPASS invalid username-password pair"],
    },
  ],
];

describe("readCodeBlock", () => {
  const table = (cases: Case[]) =>
    cases.map(
      ([lang, value, expected]) => [`${lang || "unlabelled"}: ${value.split("\n")[0]}`, lang, value, expected] as const,
    );
  const check = async (lang: string, value: string, expected: Case[2]) => {
    const reading = await readCodeBlock({ lang, value });
    expect(reading).toMatchObject(expected);
    expect(reading.reason).not.toBe("");
  };

  it.each(table(ROOT_PROMPTS))("`#` is a root prompt before a command — %s", (_, l, v, e) => check(l, v, e));
  it.each(table(COMMENTS))("`#` before prose is a comment — %s", (_, l, v, e) => check(l, v, e));
  it.each(table(PROMPTS))("prompts are stripped — %s", (_, l, v, e) => check(l, v, e));
  it.each(table(OUTPUT))("what programs print is output, whatever the fence — %s", (_, l, v, e) => check(l, v, e));
  it.each(table(SCRIPTS))("a block without prompts whose first line is a command is a script — %s", (_, l, v, e) =>
    check(l, v, e),
  );
  it.each(table(NOT_SHELL))("other languages are not commands — %s", (_, l, v, e) => check(l, v, e));
  it.each(table(INTERACTIVE))("interactive commands are kept apart — %s", (_, l, v, e) => check(l, v, e));
  it.each(table(UNKNOWN_CLIS))("an unknown program shaped like a CLI is a command — %s", (_, l, v, e) =>
    check(l, v, e),
  );
  it.each(table(PRINTED_BY_A_PROGRAM))("a program's log lines are output — %s", (_, l, v, e) => check(l, v, e));
  it.each(table(LEVEL_NAMED_SUBCOMMANDS))("a subcommand named like a level runs — %s", (_, l, v, e) => check(l, v, e));
  it.each(table(ENV_FILES))("bare assignments are an env file — %s", (_, l, v, e) => check(l, v, e));
  it.each(table(SESSIONS))("a REPL or client session is interactive — %s", (_, l, v, e) => check(l, v, e));

  it("says why, in the report's words", async () => {
    expect((await readCodeBlock({ lang: "console", value: "# dnf install -y podman" })).reason).toBe(
      "a `#` prompt: the commands run as root",
    );
    expect((await readCodeBlock({ lang: "", value: "Failed to initialize NVML: Unknown Error" })).reason).toMatch(
      /^no prompt and the first line `Failed to initialize NVML: Unknown Error` is not a command .*: output$/,
    );
    expect((await readCodeBlock({ lang: "console", value: "$ ls\na\n$ pwd\n/srv" })).reason).toBe(
      "`$` prompt: 2 commands, 2 printed lines",
    );
    expect((await readCodeBlock({ lang: "bash", value: "docker exec -it db psql -U postgres" })).reason).toBe(
      "`-it` asks for a terminal and waits for input",
    );
    expect((await readCodeBlock({ lang: "powershell", value: "Get-Process" })).reason).toContain("PowerShell");
  });
});

// Lines that programs print: capitalised words, `key: value` messages, numbers, paths with colons.
const printedLine = fc.oneof(
  fc
    .tuple(fc.constantFrom("Error", "Warning", "Failed", "Status", "Name", "Total"), fc.lorem({ maxCount: 5 }))
    .map(([head, rest]) => `${head}: ${rest}`),
  fc.tuple(fc.constantFrom("NAME", "READY", "STATUS", "AGE"), fc.nat(99)).map(([h, n]) => `${h}   ${n}`),
  fc.tuple(fc.nat(9999), fc.nat(9999)).map(([a, b]) => `/etc/subuid:jdoe:${a}:${b}`),
  fc
    .date({ noInvalidDate: true, min: new Date(2000, 0, 1), max: new Date(2099, 0, 1) })
    .map((d) => `${d.toISOString()} INFO started`),
);
const command = fc.constantFrom(
  "podman info",
  "kubectl get pods -n ci",
  "cat /etc/subuid",
  "nvidia-smi -L",
  "systemctl status docker --no-pager",
  "grep -c processor /proc/cpuinfo",
  "docker ps --format '{{.Names}}'",
  "id -u",
);
const prompt = fc.constantFrom("$ ", "jdoe@host:~$ ", "[jdoe@host ~]$ ", "(venv) $ ", "user@box:/srv$ ");

describe("readCodeBlock: properties", () => {
  it("never runs a transcript's printed lines, and runs every command at a prompt", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(prompt, command, fc.array(printedLine, { maxLength: 3 })), { minLength: 1, maxLength: 4 }),
        fc.constantFrom("console", "bash", "", "shell-session"),
        async (entries, lang) => {
          const value = entries.map(([p, c, out]) => [p + c, ...out].join("\n")).join("\n");
          const reading = await readCodeBlock({ lang, value });
          expect(reading.class).toBe("commands");
          expect(reading.commands.split("\n")).toEqual(entries.map(([, c]) => c));
          expect(reading.output).toEqual(entries.flatMap(([, , out]) => out));
          for (const line of reading.output) expect(reading.commands).not.toContain(line);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reads a block of printed lines as output, whatever the fence", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(printedLine, { minLength: 1, maxLength: 5 }),
        fc.constantFrom("console", "bash", "sh", "shell", "text", ""),
        async (lines, lang) => {
          const reading = await readCodeBlock({ lang, value: lines.join("\n") });
          expect(reading).toMatchObject({ class: "output", commands: "", output: lines });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a `#` before a command is a root prompt, the command is kept whole and what it printed set apart", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(command, fc.array(printedLine, { maxLength: 2 })), { minLength: 1, maxLength: 3 }),
        async (entries) => {
          const value = entries.map(([c, out]) => [`# ${c}`, ...out].join("\n")).join("\n");
          const reading = await readCodeBlock({ lang: "console", value });
          expect(reading).toMatchObject({ class: "commands", root: true });
          expect(reading.commands.split("\n")).toEqual(entries.map(([c]) => c));
          expect(reading.output).toEqual(entries.flatMap(([, out]) => out));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("blocks too long to read", () => {
  it("leaves a hostile block as text rather than parse it", async () => {
    const pipes = await readCodeBlock({ lang: "bash", value: `${"|".repeat(30_000)}x` });
    expect(pipes).toMatchObject({ class: "other", commands: "" });
    const lines = await readCodeBlock({ lang: "bash", value: "ls\n".repeat(8_000) });
    expect(lines.class).toBe("other");
    expect((await readCodeBlock({ lang: "bash", value: "ls\n".repeat(100) })).class).toBe("commands");
  });
});
