// `npm run bench:http [-- options]`: the HTTP benchmark of issue 15. Starts the built app (as
// `npm start` does) on DATABASE_URL, a database filled by `npm run seed:large`, next to two
// baselines over the same pool size and the same SQL, and measures them with autocannon,
// interleaved (app, baselines, app, baselines, …) so that noise on the machine hits all alike:
//   - the database's limit: a bare Node `http` server over postgres.js (scripts/bench-http/bare-server.ts)
//     serving the SQL the app sends, captured from its domain functions with drizzle's logger;
//   - the framework's limit: a minimal Next.js route handler in the same app process
//     (app/api/bench/baseline, on only with BENCH_BASELINE=1) running the same SQL;
//   - for HTML pages, a page of the same layout and no data of its own (/house-rules).
// With DATABASE_URL the app serves anonymous public pages and open-data reads from its page cache
// (server/page-cache): each read is measured as served, and again not cached (every request to a
// new address, or passed by the cache), so the cost of rendering stays visible.
// Prints a table of every measure with its target, writes bench/results.json and ends with one
// summary line. Exit code 0 whether targets are met or not; 1 when something failed to run.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type autocannon from "autocannon";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "~/db/connect";
import * as schema from "~/db/schema";
import { listNorms } from "~/server/domain/norm-queries";
import { listNormsInput } from "~/server/schemas/norms";
import { waitForReportPdfs } from "./bench-http/background";
import { load } from "./bench-http/load";
import { mostPerSecond, perRequest, type ProcessorTime, processorTime } from "./bench-http/cpu";
import { figuresThatDiffer, measureRecording, measureSignedInQuery, prepareRepresentatives, signInRepresentatives } from "./bench-http/recording";

const usage = `Usage: npm run bench:http -- [--seed-scale N [--reset]] [--build] [--duration S] [--connections 1,10,50] [--only KEYS] [--out FILE]

  Needs DATABASE_URL: a PostgreSQL database filled by \`npm run seed:large\`, and a production
  build (.next, or NEXT_DIST_DIR) unless --build is given.

  --seed-scale N   fill the database first: runs scripts/seed-large.ts --scale N
  --reset          with --seed-scale: empty the app's tables first (all of their data is lost)
  --build          run \`next build\` first
  --duration S     seconds per measurement (default 10)
  --connections L  comma-separated connection counts (default 1,10,50)
  --only KEYS      comma-separated: measure only these. \`recording\` is the write with its
                   framework baselines (minimal Next route, bare http); \`stocktake\` the
                   stock-take measures; any endpoint key (api-list, html-norm, …) that endpoint
  --out FILE       where to write the results (default bench/results.json)`;

function fail(message: string): never {
  console.error(`bench:http: ${message}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      "seed-scale": { type: "string" },
      reset: { type: "boolean", default: false },
      build: { type: "boolean", default: false },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "1,10,50" },
      only: { type: "string" },
      out: { type: "string", default: path.join("bench", "results.json") },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail(`needs DATABASE_URL: a PostgreSQL database filled by \`npm run seed:large\` (e.g. postgres://postgres@127.0.0.1:5432/nf_large).\n\n${usage}`);
if (!/^postgres(ql)?:\/\//.test(databaseUrl)) fail("DATABASE_URL must be a postgres:// address; the benchmark does not run on PGlite.");
const duration = Number(args.duration);
if (!Number.isFinite(duration) || duration <= 0 || duration > 600) fail("--duration must be a number of seconds above 0 and at most 600.");
const connectionCounts = args.connections.split(",").map((c) => Number(c.trim()));
if (connectionCounts.some((c) => !Number.isInteger(c) || c < 1 || c > 1000)) fail("--connections must be whole numbers from 1 to 1000, comma-separated, e.g. 1,10,50.");
if (args.reset && args["seed-scale"] === undefined) fail("--reset only goes with --seed-scale.");
// What --only keeps: endpoint keys, "recording" (the write and the two baselines it is read
// against) and "stocktake"; everything when it is not given.
const only = args.only === undefined ? undefined : new Set(args.only.split(",").map((k) => k.trim()).filter(Boolean));
const measuresRecording = !only || only.has("recording");
const measuresStocktake = !only || only.has("stocktake");
const keepsEndpoint = (key: string) => !only || only.has(key) || (only.has("recording") && (key === "next-list" || key === "bare-list"));
const seedScale = args["seed-scale"] === undefined ? undefined : Number(args["seed-scale"]);
if (seedScale !== undefined && (!Number.isFinite(seedScale) || seedScale <= 0)) fail("--seed-scale must be a number above 0, e.g. 0.01 or 1.");

const poolMax = process.env.DATABASE_POOL_MAX ?? "10"; // env.js's default
const statementTimeoutMs = process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? "15000";
const distDir = process.env.NEXT_DIST_DIR ?? ".next";

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env) {
  console.error(`$ ${command} ${commandArgs.join(" ")}`);
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env });
  if (result.status !== 0) fail(`\`${command} ${commandArgs.join(" ")}\` failed (exit code ${result.status ?? result.signal}).`);
}

