// `npm run lighthouse [-- --runs N]`: Lighthouse (12.x; 13 needs Node 22) on the built app with the
// demo data, desktop preset, the median of N runs (default 3) of each page, against issue 15's
// targets: performance ≥ 95, accessibility 100, best practices ≥ 95. Starts the app as `npm start`
// does on a fresh embedded database in a temporary folder; uses Debian's Chromium where
// Playwright's is missing. Not part of `npm test`: it measures, it does not judge the build.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "3" } }, strict: true });
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 9) {
  console.error("lighthouse: --runs must be a whole number from 1 to 9.");
  process.exit(1);
}
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(distDir, "BUILD_ID"))) {
  console.error(`lighthouse: no production build in ${distDir}; run \`npm run build\` first.`);
  process.exit(1);
}

const targets = { performance: 95, accessibility: 100, "best-practices": 95 } as const;
type Category = keyof typeof targets;
const lastYear = new Date().getUTCFullYear() - 1;
const pages = process.env.LH_PAGES ? process.env.LH_PAGES.split(",") : ["/", "/norms", "/norms/protecting-the-public-core-of-the-internet", `/stocktakes/${lastYear}`, "/reference"];

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const dataDir = mkdtempSync(path.join(tmpdir(), "nf-lighthouse-"));
const port = await freePort();
const base = `http://localhost:${port}`;
const app: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: base,
    AUTH_SECRET: "lighthouse-only-secret-not-for-production-0123456789",
    SEED_DEMO: "true",
    DATABASE_URL: "",
    DATA_DIR: dataDir,
    PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const stop = () => {
  app.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 120) throw new Error("the app did not start within 60 s");
    await new Promise((r) => setTimeout(r, 500));
  }
  // First requests compile nothing in production, but warm the database and caches alike for every page.
  for (const page of pages) await fetch(`${base}${page}`);

  const chromePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  const rows: { page: string; scores: Record<Category, number> }[] = [];
  try {
    for (const page of pages) {
      const samples: Record<Category, number[]> = { performance: [], accessibility: [], "best-practices": [] };
      for (let r = 0; r < runs; r++) {
        const result = await lighthouse(
          `${base}${page}`,
          { port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(targets) },
          desktopConfig,
        );
        if (!result) throw new Error(`no result for ${page}`);
        for (const category of Object.keys(targets) as Category[]) samples[category].push(Math.round((result.lhr.categories[category]?.score ?? 0) * 100));
        // What the performance score is made of, so a low one says where to look.
        const metric = (id: string) => result.lhr.audits[id]?.displayValue ?? "—";
        const shifts = (result.lhr.audits["layout-shifts"]?.details as { items?: { node?: { selector?: string; snippet?: string }; score?: number }[] } | undefined)?.items ?? [];
        for (const item of shifts.slice(0, 3)) console.error(`  shift ${item.score?.toFixed(3)} ${item.node?.selector} ${item.node?.snippet?.slice(0, 160)}`);
        console.error(`${page} run ${r + 1}: FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}, SI ${metric("speed-index")}, server ${metric("server-response-time")}`);
      }
      rows.push({ page, scores: { performance: median(samples.performance), accessibility: median(samples.accessibility), "best-practices": median(samples["best-practices"]) } });
      console.error(`${page}: done`);
    }
  } finally {
    await chrome.kill();
  }

  console.log(`\n| page | performance (≥ 95) | accessibility (100) | best practices (≥ 95) |\n|---|---|---|---|`);
  let met = 0;
  for (const { page, scores } of rows) {
    const cell = (c: Category) => `${scores[c]} ${scores[c] >= targets[c] ? "✓" : "✗"}`;
    met += (Object.keys(targets) as Category[]).filter((c) => scores[c] >= targets[c]).length;
    console.log(`| ${page} | ${cell("performance")} | ${cell("accessibility")} | ${cell("best-practices")} |`);
  }
  console.log(`\nlighthouse: ${met} of ${rows.length * 3} scores meet their targets (desktop preset, median of ${runs} runs).`);
} finally {
  stop();
}
