// What the system tests share: a private PostgreSQL cluster they may stop and start, a fresh
// database on the shared test server, the built app started through server.ts (as `npm start`
// does, never building), signing in over HTTP, and tRPC calls over HTTP.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openPostgres } from "~/db/connect";
import { seed } from "~/db/seed";

export const AUTH_SECRET = "system-tests-only-secret-not-for-production-0123456789";
export const DEMO_PASSWORD = "demo-password-2026";

/** The built app must exist: test:system runs after `next build` and never builds. */
export function builtAppMissing(): string | null {
  const dist = process.env.NEXT_DIST_DIR ?? ".next";
  return existsSync(path.join(dist, "BUILD_ID")) ? null : `no build in ${dist}: run \`npm run build\` first`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function pgBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")) && existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

export const privateClusterUnavailable = (): string | null =>
  pgBinDir() ? null : "PostgreSQL's server binaries (initdb, pg_ctl under /usr/lib/postgresql/*/bin) are not installed";

/** A PostgreSQL cluster of the test's own, on its own port and folder, that it may stop and start. */
export async function startPrivateCluster() {
  const bin = pgBinDir();
  if (!bin) throw new Error(privateClusterUnavailable()!);
  const folder = mkdtempSync(path.join(tmpdir(), "nf-pg-"));
  const dataDir = path.join(folder, "data");
  const port = await freePort();
  // initdb refuses to run as root: run the server's tools as the postgres user then.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(folder, uid, gid);
  }
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : path.join(bin, tool), asRoot ? ["-u", "postgres", "--", path.join(bin, tool), ...args] : args, {
      stdio: "pipe",
      encoding: "utf8",
    });
  run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => run("pg_ctl", ["-D", dataDir, "-o", options, "-l", path.join(folder, "server.log"), "-w", "-t", "30", "start"]),
    /** Stops at once, ending every connection (as a crash or failover would for the app). */
    stop: () => run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]),
    destroy() {
      try {
        cluster.stop();
      } catch {
        // Already stopped.
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A new database on `serverUrl`, migrated and seeded with the demo data. */
export async function createSeededDatabase(serverUrl: string, name: string) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const database = openPostgres(url, { max: 2 });
  await database.migrate();
  await seed(database.db, { demo: true });
  await database.close();
  return {
    url,
    async drop() {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export interface RunningApp {
  url: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** The built app through server.ts (as `npm start`), on its own port, against `databaseUrl`. */
export async function startApp(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      APP_URL: url,
      AUTH_SECRET,
      DATABASE_URL: databaseUrl,
      TEST_DATABASE_URL: "",
      SMTP_URL: "",
      LOG_LEVEL: "warn",
      DATABASE_STATEMENT_TIMEOUT_MS: "10000",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited before it was ready:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the app did not become healthy within 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 8000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A cookie jar of one: the session cookie(s) a sign-in set, as a Cookie header. */
function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** Signs in through the auth API (as the browser form does) and returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD, jar = new Map<string, string>()) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  let cookie = cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  cookie = cookiesOf(response, jar);
  return { cookie, signedIn: [...jar.keys()].some((k) => k.includes("session-token")), location: response.headers.get("location") };
}

export interface TrpcResult<T = unknown> {
  status: number;
  headers: Headers;
  data?: T;
  error?: { message: string; code: string; httpStatus?: number };
}

/** One tRPC call over HTTP (superjson, unbatched): a query by GET, a mutation by POST. */
export async function trpc<T = unknown>(
  baseUrl: string,
  pathName: string,
  input: unknown,
  { cookie, mutation = false, timeoutMs = 15_000 }: { cookie?: string; mutation?: boolean; timeoutMs?: number } = {},
): Promise<TrpcResult<T>> {
  const headers: Record<string, string> = { origin: baseUrl };
  if (cookie) headers.cookie = cookie;
  const encoded = JSON.stringify({ json: input });
  const response = mutation
    ? await fetch(`${baseUrl}/api/trpc/${pathName}`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: encoded,
        signal: AbortSignal.timeout(timeoutMs),
      })
    : await fetch(`${baseUrl}/api/trpc/${pathName}?input=${encodeURIComponent(encoded)}`, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  let body: { result?: { data?: { json?: T } }; error?: { json?: { message: string; code: number; data?: { code: string; httpStatus?: number } } } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { status: response.status, headers: response.headers, error: { message: text.slice(0, 200), code: "NOT_JSON" } };
  }
  if (body.error?.json) {
    const e = body.error.json;
    return { status: response.status, headers: response.headers, error: { message: e.message, code: e.data?.code ?? String(e.code), httpStatus: e.data?.httpStatus } };
  }
  return { status: response.status, headers: response.headers, data: body.result?.data?.json as T };
}
