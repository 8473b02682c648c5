import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SYMPTOM_LENGTH, symptomKey } from "./symptom-text";
import {
  errorInHeading,
  errorInInlineCode,
  errorLinesInOutput,
  errorsInHeading,
  isErrorCode,
  isUsefulSymptom,
} from "./symptoms";

const block = (text: string) => text.split("\n");

describe("errorLinesInOutput", () => {
  it("keeps what a program printed about the failure, prefixes stripped", () => {
    const output = block(`$ podman run --rm -v ~/inbox:/inbox alpine touch /inbox/ok
touch: cannot touch '/inbox/ok': Permission denied
time="2025-06-01T08:00:00Z" level=error msg="failed to reserve container name \\"api\\": name is reserved"
E0601 08:00:01.000001    4410 remote_runtime.go:222] "RunPodSandbox from runtime service failed" err="rpc error"
ERRO[0000] cannot find UID/GID for user builder: no subuid ranges found for user "builder"
[ERROR] Failed to start worker 3: listen tcp :9000: bind: address already in use
2025-06-01 08:00:02.100 UTC [88] FATAL:  password authentication failed for user "reports"
Pulling fs layer
Download complete`);
    expect(errorLinesInOutput(output)).toEqual([
      "touch: cannot touch '/inbox/ok': Permission denied",
      'failed to reserve container name "api": name is reserved',
      '"RunPodSandbox from runtime service failed" err="rpc error"',
      'cannot find UID/GID for user builder: no subuid ranges found for user "builder"',
      "Failed to start worker 3: listen tcp :9000: bind: address already in use",
      'FATAL: password authentication failed for user "reports"',
    ]);
  });

  it("reads a build log: syslog and klog prefixes, help text and tables left out", () => {
    const output = block(`/usr/lib/go/pkg/tool/linux_arm64/compile: signal: killed
make: *** [images] Error 2
ERRO[10:04:41] Failed to build the agent: compile failed: exit status 2
Usage:
  agentctl build [flags]

Flags:
      --verbosity string   log level [panic, fatal, error, warning, info] (default "warning")
Mar 04 10:04:42 node-a kubelet[812]: E0304 10:04:42.000001     812 server.go:302] failed to run Kubelet: swap is on
CONTAINER ID   IMAGE          COMMAND        STATUS                     NAMES
3f9c2a7d1e0b   agent:1.2      "/entrypoint"  Exited (137) 2 min ago     agent-1
me@box ~ $ agentctl status --all`);
    expect(errorLinesInOutput(output)).toEqual([
      "/usr/lib/go/pkg/tool/linux_arm64/compile: signal: killed",
      "make: *** [images] Error 2",
      "Failed to build the agent: compile failed: exit status 2",
      "failed to run Kubelet: swap is on",
    ]);
  });

  it("takes a traceback's last line, not its frames", () => {
    const output = block(`Traceback (most recent call last):
  File "/srv/app/main.py", line 12, in <module>
    start()
  File "/srv/app/main.py", line 8, in start
    raise RuntimeError("worker pool is exhausted")
RuntimeError: worker pool is exhausted`);
    expect(errorLinesInOutput(output)).toEqual(["RuntimeError: worker pool is exhausted"]);
  });

  it("takes a Java or Go failure line, not its stack", () => {
    const java = block(`Exception in thread "main" java.lang.IllegalStateException: pool closed
\tat org.acme.Pool.take(Pool.java:41)
\tat org.acme.Main.main(Main.java:9)
\t... 3 more`);
    expect(errorLinesInOutput(java)).toEqual([
      'Exception in thread "main" java.lang.IllegalStateException: pool closed',
    ]);
    const go = block(`panic: runtime error: invalid memory address or nil pointer dereference
goroutine 1 [running]:
main.load(0x0)
\t/src/cmd/load.go:17 +0x1d
main.main()
\t/src/cmd/main.go:9 +0x25
exit status 2`);
    expect(errorLinesInOutput(go)).toEqual(["panic: runtime error: invalid memory address or nil pointer dereference"]);
  });

  it("leaves status-table rows out and keeps an event table's message column", () => {
    const pods = block(`NAME                     READY   STATUS             RESTARTS      AGE
ledger-6b7c9d8f5-q2w8e   0/1     CrashLoopBackOff   7 (41s ago)   12m
ledger-6b7c9d8f5-z9x1c   0/1     ErrImagePull       0             12m`);
    expect(errorLinesInOutput(pods)).toEqual([]);
    const events = block(`Events:
  Type     Reason     Age                 From     Message
  ----     ------     ----                ----     -------
  Normal   Scheduled  2m                  default  Successfully assigned shop/ledger to node-2
  Warning  Failed     90s (x4 over 2m)    kubelet  Failed to pull image "reg.internal/ledger:4.2": not found
  Warning  BackOff    10s (x9 over 2m)    kubelet  Back-off restarting failed container ledger`);
    expect(errorLinesInOutput(events)).toEqual([
      'Failed to pull image "reg.internal/ledger:4.2": not found',
      "Back-off restarting failed container ledger",
    ]);
  });

  it("rejects the junk that used to take over search", () => {
    const junk = block("[Container]\nbind=127.0.0.1\n: exit status 1\nexit status 1\nError:");
    expect(errorLinesInOutput(junk)).toEqual([]);
    const tail = block(`overlay-helper: cannot mount: No such device
: exit status 1
ERRO exit status 1`);
    expect(errorLinesInOutput(tail)).toEqual(["overlay-helper: cannot mount: No such device"]);
  });

  it("cuts a long line at a natural boundary instead of dropping it, and deduplicates", () => {
    const long =
      'Error: creating build container: committing the finished image: adding layer with blob "sha256:' +
      "9c".repeat(32) +
      '": processing tar file(exit status 1): lchown /var/spool/mail: invalid argument, and then some more words';
    const lines = errorLinesInOutput([long, long.replace("Error", "error"), "disk quota exceeded for volume logs"]);
    expect(lines).toEqual([
      'Error: creating build container: committing the finished image: adding layer with blob "sha256:*": ' +
        "processing tar file(exit status 1): lchown /var/spool/mail",
      "disk quota exceeded for volume logs",
    ]);
  });

  it("takes the message of structured log lines", () => {
    const output = block(`{"level":"error","msg":"reconcile failed","error":"quota exceeded for pods"}
  message: 'Back-off pulling image "reg.internal/ledger:4.2"'`);
    expect(errorLinesInOutput(output)).toEqual([
      'reconcile failed error="quota exceeded for pods"',
      `'Back-off pulling image "reg.internal/ledger:4.2"'`,
    ]);
  });

  it("returns useful, distinct, short lines for any input", () => {
    const line = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom(
        "Error: lease lost: context deadline exceeded",
        "ERRO[0001] mount failed: permission denied",
        "NAME  READY  STATUS",
        "x  0/1  CrashLoopBackOff  3  1m",
        "Traceback (most recent call last):",
        "ValueError: bad value",
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const found = errorLinesInOutput(lines);
        for (const f of found) {
          expect(isUsefulSymptom(f)).toBe(true);
          expect(f.length).toBeLessThanOrEqual(MAX_SYMPTOM_LENGTH + 4);
        }
        expect(new Set(found.map(symptomKey)).size).toBe(found.length);
      }),
    );
  });
});

