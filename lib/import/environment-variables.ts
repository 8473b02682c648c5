// Variables the host's environment provides: the shell's own, the login session's, and the ones
// tools read for their configuration. A step runs in the agent's shell on that host, so `$HOME` or
// `$KUBECONFIG` already has the value the reader means; asking for it as an input would override
// the host's own. Bash sets some (UID, RANDOM) itself and ignores or refuses an inherited value.

const NAMES = [
  // the shell
  ...["HOME", "USER", "LOGNAME", "PATH", "PWD", "OLDPWD", "SHELL", "UID", "EUID", "PPID", "HOSTNAME", "HOSTTYPE"],
  ...["OSTYPE", "MACHTYPE", "IFS", "PS1", "PS2", "PS3", "PS4", "RANDOM", "SECONDS", "LINENO", "REPLY", "OPTARG"],
  ...["OPTIND", "OPTERR", "MAPFILE", "PIPESTATUS", "FUNCNAME", "GROUPS", "SHLVL", "SHELLOPTS", "BASHOPTS"],
  ...["EPOCHSECONDS", "EPOCHREALTIME", "COLUMNS", "LINES", "HISTFILE", "HISTSIZE", "CDPATH", "TMOUT", "MAIL"],
  // the session
  ...["TERM", "LANG", "LANGUAGE", "TZ", "TMPDIR", "DISPLAY", "WAYLAND_DISPLAY", "EDITOR", "VISUAL", "PAGER"],
  ...["DBUS_SESSION_BUS_ADDRESS", "MANPATH", "INFOPATH", "COLORTERM", "LS_COLORS", "container"],
  // what tools read for their configuration
  ...["KUBECONFIG", "DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CONTEXT", "CONTAINER_HOST", "CONTAINERS_CONF"],
  ...["REGISTRY_AUTH_FILE", "BUILDAH_ISOLATION", "CONTAINER_CONNECTION", "HELM_NAMESPACE", "HELM_KUBECONTEXT"],
  ...["AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
  ...["AWS_SESSION_TOKEN", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "GOOGLE_APPLICATION_CREDENTIALS"],
  ...["CLOUDSDK_CONFIG", "AZURE_CONFIG_DIR", "GOPATH", "GOROOT", "GOFLAGS", "GOPROXY", "JAVA_HOME", "NODE_OPTIONS"],
  ...["NODE_PATH", "NPM_CONFIG_PREFIX", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "CONDA_PREFIX", "PIP_INDEX_URL"],
  ...["LD_LIBRARY_PATH", "LD_PRELOAD", "PKG_CONFIG_PATH", "CC", "CXX", "CFLAGS", "LDFLAGS", "CUDA_HOME"],
  ...["CUDA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES", "NVIDIA_DRIVER_CAPABILITIES", "PGHOST", "PGPORT", "PGUSER"],
  ...["PGDATABASE", "PGDATA", "PGPASSFILE", "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY"],
  ...["NO_PROXY", "ALL_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR", "GIT_SSH_COMMAND", "GNUPGHOME"],
];

// Families: XDG_RUNTIME_DIR, LC_ALL, BASH_VERSION, SSH_AUTH_SOCK, SUDO_USER, KUBERNETES_SERVICE_HOST.
// Not CI systems' own (CI_JOB_TOKEN, GITHUB_SHA, RUNNER_TOKEN): a step runs on a host, not in a job.
const FAMILIES = /^(?:XDG|LC|BASH|SSH|SUDO|KUBERNETES)_\w+$/;

const KNOWN = new Set(NAMES);

/** Whether the host's environment sets `name`, so a command's `$name` is not a placeholder. */
export function isEnvironmentVariable(name: string): boolean {
  return KNOWN.has(name) || FAMILIES.test(name);
}
