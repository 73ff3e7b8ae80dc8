// Speed targets live here, not in timed tests. Builds a forum with many organisations on an
// in-memory PGlite (or TEST_DATABASE_URL's server) and reports median times of the hot reads.
import { performance } from "node:perf_hooks";
import { openPglite, openPostgres } from "~/db/connect";
import { organizationMembers, organizations, users } from "~/db/schema";
import { listOrganizations } from "~/server/domain/organizations";
import { verificationQueue } from "~/server/domain/verification";
import { regions, stakeholderTypes } from "~/server/schemas/vocabulary";

const ORGS = Number(process.env.BENCH_ORGS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
// Targets for a 2-core machine; a median over a target fails the run.
const targets = { directoryPage: 50, directoryFiltered: 50, verificationQueue: 250 };

const database = process.env.TEST_DATABASE_URL ? openPostgres(process.env.TEST_DATABASE_URL) : await openPglite();
await database.migrate();
const { db } = database;

const [creator] = await db
  .insert(users)
  .values({ email: `bench-${Date.now()}@example.test`, displayName: "Bench", passwordHash: "x" })
  .returning();
const words = ["Atlantic", "Digital", "Open", "Pacific", "Civic", "Secure", "Global", "Northern", "Southern", "Eastern",
  "Western", "Central", "United", "Free", "Public", "Network", "Policy", "Rights", "Cyber", "Trust", "Data", "Peace"];
const kinds = ["Institute", "Council", "Alliance", "Centre", "Ministry", "Foundation", "Forum", "Initiative", "Partnership", "Agency"];
// Realistic names: a few shared words, so duplicate detection has real candidates to weigh.
const nameOf = (i: number) => `${words[i % words.length]} ${words[Math.floor(i / words.length) % words.length]} ${kinds[i % kinds.length]} ${i}`;
const rows = Array.from({ length: ORGS }, (_, i) => ({
  name: nameOf(i),
  slug: `bench-organisation-${Date.now()}-${i}`,
  stakeholderType: stakeholderTypes[i % stakeholderTypes.length]!,
  region: regions[i % regions.length]!,
  verificationStatus: i % 10 === 0 ? ("pending" as const) : ("verified" as const),
  createdById: creator!.id,
}));
for (let i = 0; i < rows.length; i += 500) {
  const inserted = await db.insert(organizations).values(rows.slice(i, i + 500)).returning({ id: organizations.id });
  await db.insert(organizationMembers).values(inserted.map((o) => ({ organizationId: o.id, userId: creator!.id, role: "representative" as const })));
}

async function median(fn: () => Promise<unknown>) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const results = {
  directoryPage: await median(() => listOrganizations(db, { limit: 50 })),
  directoryFiltered: await median(() => listOrganizations(db, { limit: 50, stakeholderType: "state", region: "african", q: "Digital" })),
  verificationQueue: await median(() => verificationQueue(db)),
};
await database.close();

let failed = false;
for (const [name, ms] of Object.entries(results)) {
  const target = targets[name as keyof typeof targets];
  const ok = ms <= target;
  failed ||= !ok;
  console.log(`${ok ? "ok  " : "SLOW"} ${name.padEnd(20)} median ${ms.toFixed(1)} ms (target ${target} ms, ${ORGS} organisations, ${RUNS} runs)`);
}
process.exit(failed ? 1 : 0);
