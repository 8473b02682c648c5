// The input a placeholder asks for: an UPPER_SNAKE name that is not one of the host's own variables,
// a label, and a pattern for the kind of value it stands for (an image, a path, user@host, a
// Kubernetes name), so the run form refuses a value the command could not use.
import type { DraftInput } from "./playbook-draft";
import { isEnvironmentVariable } from "./environment-variables";

export type PlaceholderKind =
  /** `<pod-name>` */
  | "angle"
  /** `IMAGE` where an argument goes */
  | "caps"
  /** `/path/to/rootfs` */
  | "path"
  /** `user@host` */
  | "destination"
  /** `you@example.com` */
  | "email"
  /** `myuser`, `my-cluster`, `your-username`, `YOUR_REGION` */
  | "example-name"
  /** `...`, `[options]`: arguments the guide left out */
  | "omitted"
  /** `$addr`, `${UNSET_VAR}`: a variable nothing sets */
  | "variable";

/** Programs whose arguments name Kubernetes objects. */
const KUBERNETES = new Set(["kubectl", "oc", "helm", "kind", "minikube", "k3s", "microk8s", "kubectx", "kubens"]);
const CONTAINERS = new Set(["docker", "podman", "nerdctl", "crictl", "ctr", "buildah", "docker-compose"]);

const PATTERNS = {
  // A registry host (and port), path components, a tag and a digest, all optional but the name.
  image: [
    String.raw`^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*`,
    String.raw`(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`,
  ].join(""),
  // DNS-1123: a label (namespaces) and a subdomain (most other object names).
  k8sLabel: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
  k8sName: "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$",
  container: "^[A-Za-z0-9][A-Za-z0-9_.-]*$",
  id: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$",
  port: "^[0-9]{1,5}$",
  host: String.raw`^[A-Za-z0-9_.:\[\]-]+$`,
  destination: String.raw`^[^@\s]+@[^@\s]+$`,
  email: String.raw`^[^@\s]+@[^@\s]+\.[^@\s]+$`,
  region: "^[a-z][-a-z0-9]*[a-z0-9]$",
  bucket: "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
  user: "^[A-Za-z0-9_][A-Za-z0-9_.@-]*$",
  version: "^[A-Za-z0-9_][A-Za-z0-9_.+-]*$",
  url: String.raw`^[a-z][a-z0-9+.-]*://\S+$`,
  absolutePath: "^/.*$",
  path: String.raw`^\S.*$`,
  number: "^[0-9]+$",
  word: String.raw`^\S+$`,
} as const;

/** Patterns whose values never hold whitespace or shell syntax, so `${NAME}` needs no quotes. */
export function isWordPattern(pattern: string | undefined): boolean {
  return pattern !== undefined && pattern !== PATTERNS.absolutePath && pattern !== PATTERNS.path;
}