describe("errorInHeading", () => {
  it.each([
    ['Error: "failed to reserve container name"', "failed to reserve container name"],
    ["### `permission denied` when mounting the cache volume", "permission denied"],
    ['"x509: certificate signed by unknown authority"', "x509: certificate signed by unknown authority"],
    ["### Failed to initialize NVML: Unknown Error", "Failed to initialize NVML: Unknown Error"],
    ["## 7) Failed to load the overlay driver", "Failed to load the overlay driver"],
    ["fatal: unable to access the remote repository", "fatal: unable to access the remote repository"],
    [
      "OCI runtime create failed: runc create failed: unable to start container process",
      "OCI runtime create failed: runc create failed: unable to start container process",
    ],
    ["4) dial tcp: lookup registry.internal: no such host", "dial tcp: lookup registry.internal: no such host"],
    ["http: server gave HTTP response to HTTPS client", "http: server gave HTTP response to HTTPS client"],
    ['Jobs die with "too many open files" after an hour', "too many open files"],
    ["Pulls fail with 'invalid username/password'", "invalid username/password"],
    ["Why does the daemon say “connection refused”?", "connection refused"],
    ["### Problem: `OOMKilled`", "OOMKilled"],
    ["### CrashLoopBackOff", "CrashLoopBackOff"],
    ["### Problem: libssl.so.3 not found", "libssl.so.3 not found"],
    ["### Symptom: Permission denied writing to ~/.cache/agent", "Permission denied writing to ~/.cache/agent"],
    [
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "tini": not found in $PATH',
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "tini": not found in $PATH',
    ],
    ['### 9) `podman build` fails with "mknod: operation not permitted"', "mknod: operation not permitted"],
    ["### 3) `exec /entrypoint.sh: exec format error` on arm64 hosts", "exec /entrypoint.sh: exec format error"],
    [
      "### 12) error allocating lock for new container: allocation failed; exceeded num_locks",
      "error allocating lock for new container: allocation failed; exceeded num_locks",
    ],
    ["🚨 Error: The node was low on resource: memory", "Error: The node was low on resource: memory"],
    [
      "Cannot connect to the daemon at unix:///run/engine.sock",
      "Cannot connect to the daemon at unix:///run/engine.sock",
    ],
  ])("%j → %j", (heading, error) => {
    expect(errorInHeading(heading)).toBe(error);
  });

  it.each([
    "### Rootless containers cannot ping",
    "Cannot ping from a rootless container",
    "Docker Permission Denied",
    "Failing to Properly Start Cluster",
    "Failure to build the node image",
    "Step 3: Fix the failed deployment",
    "How to fix permission denied errors",
    "`kubectl get pods` shows nothing after `helm install`",
    "Kubernetes: how pods get scheduled",
    "Troubleshooting",
    "Error: Unable To Pull Images",
    "### Problem: Pods Stuck in Pending",
    "### Problem: Image Pull Failures",
    "### Problem: TLS handshake errors / proxy failures",
    "Issue: how to fix a failed rollout",
    "### 25) podman run --rootfs on a read-only dir does not work",
    "",
  ])("%j → null: a description, not pasted text", (heading) => {
    expect(errorInHeading(heading)).toBeNull();
  });
});

