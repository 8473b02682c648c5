// The CLI's one way to talk to Casebook: JSON over HTTP with the API token as a bearer, the
// ndjson event stream of a run, and errors turned into one sentence with exit code 2.

/** A failure the CLI reports in one line and exits 2 for (network, 401, 403, a refused request). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  url: string;
  token: string | undefined;
}

export class CasebookClient {
  readonly base: URL;

  constructor(private readonly options: ClientOptions) {
    try {
      this.base = new URL(options.url.endsWith("/") ? options.url : `${options.url}/`);
    } catch {
      throw new CliError(`CASEBOOK_URL (or --url) is not a URL: ${options.url}`);
    }
  }

  /** An address under the server, for messages (e.g. a run's page). */
  link(path: string): string {
    return new URL(path.replace(/^\//, ""), this.base).toString();
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: body === undefined ? {} : { "content-type": "application/json" },
    });
    return (await res.json()) as T;
  }

  /** A request whose answer is not JSON (an export, an upload); refused answers still throw. */
  async request(
    method: string,
    path: string,
    init: { body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<Response> {
    if (!this.options.token) {
      throw new CliError("No API token: set CASEBOOK_TOKEN (or pass --token). Make one at /account/tokens.");
    }
    const url = this.link(path);
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        body: init.body,
        signal: init.signal,
        headers: { accept: "application/json", ...init.headers, authorization: `Bearer ${this.options.token}` },
      });
    } catch (err) {
      throw new CliError(`Cannot reach Casebook at ${this.base.origin}: ${networkReason(err)}.`);
    }
    if (!res.ok) throw new CliError(await refusal(res), res.status);
    return res;
  }

  /**
   * Each JSON line of an ndjson stream (GET /api/runs/:id/events), until `onLine` returns true (the
   * caller has what it waited for), `stop` aborts, or the server ends the stream.
   */
  async lines(path: string, onLine: (line: unknown) => boolean | void, stop?: AbortSignal): Promise<void> {
    const abort = new AbortController();
    stop?.addEventListener("abort", () => abort.abort(), { once: true });
    const res = await this.request("GET", path, { signal: abort.signal, headers: { accept: "application/x-ndjson" } });
    if (!res.body) return;
    const decoder = new TextDecoder();
    let pending = "";
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        pending += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = pending.indexOf("\n")) >= 0) {
          const line = pending.slice(0, newline).trim();
          pending = pending.slice(newline + 1);
          if (line && onLine(JSON.parse(line))) return;
        }
      }
    } catch (err) {
      if (abort.signal.aborted) return;
      throw new CliError(`The run's event stream broke off: ${networkReason(err)}.`);
    } finally {
      abort.abort();
    }
  }
}

/** The server's `{ error }`, led by what the status means to someone at a terminal. */
async function refusal(res: Response): Promise<string> {
  const text = await res.text();
  let reason = text.trim().slice(0, 500);
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === "string") reason = body.error;
  } catch {
    // Not JSON (a proxy's page): the text as it is.
  }
  if (res.status === 401) return `Casebook did not accept the token (401): ${reason}`;
  if (res.status === 403) return `Not allowed (403): ${reason}`;
  if (res.status === 404) return `Not found (404): ${reason}`;
  return `Casebook answered ${res.status}: ${reason}`;
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause?.code === "ECONNREFUSED") return "connection refused (is the server running?)";
  if (cause?.code === "ENOTFOUND") return "no such host";
  if (typeof cause?.message === "string") return cause.message;
  return err instanceof Error ? err.message : String(err);
}
