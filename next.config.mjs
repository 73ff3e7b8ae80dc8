import createNextIntlPlugin from "next-intl/plugin";
import "./env.js";
import { apiSecurityHeaders, NOSNIFF } from "./server/api-headers.mjs";

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
    return [
      ...["/_next/static/:path*", "/_next/image", "/favicon.ico"].map((source) => ({ source, headers: NOSNIFF })),
      // server.ts gives /api/trpc the same, as it serves it itself (server/trpc-direct.ts).
      { source: "/api/:path*", headers: apiSecurityHeaders(process.env.NODE_ENV === "production") },
    ];
  },
};

export default withNextIntl(config);
