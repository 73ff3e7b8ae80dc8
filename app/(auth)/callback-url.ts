/**
 * Where to go after signing in: only a path on this site. A crafted link must not send someone
 * elsewhere, so anything but a single leading "/" followed by ordinary URL characters (no "//",
 * no backslash, no scheme, no spaces or control characters, which browsers strip or reinterpret)
 * falls back (to the home page unless the caller says otherwise).
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  // One pass over the characters (linear): backslashes, whitespace and control characters.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u0020\u007f]/.test(value)) return fallback;
  try {
    const base = "http://callback.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/**
 * The callback from a sign-in page's query: `callbackUrl`, or `next` as older links spell it;
 * undefined when there is none or it is not a path on this site, so the usual landing applies.
 */
export function callbackFromQuery(params: Record<string, string | string[] | undefined>): string | undefined {
  const raw = params.callbackUrl ?? params.next;
  if (raw === undefined) return undefined;
  return safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw, "") || undefined;
}
