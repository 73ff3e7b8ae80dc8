// A cached page is served to many people, so it cannot carry the per-request nonce the middleware
// gives each rendering. Its inline scripts are allowed by their SHA-256 hashes instead (CSP Level 2),
// and its external scripts by 'self'. Personal pages keep the nonce (middleware.ts).
import { createHash } from "node:crypto";

const NONCE_ATTRIBUTE = / nonce="[^"]*"/g;

/** The page without its nonce attributes: the nonce was for one response only. */
export const withoutNonces = (html: string) => html.replace(NONCE_ATTRIBUTE, "");

/** The contents of every inline <script> (one without src), in order. Linear in the page's length. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  let at = 0;
  for (;;) {
    const open = html.indexOf("<script", at);
    if (open === -1) return scripts;
    const tagEnd = html.indexOf(">", open);
    if (tagEnd === -1) return scripts;
    const close = html.indexOf("</script>", tagEnd);
    if (close === -1) return scripts;
    const tag = html.slice(open, tagEnd);
    if (!/\ssrc=/.test(tag)) scripts.push(html.slice(tagEnd + 1, close));
    at = close + "</script>".length;
  }
}

/** The whitespace the HTML parser skips between two tags without anything to show. */
const isWhitespace = (text: string) => /^[ \t\n\f\r]*$/.test(text);

const FLIGHT_PREFIXES = ["self.__next_f.push(", "(self.__next_f=self.__next_f||[]).push("];

/**
 * Whether a script is one of Next.js's flight pushes and nothing else: `self.__next_f.push(A)` (or the
 * first, which creates the array) where A is a JSON array, Next.js's own serialisation. Such a
 * statement declares nothing, has no directive, and ends where its closing parenthesis is.
 */
function isFlightPush(code: string): boolean {
  const prefix = FLIGHT_PREFIXES.find((p) => code.startsWith(p));
  if (!prefix || !code.endsWith(")")) return false;
  const argument = code.slice(prefix.length, -1);
  if (!argument.startsWith("[")) return false;
  try {
    return Array.isArray(JSON.parse(argument));
  } catch {
    return false;
  }
}

/**
 * The page with each run of adjacent flight scripts (Next.js writes one `<script>` per chunk of the
 * page's RSC payload, about 250 on a busy norm page) made one script that pushes the same chunks in
 * the same order, so the cached page's policy lists a handful of hashes instead of hundreds (the
 * header goes with every answer, uncompressed). Merged only: scripts with the same attributes,
 * neither `src` nor `type`, each nothing but a flight push, with nothing but whitespace between
 * them (which follows the merged script, so the document's text is unchanged). The pushes are
 * joined with `;`: each is a single expression statement, so the merged script runs them one after
 * another as the separate scripts did. Anything else is left as it was. Linear in the page's length.
 */
export function mergeFlightScripts(html: string): string {
  const out: string[] = [];
  // The run being gathered: its opening tag, its pushes, and the whitespace that was between them.
  let run: { tag: string; pushes: string[]; gaps: string[] } | null = null;
  let copied = 0;
  let at = 0;
  const flush = () => {
    if (!run) return;
    out.push(`${run.tag}${run.pushes.join(";")}</script>${run.gaps.join("")}`);
    run = null;
  };
  for (;;) {
    const open = html.indexOf("<script", at);
    if (open === -1) break;
    const tagEnd = html.indexOf(">", open);
    if (tagEnd === -1) break;
    const close = html.indexOf("</script>", tagEnd);
    if (close === -1) break;
    const end = close + "</script>".length;
    const tag = html.slice(open, tagEnd + 1);
    const code = html.slice(tagEnd + 1, close);
    const mergeable = /^<script(\s[^>]*)?>$/.test(tag) && !/\s(src|type)\s*=/i.test(tag) && isFlightPush(code);
    const between = html.slice(copied, open);
    if (run && mergeable && tag === run.tag && isWhitespace(between)) {
      run.gaps.push(between);
      run.pushes.push(code);
    } else {
      flush();
      out.push(between);
      if (mergeable) run = { tag, pushes: [code], gaps: [] };
      else out.push(html.slice(open, end));
    }
    copied = end;
    at = end;
  }
  flush();
  out.push(html.slice(copied));
  return out.join("");
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The policy the middleware sent, with its nonce and 'strict-dynamic' replaced by the hashes of
 * these scripts ('self' then allows the framework's own files and the chunks they load).
 */
export function policyWithHashes(policy: string, scripts: string[]) {
  const hashes = [...new Set(scripts.map(sha256))];
  return policy
    .split(";")
    .map((directive) => {
      const parts = directive.trim().split(/\s+/);
      if (parts[0] !== "script-src") return directive.trim();
      return [...parts.filter((p) => !p.startsWith("'nonce-") && p !== "'strict-dynamic'"), ...hashes].join(" ");
    })
    .join("; ");
}