// By name, first match wins; `program` is the command the placeholder is an argument of.
const BY_NAME: ReadonlyArray<{ name: RegExp; pattern: string; secret?: boolean; programs?: ReadonlySet<string> }> = [
  { name: /^(?:\w+_)?IMAGE(?:_NAME|_REF)?$/, pattern: PATTERNS.image },
  { name: /^(?:NAMESPACE|NS)$/, pattern: PATTERNS.k8sLabel },
  {
    name: new RegExp(
      "^(?:POD|DEPLOYMENT|DEPLOY|SERVICE|SVC|NODE|CONTAINER|RELEASE|JOB|CRONJOB|STATEFULSET|DAEMONSET|CONFIGMAP" +
        "|SECRET|PVC|INGRESS|CLUSTER|CONTEXT|RESOURCE)(?:_NAME)?$",
    ),
    pattern: PATTERNS.k8sName,
    programs: KUBERNETES,
  },
  { name: /^CONTAINER(?:_NAME)?$/, pattern: PATTERNS.container, programs: CONTAINERS },
  {
    name: /(?:TOKEN|PASSWORD|PASSWD|PASS|SECRET|API_KEY|ACCESS_KEY|SECRET_KEY|PRIVATE_KEY|CREDENTIALS?)$/,
    pattern: PATTERNS.word,
    secret: true,
  },
  { name: /(?:^|_)ID$/, pattern: PATTERNS.id },
  { name: /(?:^|_)PORT$/, pattern: PATTERNS.port },
  { name: /^DESTINATION$/, pattern: PATTERNS.destination },
  { name: /(?:^|_)EMAIL$/, pattern: PATTERNS.email },
  { name: /(?:^|_)(?:HOST|HOSTNAME|SERVER|ADDR|ADDRESS|IP|IP_ADDRESS|ENDPOINT_HOST)$/, pattern: PATTERNS.host },
  { name: /(?:^|_)(?:REGION|ZONE|LOCATION)$/, pattern: PATTERNS.region },
  { name: /(?:^|_)BUCKET(?:_NAME)?$/, pattern: PATTERNS.bucket },
  { name: /(?:^|_)(?:USER|USERNAME|USER_NAME|LOGIN|OWNER)$/, pattern: PATTERNS.user },
  { name: /(?:^|_)(?:VERSION|TAG|RELEASE_TAG)$/, pattern: PATTERNS.version },
  { name: /(?:^|_)(?:URL|URI|ENDPOINT)$/, pattern: PATTERNS.url },
  { name: /(?:^|_)(?:COUNT|NUM|NUMBER|REPLICAS|SIZE|LIMIT|SECONDS|TIMEOUT|PID|UID|GID)$/, pattern: PATTERNS.number },
  { name: /(?:^|_)(?:PATH|DIR|DIRECTORY|FILE|FOLDER)$/, pattern: PATTERNS.path },
];

// Names the environment owns, renamed to say what the placeholder stands for.
const RENAMES: Record<string, string> = { USER: "USERNAME", UID: "USER_ID", HOSTNAME: "HOST", HOME: "HOME_DIR" };

/** `pod-name` → POD_NAME; a name the host's environment owns gets a suffix (`USER` → `USERNAME`). */
export function inputName(raw: string, kind: PlaceholderKind): string {
  let name = raw
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
  if (name === "") name = "VALUE";
  if (/^\d/.test(name)) name = `N_${name}`;
  if (!isEnvironmentVariable(name)) return name;
  return RENAMES[name] ?? `${name}_${kind === "path" ? "PATH" : "VALUE"}`;
}

function label(name: string): string {
  const words = name.toLowerCase().replace(/_+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface PlaceholderSpec {
  kind: PlaceholderKind;
  /** As written in the guide. */
  text: string;
  /** The input name (see inputName). */
  name: string;
  /** The program the placeholder is an argument of, when known. */
  program?: string;
  /** An absolute path example (`/path/to/x`) rather than a relative one. */
  absolute?: boolean;
  /** For omitted arguments: whether the command means anything without them. */
  required?: boolean;
}

/** The input for a placeholder, typed by what it stands for. */
export function placeholderInput(spec: PlaceholderSpec): DraftInput {
  const input: DraftInput = {
    name: spec.name,
    label: label(spec.name),
    description: describe(spec),
    required: spec.required ?? true,
  };
  const pattern = patternFor(spec);
  if (pattern.pattern) input.pattern = pattern.pattern;
  if (pattern.secret) input.secret = true;
  return input;
}

function describe(spec: PlaceholderSpec): string {
  if (spec.kind === "omitted") return `Arguments the guide left out (it wrote \`${spec.text}\`).`;
  if (spec.kind === "variable") return `The guide's commands expect \`${spec.text}\` to be set.`;
  return `The guide wrote \`${spec.text}\` here.`;
}

function patternFor(spec: PlaceholderSpec): { pattern?: string; secret?: boolean } {
  switch (spec.kind) {
    case "omitted":
      return {};
    case "path":
      return { pattern: spec.absolute ? PATTERNS.absolutePath : PATTERNS.path };
    case "destination":
      return { pattern: PATTERNS.destination };
    case "email":
      return { pattern: PATTERNS.email };
  }
  const rule = BY_NAME.find((r) => r.name.test(spec.name) && (!r.programs || r.programs.has(spec.program ?? "")));
  // A variable may hold anything (a list of flags, a sentence); other placeholders stand for one word.
  if (!rule) return spec.kind === "variable" ? {} : { pattern: PATTERNS.word };
  return { pattern: rule.pattern, ...(rule.secret ? { secret: true } : {}) };
}
