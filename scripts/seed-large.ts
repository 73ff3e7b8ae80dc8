// `npm run seed:large -- --scale N [--seed S] [--reset] [--force]`: fills the database with a
// large, reproducible dataset (scripts/large-dataset/) for checking queries at size.
// DATABASE_URL set: that PostgreSQL database (loaded with COPY); unset: the embedded PGlite in
// PGLITE_DATA_DIR (default .data/pglite).
import { parseArgs } from "node:util";
import { openPglite, openPostgres } from "~/db/connect";
import { generateLargeDataset, LARGE_PASSWORD, prepareDatabase, Refusal, refuseInProduction } from "./large-dataset/generate";
import { sizesFor } from "./large-dataset/plan";
import { stderrProgress } from "./large-dataset/progress";

const usage = `Usage: npm run seed:large -- --scale N [--seed S] [--reset] [--force]

  --scale N   size as a share of the full dataset (1: 100,000 norms, 20,000 organisations,
              1,000,000 positions and 1,000,000 comments); 0.01 for a smoke run
  --seed S    seed of the generator (default 1); the same scale and seed give the same data
  --reset     empty the app's tables first (all of their data is lost); needed when the
              database already has norms
  --force     allow running with NODE_ENV=production`;

function fail(message: string): never {
  console.error(`seed:large: ${message}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      scale: { type: "string" },
      seed: { type: "string", default: "1" },
      reset: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
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
const scale = Number(args.scale);
if (args.scale === undefined || !Number.isFinite(scale) || scale <= 0 || scale > 100) fail(`--scale must be a number above 0 and at most 100, e.g. 0.01 or 1.\n\n${usage}`);
const seed = Number(args.seed);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) fail("--seed must be a whole number from 0 to 4294967295.");

const url = process.env.DATABASE_URL;
const where = url ? `PostgreSQL database ${new URL(url).pathname.slice(1) || "(default)"}` : `PGlite folder ${process.env.PGLITE_DATA_DIR ?? ".data/pglite"}`;
try {
  refuseInProduction(process.env, args.force);
} catch (error) {
  fail((error as Error).message);
}
const database = url ? openPostgres(url, { max: 1 }) : await openPglite(process.env.PGLITE_DATA_DIR ?? ".data/pglite");
try {
  const { emptied } = await prepareDatabase(database, { reset: args.reset, describe: `The ${where}` });
  if (args.reset) console.error(`Emptied ${emptied.length} tables.`);
  const sizes = sizesFor(scale);
  console.error(
    `Generating scale ${scale} (seed ${seed}) into the ${where}: ${sizes.norms.toLocaleString("en-GB")} norms, ${sizes.organizations.toLocaleString("en-GB")} organisations, ${sizes.positions.toLocaleString("en-GB")} positions, ${sizes.comments.toLocaleString("en-GB")} comments.`,
  );
  const summary = await generateLargeDataset(database, { scale, seed, progress: stderrProgress() });
  console.error(
    `Done in ${summary.seconds.toFixed(1)} s. Every generated account's password is "${LARGE_PASSWORD}". Busiest norm: /norms/${summary.busiestNorm.slug} (${summary.busiestNorm.positions} positions, ${summary.busiestNorm.comments} comments).`,
  );
  console.log(JSON.stringify({ scale, seed, ...summary }));
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  console.error(`seed:large: ${error.message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
