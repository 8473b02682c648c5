// Where a container command's words go: `docker run [options] IMAGE [command…]`, `podman exec CTR cmd`,
// `kubectl exec POD -- cmd`. The command after the image runs inside the container, and so do the
// container side of `-v host:ctr`, `--mount …,target=…`, `-w` and `-e`. Both the interactive check (is
// the command inside a shell?) and the generaliser (leave container paths alone) need this layout.
import { parseArgs, type ParsedArgs } from "./command-args";

export const CONTAINER_ENGINES: ReadonlySet<string> = new Set(["docker", "podman", "nerdctl"]);
const COMPOSE_PROGRAMS = new Set(["docker-compose", "podman-compose"]);
const KUBE_PROGRAMS = new Set(["kubectl", "oc"]);

const set = (...names: string[]) => new Set(names);

const ENGINE_OPTIONS = set(
  ...["--context", "-c", "-H", "--host", "--config", "--log-level", "-l", "--connection", "--url", "--root"],
  ...["--runroot", "--storage-driver", "--cgroup-manager", "--identity", "--runtime", "--tmpdir", "--namespace"],
);
const RUN_OPTIONS = set(
  ...["-a", "--attach", "--add-host", "--annotation", "--arch", "--blkio-weight", "--cap-add", "--cap-drop"],
  ...["--cgroup-parent", "--cgroupns", "--cgroups", "--cidfile", "--cpu-period", "--cpu-quota", "--cpu-shares"],
  ...["-c", "--cpus", "--cpuset-cpus", "--cpuset-mems", "--detach-keys", "--device", "--device-cgroup-rule"],
  ...["--dns", "--dns-option", "--dns-opt", "--dns-search", "--entrypoint", "-e", "--env", "--env-file"],
  ...["--expose", "--gidmap", "--gpus", "--group-add", "--health-cmd", "--health-interval", "--health-retries"],
  ...["--health-start-period", "--health-timeout", "-h", "--hostname", "--init-path", "--ip", "--ip6", "--ipc"],
  ...["--isolation", "-l", "--label", "--label-file", "--link", "--log-driver", "--log-opt", "--mac-address"],
  ...["-m", "--memory", "--memory-reservation", "--memory-swap", "--memory-swappiness", "--mount", "--name"],
  ...["--network", "--net", "--network-alias", "--oom-score-adj", "--os", "--passwd-entry", "--pid", "--pidfile"],
  ...["--pids-limit", "--platform", "--pod", "--preserve-fds", "-p", "--publish", "--pull", "--requires"],
  ...["--restart", "--runtime", "--sdnotify", "--seccomp-policy", "--secret", "--security-opt", "--shm-size"],
  ...["--stop-signal", "--stop-timeout", "--storage-opt", "--subgidname", "--subuidname", "--sysctl", "--timeout"],
  ...["--tmpfs", "--uidmap", "--ulimit", "--umask", "--unsetenv", "-u", "--user", "--userns", "--uts"],
  ...["--variant", "-v", "--volume", "--volumes-from", "-w", "--workdir", "--userns-remap", "--cpu-rt-runtime"],
);
const EXEC_OPTIONS = set(
  ...["-e", "--env", "--env-file", "-u", "--user", "-w", "--workdir", "--detach-keys", "--preserve-fds"],
);
const COMPOSE_OPTIONS = set(
  ...["-f", "--file", "-p", "--project-name", "--project-directory", "--env-file", "--profile", "--ansi"],
  "--progress",
);
const COMPOSE_RUN_OPTIONS = set(
  ...["-e", "--env", "-u", "--user", "-w", "--workdir", "-v", "--volume", "--name", "--entrypoint", "-p"],
  ...["--publish", "-l", "--label", "--cap-add", "--cap-drop", "--index"],
);
const KUBE_OPTIONS = set(
  ...["-n", "--namespace", "--context", "--cluster", "--user", "--kubeconfig", "-s", "--server", "--token"],
  ...["--as", "--as-group", "--cache-dir", "--request-timeout", "-v", "--v", "-l", "--selector", "-o"],
  ...["--output", "-c", "--container", "-f", "--filename", "--pod-running-timeout", "--image", "--env"],
  ...["--port", "--labels", "--restart", "--overrides", "--serviceaccount", "--image-pull-policy"],
  ...["--target", "--profile", "--copy-to", "--tail", "--since", "--since-time", "--address", "--timeout"],
  ...["--max-log-requests", "--limit-bytes", "--field-selector", "--sort-by", "--template"],
);
// Subcommand groups whose second word is the action (`docker container run`, `podman system reset`).
const GROUPS = set("container", "image", "volume", "network", "system", "builder", "machine", "pod", "buildx");

export interface ContainerCall {
  program: string;
  /** The action as words: "run", "exec", "compose exec", "system prune", "logs", "port-forward". */
  action: string;
  args: ParsedArgs;
  /** Index of the image (run, create) or the container, pod or service (exec, attach, debug). */
  targetAt?: number;
  /** Index of the first word of the command that runs inside the container. */
  commandAt?: number;
  /** Words (or parts of words, from `from`) that name things inside the container. */
  inside: { at: number; from: number }[];
}

