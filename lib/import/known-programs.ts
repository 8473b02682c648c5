// Programs a troubleshooting guide's commands start with: a line that begins with one of these, and
// parses as shell, is a command rather than something a program printed. The risk classifier's table
// (every program it knows) is part of the list; these are the well-known ones it has no rule for.
import { PROGRAMS } from "@/lib/playbooks/risk-programs";

const MORE = [
  // coreutils, util-linux and friends
  ...["arch", "chcon", "chmod", "chroot", "cksum", "csplit", "dircolors", "env", "factor", "groups", "hostid"],
  ...["install", "link", "logname", "mkfifo", "mknod", "nohup", "numfmt", "pathchk", "pinky", "pr", "ptx"],
  ...["runcon", "shuf", "stty", "sum", "sync", "tsort", "tty", "unlink", "vdir", "dmesg", "lsns", "lsipc"],
  ...["lslocks", "lslogins", "namei", "nsenter", "unshare", "setpriv", "su", "getfacl", "setcap", "getcap"],
  ...["chsh", "chfn", "passwd", "useradd", "usermod", "userdel", "groupadd", "groupmod", "newgrp", "gpasswd"],
  ...["visudo", "vipw", "sudoedit", "crontab", "logger", "clear", "reset", "tput", "uuidgen", "mkswap"],
  ...["fsck", "e2fsck", "resize2fs", "tune2fs", "xfs_repair", "xfs_growfs", "lvextend", "vgcreate", "pvcreate"],
  ...["lvcreate", "growpart", "sgdisk", "partprobe", "mdadm", "iotop", "iftop", "nethogs", "nload", "glances"],
  ...["btop", "powertop", "perf", "strace", "ltrace", "gdb", "lldb", "valgrind", "pmap", "lsattr", "setenforce"],
  ...["getenforce", "sestatus", "setsebool", "getsebool", "semanage", "restorecon", "chcon", "ausearch"],
  ...["audit2allow", "aa-status", "apparmor_parser", "update-alternatives", "update-ca-certificates"],
  ...["update-grub", "grub2-mkconfig", "grubby", "dracut", "mkinitcpio", "update-initramfs", "depmod", "rmmod"],
  ...["insmod", "udevadm", "bootctl", "efibootmgr", "journalctl", "coredumpctl", "systemd-run", "busctl"],
  ...["machinectl", "portablectl", "homectl", "userdbctl", "systemd-resolve", "iptables-legacy", "ipset"],
  ...["tc", "bridge", "brctl", "ethtool", "arping", "curl", "wget", "http", "socat", "ncat", "nmap", "openssl"],
  ...["ssh-add", "ssh-agent", "ssh-copy-id", "ssh-keyscan", "scp", "sftp", "rsync", "mosh", "gpg", "gpg2"],
  ...["screen", "tmux", "less", "most", "pg", "man", "info", "vi", "vim", "nvim", "view", "nano", "pico", "emacs"],
  ...["micro", "joe", "mcedit", "code", "fzf", "bc", "dc", "xdg-open", "open", "pbcopy", "pbpaste", "defaults"],
  ...["launchctl", "softwareupdate", "diskutil", "scutil", "networksetup", "csrutil", "spctl", "xcode-select"],
  // package managers and language tools
  ...["apt", "apt-get", "apt-cache", "apt-key", "add-apt-repository", "dpkg", "dpkg-reconfigure", "aptitude"],
  ...["dnf", "yum", "rpm", "zypper", "pacman", "yay", "apk", "emerge", "nix", "nix-env", "nix-shell", "nixos-rebuild"],
  ...["brew", "port", "snap", "flatpak", "pip", "pip3", "pipx", "uv", "poetry", "pipenv", "conda", "mamba"],
  ...["micromamba", "virtualenv", "pyenv", "python", "python3", "ipython", "jupyter", "node", "npm", "npx", "yarn"],
  ...["pnpm", "bun", "deno", "nvm", "corepack", "go", "gofmt", "cargo", "rustc", "rustup", "java", "javac", "mvn"],
  ...["gradle", "ruby", "gem", "bundle", "rails", "rake", "php", "composer", "perl", "cpan", "dotnet", "make"],
  ...["cmake", "ninja", "meson", "gcc", "g++", "cc", "clang", "ld", "ldconfig", "pkg-config", "autoreconf"],
  // containers, clusters and clouds
  ...["docker", "docker-compose", "podman", "podman-compose", "podman-remote", "buildah", "skopeo", "nerdctl"],
  ...["ctr", "crictl", "runc", "crun", "conmon", "containerd", "dockerd", "lxc", "lxd", "incus", "toolbox"],
  ...["distrobox", "kubectl", "kubeadm", "kubelet", "kubectx", "kubens", "k9s", "kind", "minikube", "k3s", "k3d"],
  ...["microk8s", "oc", "helm", "helmfile", "kustomize", "stern", "kubeseal", "argocd", "flux", "istioctl"],
  ...["linkerd", "velero", "eksctl", "aws", "gcloud", "gsutil", "az", "doctl", "terraform", "tofu", "packer"],
  ...["vagrant", "ansible", "ansible-playbook", "vault", "consul", "nomad", "multipass", "lima", "limactl"],
  ...["colima", "orb", "orbctl", "qemu-img", "virsh", "virt-install", "nvidia-smi", "nvidia-ctk", "nvcc"],
  ...["nvidia-container-cli", "nvidia-container-toolkit", "nvidia-settings", "nvidia-persistenced", "rocm-smi"],
  ...["dcgmi", "gitlab-runner", "gitlab-ctl", "gitlab-rake", "gh", "glab", "git", "git-lfs", "hub", "svn"],
  // services and clients
  ...["psql", "pg_dump", "pg_restore", "pg_ctl", "pg_ctlcluster", "pg_lsclusters", "pg_isready", "createdb"],
  ...["dropdb", "createuser", "mysql", "mysqldump", "mysqladmin", "mariadb", "mongo", "mongosh", "mongodump"],
  ...["redis-cli", "redis-server", "sqlite3", "clickhouse-client", "cqlsh", "influx", "etcdctl", "nginx"],
  ...["apachectl", "httpd", "caddy", "haproxy", "certbot", "php-fpm", "supervisorctl", "pm2", "gunicorn"],
  ...["uvicorn", "celery", "rabbitmqctl", "kafka-topics", "zkCli.sh", "prometheus", "promtool", "amtool"],
  ...["ray", "jq", "yq", "xmllint", "envsubst", "base64", "sha256sum", "tar", "zip", "unzip", "7z", "xz"],
  ...["gzip", "zstd", "file", "strings", "ldd", "nm", "objdump", "readelf", "ip", "ss", "netstat", "lsof"],
  ...["fuser", "dig", "nslookup", "host", "whois", "traceroute", "tracepath", "mtr", "ping", "telnet", "nc"],
  ...["tcpdump", "tshark", "iperf3", "iw", "nmcli", "resolvectl", "hostnamectl", "timedatectl", "chronyc"],
  ...["ntpdate", "sysctl", "modprobe", "lsmod", "ulimit", "watch", "timeout", "xargs", "tee", "sudo", "doas"],
  ...["claude", "just", "task", "code", "cd", "pushd", "popd", "export", "source", "alias", "unset", "echo"],
  ...["printf", "read", "exit", "true", "false", "test", "type", "command", "hash", "wait", "trap", "exec"],
];

