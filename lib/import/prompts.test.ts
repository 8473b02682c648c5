import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shellParser } from "@/lib/playbooks/shell-parser";
import { continues, sessionPrompts, splitPrompt } from "./prompts";
import { looksLikeShell } from "./shell-looking";

describe("splitPrompt", () => {
  it.each([
    ["$ podman ps", "$ ", "podman ps", false, "strong"],
    ["  $ ls", "  $ ", "ls", false, "strong"],
    ["# dnf install -y podman", "# ", "dnf install -y podman", true, "weak"],
    ["% brew list", "% ", "brew list", false, "weak"],
    ["> kubectl get ns", "> ", "kubectl get ns", false, "weak"],
    ["jdoe@host:~$ id", "jdoe@host:~$ ", "id", false, "strong"],
    ["jdoe@host:~/src/app$ make", "jdoe@host:~/src/app$ ", "make", false, "strong"],
    ["root@box:/# nvidia-smi", "root@box:/# ", "nvidia-smi", true, "strong"],
    ["[root@build ~]# getenforce", "[root@build ~]# ", "getenforce", true, "strong"],
    ["[jdoe@fedora tmp]$ podman info", "[jdoe@fedora tmp]$ ", "podman info", false, "strong"],
    ["jdoe@mac ~ % colima start", "jdoe@mac ~ % ", "colima start", false, "strong"],
    ["MacBook-Pro:~ jdoe$ brew doctor", "MacBook-Pro:~ jdoe$ ", "brew doctor", false, "strong"],
    ["bash-5.2$ echo $0", "bash-5.2$ ", "echo $0", false, "strong"],
    ["sh-4.4# whoami", "sh-4.4# ", "whoami", true, "strong"],
    ["(venv) $ pip list", "(venv) $ ", "pip list", false, "strong"],
    ["(base) jdoe@host:~$ conda info", "(base) jdoe@host:~$ ", "conda info", false, "strong"],
    ["$", "$", "", false, "strong"],
  ])("%j", (line, prompt, rest, root, strength) => {
    expect(splitPrompt(line)).toEqual({ prompt, rest, root, strength, windows: false });
  });

  it.each(["PS> Get-Process", "PS C:\\Users\\jdoe> dir", "C:\\GitLab-Runner> gitlab-runner.exe start"])(
    "knows a Windows prompt: %j",
    (line) => expect(splitPrompt(line)?.windows).toBe(true),
  );

  it.each(["ls -la", "$HOME/bin/tool", "#comment", ">>> import os", "Error: $ not allowed", "NAME READY"])(
    "finds none in %j",
    (line) => expect(splitPrompt(line)).toBeNull(),
  );

  it("strips any prompt from any command, keeping the command whole", () => {
    const prompts = fc.constantFrom("$ ", "# ", "% ", "jdoe@host:~$ ", "[root@h ~]# ", "(venv) $ ", "root@c:/# ");
    const command = fc.stringMatching(/^[a-z][a-z0-9 ./=-]{0,30}[a-z0-9]$/);
    fc.assert(
      fc.property(prompts, command, (p, c) => {
        expect(splitPrompt(p + c)?.rest).toBe(c);
      }),
    );
  });
});

