// Speed targets live here, not in timed tests. Builds a forum with many organisations on an
// in-memory PGlite (or TEST_DATABASE_URL's server) and reports median times of the hot reads.
import { performance } from "node:perf_hooks";
import { openPglite, openPostgres } from "~/db/connect";
import { seedReference } from "~/db/seed";
import { normPositionHistory, normPositions, organizationMembers, organizations, users } from "~/db/schema";
import { listNorms } from "~/server/domain/norm-queries";
import { createNorm, transitionNorm } from "~/server/domain/norms";
import { listOrganizations } from "~/server/domain/organizations";
import { positionsForNorm, recordPosition, refreshMeasures } from "~/server/domain/positions";
import { closeStocktake, openStocktake, previewReport } from "~/server/domain/stocktakes";
import { renderReportPdf } from "~/server/stocktake-pdf/render";
import type { Actor } from "~/server/policy";
import { verificationQueue } from "~/server/domain/verification";
import { regions, stakeholderTypes } from "~/server/schemas/vocabulary";

const ORGS = Number(process.env.BENCH_ORGS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
// Targets for a 2-core machine; a median over a target fails the run.
const targets = {
  directoryPage: 50,
  directoryFiltered: 50,
  verificationQueue: 250,
  normPositions: 150,
  recordPosition: 100,
  normsByBridging: 50,
  // A stock-take covering the norm with every organisation's position and all reference norms.
  stocktakeFigures: 1500,
  stocktakePdf: 20000,
};
// Scenarios too slow to repeat RUNS times.
const fewerRuns: Partial<Record<keyof typeof targets, number>> = { stocktakeFigures: Math.min(RUNS, 5), stocktakePdf: 2 };

const database = process.env.TEST_DATABASE_URL ? openPostgres(process.env.TEST_DATABASE_URL) : await openPglite();
await database.migrate();
const { db } = database;
await seedReference(db);

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
const organizationIds: string[] = [];
for (let i = 0; i < rows.length; i += 500) {
  const inserted = await db.insert(organizations).values(rows.slice(i, i + 500)).returning({ id: organizations.id });
  organizationIds.push(...inserted.map((o) => o.id));
  await db.insert(organizationMembers).values(inserted.map((o) => ({ organizationId: o.id, userId: creator!.id, role: "representative" as const })));
}

// Norms, one of them with a position from every organisation (the unverified ones listed apart).
const actor: Actor = { id: creator!.id, email: creator!.email, displayName: "Bench", role: "member", suspension: null };
const normIds: string[] = [];
let benchSlug = "";
for (let i = 0; i < 100; i++) {
  const norm = await createNorm(db, actor, {
    title: `Bench norm ${i} on protecting infrastructure`,
    summary: "A norm created for the benchmark, with a summary long enough.",
    clauses: ["States should not harm infrastructure that serves the public."],
    categories: ["II"],
    kind: "mutual_restraint",
    bindingness: "political",
    citations: [],
    rationale: "",
    language: "en",
    organizationId: null,
  });
  await transitionNorm(db, actor, norm.id, "submit", "");
  normIds.push(norm.id);
  if (i === 0) benchSlug = norm.slug;
}
const stanceOf = (i: number) => (["endorse", "endorse_with_reservations", "object", "abstain"] as const)[i % 4]!;
for (let i = 0; i < organizationIds.length; i += 500) {
  const positions = organizationIds.slice(i, i + 500).map((organizationId, j) => ({
    normId: normIds[0]!,
    organizationId,
    stance: stanceOf(i + j),
    statement: stanceOf(i + j) === "object" ? "The text goes further than existing law allows." : "",
    version: 1,
    recordedById: creator!.id,
  }));
  await db.insert(normPositions).values(positions);
  await db.insert(normPositionHistory).values(positions.map((p) => ({ ...p, sequence: 1, kind: "recorded" as const })));
}
await refreshMeasures(db, normIds[0]!);
let flip = 0;

async function median(fn: () => Promise<unknown>, runs = RUNS) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
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
  normPositions: await median(() => positionsForNorm(db, null, benchSlug)),
  recordPosition: await median(() =>
    recordPosition(db, actor, { normId: normIds[0]!, organizationId: organizationIds[1]!, stance: flip++ % 2 ? "endorse" : "abstain", statement: "" }),
  ),
  normsByBridging: await median(() => listNorms(db, { sort: "bridging", limit: 20 })),
  ...(await stocktakeBench()),
};

/** Publishing's two slow steps, for a closed stock-take whose report names every organisation. */
async function stocktakeBench() {
  const staff: Actor = { ...actor, role: "secretariat" };
  const year = 2090 + Math.floor(Math.random() * 10);
  const today = new Date().toISOString().slice(0, 10);
  await openStocktake(db, staff, { year, opensOn: today, closesOn: today, normIds: [normIds[0]!] });
  await closeStocktake(db, staff, year);
  const { snapshot, sha256 } = await previewReport(db, year);
  return {
    stocktakeFigures: await median(() => previewReport(db, year), fewerRuns.stocktakeFigures),
    stocktakePdf: await median(() => renderReportPdf(snapshot, sha256), fewerRuns.stocktakePdf),
  };
}
await database.close();

let failed = false;
for (const [name, ms] of Object.entries(results)) {
  const target = targets[name as keyof typeof targets];
  const ok = ms <= target;
  failed ||= !ok;
  console.log(`${ok ? "ok  " : "SLOW"} ${name.padEnd(20)} median ${ms.toFixed(1)} ms (target ${target} ms, ${ORGS} organisations, ${fewerRuns[name as keyof typeof targets] ?? RUNS} runs)`);
}
process.exit(failed ? 1 : 0);
