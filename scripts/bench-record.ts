// `npm run bench:record [-- --connections 1,10 --duration 10]`: recording a position without HTTP.
// The same ten bench representatives and norms as the write measure of `npm run bench:http`
// (scripts/bench-http/recording.ts), the same order of requests, but each request is the
// database's part alone, in this process: the session read (loadActor) and recordPosition, over a
// pool of DATABASE_POOL_MAX connections (10, as the app). Prints latency by connection count, the
// statements one mutation sends and their time, the processor time per request of this process
// and of PostgreSQL, and checks the stored figures afterwards. Set against the HTTP measure, it
// says how much of a request is the database and how much the framework around it.
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { type Db, preparing } from "~/db/connect";
import * as schema from "~/db/schema";
import { users } from "~/db/schema";
import { loadActor } from "~/server/actor";
import { recordPosition } from "~/server/domain/positions";
import { mostPerSecond, perRequest, processorTime } from "./bench-http/cpu";
import { figuresThatDiffer, prepareRepresentatives, stanceOf } from "./bench-http/recording";

const { values: args } = parseArgs({
  options: {
    connections: { type: "string", default: "1,10" },
    duration: { type: "string", default: "10" },
    spread: { type: "boolean", default: false },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl?.startsWith("postgres")) {
  console.error("bench:record needs DATABASE_URL: a PostgreSQL database filled by `npm run seed:large`.");
  process.exit(1);
}
const connectionCounts = args.connections.split(",").map(Number);
const seconds = Number(args.duration);

const prepared = await prepareRepresentatives(databaseUrl, 10);
let counting = false;
const statements: string[] = [];
const client = postgres(databaseUrl, { max: Number(process.env.DATABASE_POOL_MAX ?? 10), onnotice: () => {} });
// Statements prepared once per connection, as the app's client has them (db/connect.ts).
const db = drizzle(preparing(client), {
  schema,
  casing: "snake_case",
  logger: { logQuery: (sql) => void (counting && statements.push(sql)) },
}) as unknown as Db;
const sessions = await db
  .select({ id: users.id, email: users.email, sessionVersion: users.sessionVersion })
  .from(users)
  .where(inArray(users.email, prepared.emails));
const byEmail = new Map(sessions.map((s) => [s.email, s]));
const who = prepared.emails.map((e) => byEmail.get(e)!);

let n = 0;
/**
 * The norm of request i (representative i % 10). In the HTTP measure's order, round r = ⌊i / 10⌋
 * puts all ten representatives on norm r % 20. With --spread, round r puts representative k on
 * norm (k + r) % 20: ten norms at once, none waiting for another's lock, and still every
 * (representative, norm) pair once in each 200 requests, so each request changes the position as
 * in the HTTP order (stanceOf). A spread of i % 20 met each pair ten times a round with the same
 * stance: nine in ten wrote nothing (so an earlier "spread" figure measured mostly no-op writes).
 */
const normOf = (i: number) => {
  const round = Math.floor(i / who.length);
  return (args.spread ? (i % who.length) + round : round) % prepared.normIds.length;
};
/** One request as the HTTP measure makes it: representative i % 10 on norm normOf(i), a change each time (stanceOf). */
async function oneRequest() {
  const i = n++;
  const k = i % who.length;
  const session = who[k]!;
  const actor = await loadActor(db, { userId: session.id, sessionVersion: session.sessionVersion });
  if (!actor) throw new Error("the bench representative has no session");
  await recordPosition(db, actor, {
    normId: prepared.normIds[normOf(i)]!,
    organizationId: prepared.organizationIds[k]!,
    stance: stanceOf(i, who.length, prepared.normIds.length),
    statement: "",
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

// The statements of one mutation, with their time: one request alone.
for (let i = 0; i < 20; i++) await oneRequest();
counting = true;
const started = performance.now();
await oneRequest();
const alone = performance.now() - started;
counting = false;
console.log(`One request alone: ${alone.toFixed(2)} ms, ${statements.length} statements:`);
for (const s of statements) console.log(`  ${s.replace(/\s+/g, " ").slice(0, 160)}`);

for (const connections of connectionCounts) {
  const latencies: number[] = [];
  const before = processorTime(undefined);
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await oneRequest();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const cpu = perRequest(before, processorTime(undefined), latencies.length);
  latencies.sort((a, b) => a - b);
  console.log(
    `${connections} at once: ${(latencies.length / seconds).toFixed(1)} req/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
  );
  // This process (cpu.loadGenerator: the reader's own process) is the app's part without HTTP
  // (loadActor, recordPosition, the driver).
  if (cpu) console.log(`  processor per request: this process ${cpu.loadGenerator.toFixed(2)} ms, PostgreSQL ${cpu.postgres.toFixed(2)} ms (at most ${Math.round(mostPerSecond(cpu.loadGenerator + cpu.postgres))} a second on ${cpus().length} CPUs)`);
}
await client.end({ timeout: 2 });
const wrong = await figuresThatDiffer(databaseUrl, prepared.normIds);
console.log(wrong.length ? `Figures differ on ${wrong.length} norm(s): ${wrong[0]}` : "Figures exact on every norm written.");
process.exit(wrong.length ? 1 : 0);

