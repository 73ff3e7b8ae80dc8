// The page cache: whole public pages for people who are not signed in, rendered once per change
// and served to every such visitor until something they show changes (docs/performance.md,
// "Caching public pages").
//
// Freshness does not depend on timing. Before serving from the cache, each request reads the
// database's public generation (one row that every committed write to a public table moves on,
// migration 0017): an entry made under an older generation is never served, on any instance. An
// entry also ends at the next moment a time rule changes what pages show (a stock-take window
// opening or closing: ./deadlines.ts), and is renewed after `maxAgeMs` at most: while one visitor
// renders its replacement, the others are answered from it, as nothing it shows has changed (its
// generation is the database's, and no time rule has passed).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { promisify } from "node:util";
import { inlineScripts, mergeFlightScripts, policyWithHashes, withoutNonces } from "./csp";
import { chosenEncoding } from "./encoding";
import { isCacheableRequest, RSC_HEADERS } from "./routes";

export interface PageCacheState {
  /** The public generation now (a fresh read of the database). */
  generation(): Promise<number>;
  /** The next moment after `now` at which a time rule changes what a public page shows, if any. */
  nextChange(now: Date): Promise<Date | null>;
}

export interface PageCacheOptions {
  state: PageCacheState;
  /** The forum's clock (tests set it). */
  now?: () => number;
  /** Bytes of pages kept, in every encoding, in all; the least recently used go first. */
  maxBytes?: number;
  /** The longest an entry is kept even when nothing changes. */
  maxAgeMs?: number;
  onError?: (error: unknown) => void;
}

interface Entry {
  generation: number;
  /** When it is rendered again (its maximum age, or the next time rule if sooner). */
  expiresAt: number;
  /** When what it shows changes with no write (the next time rule): never served from then on. */
  changesAt: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  gzipped: Buffer;
  brotli: Buffer;
}

/** Response headers that belong to one response, not to the page. */
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "set-cookie", "etag"]);

type Render = () => unknown;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * A page in each encoding a client may ask for, compressed once when it is kept. Brotli at quality
 * 5 takes about as long as gzip at level 6 (~30 ms for an 800 kB norm page on this machine) and
 * is ~30% smaller; higher qualities cost several times longer for a few percent.
 */
async function compressed(page: Buffer): Promise<Pick<Entry, "gzipped" | "brotli">> {
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(page, { level: 6 }),
    brotliAsync(page, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: page.length } }),
  ]);
  return { gzipped, brotli };
}

const entryBytes = (entry: Entry) => entry.body.length + entry.gzipped.length + entry.brotli.length;

/** The largest answer kept (a busy norm page is under 1 MB); a larger one streams through as written. */
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;

export function createPageCache({ state, now = Date.now, maxBytes = 64 * 1024 * 1024, maxAgeMs = 5 * 60_000, onError }: PageCacheOptions) {
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  const entries = new Map<string, Entry>();
  let bytes = 0;
  // Requests for the same page and generation that arrive while it renders wait for that rendering.
  const rendering = new Map<string, Promise<Entry | null>>();

  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entryBytes(entry);
  };

  const keep = (key: string, entry: Entry) => {
    forget(key);
    const size = entryBytes(entry);
    if (size > maxBytes / 4) return;
    entries.set(key, entry);
    bytes += size;
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      forget(oldest);
    }
  };

  async function serve(req: IncomingMessage, res: ServerResponse, render: Render): Promise<unknown> {
    if (!isCacheableRequest(req.method, req.url, req.headers)) return render();
    const isHead = req.method === "HEAD";
    let generation: number;
    try {
      generation = await state.generation();
    } catch (error) {
      // Without the generation nothing can be known fresh: render as if there were no cache.
      onError?.(error);
      return render();
    }
    // The address as the client gave it (in development links follow it; server.ts has already
    // dropped forwarded headers no proxy of ours wrote).
    // A navigation's RSC payload differs from the page, and with the layouts the browser has.
    const key = [req.headers["x-forwarded-proto"], req.headers["x-forwarded-host"], req.headers.host, req.url, ...RSC_HEADERS.map((h) => req.headers[h] ?? "")].join(" ");
    const cached = entries.get(key);
    const flight = `${generation} ${key}`;
    const pending = rendering.get(flight);
    // Equal, not at least: a database restored from a backup may count from an older generation.
    if (cached && cached.generation === generation) {
      const at = now();
      if (cached.expiresAt > at) {
        entries.delete(key);
        entries.set(key, cached);
        return send(req, res, cached, "hit");
      }
      // Past its age but not its time rule, with its replacement being rendered for another
      // visitor: the same page, so nobody waits for that rendering.
      if (pending && cached.changesAt > at) return send(req, res, cached, "renewing");
    }
    // A HEAD is answered from the cache when it can, and otherwise by Next.js as usual.
    if (isHead) return render();
    if (pending) {
      const entry = await pending;
      return entry ? send(req, res, entry, "hit") : render();
    }
    const filled = fill(req, res, render, generation);
    rendering.set(flight, filled);
    try {
      const entry = await filled;
      if (entry) keep(key, entry);
      return entry;
    } finally {
      rendering.delete(flight);
    }
  }

  /**
   * Renders the page through Next.js with its response held back, then keeps it if it is a whole
   * public page (200, HTML, no cookie set) and answers from what was kept; anything else is passed
   * on as Next.js wrote it.
   */
  async function fill(req: IncomingMessage, res: ServerResponse, render: Render, generation: number): Promise<Entry | null> {
    const renderedAt = now();
    // Uncompressed from Next.js: the cache compresses once and answers each client as it accepts.
    const acceptEncoding = req.headers["accept-encoding"];
    delete req.headers["accept-encoding"];
    const held = hold(res, Math.min(maxBytes / 4, MAX_ENTRY_BYTES));
    // Next.js's handler settles only once the response has finished, which here is after it has
    // been held and answered: wait for what it writes, not for the handler.
    const rendered = Promise.resolve().then(render);
    let written: Awaited<typeof held.done>;
    try {
      written = await Promise.race([
        held.done,
        rendered.then(
          () => held.done,
          (error: unknown) => {
            held.restore();
            throw error;
          },
        ),
      ]);
    } finally {
      req.headers["accept-encoding"] = acceptEncoding;
    }
    // Logged even when it fails after its response was held and answered.
    rendered.catch((error: unknown) => onError?.(error));
    if (!written) return null;
    const { status, body } = written;
    const html = String(res.getHeader("content-type") ?? "").startsWith("text/html");
    const cacheable = status === 200 && !res.hasHeader("set-cookie") && !res.hasHeader("content-encoding");
    if (!cacheable) {
      held.release(status, body);
      return null;
    }
    try {
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(res.getHeaders())) if (!PER_RESPONSE.has(name) && value !== undefined) headers[name] = value;
      let page = body;
      if (html) {
        // One script per run of flight chunks: a handful of hashes in the policy, not hundreds.
        const text = mergeFlightScripts(withoutNonces(body.toString("utf8")));
        const policy = res.getHeader("content-security-policy");
        if (typeof policy === "string") headers["content-security-policy"] = policyWithHashes(policy, inlineScripts(text));
        page = Buffer.from(text, "utf8");
      }
      const next = await state.nextChange(new Date(renderedAt));
      const changesAt = next ? next.getTime() : Infinity;
      const expiresAt = Math.min(renderedAt + maxAgeMs, changesAt);
      // Off the event loop: a norm page is ~800 kB, and hits for other pages go on meanwhile.
      const entry: Entry = { generation, expiresAt, changesAt, headers, body: page, ...(await compressed(page)) };
      held.restore();
      send(req, res, entry, "miss");
      return entry;
    } catch (error) {
      onError?.(error);
      held.release(status, body);
      return null;
    }
  }

  return { serve, size: () => ({ entries: entries.size, bytes }), clear: () => [...entries.keys()].forEach(forget) };
}

