import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtAppMissing, withDatabase } from "./support";

// A smoke run of `npm run bench:http` (scripts/bench-http.ts), so that the benchmark cannot rot:
// a fresh database filled at scale 0.01, one second per measurement at 1 and 10 connections, after
// the app has rendered the seeded reports' other languages (60 small PDFs, about 30 s here).
// It checks that everything ran, not how fast: the numbers mean nothing at this size and length.
const serverUrl = process.env.TEST_DATABASE_URL;
const why = builtAppMissing() ?? (serverUrl ? null : "TEST_DATABASE_URL is unset (the benchmark needs PostgreSQL)");
const NAME = "nf_system_bench_http";

const dropDatabase = async () => {
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  return admin;
};

let folder: string;

beforeAll(async () => {
  if (why) return;
  const admin = await dropDatabase();
  await admin.unsafe(`CREATE DATABASE ${NAME}`);
  await admin.end();
  folder = mkdtempSync(path.join(tmpdir(), "nf-bench-http-"));
});

afterAll(async () => {
  if (why) return;
  await (await dropDatabase()).end();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

interface Results {
  measures: { measure: string; connections: number; reqPerSec: number; p50: number; p99: number; baselineReqPerSec: number; ratio: number }[];
  runs: {
    endpoint: string;
    connections: number;
    reqPerSec: number;
    requests: number;
    non2xx: number;
    errors: number;
    timeouts: number;
    cpuMsPerRequest?: { server: number; postgres: number; loadGenerator: number } | null;
  }[];
  summary: { met: number; targets: number };
  errors: string[];
  startup: { waitedMs: number; reportPdfsMissing: number } | null;
}

describe.skipIf(!!why)(`npm run bench:http, smoke run (${why ? `skipped: ${why}` : "PostgreSQL, scale 0.01"})`, () => {
  it("seeds, starts the app and both baselines, measures every endpoint and the write, and writes every measure", { timeout: 480_000 }, async () => {
    const out = path.join(folder, "results.json");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/bench-http.ts", "--seed-scale", "0.01", "--duration", "1", "--connections", "1,10", "--out", out],
      { env: { ...process.env, DATABASE_URL: withDatabase(serverUrl!, NAME), LOG_LEVEL: "warn" }, timeout: 420_000, maxBuffer: 10_000_000 },
    );
    expect(stdout).toMatch(/bench:http: \d+ of 11 targets met \(scale 0\.01, 1,000 norms\)/);
    const results = JSON.parse(readFileSync(out, "utf8")) as Results;
    expect(results.errors).toEqual([]);
    // The seeded revisions' other languages were rendered by the app's job queue before anything
    // was measured (scripts/bench-http/background.ts).
    expect(results.startup?.reportPdfsMissing).toBe(0);
    // 13 reads (8 as served, 5 not cached) at 2 connection counts, and the write and its floor (a
    // signed-in query) at each.
    expect(results.runs).toHaveLength(30);
    for (const run of results.runs) {
      expect(run.reqPerSec, `${run.endpoint} at ${run.connections}`).toBeGreaterThan(0);
      expect(run.non2xx + run.errors + run.timeouts, `${run.endpoint} at ${run.connections}`).toBe(0);
    }
    // 9 read measures (5 with a target) at each count, against a baseline; the signed-in query
    // against the minimal Next route at each; the write at each, with its target at 10 connections.
    expect(results.measures).toHaveLength(22);
    for (const m of results.measures) {
      const values = m.measure.startsWith("recording") ? [m.reqPerSec, m.p99] : [m.reqPerSec, m.p99, m.baselineReqPerSec, m.ratio];
      for (const value of values) expect(value, `${m.measure} at ${m.connections}`).toBeGreaterThan(0);
    }
    expect(results.summary.targets).toBe(11);
    // The processor time of the write and its floor, from /proc: the server's share is never nothing.
    if (process.platform === "linux") {
      for (const run of results.runs.filter((r) => r.endpoint === "record-position" || r.endpoint === "signed-in-query")) {
        expect(run.cpuMsPerRequest?.server, `${run.endpoint} at ${run.connections}`).toBeGreaterThan(0);
      }
      expect(stdout).toMatch(/Processor time per request, recording a position at 10 connections: server \d+\.\d\d ms, PostgreSQL \d+\.\d\d ms/);
    }
  });
});