// 1. The data and the build.
if (seedScale !== undefined) {
  run("npx", ["tsx", "scripts/seed-large.ts", "--scale", String(seedScale), ...(args.reset ? ["--reset"] : [])], { ...process.env, DATABASE_URL: databaseUrl });
}
if (args.build) run("npx", ["next", "build"]);
if (!existsSync(path.join(distDir, "BUILD_ID"))) fail(`no production build in ${distDir}: run \`npm run build\` first, or pass --build.`);

// 2. The SQL the app sends, captured from its own domain functions (as scripts/explain-queries.ts does).
interface Statement {
  sql: string;
  params: unknown[];
}
const captured: Statement[] = [];
const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
const db = drizzle(client, { schema, casing: "snake_case", logger: { logQuery: (sql, params) => void captured.push({ sql, params }) } }) as unknown as Db;
async function capture(input: Record<string, unknown>): Promise<Statement[]> {
  captured.length = 0;
  const result = await listNorms(db, listNormsInput.parse(input));
  if (result.items.length === 0) fail(`the database has no norms for ${JSON.stringify(input)}: fill it with \`npm run seed:large\` (or --seed-scale).`);
  return [...captured];
}
let queries: Record<string, Statement[]>;
let normCount: number;
let busiestSlug: string;
try {
  queries = {
    list: await capture({ status: "consultation" }),
    search: await capture({ q: "infrastructure", sort: "newest" }),
  };
  const [count] = await client<{ n: number }[]>`select count(*)::int as n from norms`;
  normCount = count!.n;
  const [busiest] = await client<{ slug: string }[]>`select slug from norms where submitted_at is not null order by position_count desc limit 1`;
  if (!busiest) fail("the database has no submitted norm.");
  busiestSlug = busiest.slug;
} catch (error) {
  fail(`could not read the database: ${(error as Error).message}`);
} finally {
  await client.end({ timeout: 2 });
}
const scale = seedScale ?? Number((normCount / 100_000).toPrecision(2));
// Ten representatives of verified organisations for the write measure (they stay in the database).
let prepared: Awaited<ReturnType<typeof prepareRepresentatives>>;
try {
  prepared = await prepareRepresentatives(databaseUrl, 10);
} catch (error) {
  fail(`could not prepare the write measure: ${(error as Error).message}`);
}
let figuresWrong: string[] | undefined;

// 3. The servers, on free ports.
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
}
const servers: Server[] = [];