/** The layout of a container command, or undefined when `words` is not one. */
export function containerCall(words: readonly string[]): ContainerCall | undefined {
  const program = (words[0] ?? "").replace(/^.*\//, "");
  if (KUBE_PROGRAMS.has(program)) return kubeCall(program, words);
  if (COMPOSE_PROGRAMS.has(program)) return composeCall(program, words, 1);
  if (!CONTAINER_ENGINES.has(program)) return undefined;
  const engine = parseArgs(words, 1, { valueOptions: ENGINE_OPTIONS, untilPositional: true });
  let at = engine.positionals[0];
  if (at === undefined) return undefined;
  let action = words[at] as string;
  if (action === "compose") return composeCall(program, words, at + 1);
  if (GROUPS.has(action) && at + 1 < words.length) {
    const sub = words[at + 1] as string;
    at++;
    action = action === "container" && sub !== "ls" && sub !== "list" ? sub : `${action} ${sub}`;
  }
  const runs = action === "run" || action === "create";
  const args = parseArgs(words, at + 1, {
    valueOptions: runs ? RUN_OPTIONS : action === "exec" ? EXEC_OPTIONS : new Set(),
    untilPositional: runs || action === "exec",
  });
  const call: ContainerCall = { program, action, args, inside: insideValues(words, args) };
  if (runs || action === "exec") {
    call.targetAt = args.positionals[0];
    if (call.targetAt !== undefined && call.targetAt + 1 < words.length) call.commandAt = call.targetAt + 1;
  } else if (action === "cp") {
    call.inside.push(...copyPaths(words, args.positionals));
  }
  return call;
}

/** `docker compose …` and `docker-compose …` alike: the action is "compose run", "compose up", … */
function composeCall(program: string, words: readonly string[], from: number): ContainerCall {
  const global = parseArgs(words, from, { valueOptions: COMPOSE_OPTIONS, untilPositional: true });
  const at = global.positionals[0];
  const action = `compose ${at === undefined ? "" : words[at]}`.trim();
  const sub = at === undefined ? "" : (words[at] as string);
  const runs = sub === "run" || sub === "exec";
  const args = parseArgs(words, (at ?? words.length) + 1, {
    valueOptions: runs ? COMPOSE_RUN_OPTIONS : new Set(),
    untilPositional: runs,
  });
  const call: ContainerCall = { program, action, args, inside: insideValues(words, args) };
  if (runs) {
    call.targetAt = args.positionals[0];
    if (call.targetAt !== undefined && call.targetAt + 1 < words.length) call.commandAt = call.targetAt + 1;
  }
  return call;
}

function kubeCall(program: string, words: readonly string[]): ContainerCall {
  const args = parseArgs(words, 1, { valueOptions: KUBE_OPTIONS });
  const [subAt, targetAt, nextAt] = args.positionals;
  const action = subAt === undefined ? "" : (words[subAt] as string);
  const call: ContainerCall = { program, action, args, inside: [] };
  if (["exec", "run", "debug", "attach"].includes(action)) {
    call.targetAt = targetAt;
    if (args.dashDash !== undefined && args.dashDash + 1 < words.length) call.commandAt = args.dashDash + 1;
    // The old form without `--`: `kubectl exec POD ls`.
    else if (action === "exec" && nextAt !== undefined) call.commandAt = nextAt;
  } else if (action === "cp") {
    call.inside.push(...copyPaths(words, args.positionals.slice(1)));
  }
  return call;
}

/**
 * `-v host:ctr[:opts]` and `--mount type=bind,source=…,target=ctr`. Not `-e`, `-w` or `-u`: guides that
 * share the host's files (`-v /home:/home --userns=keep-id -e HOME=/home/me`) mean the reader's own.
 */
function insideValues(words: readonly string[], args: ParsedArgs): { at: number; from: number }[] {
  const found: { at: number; from: number }[] = [];
  for (const [name, places] of args.values) {
    for (const { at, from } of places) {
      const value = (words[at] as string).slice(from);
      let inner = -1;
      if (name === "-v" || name === "--volume") {
        // A Windows host path has a drive colon of its own: `C:\data:/data`.
        const drive = /^["']?[A-Za-z]:[\\/]/.test(value) ? value.indexOf(":") + 1 : 0;
        const colon = value.indexOf(":", drive);
        inner = colon < 0 ? (value.startsWith("/") ? 0 : -1) : colon + 1;
      } else if (name === "--mount") {
        const m = /(?:^|,)(?:target|destination|dst)=/.exec(value);
        inner = m ? m.index + m[0].length : -1;
      }
      if (inner >= 0) found.push({ at, from: from + inner });
    }
  }
  return found;
}

/** `cp CTR:/path ./here`: the part after the container's name. */
function copyPaths(words: readonly string[], positionals: number[]): { at: number; from: number }[] {
  return positionals.flatMap((at) => {
    const m = /^[\w.-]+(?:\/[\w.-]+)?:/.exec(words[at] as string);
    return m ? [{ at, from: m[0].length }] : [];
  });
}
