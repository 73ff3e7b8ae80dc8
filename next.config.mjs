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
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "rate-limiter-flexible"],
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` runs tsc separately in `npm test`
  eslint: { ignoreDuringBuilds: true }, // `npm run lint` runs separately in `npm test`
  // forbidden() and unauthorized() render app/forbidden.tsx (403) and app/unauthorized.tsx (401).
  experimental: { authInterrupts: true },
};

export default withNextIntl(config);
