import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:system`: tests that need the built app (`next build` has run; they never build).
// They start it through server.ts, as `npm start` does, against PostgreSQL.
export default defineConfig({
  resolve: base.resolve,
  // As for the unit tests: code these tests import may hold JSX (notification mail's template).
  oxc: base.oxc,
  test: {
    environment: "node",
    include: ["tests/system/**/*.test.ts"],
    // Each file starts app processes and databases of its own: one file at a time on two cores.
    fileParallelism: false,
    pool: "forks",
    testTimeout: 180_000,
    hookTimeout: 240_000,
    env: { LOG_LEVEL: "silent" },
  },
});
