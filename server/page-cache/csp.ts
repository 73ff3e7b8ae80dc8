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
