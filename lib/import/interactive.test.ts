import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interactiveReason } from "./interactive";

// [command, part of the reason]
const WAITS: [string, string][] = [
  ["podman run -ti --rm fedora sh", "`-ti` asks for a terminal"],
  ["docker run -it ubuntu", "image's default command"],
  ["docker exec -it web bash", "`-it` asks for a terminal"],
  ["docker exec -i -t web /bin/sh", "`-i -t` asks for a terminal"],
  ["sudo docker exec -it db psql -U postgres", "asks for a terminal"],
  ["nerdctl run --interactive --tty alpine", "asks for a terminal"],
  ["docker compose exec web sh", "asks for a terminal"],
  ["docker-compose exec web bash", "asks for a terminal"],
  ["docker-compose logs -f web", "never ends"],
  ["kubectl exec -it web-0 -- bash", "asks for a terminal"],
  ["kubectl run debug -it --rm --image=busybox --restart=Never -- sh", "asks for a terminal"],
  ["kubectl edit deployment web", "opens an editor"],
  ["kubectl logs -f deploy/web", "never ends"],
  ["kubectl get pods -w", "never ends"],
  ["kubectl port-forward svc/web 8080:80", "until stopped"],
  ["docker logs --follow web", "never ends"],
  ["podman stats", "until stopped"],
  ["docker compose up", "stays attached"],
  ["docker system prune", "asks to confirm"],
  ["docker login registry.example.com", "asks for a password"],
  ["ssh-keygen", "asks for a file name"],
  ["ssh-keygen -t ed25519 -f ~/.ssh/ci", "passphrase"],
  ["less /var/log/syslog", "pager"],
  ["journalctl -u docker | more", "pager"],
  ["man podman-run", "pager"],
  ["vi /etc/containers/registries.conf", "opens an editor"],
  ["sudo nano /etc/docker/daemon.json", "opens an editor"],
  ["$EDITOR ~/.bashrc", "opens an editor"],
  ["${VISUAL:-vim} notes.txt", "opens an editor"],
  ["emacs /etc/hosts", "opens an editor"],
  ["crontab -e", "opens an editor"],
  ["sudo visudo", "opens an editor"],
  ["sudo systemctl edit docker.service", "opens an editor"],
  ["git commit -a", "opens an editor"],
  ["git rebase -i HEAD~3", "opens an editor"],
  ["top", "full-screen"],
  ["htop", "full-screen"],
  ["top -b", "until it is stopped"],
  ["watch -n 1 nvidia-smi", "never ends"],
  ["ssh build01", "no remote command"],
  ["ssh -p 2222 -i ~/.ssh/id_ed25519 jdoe@build01", "no remote command"],
  ["ssh build01 top", "full-screen"],
  ["ssh -N -L 8080:localhost:80 build01", "never ends"],
  ["psql -h db -U app", "interactive prompt"],
  ["mysql -u root", "interactive prompt"],
  ["mysql -u root -p -e 'select 1'", "asks for a password"],
  ["redis-cli -h cache", "interactive prompt"],
  ["redis-cli monitor", "streams"],
  ["python3", "interactive prompt"],
  ["python3 -m http.server 8000", "serves until stopped"],
  ["node", "interactive prompt"],
  ["sqlite3 app.db", "interactive prompt"],
  ["aws configure", "asks for credentials"],
  ["gcloud auth login", "sign-in"],
  ["passwd", "new password"],
  ["sudo passwd jdoe", "new password"],
  ['read -p "Continue? " answer', "waits for a line of input"],
  ["tail -f /var/log/messages", "never ends"],
  ["tail -n 100 -F app.log", "never ends"],
  ["journalctl -fu kubelet", "never ends"],
  ["dmesg -w", "never ends"],
  ["ping 8.8.8.8", "runs until it is stopped"],
  ["tcpdump -i any port 53", "runs until it is stopped"],
  ["vmstat 1", "repeats"],
  ["sudo -i", "root shell"],
  ["sudo su -", "opens a shell"],
  ["bash", "interactive shell"],
  ["bash -c 'less /etc/os-release'", "pager"],
  ["vagrant ssh", "opens a shell"],
  ["orb shell build-vm", "opens a shell"],
  ["sudo apt-get install podman", "`-y` answers it"],
  ["dnf install nvidia-container-toolkit", "`-y` answers it"],
  ["openssl req -new -key tls.key -out tls.csr", "certificate's fields"],
  ["tmux", "opens a session"],
  ["nc -l 9000", "listens"],
  ["cat > /etc/motd", "reads the terminal"],
  ["env EDITOR=nano crontab -e", "opens an editor"],
  ["gcloud auth application-default login", "sign-in"],
  ["gcloud auth application-default login --no-launch-browser", "sign-in"],
  ["gcloud init", "sign-in"],
  ["curl -u admin https://registry.example.com/v2/_catalog", "asks for the password"],
  ["curl -sS --user admin https://nexus.example.com/service/rest/v1/status", "asks for the password"],
  ["curl --user=admin https://nexus.example.com/", "asks for the password"],
  ["curl -fsSu deploy https://artifacts.example.com/", "asks for the password"],
  ["curl -U jdoe -x http://proxy.example.com:3128 https://example.com", "asks for the password"],
  ["curl --proxy-user jdoe -x http://proxy.example.com:3128 https://example.com", "asks for the password"],
  ["gitlab-runner register", "asks for"],
  ["./config.sh --url https://github.com/acme/app --token AAAA1111", "asks for the runner's group"],
  ["sudo gitlab-runner register --url https://gitlab.example.com --executor docker", "asks for"],
  ["az login", "sign-in"],
  ["docker login -u ci registry.example.com", "asks for a password"],
  ["podman login quay.io", "asks for a password"],
  ["npm login", "asks for"],
  ["npm adduser --registry https://npm.example.com", "asks for"],
  ["pnpm login", "asks for"],
  ["yarn npm login", "asks for"],
  ["npm init", "asks"],
  ["gh auth login", "sign-in"],
  ["openssl req -x509 -newkey rsa:4096 -keyout key.pem -out cert.pem -days 365", "certificate's fields"],
  ["nohup tail -f app.log", "never ends"],
];

