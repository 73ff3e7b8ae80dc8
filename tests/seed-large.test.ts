// The large-dataset generator (npm run seed:large) at a small scale: sizes follow the scale, a seed
// always gives the same rows, the rows obey the schema and the domain's rules, and what the app
// derives (search documents, measures) is exactly what the app itself would store.
import { and, eq, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import * as schema from "~/db/schema";
import { normEvents, normFrozenFigures, norms, referenceNorms, stocktakeRevisions, stocktakes } from "~/db/schema";
import { computeMeasures } from "~/server/domain/measures";
import { resolveNarrative } from "~/server/domain/narrative-figures";
import { canonicalJson, SNAPSHOT_FORMAT, type Snapshot, sha256 } from "~/server/domain/stocktake-snapshot";
import { renderRevision } from "~/server/domain/stocktakes";
import { refreshMeasures } from "~/server/domain/positions";
import { searchHead, searchVector } from "~/server/domain/norms";
import { normStatuses, regions, stakeholderTypes } from "~/server/schemas/vocabulary";
import { generateLargeDataset, type LargeSummary, prepareDatabase, Refusal, refuseInProduction } from "~/scripts/large-dataset/generate";
import { makePlan } from "~/scripts/large-dataset/plan";
import { coverage, stocktakeYears } from "~/scripts/large-dataset/stocktakes";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";

const SCALE = 0.01;
const SEED = 7;

let first: Database;
let second: Database;
let summary: LargeSummary;

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}
const one = async <T>(db: Db, query: ReturnType<typeof sql>) => (await rows<T>(db, query))[0]!;
const count = async (db: Db, query: ReturnType<typeof sql>) => Number((await one<{ n: number | string }>(db, query)).n);

/** Indexes and constraints with their definitions. */
const catalogue = async (db: Db) => ({
  indexes: await rows<{ indexname: string }>(db, sql`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`),
  constraints: await rows<{ def: string }>(db, sql`select conrelid::regclass::text as t, conname, pg_get_constraintdef(oid) as def from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2`),
});
let freshCatalogue: Awaited<ReturnType<typeof catalogue>>;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  freshCatalogue = await catalogue(second.db);
  await prepareDatabase(first, { reset: false });
  summary = await generateLargeDataset(first, { scale: SCALE, seed: SEED });
}, 240_000);
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