/** Programs a command may start with. */
export const KNOWN_PROGRAMS: ReadonlySet<string> = new Set(
  [...Object.keys(PROGRAMS), ...MORE].filter((name) => /^[\w.+-]+$/.test(name) && !/^[.:[]$/.test(name)),
);

/**
 * Known programs that are also everyday English words. After a `#`, "install dependencies" or
 * "make sure it runs" is a comment; the line is a root prompt only when the words look like
 * arguments (an option, a path, `=`, `$`, a quote, a number, a pipe).
 */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  ...["install", "make", "test", "time", "file", "find", "sort", "join", "split", "kind", "just", "host"],
  ...["help", "info", "type", "users", "who", "which", "watch", "more", "less", "touch", "head", "tail", "cut"],
  ...["paste", "kill", "wait", "read", "set", "shift", "exit", "link", "unlink", "last", "yes", "true", "false"],
  ...["date", "open", "reboot", "shutdown", "halt", "mount", "sleep", "clear", "reset", "history", "tree"],
  ...["top", "free", "expand", "fold", "look", "nice", "patch", "diff", "service", "locale", "ping", "go"],
  ...["node", "ray", "man", "w", "id", "seq", "stat", "strings", "script", "rev", "tee", "task", "code", "echo"],
  ...["command", "source", "alias", "exec", "trap", "hash", "cd", "print", "dir", "view", "run", "pass"],
]);

/** `python3.11` is python, `mkfs.ext4` is mkfs: a version or type suffix does not make another program. */
export function knownProgram(name: string): boolean {
  if (KNOWN_PROGRAMS.has(name)) return true;
  const base = name.replace(/(\d+(\.\d+)*|\.[a-z0-9]+)$/, "");
  return base !== name && base.length >= 2 && KNOWN_PROGRAMS.has(base);
}