const RUNS: string[] = [
  "docker run --rm ubuntu nvidia-smi",
  "docker run -it --rm ubuntu cat /etc/os-release",
  "docker run -d -it --name web nginx",
  "docker exec web ls /data",
  "docker exec -it web ls /data",
  "kubectl exec web-0 -- cat /etc/resolv.conf",
  "kubectl exec -it web-0 -- env",
  "kubectl logs deploy/web --tail 50",
  "kubectl get pods -o wide",
  "kubectl run web --image=nginx",
  "docker logs --tail 20 web",
  "podman stats --no-stream",
  "docker compose up -d",
  "docker compose exec -T db pg_isready",
  "docker system prune -f",
  'echo "$TOKEN" | docker login -u ci --password-stdin registry.example.com',
  "ssh-keygen -t ed25519 -N '' -f ~/.ssh/ci",
  "ssh-keygen -lf ~/.ssh/id_ed25519.pub",
  "ssh build01 uptime",
  "ssh -o BatchMode=yes build01 'systemctl is-active docker'",
  "journalctl -u docker --no-pager -n 100",
  "journalctl -u docker | grep -i error",
  "tail -n 50 /var/log/messages",
  "top -b -n 1",
  "ping -c 3 8.8.8.8",
  "tcpdump -c 10 -i any port 53",
  "vmstat 1 5",
  "psql -U app -c 'select 1'",
  "psql -l",
  "psql -U app < schema.sql",
  "mysql -u root -e 'show databases'",
  "redis-cli ping",
  "python3 -c 'import torch; print(torch.cuda.is_available())'",
  "python3 manage.py check",
  "echo 'select 1;' | sqlite3 app.db",
  "sqlite3 app.db '.tables'",
  "node -e 'console.log(process.version)'",
  "node server.js --check",
  "aws configure list",
  "aws configure set region eu-west-1",
  "passwd -S jdoe",
  'while read -r line; do echo "$line"; done < hosts.txt',
  "timeout 10 tail -f app.log",
  "bash -c 'echo hi'",
  "bash ./collect.sh",
  "git commit -m 'fix: runner config'",
  "git log --oneline -5",
  "crontab -l",
  "sudo visudo -c",
  "sudo systemctl restart docker",
  "sudo -u postgres psql -c 'select 1'",
  "sudo apt-get install -y podman",
  "apt-get update",
  "dnf -y install podman",
  "openssl req -new -subj '/CN=web' -key tls.key -out tls.csr",
  "cat <<EOF > /etc/motd\nhello\nEOF",
  "cat /etc/os-release",
  "vim -es -c 'wq' file.txt",
  "nc -z db 5432",
  "orb -m build-vm bash -c 'uname -a'",
  "curl -u admin:s3cret https://registry.example.com/v2/",
  'curl -u "$REGISTRY_USER:$REGISTRY_TOKEN" https://registry.example.com/v2/',
  'curl -u "$CREDENTIALS" https://registry.example.com/v2/',
  "curl --user=admin:s3cret https://nexus.example.com/",
  "curl -U jdoe:pw -x http://proxy.example.com:3128 https://example.com",
  "curl -sS -o /dev/null -w '%{http_code}' https://example.com",
  "curl -H 'X-User: admin' https://example.com",
  "gitlab-runner register --non-interactive --url https://gitlab.example.com --token glrt-x --executor docker",
  "gitlab-runner register -n --url https://gitlab.example.com --token glrt-x --executor shell",
  "gitlab-runner verify",
  "./config.sh --url https://github.com/acme/app --token AAAA1111 --unattended --labels gpu",
  "./config.sh remove --token AAAA1111",
  "gcloud auth application-default print-access-token",
  "gcloud auth login --cred-file=key.json",
  "gcloud auth list",
  "az login --identity",
  "az account show",
  "npm install",
  "npm init -y",
  "npm whoami",
  "pnpm install --frozen-lockfile",
  "oc login --token=sha256~abc --server=https://api.example.com:6443",
  "oc login -u developer -p developer https://api.example.com:6443",
  'docker login -u ci -p "$TOKEN" registry.example.com',
  "sudo",
  "openssl req -in tls.csr -noout -text",
  "",
];