async function startServer(name: string, scriptArgs: string[], env: NodeJS.ProcessEnv, port: number, readyPath: string): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", ...scriptArgs], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const server = { name, url, child, output: () => output };
  servers.push(server);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited before it was ready:\n${output}`);
    try {
      const response = await fetch(url + readyPath, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${name} was not ready within 90 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopServers() {
  await Promise.all(
    servers.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 8000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}
process.on("SIGINT", () => void stopServers().then(() => process.exit(130)));

// 4. What is measured: each endpoint, then each measure as an endpoint against its baseline.
interface Endpoint {
  key: string;
  label: string;
  url: () => string;
  /**
   * Not from the page cache: "address", every request to a new address (an unused query parameter,
   * so each is rendered and kept anew); "bypass", with a cookie named like a session's (the cache
   * passes such requests on; the open-data API reads no session).
   */
  fresh?: "address" | "bypass";
}
interface Run {
  endpoint: string;
  url: string;
  connections: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Measured again for longer, as nothing answered within the duration. */
  extended?: boolean;
  /** How long the app took to finish the previous endpoint's requests before this one began. */
  settledMs?: number;
  /** Processor time per request, in milliseconds (the write and its floor; Linux only). */
  cpuMsPerRequest?: ReturnType<typeof perRequest>;
}
const LAYOUT_PAGE = "/house-rules";
const at = (server: () => Server, pathName: string) => () => server().url + pathName;
let app: Server;
let bare: Server;
const allEndpoints: Endpoint[] = [
  { key: "api-list", label: "GET /api/v1/norms?status=consultation", url: at(() => app, "/api/v1/norms?status=consultation") },
  { key: "bare-list", label: "bare http: the same SQL", url: at(() => bare, "/list") },
  { key: "next-list", label: "minimal Next route: the same SQL", url: at(() => app, "/api/bench/baseline") },
  { key: "api-list-fresh", label: "GET /api/v1/norms?status=consultation (not cached)", url: at(() => app, "/api/v1/norms?status=consultation"), fresh: "bypass" },
  { key: "api-search", label: "GET /api/v1/norms?q=infrastructure (relevance)", url: at(() => app, "/api/v1/norms?q=infrastructure") },
  { key: "bare-search", label: "bare http: date-ordered search", url: at(() => bare, "/search") },
  { key: "api-search-fresh", label: "GET /api/v1/norms?q=infrastructure (relevance, not cached)", url: at(() => app, "/api/v1/norms?q=infrastructure"), fresh: "bypass" },
  { key: "html-list", label: "GET /norms (HTML)", url: at(() => app, "/norms") },
  { key: "html-norm", label: "GET /norms/<busiest> (HTML)", url: () => `${app.url}/norms/${busiestSlug}` },
  { key: "html-layout", label: `GET ${LAYOUT_PAGE} (layout only)`, url: at(() => app, LAYOUT_PAGE) },
  // Not in the page cache: each request a new address, so each is rendered (and kept) anew.
  { key: "html-list-fresh", label: "GET /norms (HTML, not cached)", url: at(() => app, "/norms"), fresh: "address" },
  { key: "html-norm-fresh", label: "GET /norms/<busiest> (HTML, not cached)", url: () => `${app.url}/norms/${busiestSlug}`, fresh: "address" },
  { key: "html-layout-fresh", label: `GET ${LAYOUT_PAGE} (layout only, not cached)`, url: at(() => app, LAYOUT_PAGE), fresh: "address" },
];
const endpoints = allEndpoints.filter((e) => keepsEndpoint(e.key));
if (only) {
  const known = new Set([...allEndpoints.map((e) => e.key), "recording", "stocktake"]);
  const unknown = [...only].filter((k) => !known.has(k));
  if (unknown.length) fail(`--only: unknown ${unknown.join(", ")}; known: ${[...known].join(", ")}.`);
}
interface MeasureSpec {
  measure: string;
  endpoint: string;
  baseline: string;
  minRatio?: number;
  maxP99At10?: number;
}
const measureSpecs: MeasureSpec[] = [
  { measure: "list by status (API), page cache vs minimal Next route", endpoint: "api-list", baseline: "next-list", minRatio: 1.5 },
  { measure: "list by status (API), not cached vs minimal Next route", endpoint: "api-list-fresh", baseline: "next-list", minRatio: 0.8 },
  { measure: "minimal Next route vs bare http (info)", endpoint: "next-list", baseline: "bare-list" },
  { measure: "relevance search (API), not cached vs bare date-ordered search", endpoint: "api-search-fresh", baseline: "bare-search", minRatio: 0.45 },
  { measure: "relevance search (API), page cache vs bare date-ordered search (info)", endpoint: "api-search", baseline: "bare-search" },
  { measure: "/norms HTML vs layout-only page", endpoint: "html-list", baseline: "html-layout", minRatio: 0.5, maxP99At10: 150 },
  { measure: "norm page HTML vs layout-only page", endpoint: "html-norm", baseline: "html-layout", minRatio: 0.5, maxP99At10: 150 },
  { measure: "/norms HTML, not cached (info)", endpoint: "html-list-fresh", baseline: "html-layout-fresh" },
  { measure: "norm page HTML, not cached (info)", endpoint: "html-norm-fresh", baseline: "html-layout-fresh" },
];

/** The n-th visitor's address, one of 16 million in 10.0.0.0/8. */
const visitorAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** How long to wait for the app's start-up work (scripts/bench-http/background.ts). */
const BACKFILL_TIMEOUT_MS = 30 * 60_000;
/** Seconds after which autocannon gives a request up. */
const TIMEOUT_S = 30;
async function measure(endpoint: Endpoint, connections: number, seconds: number): Promise<Run> {
  const url = endpoint.url();
  let n = 0;
  // Each request comes from its own visitor: a client address of its own (the app believes one
  // proxy hop here, as behind a balancer), so per-address limits such as the search limit
  // (server/search-throttle.ts) count each visitor, not the benchmark as one.
  const requests: autocannon.Request[] = [
    {
      setupRequest: (request) => {
        const i = ++n;
        const path = endpoint.fresh === "address" ? `${request.path ?? "/"}${request.path?.includes("?") ? "&" : "?"}bench=${i}` : request.path;
        return { ...request, path, headers: { ...request.headers, "x-forwarded-for": visitorAddress(i) } };
      },
    },
  ];
  // As browsers ask (Chromium's header): a page's HTML travels compressed, Brotli from the page
  // cache (a norm page is ~57 kB so, ~80 kB gzipped, ~740 kB not) and gzip from Next.js.
  const headers: Record<string, string> = { "accept-encoding": "gzip, deflate, br, zstd" };
  if (endpoint.fresh === "bypass") headers.cookie = "authjs.session-token=bench-bypasses-the-page-cache";
  const result = await load({ url, connections, duration: seconds, timeout: TIMEOUT_S, headers, requests });
  return runFrom(result, endpoint.key, url, connections);
}

/** What one autocannon measurement gives, as a row of the results. */
function runFrom(result: autocannon.Result, endpoint: string, url: string, connections: number): Run {
  return {
    endpoint,
    url,
    connections,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

// An HTML page slower than the measurement leaves requests in flight when autocannon stops: the
// app goes on rendering them, which would slow the next endpoint measured. Before each
// measurement, wait until the app's health check is about as fast as when it was idle.
let idleHealthMs = 0;
async function healthMs() {
  const started = performance.now();
  const response = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(30_000) });
  await response.arrayBuffer();
  return performance.now() - started;
}
async function settle() {
  const started = Date.now();
  let quiet = 0;
  while (quiet < 2 && Date.now() - started < 60_000) {
    quiet = (await healthMs()) <= Math.max(3 * idleHealthMs, 25) ? quiet + 1 : 0;
    if (quiet < 2) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

// autocannon counts a timeout as an error too. A response other than 2xx, or a connection that
// failed, means something did not run; a request slower than the timeout is a (bad) measurement.
const attempts = (r: Run) => Math.max(1, r.requests + r.errors);
const failureRate = (r: Run) => (r.non2xx + r.errors - r.timeouts) / attempts(r);
const startedAt = new Date();
const loadBefore = loadavg();
const runs: Run[] = [];
const problems: string[] = [];
const warnings: string[] = [];
/** The app's start-up work waited out before measuring: how long, and what was left undone. */
let startup: { waitedMs: number; reportPdfsMissing: number } | null = null;
try {
  const appPort = await freePort();
  const barePort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  [app, bare] = await Promise.all([
    startServer(
      "the app",
      ["server.ts"],
      {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(appPort),
        HOSTNAME: "127.0.0.1",
        APP_URL: appUrl,
        AUTH_SECRET: "bench-http-only-secret-not-for-production-0123456789",
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_MAX: poolMax,
        DATABASE_STATEMENT_TIMEOUT_MS: statementTimeoutMs,
        LOG_LEVEL: "warn",
        BENCH_BASELINE: "1",
        // The benchmark stands in front as a balancer would: each request names its visitor.
        TRUSTED_PROXIES: "1",
      },
      appPort,
      "/api/health",
    ),
    startServer(
      "the bare http server",
      ["scripts/bench-http/bare-server.ts"],
      {
        ...process.env,
        BENCH_PORT: String(barePort),
        BENCH_QUERIES: JSON.stringify(queries),
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_MAX: poolMax,
        DATABASE_STATEMENT_TIMEOUT_MS: statementTimeoutMs,
      },
      barePort,
      "/list",
    ),
  ]);

  // The app's own work at start (other languages' report PDFs, after seeding) first: measured
  // meanwhile, every figure would share the processor with it.
  startup = await waitForReportPdfs(databaseUrl, { timeoutMs: BACKFILL_TIMEOUT_MS, say: (line) => console.error(line) });
  if (startup.reportPdfsMissing > 0) warnings.push(`the app had not rendered ${startup.reportPdfsMissing} report PDFs after ${BACKFILL_TIMEOUT_MS / 60_000} minutes; measures shared the processor with that work.`);
  else if (startup.waitedMs > 2000) console.error(`  done in ${Math.round(startup.waitedMs / 1000)} s`);

  // Every endpoint must answer 200 before anything is measured; a short warm-up follows, so the
  // first measurement does not pay for compiling and connecting.
  for (const endpoint of endpoints) {
    const response = await fetch(endpoint.url(), { signal: AbortSignal.timeout(30_000) });
    if (response.status !== 200) throw new Error(`${endpoint.label} (${endpoint.url()}) answered ${response.status}, not 200.`);
    await response.arrayBuffer();
  }
  const idle = [];
  for (let i = 0; i < 5; i++) idle.push(await healthMs());
  idleHealthMs = idle.sort((a, b) => a - b)[2]!;
  console.error(`Warming up (${endpoints.length} endpoints)…`);
  for (const endpoint of endpoints) await measure(endpoint, Math.min(10, Math.max(...connectionCounts)), Math.min(2, duration));

  for (const connections of connectionCounts) {
    for (const endpoint of endpoints) {
      console.error(`${endpoint.label}, ${connections} connection${connections === 1 ? "" : "s"}, ${duration} s…`);
      const settledMs = await settle();
      let r = await measure(endpoint, connections, duration);
      if (r.requests === 0) {
        // Slower than the duration (a short smoke run on a busy machine): measure once more, longer.
        // Pages render on one thread, so n uncached renders at once all end after about n renders'
        // time: give at least a second per connection.
        const longer = Math.max(3, duration * 3, connections);
        console.error(`  no response in ${duration} s; measuring again for ${longer} s`);
        await settle();
        r = { ...(await measure(endpoint, connections, longer)), extended: true };
      }
      runs.push({ ...r, settledMs });
      const where = `${endpoint.label} at ${connections} connections`;
      if (failureRate(r) > 0.01) {
        problems.push(`${where}: ${(failureRate(r) * 100).toFixed(1)}% failed (${r.non2xx} non-2xx responses, ${r.errors - r.timeouts} connection errors).`);
      } else if (r.requests === 0 && r.timeouts === 0) problems.push(`${where}: no response.`);
      if (r.timeouts > 0) {
        warnings.push(`${where}: ${r.timeouts} of ${attempts(r)} requests took longer than ${TIMEOUT_S} s and were given up (not in req/s or latency).`);
      }
    }
  }

  // The write: representatives recording positions (tRPC mutation, signed in), then the figures.
  const recording = measuresRecording ? await signInRepresentatives(app.url, prepared) : undefined;
  for (const connections of recording ? connectionCounts.filter((c) => c <= 10) : []) {
    console.error(`recording a position (tRPC mutation), ${connections} connection${connections === 1 ? "" : "s"}, ${duration} s…`);
    await settle();
    let before = processorTime(app.child.pid);
    const query = runFrom(await measureSignedInQuery(app.url, recording!, connections, duration), "signed-in-query", `${app.url}/api/trpc/account.me`, connections);
    query.cpuMsPerRequest = perRequest(before, processorTime(app.child.pid), query.requests);
    runs.push(query);
    if (failureRate(query) > 0.01) problems.push(`the signed-in query at ${connections} connections: ${(failureRate(query) * 100).toFixed(1)}% failed (${query.non2xx} non-2xx responses).`);
    await settle();
    before = processorTime(app.child.pid);
    const result = await measureRecording(app.url, recording!, connections, duration);
    const r = runFrom(result, "record-position", `${app.url}/api/trpc/positions.record`, connections);
    r.cpuMsPerRequest = perRequest(before, processorTime(app.child.pid), r.requests);
    runs.push(r);
    if (failureRate(r) > 0.01) problems.push(`recording a position at ${connections} connections: ${(failureRate(r) * 100).toFixed(1)}% failed (${r.non2xx} non-2xx responses).`);
  }
  if (recording) figuresWrong = await figuresThatDiffer(databaseUrl, recording.normIds);
  if (figuresWrong?.length) problems.push(`after the writes, stored figures differ from the positions on ${figuresWrong.length} norm(s): ${figuresWrong[0]}`);
} catch (error) {
  problems.push((error as Error).message);
} finally {
  await stopServers();
}
const loadAfter = loadavg();

// The write measure, beside the reads: no baseline, a latency target, and exact figures afterwards;
// and its floor, a signed-in tRPC query, beside the minimal Next route (info).
const floorMeasures = runs
  .filter((r) => r.endpoint === "signed-in-query")
  .map((r) => {
    const b = runs.find((x) => x.endpoint === "next-list" && x.connections === r.connections);
    return {
      measure: "signed-in tRPC query (account.me) vs minimal Next route (info)",
      endpoint: r.endpoint,
      baseline: "next-list",
      connections: r.connections,
      reqPerSec: r.reqPerSec,
      p50: r.p50,
      p99: r.p99,
      baselineReqPerSec: b ? b.reqPerSec : Number.NaN,
      ratio: b && b.reqPerSec > 0 ? r.reqPerSec / b.reqPerSec : Number.NaN,
      target: null,
      met: null,
    };
  });
const writeMeasures = runs
  .filter((r) => r.endpoint === "record-position")
  .map((r) => ({
    measure: "recording a position (tRPC mutation), figures exact after",
    endpoint: r.endpoint,
    baseline: "—",
    connections: r.connections,
    reqPerSec: r.reqPerSec,
    p50: r.p50,
    p99: r.p99,
    baselineReqPerSec: Number.NaN,
    ratio: Number.NaN,
    target: r.connections === 10 ? "p99 ≤ 30 ms" : null,
    met: r.connections === 10 ? r.p99 <= 30 && figuresWrong?.length === 0 : null,
  }));

/**
 * What a request cost the machine's processors, and what that allows (mostPerSecond): at n
 * connections each request takes at least n ÷ that rate on average (Little's law), whatever the
 * code does with its time.
 */
function processorLine(r: Run, cpu: Record<keyof ProcessorTime, number>) {
  const total = cpu.server + cpu.postgres + cpu.loadGenerator;
  const most = mostPerSecond(total);
  const what = r.endpoint === "record-position" ? "recording a position" : "account.me";
  return `Processor time per request, ${what} at ${r.connections} connection${r.connections === 1 ? "" : "s"}: server ${cpu.server.toFixed(2)} ms, PostgreSQL ${cpu.postgres.toFixed(2)} ms, load generator ${cpu.loadGenerator.toFixed(2)} ms; together ${total.toFixed(2)} ms, so at most ${Math.round(most)} a second on ${cpus().length} CPUs and a mean of at least ${((r.connections * 1000) / most).toFixed(1)} ms each at ${r.connections} connection${r.connections === 1 ? "" : "s"}.`;
}

// 5. The table, the file and the summary line.
const runOf = (endpoint: string, connections: number) => runs.find((r) => r.endpoint === endpoint && r.connections === connections);
const readMeasures = measureSpecs.flatMap((spec) =>
  connectionCounts.flatMap((connections) => {
    const r = runOf(spec.endpoint, connections);
    const b = runOf(spec.baseline, connections);
    if (!r || !b) return [];
    const ratio = b.reqPerSec > 0 ? r.reqPerSec / b.reqPerSec : 0;
    const p99Limit = connections === 10 ? spec.maxP99At10 : undefined;
    const target =
      spec.minRatio === undefined ? null : `≥ ${spec.minRatio}×${p99Limit !== undefined ? `, p99 ≤ ${p99Limit} ms` : ""}`;
    const met = spec.minRatio === undefined ? null : ratio >= spec.minRatio && (p99Limit === undefined || r.p99 <= p99Limit);
    return [
      {
        measure: spec.measure,
        endpoint: spec.endpoint,
        baseline: spec.baseline,
        connections,
        reqPerSec: r.reqPerSec,
        p50: r.p50,
        p99: r.p99,
        baselineReqPerSec: b.reqPerSec,
        ratio,
        target,
        met,
      },
    ];
  }),
);
const measures = [...readMeasures, ...floorMeasures, ...writeMeasures];

const rows = [
  ["measure", "conn", "req/s", "p50 ms", "p99 ms", "baseline req/s", "ratio", "target", "met?"],
  ...measures.map((m) => [
    m.measure,
    String(m.connections),
    m.reqPerSec.toFixed(1),
    String(m.p50),
    String(m.p99),
    Number.isNaN(m.baselineReqPerSec) ? "—" : m.baselineReqPerSec.toFixed(1),
    Number.isNaN(m.ratio) ? "—" : m.ratio.toFixed(2),
    m.target ?? "—",
    m.met === null ? "—" : m.met ? "yes" : "no",
  ]),
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 || i === 7 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
console.log();
console.log(line(rows[0]!));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of rows.slice(1)) console.log(line(row));
console.log();
console.log(`The "layout-only page" is ${LAYOUT_PAGE}: the site's layout around static text and no data (there is no empty page of that layout).`);
console.log(`Norm page: /norms/${busiestSlug} (the norm with the most positions). Each measurement ${duration} s; load average ${loadBefore.map((l) => l.toFixed(2)).join(", ")} before, ${loadAfter.map((l) => l.toFixed(2)).join(", ")} after, on ${cpus().length} CPUs.`);
for (const r of runs) if (r.cpuMsPerRequest) console.log(processorLine(r, r.cpuMsPerRequest));

