import { describe, expect, it } from "vitest";
import { shellRisk } from "./shell-risk";

describe("shellRisk", () => {
  it.each([
    ["command -v podman && podman --version", "read"],
    ["cat /etc/subuid  # Should show: $USER:100000:65536", "read"],
    ["kubectl get pods -n arc-systems -w | grep instant-cf", "read"],
    ["kubectl exec -n arc-systems pod-<pod-id> -- ls -la /home/runner/k8s*/", "read"],
    ["docker images | grep claude-hitl-worker", "read"],
    ["lsof -i :10001", "read"],
    ["journalctl -u app -n 50 --no-pager 2>&1", "read"],
    ["sed -n 1,5p file", "read"],
    ["sudo apt-get update && sudo apt-get install -y podman", "change"],
    ["echo 'x' >> /etc/subgid", "change"],
    ["sed -i 's/a/b/' file", "change"],
    ["podman run --rm hello-world", "change"],
    ["curl -fsSL https://example.com/setup.sh | sudo -E bash -", "change"],
    ["IMAGE=$(podman inspect img --format '{{.Id}}')", "read"],
    ["rm -rf /tmp/ray", "danger"],
    ["orb delete ray-cluster", "danger"],
    ["kubectl delete namespace payments", "danger"],
  ])("%s → %s", (code, risk) => {
    expect(shellRisk(code)).toBe(risk);
  });
});
