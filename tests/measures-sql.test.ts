// The measures a norm stores are computed in SQL (norm_figures(), migration 0020) from counts kept
// by recordPosition; the page, the open data and the stock-take compute them in JavaScript
// (computeMeasures). Both must give the same doubles, not nearly the same: the list sorts by the
// stored ones and the bench checks them with ===.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { norms, organizationMembers } from "~/db/schema";
import {
  computeMeasures,
  contestationLowerBound,
  COUNTED_SLOTS,
  countedByGroup,
  countedSlots,
  type MeasuredPosition,
  supportLowerBound,
} from "~/server/domain/measures";
import { refreshMeasures } from "~/server/domain/positions";
import { regions, stakeholderTypes, stances } from "~/server/schemas/vocabulary";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await database.db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

/** A small deterministic generator (mulberry32), so a failure names a reproducible case. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, list: readonly T[]) => list[Math.floor(r() * list.length)]!;

function positionsFor(seed: number): MeasuredPosition[] {
  const r = random(seed);
  // Empty, tiny, and up to a few thousand; some with few groups or stances, so shares hit 0, 1 and null.
  const size = seed % 7 === 0 ? 0 : Math.floor(r() ** 3 * 4000);
  const types = stakeholderTypes.slice(0, 1 + Math.floor(r() * stakeholderTypes.length));
  const stanceSet = stances.slice(Math.floor(r() * 3));
  return Array.from({ length: size }, () => ({
    stance: pick(r, stanceSet),
    stakeholderType: pick(r, types),
    region: pick(r, regions),
    verified: r() < 0.9,
    current: true,
  }));
}

describe("the measures stored by SQL equal computeMeasures()", () => {
  it("puts each position in the same two slots as countedSlots()", async () => {
    const cases = stakeholderTypes.flatMap((t) => regions.flatMap((g) => stances.map((s) => ({ stakeholderType: t, region: g, stance: s }))));
    const sqlSlots = await rows<{ slots: number[] }>(sql`
      select norm_counted_slots((c->>'stakeholderType')::stakeholder_type, (c->>'region')::region, (c->>'stance')::stance) as slots
      from jsonb_array_elements(${JSON.stringify(cases)}::jsonb) with ordinality as t(c, i)
      order by i
    `);
    expect(sqlSlots.map((r) => r.slots)).toEqual(cases.map((c) => countedSlots(c).map((slot) => slot + 1)));
    const all = new Set(cases.flatMap((c) => countedSlots(c)));
    expect(all.size).toBe(COUNTED_SLOTS);
  });

  it("gives the same doubles from the counts for 400 sets of positions", async () => {
    const sets = Array.from({ length: 400 }, (_, seed) => positionsFor(seed));
    const counted = sets.map((positions) => countedByGroup(positions));
    const figures = await rows<{
      position_count: number;
      support: number | null;
      bridging: number;
      contestation: number | null;
      support_lower_bound: number | null;
      contestation_lower_bound: number | null;
    }>(sql`
      select (f).* from (
        select norm_figures(array(select jsonb_array_elements_text(c)::integer)) as f, i
        from jsonb_array_elements(${JSON.stringify(counted)}::jsonb) with ordinality as t(c, i)
      ) x order by i
    `);
    const mismatches = sets.flatMap((positions, i) => {
      const m = computeMeasures(positions);
      const expected = {
        position_count: m.counts.total,
        support: m.support,
        bridging: m.bridging,
        contestation: m.contestation,
        support_lower_bound: supportLowerBound(m.counts),
        contestation_lower_bound: contestationLowerBound(m.counts),
      };
      const got = figures[i]!;
      const differs = (Object.keys(expected) as (keyof typeof expected)[]).filter((k) => !Object.is(got[k] === null ? null : Number(got[k]), expected[k]));
      return differs.length ? [{ seed: i, differs, got, expected }] : [];
    });
    expect(mismatches).toEqual([]);
  });

  it("moves one position between stances as a recount would", async () => {
    const r = random(7);
    for (let k = 0; k < 50; k++) {
      const before = positionsFor(1000 + k).filter((p) => p.verified);
      const j = before.length && r() < 0.7 ? Math.floor(r() * before.length) : -1;
      const stance = pick(r, stances);
      // An existing position changes stance, or a new one is added.
      const moved = j >= 0 ? { ...before[j]!, stance } : { stance, stakeholderType: pick(r, stakeholderTypes), region: pick(r, regions), verified: true, current: true };
      const after = j >= 0 ? before.map((p, i) => (i === j ? moved : p)) : [...before, moved];
      const [result] = await rows<{ counted: number[] }>(sql`
        select norm_counted_moved(${`{${countedByGroup(before).join(",")}}`}::integer[], ${moved.stakeholderType}::stakeholder_type, ${moved.region}::region,
          ${j >= 0 ? before[j]!.stance : null}::stance, ${stance}::stance) as counted
      `);
      expect(result!.counted).toEqual(countedByGroup(after));
    }
  });

  it("stores counts and measures equal to a recount after positions, a revocation and a type change", async () => {
    const db = database.db;
    const proposerUser = await createUser(db);
    const proposer = await callerAs(db, proposerUser);
    const { slug } = await proposer.norms.create({
      title: "Counting positions in SQL",
      summary: "States should count positions the same way everywhere.",
      clauses: ["States should count every position once."],
      categories: ["II"],
      kind: "mutual_restraint",
      bindingness: "political",
      citations: [],
    });
    const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
    await proposer.norms.submit({ normId: norm.id });
    const repUser = await createUser(db);
    const rep = await callerAs(db, repUser);
    const r = random(99);
    const orgs: Awaited<ReturnType<typeof createOrganization>>[] = [];
    for (let i = 0; i < 40; i++) {
      const org = await createOrganization(db, { createdById: repUser.id, status: "verified", stakeholderType: pick(r, stakeholderTypes), region: pick(r, regions) });
      await db.insert(organizationMembers).values({ organizationId: org.id, userId: repUser.id, role: "representative" }).onConflictDoNothing();
      orgs.push(org);
    }
    const stanceOf = () => pick(r, stances);
    // Every organisation speaks twice, all at once; then one organisation is revoked and another changes type.
    await Promise.all(
      orgs.flatMap((o) =>
        [stanceOf(), stanceOf()].map((stance) =>
          rep.positions.record({ normId: norm.id, organizationId: o.id, stance, statement: stance === "object" || stance === "endorse_with_reservations" ? "The second clause goes further than existing law allows." : "" }),
        ),
      ),
    );
    const staffUser = await createUser(db, { role: "secretariat" });
    const staff = await callerAs(db, staffUser);
    await staff.verification.revoke({ organizationId: orgs[0]!.id, reason: "The organisation could not show who it speaks for." });
    const { organizations } = await import("~/db/schema");
    await db.update(organizations).set({ stakeholderType: stakeholderTypes.find((t) => t !== orgs[1]!.stakeholderType)! }).where(eq(organizations.id, orgs[1]!.id));
    await db.transaction((tx) => refreshMeasures(tx, norm.id));

    const [stored] = await rows<{ counted: number[]; recount: number[] }>(sql`select counted_by_group as counted, norm_counted(id) as recount from norms where id = ${norm.id}`);
    expect(stored!.counted).toEqual(stored!.recount);
    const view = await rep.positions.forNorm({ slug });
    const row = (await db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!;
    expect(row.positionCount).toBe(view.measures.counts.total);
    expect(row.support).toBe(view.measures.support);
    expect(row.bridging).toBe(view.measures.bridging);
    expect(row.contestation).toBe(view.measures.contestation);
    expect(row.supportLowerBound).toBe(supportLowerBound(view.measures.counts));
    expect(row.contestationLowerBound).toBe(contestationLowerBound(view.measures.counts));
  }, 120_000);
});
