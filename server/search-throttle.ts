// A limit on searches per client address. Searching is the costliest read a visitor can ask for (full
// text over every public norm, names over every organisation), and a page cache cannot help a query
// nobody asked before, so without a limit one address could keep an instance's processor busy.
//
// It runs in server.ts, before Next.js and after the page cache: a search answered from the cache
// costs nothing and is not counted. Counts are kept in memory, per instance, because what they
// protect is that instance's processor; a database row per search would add a write to every read.
// Loaded by server.ts before the app: no imports from the app.
import type { IncomingMessage, ServerResponse } from "node:http";

/** Searches one address may start per minute by default (SEARCHES_PER_MINUTE). */
export const DEFAULT_SEARCHES_PER_MINUTE = 120;

/** Procedures whose `q` input starts a search, as the browser calls them over /api/trpc. */
const SEARCH_PROCEDURES = ["search.all", "norms.list", "organizations.list", "references.compareChoices"];

/** The longest tRPC input read to find a search term; longer inputs are refused by the app anyway. */
const MAX_INPUT_CHARS = 8192;

function hasTerm(value: unknown, depth: number): boolean {
  if (depth > 4 || value === null || typeof value !== "object") return false;
  for (const [key, inner] of Object.entries(value)) {
    if (key === "q" && typeof inner === "string" && inner.trim().length > 0) return true;
    if (hasTerm(inner, depth + 1)) return true;
  }
  return false;
}

/**
 * Whether a request asks for a search: a page or open-data read with a non-empty `q` parameter,
 * or a tRPC call of a search procedure with a non-empty `q` in its input.
 */
export function isSearchRequest(method: string | undefined, rawUrl: string | undefined): boolean {
  if ((method !== "GET" && method !== "HEAD") || !rawUrl) return false;
  let url: URL;
  try {
    url = new URL(rawUrl, "http://localhost");
  } catch {
    return false;
  }
  if ((url.searchParams.get("q") ?? "").trim().length > 0) return true;
  if (!url.pathname.startsWith("/api/trpc/")) return false;
  const procedures = decodeURIComponent(url.pathname.slice("/api/trpc/".length)).split(",");
  if (!procedures.some((p) => SEARCH_PROCEDURES.includes(p))) return false;
  const input = url.searchParams.get("input");
  if (!input || input.length > MAX_INPUT_CHARS) return false;
  try {
    return hasTerm(JSON.parse(input), 0);
  } catch {
    return false;
  }
}

export interface SearchThrottleOptions {
  /** Searches one address may start per window. */
  limit: number;
  windowMs?: number;
  /** The most addresses remembered; past it the oldest windows are forgotten. */
  maxAddresses?: number;
  now?: () => number;
  /** The refusal's words (from the message files): a page title, what happened, a link home. */
  text: { title: string; message: string; home: string };
}

interface Window {
  startedAt: number;
  count: number;
}

export function createSearchThrottle({ limit, windowMs = 60_000, maxAddresses = 100_000, now = Date.now, text }: SearchThrottleOptions) {
  // Insertion order is the order windows started: the first key is the oldest.
  const windows = new Map<string, Window>();

  /** Counts the search; false once the address has used up its window. */
  function allow(address: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const at = now();
    let window = windows.get(address);
    if (!window || at - window.startedAt >= windowMs) {
      windows.delete(address);
      window = { startedAt: at, count: 0 };
      windows.set(address, window);
      for (const oldest of windows.keys()) {
        if (windows.size <= maxAddresses) break;
        windows.delete(oldest);
      }
    }
    window.count++;
    if (window.count <= limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + windowMs - at) / 1000)) };
  }

  /**
   * Answers 429 with Retry-After, and returns true, when the request is a search over its address's
   * limit; otherwise counts it and returns false. `address` is the client as server.ts established it.
   */
  function refuse(req: IncomingMessage, res: ServerResponse, address: string | null): boolean {
    if (!isSearchRequest(req.method, req.url)) return false;
    const verdict = allow(address ?? "unknown");
    if (verdict.allowed) return false;
    const wantsJson = (req.url ?? "").startsWith("/api/");
    const body = wantsJson
      ? JSON.stringify({ error: { message: text.message, fieldErrors: {} } })
      : `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(text.title)}</title><body style="font-family: sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5"><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.message)}</p><p><a href="/">${escapeHtml(text.home)}</a></p></body></html>`;
    res.writeHead(429, {
      "content-type": wantsJson ? "application/json" : "text/html; charset=utf-8",
      "retry-after": String(verdict.retryAfterSeconds),
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }

  return { allow, refuse };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
