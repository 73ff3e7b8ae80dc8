// `npm run bench:plans [-- --filter text]`: runs the app's hot reads against DATABASE_URL (a
// database filled by `npm run seed:large`) and prints, for each SQL statement they send, its plan
// with `EXPLAIN (ANALYZE, BUFFERS)`. The statements are captured from the domain functions
// themselves, so the plans are those of the code as it is; docs/performance.md quotes them.
import { parseArgs } from "node:util";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Db } from "~/db/connect";
import * as schema from "~/db/schema";
import { listNorms } from "~/server/domain/norm-queries";
import { getNorm } from "~/server/domain/norm-queries";
import { positionsForNorm } from "~/server/domain/positions";
import { listComments } from "~/server/domain/comments";
import { amendmentsForNorm } from "~/server/domain/amendments";
import { searchAll } from "~/server/domain/search";
import { searchCompareChoices } from "~/server/domain/compare";
import { listOrganizations } from "~/server/domain/organizations";
import { coverableNorms } from "~/server/domain/stocktakes";
import { listOrganizationsInput } from "~/server/schemas/organizations";
import { listNormsInput } from "~/server/schemas/norms";

const { values: args } = parseArgs({ options: { filter: { type: "string" }, slug: { type: "string" } } });
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench:plans needs DATABASE_URL: a PostgreSQL database filled by `npm run seed:large`.");
  process.exit(1);
}

const captured: { sql: string; params: unknown[] }[] = [];
const client = postgres(url, { max: 1, onnotice: () => {} });
const db = drizzle(client, {
  schema,
  casing: "snake_case",
  logger: { logQuery: (sql, params) => void captured.push({ sql, params }) },
}) as unknown as Db;

const [busiest] = await client<{ slug: string }[]>`select slug from norms where submitted_at is not null order by position_count desc limit 1`;
const slug = args.slug ?? busiest!.slug;
const list = (input: Record<string, unknown>) => () => listNorms(db, listNormsInput.parse(input));

const scenarios: [string, () => Promise<unknown>][] = [
  ["list: newest", list({})],
  ["list: consultation, newest", list({ status: "consultation" })],
  ["list: most supported", list({ sort: "support" })],
  ["list: bridging", list({ sort: "bridging" })],
  ["list: most contested", list({ sort: "contested" })],
  ["list: recently active", list({ sort: "active" })],
  ["list: endorsement, most supported", list({ status: "endorsement", sort: "support" })],
  ["list: search one word, relevance", list({ q: "infrastructure" })],
  ["list: search two words, relevance", list({ q: "critical infrastructure" })],
  ["list: search one word, newest", list({ q: "infrastructure", sort: "newest" })],
  // Two words each common, never together in the generated norms: the search's windows (docs/performance.md).
  ["list: search two words that never meet, newest", list({ q: "submarine protección", sort: "newest" })],
  ["list: search two words that never meet, relevance", list({ q: "submarine protección" })],
  ["site search: one word", () => searchAll(db, { q: "infrastructure" })],
  ["site search: an organisation's name", () => searchAll(db, { q: "ministry" })],
  ["organisations: name contains", () => listOrganizations(db, listOrganizationsInput.parse({ q: "minist" }))],
  ["compare: titles containing a common word", () => searchCompareChoices(db, { q: "of" })],
  ["compare: titles containing a rarer word", () => searchCompareChoices(db, { q: "cable" })],
  ["stock-take: what it may cover", () => coverableNorms(db)],
  ["norm page: the norm", () => getNorm(db, null, slug)],
  ["norm page: positions", () => positionsForNorm(db, null, slug)],
  ["norm page: comments", () => listComments(db, null, { slug } as never)],
  ["norm page: amendments", () => amendmentsForNorm(db, null, slug)],
];

for (const [name, run] of scenarios) {
  if (args.filter && !name.includes(args.filter)) continue;
  captured.length = 0;
  const started = performance.now();
  try {
    await run();
  } catch (error) {
    console.log(`## ${name}\n\nfailed: ${(error as Error).message}\n`);
    continue;
  }
  const ms = performance.now() - started;
  console.log(`## ${name} (${captured.length} statement${captured.length === 1 ? "" : "s"}, ${ms.toFixed(1)} ms in all)\n`);
  for (const { sql, params } of [...captured]) {
    const plan = await client.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, buffers, costs off) ${sql}`, params as never[]);
    console.log("```");
    console.log(sql.length > 400 ? `${sql.slice(0, 400)}…` : sql);
    console.log("--");
    console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
    console.log("```\n");
  }
}
await client.end();
