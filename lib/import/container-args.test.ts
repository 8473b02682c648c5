import { describe, expect, it } from "vitest";
import { containerCall } from "./container-args";

const words = (command: string) => command.split(" ");

describe("containerCall", () => {
  it.each([
    ["docker run --rm -v /a:/b -e X=1 --name web img:1 ls -la", "run", "img:1", "ls"],
    ["podman --remote run -it --pod p quay.io/x/y sh", "run", "quay.io/x/y", "sh"],
    ["docker container run -d nginx", "run", "nginx", undefined],
    ["nerdctl exec -u root web cat /etc/hosts", "exec", "web", "cat"],
    ["docker compose -f a.yml exec -T db psql", "compose exec", "db", "psql"],
    ["docker-compose run --rm web sh", "compose run", "web", "sh"],
    ["kubectl -n ci exec -it runner-0 -c main -- bash", "exec", "runner-0", "bash"],
    ["kubectl exec runner-0 ls", "exec", "runner-0", "ls"],
    ["kubectl run dbg --image=busybox -it -- sh", "run", "dbg", "sh"],
    ["podman system prune -a", "system prune", undefined, undefined],
    ["kubectl get pods -w", "get", undefined, undefined],
  ])("%s", (command, action, target, first) => {
    const w = words(command);
    const call = containerCall(w)!;
    expect(call.action).toBe(action);
    expect(call.targetAt === undefined ? undefined : w[call.targetAt]).toBe(target);
    expect(call.commandAt === undefined ? undefined : w[call.commandAt]).toBe(first);
  });

  it("finds the container side of volumes, mounts and copies", () => {
    const inside = (command: string) => {
      const w = words(command);
      return containerCall(w)!.inside.map(({ at, from }) => (w[at] as string).slice(from));
    };
    expect(inside("docker run -v /srv/a:/data:ro -v cache:/cache -v /anon --volume=/h:/c img")).toEqual([
      "/data:ro",
      "/cache",
      "/anon",
      "/c",
    ]);
    expect(inside("docker run -v C:\\data:/data img")).toEqual(["/data"]);
    expect(inside("docker run --mount type=bind,source=/srv,target=/work img")).toEqual(["/work"]);
    expect(inside("docker cp web:/var/log/app.log .")).toEqual(["/var/log/app.log"]);
    expect(inside("kubectl cp ci/runner-0:/tmp/out ./out")).toEqual(["/tmp/out"]);
  });

  it("is not a container command otherwise", () => {
    expect(containerCall(words("ls -la"))).toBeUndefined();
    expect(containerCall(words("docker"))).toBeUndefined();
  });
});