describe("errorInInlineCode", () => {
  it.each([
    ["x509: certificate has expired or is not yet valid", "x509: certificate has expired or is not yet valid"],
    ["exec user process caused: no such file or directory", "exec user process caused: no such file or directory"],
    ["no space left on device", "no space left on device"],
    ['"volume is in use by another container"', "volume is in use by another container"],
    ["ENOSPC: disk full", "ENOSPC: disk full"],
    ["ERR_OSSL_EVP_UNSUPPORTED", "ERR_OSSL_EVP_UNSUPPORTED"],
    ["CrashLoopBackOff", "CrashLoopBackOff"],
    ["kind: command not found", "kind: command not found"],
    ["file not found in the image", "file not found in the image"],
  ])("%j → %j", (code, error) => {
    expect(errorInInlineCode(code)).toBe(error);
  });

  it.each([
    "podman info",
    "permission denied",
    "ENOENT",
    "kubectl get pods --field-selector=status.phase=Failed",
    "journalctl -u kubelet | grep -i error",
    "docker logs failing-container",
    "systemctl reset-failed",
    "--tls-verify=false",
    "/var/log/failed-jobs",
    "error_log",
    "max_failures: 3",
    "Running",
  ])("%j → null: a command, path, flag, setting or fragment", (code) => {
    expect(errorInInlineCode(code)).toBeNull();
  });
});

describe("isUsefulSymptom", () => {
  it.each([
    "Error: potentially insufficient UIDs or GIDs available in user namespace",
    "manifest unknown: manifest unknown",
    "502 Bad Gateway",
    "libssl.so.3 not found",
    "-bash: helm: command not found",
    'spec.containers[0].image: Invalid value: "": must not be empty',
    "image: Invalid value: bad reference",
    "OOMKilled",
    "Error: ERR_MODULE_NOT_FOUND",
    "The pods keep restarting after the upgrade",
  ])("keeps %j", (line) => {
    expect(isUsefulSymptom(line)).toBe(true);
  });

  it.each([
    ["[Container]", "a section header"],
    ["[[registry]]", "a section header"],
    ["bind=127.0.0.1", "a key=value setting"],
    ["ExecStart=/usr/bin/agent --listen 0.0.0.0", "a unit file setting"],
    ["restartPolicy: Always", "a YAML setting"],
    ["- name: ledger", "a YAML list item"],
    ['{"exec-opts": ["native.cgroupdriver=systemd"]}', "JSON"],
    [": exit status 1", "a fragment cut from a longer line"],
    ["exit status 1", "under three words"],
    ["permission denied", "under three words"],
    ["ENOENT", "an errno on its own"],
    ["Error:", "a label"],
    ["The following errors were found:", "it introduces the message"],
    ["podman run --rm IMAGE", "a command"],
    ["kubectl describe pod ledger", "a command"],
    ["sudo systemctl restart engine", "a command"],
    ["$ grep error /var/log/syslog", "a command at a prompt"],
    ["# restart the daemon if it failed", "a comment"],
    ["root@box:~# journalctl -xe", "a command at a prompt"],
    ["<error>timeout</error>", "markup"],
    ["## Errors", "markup"],
    ["| Error | Fix |", "a table row"],
    ["/etc/containers/registries.conf", "a bare path"],
    ["https://status.example.com/incidents", "a URL"],
    ["4f2a9c1be7d04f2a9c1be7d0", "an id"],
    ["2025-06-01T08:00:00Z", "a timestamp"],
    ["--- ---", "punctuation"],
  ])("rejects %j: %s", (line) => {
    expect(isUsefulSymptom(line)).toBe(false);
  });
});

