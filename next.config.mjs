import createNextIntlPlugin from "next-intl/plugin";
import "./env.js";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

/** @type {import("next").NextConfig} */
const config = {
  reactStrictMode: true,
  // A separate build folder lets a build run beside a dev server (both default to .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // PGlite ships WASM and worker files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "rate-limiter-flexible", "pg-boss", "pg"],
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` runs tsc separately in `npm test`
  eslint: { ignoreDuringBuilds: true }, // `npm run lint` runs separately in `npm test`
  // forbidden() and unauthorized() render app/forbidden.tsx (403) and app/unauthorized.tsx (401).
  // optimizePackageImports: the radix-ui package re-exports every primitive; without this, one
  // `Slot` import put all of them (65 kB gzipped) into every page's first load (docs/performance.md).
  experimental: { authInterrupts: true, optimizePackageImports: ["radix-ui"] },
  // The middleware (which sets the security headers of pages, with a per-request nonce) does not
  // run for static files nor for the API, which renders no HTML: these get fixed headers here,
  // without the middleware's cost on every request (docs/performance.md).
  async headers() {
    const nosniff = [{ key: "X-Content-Type-Options", value: "nosniff" }];
    const api = [
      ...nosniff,
      // JSON and CSV load nothing: a policy that allows nothing, and no framing.
      { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'none'" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
    ];
    return [
      ...["/_next/static/:path*", "/_next/image", "/favicon.ico"].map((source) => ({ source, headers: nosniff })),
      { source: "/api/:path*", headers: api },
    ];
  },
};

export default withNextIntl(config);