describe("sessionPrompts", () => {
  // [line, the prompt, the client]
  it.each([
    ["127.0.0.1:6379> PING", "127.0.0.1:6379> ", "redis-cli"],
    ["10.0.4.20:6379[2]> DBSIZE", "10.0.4.20:6379[2]> ", "redis-cli"],
    ["cache.internal:6380>", "cache.internal:6380>", "redis-cli"],
    ["postgres=# \\dt", "postgres=# ", "psql"],
    ["app=> select 1;", "app=> ", "psql"],
    ["app_db-# where id = 1;", "app_db-# ", "psql"],
    ["mysql> SHOW DATABASES;", "mysql> ", "mysql"],
    ["MariaDB [(none)]> SELECT 1;", "MariaDB [(none)]> ", "mysql"],
    ["sqlite> .schema jobs", "sqlite> ", "sqlite3"],
    [">>> import os", ">>> ", "python"],
    ["irb(main):001:0> 1 + 1", "irb(main):001:0> ", "irb"],
    ["irb(main):002> puts 1", "irb(main):002> ", "irb"],
    ["[1] pry(main)> User.count", "[1] pry(main)> ", "pry"],
    ["cqlsh:shop> SELECT * FROM orders;", "cqlsh:shop> ", "cqlsh"],
  ])("%j", (line, prompt, client) => {
    expect(sessionPrompts([line])[0]).toEqual({ prompt, client, continuation: false });
  });

  it("knows a client's continuation lines only after its prompt", () => {
    const lines = [">>> for i in range(3):", "...     print(i)", "...", "0", "... not a prompt"];
    expect(sessionPrompts(lines).map((p) => p?.continuation)).toEqual([false, true, true, undefined, undefined]);
    const sql = ["mysql> SELECT", "    -> 1;", "    -> is text here?"];
    expect(sessionPrompts(sql).map((p) => p?.prompt)).toEqual(["mysql> ", "    -> ", "    -> "]);
    expect(sessionPrompts(["    -> 1;"])).toEqual([undefined]);
  });

  it.each([
    "$ redis-cli ping",
    "# dnf install -y redis",
    "> kubectl get ns",
    ">>>>>>> feature/branch",
    "NAME=value",
    "Error: connect ECONNREFUSED 127.0.0.1:6379",
    "=> true",
    "key=>value",
    "http://localhost:8080/ready",
  ])("finds none in %j", (line) => expect(sessionPrompts([line])).toEqual([undefined]));
});

describe("continues", () => {
  it.each([
    ["docker run \\", true],
    ["docker run \\  ", true],
    ["echo a\\\\", false],
    ["echo a", false],
  ])("%j → %s", (text, expected) => expect(continues(text)).toBe(expected));
});

describe("looksLikeShell", () => {
  it.each([
    ["kubectl get pods -A", true],
    ["sudo systemctl restart docker", true],
    ["VAR=1 ./run.sh", true],
    ["export KUBECONFIG=~/.kube/config", true],
    ["/usr/local/bin/k3s check-config", true],
    ["${CONTAINER_TOOL} images", true],
    ["cd /srv && make", true],
    ["[ -f /etc/subuid ] && cat /etc/subuid", true],
    ["Failed to initialize NVML: Unknown Error", false],
    ["Error: no such container", false],
    ["/etc/subuid:jdoe:200000:1001", false],
    ["NAME READY STATUS", false],
    ["file not found", false],
    ["install the dependencies first", false],
    ["[Service]", false],
    ["Traceback (most recent call last):", false],
    ["acmectl delete build-vm", false],
    ["kiln node drain gpu-07 --timeout 30m", true],
    ["kiln node drain gpu-07 --timeout 30m | tee drain.log", false],
    ["npm ERR! code E401", false],
    ["npm error code ERESOLVE", false],
    ["gyp info using node@20.11.0", false],
    ["grep error /var/log/syslog", true],
    ["echo Done!", true],
    ["kubectl debug node/gpu-07 -it --image=busybox", true],
  ])("strict: %j → %s", async (line, expected) => {
    expect(looksLikeShell(await shellParser(), line, "strict").shell).toBe(expected);
  });

  it.each([
    ["orb delete build-vm", true],
    ["just start", true],
    ["web-1 1/1 Running 0 3d", false],
    ["permission denied", false],
    ["failed to start the daemon", false],
    ["4f2a9c0b7e1d8a6f", false],
    ["kiln node drain gpu-07 --timeout 30m", true],
    ["kiln node drain gpu-07 timed out", false],
    ["npm warn config production Use `--omit=dev` instead.", false],
  ])("lenient: %j → %s", async (line, expected) => {
    expect(looksLikeShell(await shellParser(), line, "lenient").shell).toBe(expected);
  });

  it("marks an English-word program followed by words", async () => {
    const parse = await shellParser();
    expect(looksLikeShell(parse, "install dependencies", "strict")).toMatchObject({ shell: true, wordy: true });
    expect(looksLikeShell(parse, "install -m 0755 tool /usr/local/bin", "strict").wordy).toBeUndefined();
  });
});