describe("isErrorCode", () => {
  it.each([
    ["CrashLoopBackOff", true],
    ["ImagePullBackOff", true],
    ["ErrImagePull", true],
    ["OOMKilled", true],
    ["CreateContainerConfigError", true],
    ["ExpiredTokenException", true],
    ["ERR_OSSL_EVP_UNSUPPORTED", true],
    ["DEADLINE_EXCEEDED", true],
    ["EADDRINUSE", false],
    ["ContainerCreating", false],
    ["PENDING_CREATION", false],
    ["Error", false],
    ["failed", false],
    ["MAX_RETRIES", false],
    // lowerCamelCase is a setting or a variable a guide names, not a reason a program reports.
    ["deprecatedCgroupv1", false],
    ["failOnDeprecatedApi", false],
  ])("%j → %j", (token, expected) => {
    expect(isErrorCode(token)).toBe(expected);
  });
});

describe("fragments seen in real guides", () => {
  it("strips status symbols and Kubernetes event columns from the message", () => {
    expect(
      errorLinesInOutput([
        "❌  Exiting due to GUEST_PROVISION: error provisioning guest: Failed to start host",
        "  Warning  FailedScheduling  2m (x3 over 5m)  default-scheduler  " +
          "0/3 nodes are available: 3 Insufficient memory.",
      ]),
    ).toEqual([
      "Exiting due to GUEST_PROVISION: error provisioning guest: Failed to start host",
      "0/3 nodes are available: 3 Insufficient memory.",
    ]);
  });

  it("does not take a traceback's header or a described subject for the error", () => {
    expect(isUsefulSymptom("ModuleNotFoundError Traceback (most recent call last)")).toBe(false);
    expect(errorInHeading("Docker driver: the daemon is not running")).toBeNull();
    expect(errorInHeading("x509: certificate signed by unknown authority")).toBe(
      "x509: certificate signed by unknown authority",
    );
  });

  it("reads issue ids, questions and lists of error codes in headings", () => {
    expect(errorInHeading('KI-14: agent reports "Driver/library version mismatch" after upgrades')).toBe(
      "Driver/library version mismatch",
    );
    expect(errorInHeading('Q: push fails with "no valid providers in chain". What is missing?')).toBe(
      "no valid providers in chain",
    );
    expect(errorInHeading("Q: It worked yesterday; today every push says the token expired")).toBeNull();
    expect(errorsInHeading("ErrImagePull / ImagePullBackOff")).toEqual(["ErrImagePull", "ImagePullBackOff"]);
  });

  it("keeps HTTP statuses and cut lines as pieces of what was printed; drops unknown programs' commands", () => {
    expect(isUsefulSymptom("401 Unauthorized")).toBe(true);
    expect(isUsefulSymptom("200 OK")).toBe(false);
    expect(isUsefulSymptom("kiln node drain gpu-07 --timeout 30m")).toBe(false);
    const long = `WARNING: Retrying (Retry(total=4)) after connection broken by 'SSLError(${"x ".repeat(120)})'`;
    const [cut] = errorLinesInOutput([long]);
    expect(long).toContain(cut);
    expect(errorLinesInOutput([";; connection timed out; no servers could be reached"])).toEqual([
      "connection timed out; no servers could be reached",
    ]);
  });
});