const targets = measures.filter((m) => m.met !== null);
const metCount = targets.filter((m) => m.met).length;
const results = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, loadBefore, loadAfter },
  database: { name: new URL(databaseUrl).pathname.slice(1), norms: normCount, scale },
  settings: { durationSeconds: duration, connections: connectionCounts, poolMax: Number(poolMax), layoutPage: LAYOUT_PAGE, busiestSlug },
  startup,
  statements: queries,
  runs,
  measures,
  summary: { met: metCount, targets: targets.length },
  errors: problems,
  warnings,
};
mkdirSync(path.dirname(args.out), { recursive: true });
writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Results written to ${args.out}.`);

for (const warning of warnings) console.log(`Note: ${warning}`);
for (const problem of problems) console.error(`bench:http: ${problem}`);
console.log(`bench:http: ${metCount} of ${targets.length} targets met (scale ${scale}, ${normCount.toLocaleString("en-GB")} norms)${problems.length ? `; ${problems.length} problem${problems.length === 1 ? "" : "s"}, see above` : ""}`);

// 6. The stock-take measures of issue 15 (figures ≤ 2 s, publishing ≤ 10 s): scripts/bench-stocktake.ts,
// in process on the same database once the servers have stopped (it publishes a correction in a
// transaction it rolls back); it prints its own table and writes stocktake.json beside the results.
const stocktake = measuresStocktake
  ? spawnSync(process.execPath, ["--import", "tsx", "scripts/bench-stocktake.ts", "--out", path.join(path.dirname(args.out), "stocktake.json")], {
      stdio: ["ignore", "inherit", "inherit"],
      // React as the server runs it: its development build is slower.
      env: { ...process.env, NODE_ENV: "production" },
    })
  : { status: 0 };
if (stocktake.status !== 0) console.error("bench:http: the stock-take measures (scripts/bench-stocktake.ts) failed; see above.");
process.exit(problems.length || stocktake.status !== 0 ? 1 : 0);