describe("seed:large", () => {
  it("makes as much as the scale asks: 1,000 norms, 200 organisations, 10,000 positions and comments at 0.01", async () => {
    const { db } = first;
    expect(await count(db, sql`select count(*) n from norms`)).toBe(1000);
    expect(await count(db, sql`select count(*) n from organizations`)).toBe(200);
    expect(await count(db, sql`select count(*) n from norm_positions`)).toBe(10_000);
    expect(await count(db, sql`select count(*) n from comments`)).toBe(10_000);
    expect(await count(db, sql`select count(*) n from users`)).toBe(summary.rows.users);
    const versions = await count(db, sql`select count(*) n from norm_versions`);
    expect(versions / 1000).toBeGreaterThan(1.5);
    expect(versions / 1000).toBeLessThan(2);
    expect(await count(db, sql`select count(*) n from norm_position_history`)).toBeGreaterThan(10_000);
    expect(await count(db, sql`select count(*) n from comments where parent_id is not null`)).toBeGreaterThan(2000);
    expect(await count(db, sql`select count(*) n from comments where clause is not null`)).toBeGreaterThan(2000);

    const statuses = await rows<{ status: string; n: number }>(db, sql`select status, count(*)::int n from norms group by status`);
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(normStatuses));
    const share = (status: string) => (statuses.find((s) => s.status === status)?.n ?? 0) / 1000;
    expect(share("draft")).toBeLessThan(0.15);
    expect(share("consultation") + share("endorsement") + share("concluded")).toBeGreaterThan(0.6);

    const orgs = await rows<{ stakeholder_type: string; region: string; verification_status: string }>(db, sql`select stakeholder_type, region, verification_status from organizations`);
    expect(new Set(orgs.map((o) => o.stakeholder_type))).toEqual(new Set(stakeholderTypes));
    expect(new Set(orgs.map((o) => o.region))).toEqual(new Set(regions));
    expect(orgs.filter((o) => o.verification_status === "verified").length).toBeGreaterThan(140);
    expect(new Set(orgs.map((o) => o.verification_status))).toEqual(new Set(["verified", "pending", "revoked", "rejected"]));
  });

  // A whole second run, with its ten stock-take PDFs: more than the default minute on a busy machine.
  it("gives the same rows for the same seed, and other rows for another seed", { timeout: 240_000 }, async () => {
    await prepareDatabase(second, { reset: false });
    await generateLargeDataset(second, { scale: SCALE, seed: SEED });
    const checksum = async (db: Db, table: string) =>
      (await one<{ sum: string }>(db, sql.raw(`select md5(string_agg(t::text, '|' order by t::text)) as sum from ${table} t`))).sum;
    for (const table of [
      "users", "organizations", "organization_members", "norms", "norm_versions", "norm_events", "norm_positions", "norm_position_history", "comments", "moderation_log",
      "stocktakes", "stocktake_items", "implementation_statements", "observations", "observation_replies", "stocktake_revisions",
    ]) {
      expect(await checksum(second.db, table), table).toBe(await checksum(first.db, table));
    }
    const titles = (seed: number) => makePlan(seed, SCALE).norms.slice(0, 20).map((n) => n.title);
    expect(titles(SEED + 1)).not.toEqual(titles(SEED));
  });

  it("keeps every index and foreign key the schema declares, and the domain's rules over the rows", async () => {
    const { db } = first;
    // The same indexes and constraints as a freshly migrated database (the load sets some aside and rebuilds them).
    const loaded = await catalogue(db);
    expect(loaded).toEqual(freshCatalogue);
    const indexes = new Set(loaded.indexes.map((r) => r.indexname));
    for (const table of (Object.values(schema) as unknown[]).filter((t): t is PgTable => t instanceof PgTable).map((t) => getTableConfig(t))) {
      for (const index of table.indexes) expect(indexes, `${table.name}: ${index.config.name}`).toContain(index.config.name);
    }
    expect(loaded.constraints.filter((c) => c.def.startsWith("FOREIGN KEY")).length).toBeGreaterThan(30);

    const broken = {
      // One current position per organisation per norm, and it is the last entry of its history.
      duplicatePositions: sql`select count(*) n from (select norm_id, organization_id from norm_positions group by 1, 2 having count(*) > 1) d`,
      currentNotLastEntry: sql`select count(*) n from norm_positions p where not exists (
        select 1 from norm_position_history h where h.norm_id = p.norm_id and h.organization_id = p.organization_id and h.sequence = p.sequence
          and h.stance = p.stance and h.statement = p.statement and h.version = p.version and h.recorded_at = p.recorded_at and h.recorded_by_id = p.recorded_by_id)
        or p.sequence <> (select max(sequence) from norm_position_history h where h.norm_id = p.norm_id and h.organization_id = p.organization_id)`,
      historyGaps: sql`select count(*) n from (select norm_id, organization_id from norm_position_history group by 1, 2 having max(sequence) <> count(*)) g`,
      // Recorded by a representative of an organisation that was verified (and may since have been revoked).
      speakerNotRepresentative: sql`select count(*) n from norm_position_history h where not exists (
        select 1 from organization_members m where m.organization_id = h.organization_id and m.user_id = h.recorded_by_id and m.role = 'representative')`,
      speakerNeverVerified: sql`select count(*) n from norm_positions p join organizations o on o.id = p.organization_id where o.verification_status not in ('verified', 'revoked')`,
      positionVersionBeyondText: sql`select count(*) n from norm_position_history h join norms n on n.id = h.norm_id where h.version > n.current_version`,
      // Positions and comments only on norms that were submitted, while they were open.
      positionsOnUnsubmitted: sql`select count(*) n from norm_positions p where not exists (select 1 from norm_events e where e.norm_id = p.norm_id and e.type = 'submit' and e.created_at <= p.recorded_at)`,
      commentsOnUnsubmitted: sql`select count(*) n from comments c where not exists (select 1 from norm_events e where e.norm_id = c.norm_id and e.type = 'submit' and e.created_at <= c.created_at)`,
      activityAfterClosing: sql`select count(*) n from norm_positions p join norm_events e on e.norm_id = p.norm_id and e.type in ('conclude', 'withdraw', 'merge') where p.recorded_at > e.created_at`,
      // The timeline ends in the norm's status; versions are numbered without gaps up to the current one.
      timelineDisagrees: sql`select count(*) n from norms n where n.status <> coalesce((select e.to_status from norm_events e where e.norm_id = n.id and e.to_status is not null order by e.created_at desc limit 1), 'draft')`,
      versionGaps: sql`select count(*) n from norms n where n.current_version <> (select count(*) from norm_versions v where v.norm_id = n.id)
        or n.current_version <> (select max(number) from norm_versions v where v.norm_id = n.id)`,
      copiesDisagree: sql`select count(*) n from norms n join norm_versions v on v.norm_id = n.id and v.number = n.current_version where v.title <> n.title or v.summary <> n.summary`,
      submittedAtDisagrees: sql`select count(*) n from norms n where n.submitted_at is distinct from (select min(e.created_at) from norm_events e where e.norm_id = n.id and e.type = 'submit')`,
      mergeWithoutTarget: sql`select count(*) n from norms where (status = 'merged') <> (merged_into_id is not null)`,
      // Replies sit in their parent's thread, on its version and clause; clauses exist in their version.
      replyOutOfPlace: sql`select count(*) n from comments c join comments p on p.id = c.parent_id
        where c.thread_id <> p.thread_id or c.version <> p.version or c.clause is distinct from p.clause or c.depth <> p.depth + 1 or p.status <> 'visible'`,
      rootNotOwnThread: sql`select count(*) n from comments where parent_id is null and (thread_id <> id or depth <> 0)`,
      clauseBeyondText: sql`select count(*) n from comments c join norm_versions v on v.norm_id = c.norm_id and v.number = c.version where c.clause > jsonb_array_length(v.clauses)`,
      commentVersionMissing: sql`select count(*) n from comments c where not exists (select 1 from norm_versions v where v.norm_id = c.norm_id and v.number = c.version)`,
      hiddenWithoutLog: sql`select count(*) n from comments c where c.status = 'hidden' and (c.hidden_rule is null or not exists (select 1 from moderation_log l where l.comment_id = c.id and l.action = 'hide'))`,
      oneVerifiedStatePerCountry: sql`select count(*) n from (select country from organizations where stakeholder_type = 'state' and verification_status = 'verified' group by 1 having count(*) > 1) d`,
    };
    const found: Record<string, number> = {};
    for (const [name, query] of Object.entries(broken)) found[name] = await count(db, query);
    expect(found).toEqual(Object.fromEntries(Object.keys(broken).map((k) => [k, 0])));
  });

  it("stores each norm's search document exactly as the app computes it, and search finds a norm by a word of its title", async () => {
    const { db } = first;
    const sample = await rows<{ id: string; language: string; title: string; summary: string; clauses: string[] | string }>(
      db,
      sql`select n.id, n.language, n.title, n.summary, v.clauses from norms n join norm_versions v on v.norm_id = n.id and v.number = n.current_version order by n.id limit 150`,
    );
    for (const n of sample) {
      const clauses = typeof n.clauses === "string" ? (JSON.parse(n.clauses) as string[]) : n.clauses;
      const { same, sameHead } = await one<{ same: boolean; sameHead: boolean }>(
        db,
        sql`select search = (${searchVector(n.language, n.title, n.summary, clauses)}) as same, search_head = (${searchHead(n.language, n.title, n.summary)}) as "sameHead" from norm_search where norm_id = ${n.id}`,
      );
      expect(same, n.title).toBe(true);
      expect(sameHead, n.title).toBe(true);
    }

    const norm = (await db.query.norms.findFirst({ where: eq(norms.status, "consultation"), orderBy: (t, { desc }) => [desc(t.positionCount)] }))!;
    const word = norm.title.split(" ")[0]!;
    const visitor = await callerAs(db, null);
    const results = await visitor.search.all({ q: word });
    expect(results.proposals.items.map((p) => p.slug)).toContain(norm.slug);
    const listed = await visitor.norms.list({ q: word });
    expect(listed.items.map((p) => p.slug)).toContain(norm.slug);
  });

  it("stores each norm's measures exactly as the app's measure function computes them from its positions", async () => {
    const { db } = first;
    const busiest = (await db.query.norms.findFirst({ where: eq(norms.slug, summary.busiestNorm.slug) }))!;
    expect(summary.busiestNorm.positions).toBeGreaterThan(50);
    const others = await db.query.norms.findMany({ where: sql`${norms.positionCount} > 0`, orderBy: (t, { asc }) => [asc(t.id)], limit: 20 });
    for (const stored of [busiest, ...others]) {
      await refreshMeasures(db, stored.id);
      const recomputed = (await db.query.norms.findFirst({ where: eq(norms.id, stored.id) }))!;
      expect(
        {
          positionCount: recomputed.positionCount,
          support: recomputed.support,
          bridging: recomputed.bridging,
          contestation: recomputed.contestation,
          supportLowerBound: recomputed.supportLowerBound,
          contestationLowerBound: recomputed.contestationLowerBound,
        },
        stored.slug,
      ).toEqual({
        positionCount: stored.positionCount,
        support: stored.support,
        bridging: stored.bridging,
        contestation: stored.contestation,
        supportLowerBound: stored.supportLowerBound,
        contestationLowerBound: stored.contestationLowerBound,
      });
    }
    expect(busiest.positionCount).toBeGreaterThan(0);
  });

  it("gives every concluded norm its frozen figures, as concluding one does: the norm's figures, dated at its conclusion", async () => {
    const { db } = first;
    const concluded = await db.query.norms.findMany({ where: eq(norms.status, "concluded") });
    expect(concluded.length).toBeGreaterThan(0);
    const frozen = new Map((await db.select().from(normFrozenFigures)).map((f) => [f.normId, f]));
    expect(frozen.size).toBe(concluded.length);
    for (const n of concluded) {
      const f = frozen.get(n.id);
      expect(f, n.slug).toMatchObject({ countedByGroup: n.countedByGroup, positionCount: n.positionCount, support: n.support, bridging: n.bridging });
      const [event] = await db.select({ at: normEvents.createdAt }).from(normEvents).where(and(eq(normEvents.normId, n.id), eq(normEvents.type, "conclude")));
      expect(f!.concludedAt, n.slug).toEqual(event!.at);
      expect(f!.frozenAt).toEqual(f!.concludedAt);
    }
  });

  it("publishes ten revisions of five yearly stock-takes through the app's own code: every stored hash verifies", async () => {
    const { db } = first;
    const revisions = await db
      .select({ year: stocktakes.year, revision: stocktakeRevisions.revision, snapshot: stocktakeRevisions.snapshot, sha256: stocktakeRevisions.sha256, csv: stocktakeRevisions.csv, pdf: stocktakeRevisions.pdf, publishedAt: stocktakeRevisions.publishedAt, erratum: stocktakeRevisions.erratum })
      .from(stocktakeRevisions)
      .innerJoin(stocktakes, eq(stocktakes.id, stocktakeRevisions.stocktakeId))
      .orderBy(stocktakes.year, stocktakeRevisions.revision);
    expect(revisions.map((r) => `${r.year}/${r.revision}`)).toEqual(stocktakeYears().flatMap((y) => [`${y}/1`, `${y}/2`]));
    expect(summary.rows.stocktake_revisions).toBe(10);
    let previous: Snapshot | null = null;
    for (const r of revisions) {
      // The stored bytes hash to the stored SHA-256, and are the canonical JSON of what they say.
      expect(sha256(r.snapshot), `${r.year}/${r.revision}`).toBe(r.sha256);
      const snapshot = JSON.parse(r.snapshot) as Snapshot;
      expect(canonicalJson(snapshot)).toBe(r.snapshot);
      expect(snapshot.format).toBe(SNAPSHOT_FORMAT);
      // Its narrative is what its source resolves to against its own figures.
      expect(resolveNarrative(snapshot.narrativeSource!, snapshot)).toEqual(snapshot.narrative);
      // Its figures are what the measures recompute from the positions it holds.
      const orgs = new Map(snapshot.organizations.map((o) => [o.slug, o]));
      for (const item of snapshot.items.filter((i) => i.kind === "forum")) {
        const recomputed = computeMeasures(item.positions.map((p) => ({ stance: p.stance, stakeholderType: orgs.get(p.organization)!.stakeholderType, region: orgs.get(p.organization)!.region, verified: orgs.get(p.organization)!.verified, current: p.current })));
        expect(item.measures!.counts).toEqual(recomputed.counts);
      }
      expect(r.csv).toContain(r.sha256);
      expect(r.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(r.pdf.toString("latin1")).toContain(`(SHA-256 of snapshot.json: ${r.sha256})`);
      expect(snapshot.changes?.previousSha256 ?? null).toBe(r.revision === 1 && previous ? revisions.find((x) => x.year === previous!.year && x.revision === 2)!.sha256 : (snapshot.changes?.previousSha256 ?? null));
      if (r.revision === 2) expect(r.erratum).toMatch(/Corrected/);
      previous = snapshot;
    }
    const latest = JSON.parse(revisions.at(-1)!.snapshot) as Snapshot;
    expect(latest.items.filter((i) => i.kind === "forum").length).toBe(coverage(SCALE, 33).forum);
    expect(latest.totals.positions).toBeGreaterThan(50);
    expect(latest.totals.statements).toBeGreaterThan(0);
    expect(latest.observations.length).toBeGreaterThan(0);
    // The open data serves those exact bytes, and the app would publish the same snapshot today.
    const st = (await db.select().from(stocktakes).where(eq(stocktakes.year, latest.year)))[0]!;
    const again = await renderRevision(db, st, latest.revision, new Date(latest.publishedAt), latest.erratum, async () => Buffer.from(""));
    expect(again.json).toBe(revisions.at(-1)!.snapshot);
  });

  it("refuses a database that already has norms unless told to empty it, and refuses production unless forced", async () => {
    await expect(prepareDatabase(second, { reset: false })).rejects.toThrow(Refusal);
    await expect(prepareDatabase(second, { reset: false })).rejects.toThrow(/already has 1,000 norms.*--reset/);
    expect(() => refuseInProduction({ NODE_ENV: "production" }, false)).toThrow(/NODE_ENV=production.*--force/);
    expect(() => refuseInProduction({ NODE_ENV: "production" }, true)).not.toThrow();
    expect(() => refuseInProduction({ NODE_ENV: "development" }, false)).not.toThrow();

    await prepareDatabase(second, { reset: true });
    const { db } = second;
    for (const table of ["norms", "users", "organizations", "norm_position_history", "comments", "moderation_log"]) {
      expect(await count(db, sql.raw(`select count(*) n from ${table}`)), table).toBe(0);
    }
    // The reference library stays, and the append-only tables still refuse to be emptied.
    expect(await db.$count(referenceNorms)).toBe(33);
    await expect(db.execute(sql`truncate norm_position_history`)).rejects.toThrow();
  });
});
