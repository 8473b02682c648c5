// What the agent says about itself in its hello.
import fs from "node:fs";
import os from "node:os";

let version: string | null = null;

export function agentVersion(): string {
  if (version === null) {
    const pkg = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version?: string;
    };
    version = pkg.version ?? "0.0.0";
  }
  return version;
}

/** e.g. "Debian GNU/Linux 12 (bookworm) · Linux 6.8.0 x64" */
export function describeOs(): string {
  const kernel = `${os.type()} ${os.release()} ${os.arch()}`;
  try {
    const release = fs.readFileSync("/etc/os-release", "utf8");
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
    return pretty ? `${pretty} · ${kernel}` : kernel;
  } catch {
    return kernel;
  }
}
