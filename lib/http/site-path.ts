// Whether a string from outside (a sign-in `?next=`, an incident's timeline link) is a path on this
// site, and its normalised form. Browser-safe, so the incident schema's client-side checks share it.

const BASE = new URL("http://site-path.invalid");

/** Whether `path`, read as a link on this site, stays on this site. */
function staysHere(path: string): URL | null {
  let url: URL;
  try {
    url = new URL(path, BASE);
  } catch {
    return null;
  }
  // "//evil" and "/\evil" parse with a host of their own. "/.//evil" and "/..//evil" keep this one,
  // but normalise to "//evil", which a browser reads as another host once it is an href or Location.
  return url.origin === BASE.origin && !url.pathname.startsWith("//") ? url : null;
}

/**
 * `value` as a normalised same-site path (`/path?query#hash`), or null when a browser, or a server
 * that decodes the path once, could take it to another site or run it as a script.
 */
export function sameSitePath(value: string): string | null {
  // Refuses "https://…", "javascript:…" and relative paths before any parsing.
  if (!value.startsWith("/")) return null;
  // Browsers drop tabs and newlines anywhere in a URL, so "/\t/evil" is "//evil"; no real link has one.
  if (/\p{Cc}/u.test(value)) return null;
  const url = staysHere(value);
  if (!url) return null;
  // Encoded slashes and backslashes ("/%2F%2Fevil", "/%5Cevil") turn into the above once decoded.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\\") || /\p{Cc}/u.test(decoded) || !staysHere(decoded)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
