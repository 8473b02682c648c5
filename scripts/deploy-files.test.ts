// The deployment files (Dockerfiles, deploy/compose.yaml, deploy/nginx.conf, the systemd unit)
// cannot be run here: images need Docker Hub, which this machine cannot reach. This keeps them
// consistent with the repository instead, so they say what the tested commands do.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const scripts = Object.keys((JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts);
const settings = new Set([...read(".env.example").matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
/** The agent's settings, as its argument parser reads them from the environment. */
const agentSettings = new Set([...read("agent/src/cli.ts").matchAll(/\.env\("([A-Z_]+)"\)/g)].map((m) => m[1]));

const DOCKERFILES = ["Dockerfile", "agent/Dockerfile"];
const AGENT_ENTRY = "/opt/casebook-agent/bin/casebook-agent.mjs";

interface Compose {
  services: Record<string, { build?: { context: string; dockerfile: string }; environment?: Record<string, string> }>;
}
const compose = parse(read("deploy/compose.yaml"), { merge: true }) as Compose;

describe("deployment files", () => {
  it.each(DOCKERFILES)("%s copies paths that exist and runs scripts that exist", (file) => {
    const text = read(file);
    for (const [, from] of text.matchAll(/^COPY (?!--from)(\S+) /gm))
      expect(fs.existsSync(path.join(root, from!))).toBe(true);
    const used = [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const script of used) expect(scripts, `${file}: npm run ${script}`).toContain(script);
    const env = [...text.matchAll(/^ENV (.+)$/gm)].flatMap((m) => [...m[1]!.matchAll(/([A-Z_]+)=/g)].map((n) => n[1]!));
    const runtime = ["NODE_ENV", "NEXT_TELEMETRY_DISABLED"];
    for (const name of env)
      expect(settings.has(name) || agentSettings.has(name) || runtime.includes(name), name).toBe(true);
  });

  it("runs the packed agent where the tarball puts it, in the image and the systemd unit alike", () => {
    expect(read("agent/scripts/pack.mjs")).toContain('"bin/casebook-agent.mjs"');
    expect(read("agent/Dockerfile")).toContain(`"node", "${AGENT_ENTRY}"`);
    expect(read("agent/casebook-agent.service")).toContain(`ExecStart=/usr/bin/node ${AGENT_ENTRY}`);
  });

  it("builds compose's images from Dockerfiles that exist and passes only known settings", () => {
    const services = Object.entries(compose.services);
    for (const [name, service] of services) {
      if (service.build)
        expect(fs.existsSync(path.join(root, "deploy", service.build.context, service.build.dockerfile)), name).toBe(
          true,
        );
      const known = name === "agent" ? agentSettings : settings;
      if (name.startsWith("casebook") || name === "agent")
        for (const key of Object.keys(service.environment ?? {})) expect(known.has(key), `${name}: ${key}`).toBe(true);
    }
    expect(services.filter(([name]) => name.startsWith("casebook-")).length).toBe(2);
  });

  it("balances over every compose instance and passes websocket upgrades", () => {
    const nginx = read("deploy/nginx.conf");
    const upstreams = [...nginx.matchAll(/^\s*server (casebook-[a-z]+):3000/gm)].map((m) => m[1]);
    expect(upstreams).toEqual(Object.keys(compose.services).filter((name) => name.startsWith("casebook-")));
    expect(nginx).toMatch(/proxy_http_version 1\.1;/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
  });
});
