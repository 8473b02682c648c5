import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripLogPrefix } from "./log-prefix";

describe("stripLogPrefix", () => {
  it.each([
    ["2025-06-01T08:15:30.512Z failed to mount volume data", "failed to mount volume data"],
    ["2025-06-01 08:15:30,512 image pull failed", "image pull failed"],
    ["[2025-06-01 08:15:30] worker exited with code 3", "worker exited with code 3"],
    ["2025/06/01 08:15:30 dial tcp 10.1.2.3:443: i/o timeout", "dial tcp 10.1.2.3:443: i/o timeout"],
    ["Jun  1 08:15:30 node7 kubelet[2211]: failed to sync pod", "failed to sync pod"],
    ["[ 4012.118822] Out of memory: Killed process 812 (java)", "Out of memory: Killed process 812 (java)"],
    ["E0601 08:15:30.512345    2211 pod_workers.go:1300] Error syncing pod, skipping", "Error syncing pod, skipping"],
    ["ERRO[0003] unable to write pod event: read-only file system", "unable to write pod event: read-only file system"],
    ["WARN[0000] cgroup v1 is deprecated", "cgroup v1 is deprecated"],
    ["ERRO unmounting /var/lib/store/merged: device busy", "unmounting /var/lib/store/merged: device busy"],
    ["[ERROR] Build step 4 could not start", "Build step 4 could not start"],
    ["[warn] upstream keepalive exhausted", "upstream keepalive exhausted"],
    ["ERROR:root:cannot open settings.ini", "cannot open settings.ini"],
    ["ERROR [main] org.acme.Loader - Could not load plugin x", "Could not load plugin x"],
    [
      '2025-06-01 08:15:30.512 UTC [3120] FATAL:  role "reporter" does not exist',
      'FATAL: role "reporter" does not exist',
    ],
    [
      "2025/06/01 08:15:30 [error] 77#77: *9 upstream timed out while reading response header",
      "upstream timed out while reading response header",
    ],
    ["#14 2.311 ERROR: failed to solve: exit code 2", "ERROR: failed to solve: exit code 2"],
    ["api-1  | Error: connect ECONNREFUSED 10.0.0.5:5432", "Error: connect ECONNREFUSED 10.0.0.5:5432"],
    ["##[error]Process completed with exit code 1.", "Process completed with exit code 1."],
    ["::error file=app.js,line=3::Unexpected token", "Unexpected token"],
    ["\u001b[31merror\u001b[0m: lockfile is out of date", "error: lockfile is out of date"],
  ])("%j → %j", (line, message) => {
    expect(stripLogPrefix(line)).toBe(message);
  });

  it.each([
    [
      'time="2025-06-01T08:15:30Z" level=error msg="could not attach volume \\"cache\\"" error="busy"',
      'could not attach volume "cache" error="busy"',
    ],
    ["ts=2025-06-01T08:15:30Z level=warn msg=retrying", "retrying"],
    [
      '{"level":"error","ts":1748765730.1,"msg":"sync failed","error":"quota exceeded"}',
      'sync failed error="quota exceeded"',
    ],
    ['{"severity":"ERROR","message":"lease expired"}', "lease expired"],
    ['  message: Back-off pulling image "web:2"', 'Back-off pulling image "web:2"'],
    ['    "message": "0/3 nodes are available: 3 Insufficient cpu.",', "0/3 nodes are available: 3 Insufficient cpu."],
  ])("structured %j → its message", (line, message) => {
    expect(stripLogPrefix(line)).toBe(message);
  });

  it.each([
    "Error: container create failed",
    'error: the server doesn\'t have a resource type "podz"',
    "fatal: not a git repository (or any of the parent directories): .git",
    "ERROR: failed to create cluster: node(s) already exist",
    "npm ERR! code ERESOLVE",
    "touch: cannot touch '/srv/x': Permission denied",
  ])("keeps %j: the label is part of what the program printed", (line) => {
    expect(stripLogPrefix(line)).toBe(line);
  });

  it("removes any stack of timestamp and level prefixes in front of a message", () => {
    const prefix = fc.constantFrom(
      "2024-02-29T23:59:59Z ",
      "2024-02-29 23:59:59.001 ",
      "[2024-02-29 23:59:59] ",
      "23:59:59.5 ",
      "[ERROR] ",
      "ERRO[0012] ",
      "[  12.000001] ",
    );
    const message = fc.constantFrom("disk quota exceeded", "Error: lease lost", "cannot bind to port 80");
    fc.assert(
      fc.property(fc.array(prefix, { maxLength: 3 }), message, (prefixes, m) => {
        expect(stripLogPrefix(prefixes.join("") + m)).toBe(m);
      }),
    );
  });
});