function send(req: IncomingMessage, res: ServerResponse, entry: Entry, outcome: "hit" | "miss" | "renewing") {
  const encoding = chosenEncoding(req.headers["accept-encoding"]);
  const body = encoding === "br" ? entry.brotli : encoding === "gzip" ? entry.gzipped : entry.body;
  const vary = entry.headers.vary ? String(entry.headers.vary) : "";
  res.writeHead(200, {
    ...entry.headers,
    vary: /accept-encoding/i.test(vary) ? vary : vary ? `${vary}, Accept-Encoding` : "Accept-Encoding",
    ...(encoding ? { "content-encoding": encoding } : {}),
    "content-length": body.length,
    "x-page-cache": outcome,
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return null;
}

/**
 * Holds back what Next.js writes to `res` (status, headers, body) until it has finished, as a
 * compression middleware does, so it can be kept or passed on whole.
 */
function hold(res: ServerResponse, limit: number) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks: Buffer[] = [];
  let held = 0;
  let settle: (value: { status: number; body: Buffer } | null) => void = () => undefined;
  const done = new Promise<{ status: number; body: Buffer } | null>((resolve) => (settle = resolve));
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);

  res.writeHead = function writeHead(this: ServerResponse, code: number, ...rest: unknown[]) {
    this.statusCode = code;
    const headers = rest.find((r) => r && typeof r === "object") as OutgoingHttpHeaders | string[] | undefined;
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i]!, headers[i + 1]!);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
    return this;
  } as ServerResponse["writeHead"];
  res.flushHeaders = () => undefined;
  res.write = function write(this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (chunk != null && (chunk as { length?: number }).length) {
      const buffer = toBuffer(chunk, encoding);
      chunks.push(buffer);
      held += buffer.length;
      // Too large to keep (a big export): send what was held and let the rest stream as written.
      if (held > limit) {
        restore();
        settle(null);
        this.writeHead(this.statusCode);
        const body = Buffer.concat(chunks);
        chunks.length = 0;
        return typeof encoding === "function" ? this.write(body, encoding as () => void) : this.write(body, callback as () => void);
      }
    }
    const cb = typeof encoding === "function" ? encoding : callback;
    if (typeof cb === "function") queueMicrotask(() => (cb as () => void)());
    return true;
  } as ServerResponse["write"];
  res.end = function end(this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (typeof chunk === "function") callback = chunk;
    else if (chunk != null && (chunk as { length?: number }).length) chunks.push(toBuffer(chunk, encoding));
    if (typeof encoding === "function") callback = encoding;
    settle({ status: res.statusCode, body: Buffer.concat(chunks) });
    if (typeof callback === "function") queueMicrotask(() => (callback as () => void)());
    return this;
  } as ServerResponse["end"];
  // The client went away before Next.js finished: nothing to keep.
  res.once("close", () => settle(null));

  function restore() {
    Object.assign(res, original);
  }
  return {
    done,
    restore,
    /** Passes on what Next.js wrote, as it wrote it. */
    release(code: number, body: Buffer) {
      restore();
      res.statusCode = code;
      res.setHeader("content-length", body.length);
      res.end(body);
    },
  };
}
