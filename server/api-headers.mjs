// The security headers of every /api response. next.config.mjs gives them to the routes Next.js
// serves; server.ts gives them to /api/trpc, which it serves without Next.js's router
// (server/trpc-direct.ts). Plain JavaScript, as next.config.mjs loads it before any build.

/** Responses that render no HTML still tell browsers not to guess their type. */
export const NOSNIFF = [{ key: "X-Content-Type-Options", value: "nosniff" }];

/**
 * JSON and CSV load nothing: a policy that allows nothing, and no framing.
 * @param {boolean} production HSTS only in production (a development server is plain http).
 * @returns {{ key: string, value: string }[]}
 */
export function apiSecurityHeaders(production) {
  return [
    ...NOSNIFF,
    { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'none'" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
