// Who is on the other end of a request. Shared by server.ts (which rewrites X-Forwarded-For) and
// the app (which reads it): no imports from the app, so server.ts can load it before Next.js.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { currentProxyMark, markKey, type WithMark } from "./proxy-mark";

export { currentProxyMark };

/** The header server.ts adds to every request it rewrote, holding its per-process mark. */
export const PROXY_MARK_HEADER = "x-norms-forum-proxy";

/**
 * The mark of this process, made on first use. server.ts and the app run in one process and
 * share globalThis, so only server.ts's own rewrites carry the right mark; a client cannot know it.
 */
export function claimProxyMark(): string {
  const holder = globalThis as WithMark;
  return (holder[markKey] ??= randomBytes(32).toString("base64url"));
}


/**
 * An address as written in a forwarding header or by the socket, or null if it is none: drops an
 * IPv6 zone-free bracket form's port (`[2001:db8::1]:443`), an IPv4 port (`192.0.2.1:443`) and the
 * IPv4-mapped IPv6 prefix (`::ffff:192.0.2.1`).
 */
export function normalizeAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.length === 0 || value.length > 64) return null;
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

/**
 * The X-Forwarded-For server.ts passes on: at most `trustedProxies` hops taken from the right of
 * the incoming header (those our own proxies appended), then the TCP peer. Entries further left
 * were written by the client and are dropped; so is everything left of a malformed entry, since a
 * proxy we trust writes well-formed ones. Null when the peer itself is unknown (a Unix socket).
 */
export function rewriteForwardedFor(peer: string | undefined, incoming: string | undefined, trustedProxies: number): string | null {
  const self = normalizeAddress(peer);
  if (!self) return null;
  const hops: string[] = [];
  // Read from the right, entry by entry: a header of thousands of entries costs no more than the
  // few we look at.
  let rest = incoming ?? "";
  while (rest.length > 0 && hops.length < trustedProxies) {
    const comma = rest.lastIndexOf(",");
    const hop = normalizeAddress(rest.slice(comma + 1));
    if (!hop) break;
    hops.unshift(hop);
    rest = comma < 0 ? "" : rest.slice(0, comma);
  }
  return [...hops, self].join(", ");
}

function sameMark(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The client's address: the leftmost X-Forwarded-For entry, trusted only when server.ts marked the
 * request. Null (unknown) otherwise, whatever the client sent.
 */
export function clientAddress(headers: Headers): string | null {
  const mark = currentProxyMark();
  const given = headers.get(PROXY_MARK_HEADER);
  if (!mark || !given || !sameMark(given, mark)) return null;
  return normalizeAddress(headers.get("x-forwarded-for")?.split(",", 1)[0]);
}