describe("interactiveReason", () => {
  it.each(WAITS)("`%s` waits: %s", async (command, reason) => {
    expect(await interactiveReason(command)).toContain(reason);
  });

  it.each(RUNS.map((c) => [c]))("`%s` runs to completion", async (command) => {
    expect(await interactiveReason(command)).toBeNull();
  });

  it("finds the waiting command anywhere in a script", async () => {
    const script = "set -e\nif podman ps -q >/dev/null; then\n  podman exec -it web sh\nfi\necho done";
    expect(await interactiveReason(script)).toContain("asks for a terminal");
  });
});

describe("interactiveReason: properties", () => {
  const shells = fc.constantFrom("sh", "bash", "/bin/sh", "/bin/bash", "zsh");
  const engines = fc.constantFrom("docker", "podman", "nerdctl", "sudo docker", "sudo podman");
  const tty = fc.constantFrom("-it", "-ti", "-i -t", "--interactive --tty");
  const extras = fc.subarray(["--rm", "-e A=1", "-v /srv:/srv", "--name x", "-w /work", "--network host"]);

  it("a shell at a terminal in a container always waits", async () => {
    await fc.assert(
      fc.asyncProperty(engines, tty, extras, shells, async (engine, flags, more, shell) => {
        const command = `${engine} run ${flags} ${more.join(" ")} quay.io/acme/tool:1 ${shell}`;
        expect(await interactiveReason(command)).toMatch(/asks for a terminal/);
      }),
      { numRuns: 50 },
    );
  });

  it("`timeout` bounds any command", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WAITS.map(([c]) => c)), fc.integer({ min: 1, max: 600 }), async (c, s) => {
        // `timeout` bounds the one command it runs, not the rest of a pipeline.
        if (c.includes("|")) return;
        expect(await interactiveReason(`timeout ${s} ${c}`)).toBeNull();
      }),
      { numRuns: 30 },
    );
  });
});

describe("commands that start a new shell", () => {
  it.each(["newgrp docker", "podman unshare", "buildah unshare", "sudo chroot /mnt/root", "nsenter -t 1 -m"])(
    "%s waits in the shell it starts",
    async (command) => {
      expect(await interactiveReason(command)).toMatch(/shell/);
    },
  );
  it.each(["newgrp docker id", "podman unshare ls -ln /path", "chroot /mnt/root ls", "nsenter -t 1 -m ls"])(
    "%s runs its command and ends",
    async (command) => {
      expect(await interactiveReason(command)).toBeNull();
    },
  );
});
