import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  // tsconfig keeps JSX for Next.js to compile; tests that render a component need it compiled here.
  oxc: { jsx: { runtime: "automatic" } },
  resolve: {
    alias: [
      { find: /^~\//, replacement: `${root}/` },
      // `server-only` throws outside React server components; tests call server code directly.
      { find: /^server-only$/, replacement: `${root}/tests/support/empty.ts` },
    ],
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    // tests/system needs the built app: `npm run test:system` (vitest.system.config.ts).
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**", "tests/system/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    // next-auth imports "next/server" without an extension, which Node's own resolver refuses;
    // bundled through Vite (as Next.js bundles it), tests can call the real auth routes.
    server: { deps: { inline: ["next-auth"] } },
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
  },
});
