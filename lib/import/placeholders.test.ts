import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { parseFrontmatter } from "@/lib/playbooks/frontmatter";
import { shellParser } from "@/lib/playbooks/shell-parser";
import { loadShellParser, placeholdersToInputs, shellVariables, type PlaceholderFound } from "./placeholders";
import type { DraftInput } from "./playbook-draft";

const none = new Map<string, DraftInput>();

beforeAll(loadShellParser);

async function rewrite(code: string, opts: { known?: Map<string, DraftInput>; defined?: Set<string> } = {}) {
  return placeholdersToInputs(code, { known: opts.known ?? none, ...(opts.defined ? { defined: opts.defined } : {}) });
}

async function parseError(code: string): Promise<string | undefined> {
  const parse = await shellParser();
  return parse(code, ({ error }) => error?.text);
}

const names = (found: PlaceholderFound[]) => found.map((f) => [f.text, f.input.name]);

describe("placeholdersToInputs", () => {
  it("says what to load when the shell parser is not loaded yet", async () => {
    vi.resetModules();
    const fresh = await import("./placeholders");
    expect(() => fresh.placeholdersToInputs("podman run IMAGE", { known: none })).toThrow(/loadShellParser/);
    await fresh.shellVariables("true");
    expect(fresh.placeholdersToInputs("podman run IMAGE", { known: none }).code).toBe('podman run "${IMAGE}"');
  });

  it.each([
    // <angle> names
    ["kubectl logs <pod-name> -n <namespace>", 'kubectl logs "${POD_NAME}" -n "${NAMESPACE}"'],
    ["crictl inspect <container_id>", 'crictl inspect "${CONTAINER_ID}"'],
    ["oc debug node/<NODE>", "oc debug node/${NODE}"],
    ["docker exec -it <container id> sh", 'docker exec -it "${CONTAINER_ID}" sh'],
    ["helm status <your-release>", 'helm status "${RELEASE}"'],
    // ALL-CAPS arguments
    ["podman run --rm IMAGE", 'podman run --rm "${IMAGE}"'],
    ["podman push IMAGE docker://REGISTRY/REPO:TAG", 'podman push "${IMAGE}" docker://${REGISTRY}/${REPO}:${TAG}'],
    ["sudo -u postgres psql -U DB_USER -d DB_NAME", 'sudo -u postgres psql -U "${DB_USER}" -d "${DB_NAME}"'],
    ["cat /proc/PID/status", "cat /proc/${PID}/status"],
    ["systemctl restart SERVICE_NAME.service", "systemctl restart ${SERVICE_NAME}.service"],
    ["openssl s_client -connect HOST:PORT </dev/null", "openssl s_client -connect ${HOST}:${PORT} </dev/null"],
    // paths
    ["podman run -v /path/to/rootfs:/rootfs:Z fedora ls", 'podman run -v "${ROOTFS}":/rootfs:Z fedora ls'],
    ["kubectl apply -f path/to/manifest.yaml", 'kubectl apply -f "${MANIFEST}"'],
    ["cp ~/path/to/file.conf /etc/agent/", 'cp "${CONF_FILE}" /etc/agent/'],
    ["tar -C /your/project/dir -cf out.tar .", 'tar -C "${DIR_PATH}" -cf out.tar .'],
    // people, hosts, example names
    ["ssh user@host uptime", 'ssh "${DESTINATION}" uptime'],
    ["rsync -a build/ username@server:/srv/www/", "rsync -a build/ ${DESTINATION}:/srv/www/"],
    ["git config user.email you@example.com", 'git config user.email "${EMAIL}"'],
    ["sudo usermod -aG docker myuser", 'sudo usermod -aG docker "${USERNAME}"'],
    ["chown your-username /srv/data", 'chown "${USERNAME}" /srv/data'],
    [
      "aws eks update-kubeconfig --name my-cluster --region YOUR_REGION",
      'aws eks update-kubeconfig --name "${CLUSTER}" --region "${REGION}"',
    ],
    // left out arguments
    ["podman run ...", "podman run ${PODMAN_RUN_ARGS}"],
    ["docker run … nginx", "docker run ${DOCKER_RUN_ARGS} nginx"],
    [
      "podman run --read-only --rootfs /path/to/rootfs ....",
      'podman run --read-only --rootfs "${ROOTFS}" ${PODMAN_RUN_ARGS}',
    ],
    ["ssh-copy-id -i ~/.ssh/id.pub user@host", 'ssh-copy-id -i ~/.ssh/id.pub "${DESTINATION}"'],
    ["podman --url ssh://user@host/run/podman.sock info", "podman --url ssh://${DESTINATION}/run/podman.sock info"],
    ["nerdctl run [OPTIONS] IMAGE", 'nerdctl run ${NERDCTL_RUN_ARGS} "${IMAGE}"'],
    // unset variables
    ['echo "$addr"; curl "http://${host_ip}:8080/"', 'echo "${ADDR}"; curl "http://${HOST_IP}:8080/"'],
    ["kill -0 $uid_of_worker", "kill -0 ${UID_OF_WORKER}"],
    // CI systems' variables are not the host's: outside a job, nothing sets them.
    [
      "ci-agent register --token $RUNNER_TOKEN --url $CI_SERVER_URL",
      "ci-agent register --token $RUNNER_TOKEN --url $CI_SERVER_URL",
    ],
    ["ls /proc/$$/fd; echo $HOME $1", "ls /proc/$$/fd; echo $HOME $1"],
  ])("%j → %j", async (code, expected) => {
    const { code: out } = await rewrite(code);
    expect(out).toBe(expected);
    expect(await parseError(out)).toBeUndefined();
  });

  it.each([
    ["single-quoted, alone", "kubectl get pod '<name>'", 'kubectl get pod "${NAME}"'],
    [
      "single-quoted, inside text",
      "jq '.items[] | select(.name == \"<pod>\")' pods.json",
      `jq '.items[] | select(.name == "'"\${POD}"'")' pods.json`,
    ],
    ["single-quoted, two", "echo 'from <src> to <dst>!'", `echo 'from '"\${SRC}"' to '"\${DST}"'!'`],
    [
      "double-quoted",
      'curl -H "Authorization: Bearer YOUR_TOKEN" https://api.example.com',
      'curl -H "Authorization: Bearer ${TOKEN}" https://api.example.com',
    ],
    ["a bash -c script", "bash -c 'echo <name> $count'", `bash -c 'echo '"\${NAME}"' \${COUNT}'`],
    [
      "an unquoted heredoc",
      "cat <<EOF > agent.yaml\ntoken: <token>\nEOF",
      "cat <<EOF > agent.yaml\ntoken: ${TOKEN}\nEOF",
    ],
    [
      "a quoted heredoc with nothing to expand",
      "cat <<'EOF' > agent.yaml\nhost: <host>\nEOF",
      "cat <<EOF > agent.yaml\nhost: ${HOST}\nEOF",
    ],
  ])("keeps the shell valid: %s", async (_what, code, expected) => {
    const { code: out } = await rewrite(code);
    expect(out).toBe(expected);
    expect(await parseError(out)).toBeUndefined();
  });

  it.each([
    ["a heredoc marker", "cat <<EOF\nhello\nEOF"],
    ["a here-string", 'grep -c x <<< "$(date)"'],
    ["redirections", "sort < in.txt > out.txt 2>&1"],
    ["process substitution", "diff <(ls a) <(ls b)"],
    ["HTML", "echo '<html><body>hi</body></html>' > index.html"],
    ["a comment", "# use <pod-name> from the list above\nkubectl get pods"],
    ["constants", "kill -s TERM 1 && curl -X POST -H 'X: y' http://localhost && iptables -A INPUT -j DROP"],
    ["literal words", "grep ERROR app.log; echo OK; printenv DOCKER_HOST; trap 'rm -f x' EXIT"],
    ["environment variables", "echo $HOME $USER $PATH $KUBECONFIG ${XDG_RUNTIME_DIR}"],
    ["env names and assignments", "docker run -e TZ -e MODE=fast nginx"],
    ["format options", "kubectl get pods -o custom-columns=NAME:.metadata.name,STATUS:.status.phase"],
    ["defaults", "echo ${REGION:-us-east-1} ${TMP-/tmp}"],
    ["variables the code sets", 'for f in *.log; do n=$(wc -l < "$f"); echo "$f $n"; done; read -r reply; echo $reply'],
    ["real addresses", "git clone git@github.com:org/repo.git && ssh root@10.0.0.5 true"],
    ["words that start with my", "mysql -u root -e 'select 1'; mypy .; mysqld --version; cat /etc/mysql/my.cnf"],
  ])("leaves %s alone", async (_what, code) => {
    const { code: out, found } = await rewrite(code);
    expect(out).toBe(code);
    expect(found).toEqual([]);
  });

  it("types the inputs: patterns for what each stands for, all required", async () => {
    const { found } = await rewrite(
      "kubectl -n <namespace> logs <pod> && podman pull IMAGE && ssh user@host && cat /path/to/rootfs/etc/os-release " +
        "&& curl localhost:<port> && aws s3 ls s3://my-bucket --profile <your-profile> --token YOUR_API_TOKEN",
    );
    const byName = new Map(found.map((f) => [f.input.name, f.input]));
    const accepts = (name: string, value: string) => new RegExp(byName.get(name)!.pattern!).test(value);
    expect(accepts("NAMESPACE", "payments")).toBe(true);
    expect(accepts("NAMESPACE", "Payments")).toBe(false);
    expect(accepts("POD", "api-7d9f8c6b5-x2k4q")).toBe(true);
    expect(accepts("IMAGE", "docker.io/library/alpine:3.20")).toBe(true);
    expect(accepts("IMAGE", "localhost:5000/team/app@sha256:" + "a".repeat(64))).toBe(true);
    expect(accepts("IMAGE", "Alpine Linux")).toBe(false);
    expect(accepts("DESTINATION", "ops@db1.internal")).toBe(true);
    expect(accepts("DESTINATION", "db1.internal")).toBe(false);
    expect(accepts("PORT", "8080")).toBe(true);
    expect(accepts("PORT", "http")).toBe(false);
    expect(accepts("BUCKET", "team-logs")).toBe(true);
    expect(byName.get("ROOTFS")?.pattern).toBe("^/.*$");
    expect(byName.get("API_TOKEN")?.secret).toBe(true);
    expect(byName.get("PROFILE")?.secret).toBeUndefined();
    expect(found.every((f) => f.input.required === true)).toBe(true);
  });

  it("declares inputs the playbook format accepts", async () => {
    const { found } = await rewrite("podman run -v /path/to/data:/data --name <name> IMAGE ... && echo $token");
    const inputs = [...new Map(found.map((f) => [f.input.name, f.input])).values()];
    const { errors } = parseFrontmatter(stringify({ title: "t", summary: "s", inputs }), 2);
    expect(errors).toEqual([]);
  });

  it("makes a bare `...` required only when it is all the command has", async () => {
    const required = async (code: string) =>
      (await rewrite(code)).found.find((f) => f.kind === "omitted")?.input.required;
    expect(await required("podman run ...")).toBe(true);
    expect(await required("ls ...")).toBe(true);
    expect(await required("podman run ... alpine true")).toBe(false);
    expect(await required("podman run [options] alpine")).toBe(false);
  });

  it("reuses known inputs and skips variables set by earlier merged code", async () => {
    const known = new Map<string, DraftInput>([["POD_NAME", { name: "POD_NAME", label: "The pod", required: true }]]);
    const { code, found } = await rewrite("kubectl logs <pod-name> --since=$window; echo $addr", {
      known,
      defined: new Set(["addr"]),
    });
    expect(code).toBe('kubectl logs "${POD_NAME}" --since=${WINDOW}; echo $addr');
    expect(found.find((f) => f.text === "<pod-name>")?.input).toBe(known.get("POD_NAME"));
    expect(names(found)).toEqual([
      ["<pod-name>", "POD_NAME"],
      ["$window", "WINDOW"],
    ]);
  });

  it("reports where each placeholder is, and the ones it cannot rewrite", async () => {
    const code = "kubectl get pods\nkubectl logs <pod>\ncat <<'EOF' > run.sh\necho \"$1\" <name>\nEOF";
    const { found, left, code: out } = await rewrite(code);
    expect(found.map((f) => [f.text, f.line])).toEqual([["<pod>", 2]]);
    expect(left).toEqual([expect.objectContaining({ text: "<name>", line: 4 })]);
    expect(out).toContain('echo "$1" <name>');
  });

  it("asks for variables that are only printed, without requiring them", async () => {
    const { found } = await rewrite('echo -e "${RED}failed${NC}: $(kubectl logs "$pod" | tail -1)"');
    const required = Object.fromEntries(found.map((f) => [f.input.name, f.input.required]));
    expect(required).toEqual({ RED: false, NC: false, POD: true });
  });

  it("gives one input for one placeholder written twice", async () => {
    const { found, code } = await rewrite("podman logs CONTAINER && podman rm -f CONTAINER");
    expect(code).toBe('podman logs "${CONTAINER}" && podman rm -f "${CONTAINER}"');
    expect(found).toHaveLength(1);
    expect(found[0]!.input.pattern).toBe("^[A-Za-z0-9][A-Za-z0-9_.-]*$");
  });

  describe("properties", () => {
    const placeholder = fc.constantFrom(
      "<pod-name>",
      "<ID>",
      "IMAGE",
      "CONTAINER_ID",
      "/path/to/rootfs",
      "user@host",
      "myuser",
      "YOUR_REGION",
      "...",
      "$addr",
      "'<name>'",
      '"<name> here"',
      "--name=<name>",
      "REGISTRY/IMAGE:TAG",
      '"Bearer YOUR_TOKEN"',
      "'x <src> y'",
      "[options]",
      "${UNSET_VAR}",
    );
    const plain = fc.constantFrom("-a", "--rm", "x", "/tmp", "'a b'", '"$HOME"', "run", "2>/dev/null");
    const program = fc.constantFrom("podman", "kubectl", "ssh", "sudo cp", "tar");
    const command = fc
      .tuple(program, fc.array(fc.oneof(placeholder, plain), { minLength: 1, maxLength: 6 }))
      .map(([p, args]) => `${p} ${args.join(" ")}`);
    const separator = fc.constantFrom("\n", " && ", " | ", "; ");
    const script = fc
      .array(fc.tuple(command, separator), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.map(([c, sep], i) => (i === 0 ? c : sep + c)).join(""));

    it("leaves code that parses, with every placeholder replaced by a declared input", async () => {
      await fc.assert(
        fc.asyncProperty(script, async (code) => {
          const { code: out, found } = await rewrite(code);
          expect(await parseError(out)).toBeUndefined();
          expect(out).not.toMatch(/<pod-name>|<ID>|<src>|<name>|\/path\/to|user@host|myuser|YOUR_|\.\.\.|\[options\]/);
          expect(out).not.toMatch(/(?<!\{)\b(?:IMAGE|TAG|REGISTRY)\b/);
          const declared = new Set(found.map((f) => f.input.name));
          for (const m of out.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)) expect(declared.has(m[1]!)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });

    it("is a fixed point: rewriting the result again changes nothing", async () => {
      await fc.assert(
        fc.asyncProperty(script, async (code) => {
          const first = await rewrite(code);
          const known = new Map(first.found.map((f) => [f.input.name, f.input]));
          const second = await rewrite(first.code, { known });
          expect(second.code).toBe(first.code);
          expect(second.found.every((f) => known.get(f.input.name) === f.input)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  });
});

describe("shellVariables", () => {
  it.each([
    ["x=1; echo $x", ["x"], ["x"], [], []],
    ["export A=1 B; local l; declare -a arr", ["A", "l", "arr"], [], [], []],
    ["read -r -p 'Name: ' name age; echo $name $age", ["name", "age"], ["name", "age"], [], []],
    [
      "read -a parts; mapfile -t lines < f; printf -v out '%s' 1; getopts ab opt",
      ["parts", "lines", "out", "opt"],
      [],
      [],
      [],
    ],
    ["for host in a b; do ping -c1 $host; done", ["host"], ["host"], [], []],
    ["for ((i = 0; i < 3; i++)); do echo $i; done", ["i"], ["i"], [], []],
    ["(( total = 3 )); echo $((total + extra))", ["total"], ["total", "extra"], [], ["extra"]],
    [
      "echo ${region:-eu-west-1} ${mode:=fast} ${tag:+-t $tag}",
      [],
      ["region", "mode", "tag"],
      ["region", "mode", "tag"],
      [],
    ],
    [
      "echo ${#items[@]} ${name%%.*} ${!ref} ${err:?unset}",
      [],
      ["items", "name", "ref", "err"],
      [],
      ["items", "name", "ref", "err"],
    ],
    ["echo $HOME $PATH $XDG_RUNTIME_DIR $1 $@ $?", [], ["HOME", "PATH", "XDG_RUNTIME_DIR"], [], []],
    ["PORT=8080 node server.js $PORT", [], ["PORT"], [], ["PORT"]],
    ["A=1\nB=2\necho $A $B", ["A", "B"], ["A", "B"], [], []],
    ["bash -c 'n=2; echo $n $outer'", [], ["outer"], [], ["outer"]],
    ["cat <<EOF\nuser=$who\nEOF\ncat <<'EOF'\n$literal\nEOF", [], ["who"], [], ["who"]],
    ["echo '$quoted' \"$double\"", [], ["double"], [], ["double"]],
  ])("%j", async (code, sets, uses, defaulted, needs) => {
    const v = await shellVariables(code);
    expect([...v.sets].sort()).toEqual([...sets].sort());
    expect([...v.uses].sort()).toEqual([...uses].sort());
    expect([...v.defaulted].sort()).toEqual([...defaulted].sort());
    expect([...v.needs].sort()).toEqual([...needs].sort());
  });
});

describe("names that are not stand-ins", () => {
  it.each([
    "docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com",
    "docker exec cache redis-cli FLUSHALL",
    "kubectl exec -it redis-0 -- redis-cli CONFIG GET maxmemory",
  ])("%s keeps its words", async (code) => {
    await shellVariables(code);
    expect(placeholdersToInputs(code, { known: new Map() }).found).toEqual([]);
  });
});
