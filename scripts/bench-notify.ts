// `npm run bench:notify [-- --smoke] [--reset] [--followers N] [--reps N] [--queue-mails N] [--out FILE]`:
// the notification benchmark of issue 18 (scripts/bench-notify/run.ts) on DATABASE_URL, a
// PostgreSQL database it migrates and fills itself: fresh (no accounts), or emptied by --reset
// (which drops and creates it again). Prints a table (measure, value, target, met?), writes
// bench/notify-results.json and ends with one summary line; exits 1 when a target is not met.
// --smoke: 300 followers and a few mails, in seconds.
import { mkdirSync, writeFileSync } from "node:fs";
import { register } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";

const usage = `Usage: DATABASE_URL=postgres://…/nf_bench_notify npm run bench:notify -- [options]

  --smoke            a tiny run (300 followers, a few mails): seconds
  --followers N      followers of the widely followed norm (default 20000)
  --reps N           measured A/B pairs per write (default 200)
  --raw-mails N      mails sent by the sendOutboundMail() loop (default 200, for each of three loops)
  --queue-mails N    mails sent through the job queue (default 120)
  --queue-seconds S  stop the queue's measure after S seconds (default 120)
  --polling S        the queue's polling interval in seconds, at least 0.5 (default 0.5)
  --reset            drop and create the database first (all its data is lost)
  --out FILE         where to write the results (default bench/notify-results.json)`;

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    followers: { type: "string" },
    reps: { type: "string" },
    "raw-mails": { type: "string" },
    "queue-mails": { type: "string" },
    "queue-seconds": { type: "string" },
    polling: { type: "string" },
    reset: { type: "boolean", default: false },
    out: { type: "string", default: "bench/notify-results.json" },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(`bench:notify needs DATABASE_URL, a PostgreSQL database (created with createdb; migrated and filled here).\n\n${usage}`);
  process.exit(1);
}
if (args.reset && process.env.NODE_ENV === "production") {
  console.error("bench:notify: --reset drops the database; refused with NODE_ENV=production.");
  process.exit(1);
}
// The info log of every fan-out would run through the table.
process.env.LOG_LEVEL ??= "warn";

// The tRPC caller's modules import "server-only", which throws outside React's server build (the
// tests alias it to an empty module; so does this).
const emptyModule = "data:text/javascript,";
const hook = `export async function resolve(s, c, n) { return s === "server-only" ? { url: ${JSON.stringify(emptyModule)}, format: "module", shortCircuit: true } : n(s, c); }`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const { sql } = await import("drizzle-orm");
const { openPostgres, resultRows } = await import("~/db/connect");
const { seedReference } = await import("~/db/seed");
const { benchNotify, FULL, formatTable, reportRows, SMOKE, summaryLine } = await import("./bench-notify/run");

const name = new URL(url).pathname.slice(1);
if (args.reset) {
  const admin = postgres(Object.assign(new URL(url), { pathname: "/postgres" }).toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`);
  await admin.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  await admin.end();
}

const whole = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Math.max(1, Math.floor(Number(value)) || fallback));
const base = args.smoke ? SMOKE : FULL;
const options = {
  ...base,
  followers: whole(args.followers, base.followers),
  reps: whole(args.reps, base.reps),
  rawMails: whole(args["raw-mails"], base.rawMails),
  queueMails: whole(args["queue-mails"], base.queueMails),
  queueSeconds: whole(args["queue-seconds"], base.queueSeconds),
  pollingSeconds: Math.max(0.5, Number(args.polling ?? base.pollingSeconds) || base.pollingSeconds),
};

const database = openPostgres(url, { max: 10 });
let failed = false;
try {
  await database.migrate();
  const [existing] = resultRows<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from users`));
  if (Number(existing?.n ?? 0) > 0) {
    console.error(`bench:notify: database ${name} already has accounts: run with --reset to drop and create it again, or choose a fresh one.`);
    process.exit(1);
  }
  await seedReference(database.db);
  const started = performance.now();
  const result = await benchNotify(database, options, (line) => console.error(`  ${line}`));
  console.log(formatTable(result));
  mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify({ at: new Date().toISOString(), seconds: (performance.now() - started) / 1000, ...result, table: reportRows(result) }, null, 2)}\n`);
  console.log(`Results written to ${args.out}.`);
  console.log(summaryLine(result));
  failed = reportRows(result).some((row) => row.met === false);
} finally {
  await database.close();
}
process.exit(failed ? 1 : 0);
