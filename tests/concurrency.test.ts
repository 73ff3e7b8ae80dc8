import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import {
  normCoauthors,
  normPositionHistory,
  normPositions,
  norms,
  normVersions,
  organizationMembers,
  organizations,
  type Region,
  type Stance,
  type StakeholderType,
  stocktakeRevisions,
  stocktakes,
} from "~/db/schema";
import { computeMeasures } from "~/server/domain/measures";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { overriding } from "./support/moves";

// The rules that hold under real parallel connections. PGlite has a single connection, so these
// run on PostgreSQL only: CI sets TEST_DATABASE_URL; without it they are reported as skipped.
const onPostgres = !!process.env.TEST_DATABASE_URL;

let database: Database;
beforeAll(async () => {
  if (onPostgres) database = await createTestDatabase();
});
afterAll(async () => {
  if (onPostgres) await database.close();
});

const fields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses: ["States should not harm CSIRTs.", "States should cooperate with CSIRTs."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: [],
};
const REASON = "The second clause goes further than existing law allows.";
const types: StakeholderType[] = ["state", "private_sector", "civil_society", "academia", "technical_community", "intergovernmental"];
const regionList: Region[] = ["african", "asia_pacific", "eastern_european", "latin_american_caribbean", "weog", "global"];
const stances: Stance[] = ["endorse", "endorse_with_reservations", "object", "abstain"];
const statementFor = (stance: Stance) => (stance === "object" || stance === "endorse_with_reservations" ? REASON : "");

async function normInConsultation(title: string) {
  const proposerUser = await createUser(database.db);
  const proposer = await callerAs(database.db, proposerUser);
  const { slug } = await proposer.norms.create({ ...fields, title });
  const norm = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await proposer.norms.submit({ normId: norm.id });
  return { norm, slug, proposer, proposerUser };
}

describe.skipIf(!onPostgres)("under real concurrency (PostgreSQL; skipped unless TEST_DATABASE_URL is set)", () => {
  it("1,000 position writes at once from 500 organisations leave one current position each, a complete history and exact figures", async () => {
    const { norm, slug } = await normInConsultation("Protecting response teams under load");
    const repUser = await createUser(database.db);
    const rep = await callerAs(database.db, repUser);
    // 500 verified organisations of every type and region, all represented by one person.
    const rows = Array.from({ length: 500 }, (_, i) => ({
      name: `Load organisation ${i}`,
      slug: `load-organisation-${i}-${norm.id.slice(0, 8)}`,
      stakeholderType: types[i % types.length]!,
      region: regionList[(i * 5) % regionList.length]!,
      description: "",
      verificationStatus: "verified" as const,
      statusChangedAt: new Date(),
      createdById: repUser.id,
    }));
    const orgs = await database.db.insert(organizations).values(rows).returning();
    await database.db.insert(organizationMembers).values(orgs.map((o) => ({ organizationId: o.id, userId: repUser.id, role: "representative" as const, listed: true })));

    // Each organisation writes twice, with different stances, all 1,000 calls in flight together.
    const first = (i: number) => stances[i % 4]!;
    const second = (i: number) => stances[(i + 1) % 4]!;
    const calls = orgs.flatMap((o, i) =>
      [first(i), second(i)].map((stance) => rep.positions.record({ normId: norm.id, organizationId: o.id, stance, statement: statementFor(stance) })),
    );
    const results = await Promise.allSettled(calls);
    const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    // Each failure with what the database said, so that a rare one can be diagnosed from the log.
    const described = (f: PromiseRejectedResult) => {
      const cause = (f.reason as { cause?: { code?: string; message?: string; cause?: { code?: string; message?: string } } }).cause;
      return [String(f.reason), cause?.code ?? cause?.cause?.code, cause?.cause?.message ?? cause?.message].filter(Boolean).join(" | ");
    };
    expect(failed.map(described)).toEqual([]);

    const current = await database.db.select().from(normPositions).where(eq(normPositions.normId, norm.id));
    expect(current).toHaveLength(500);
    expect(new Set(current.map((p) => p.organizationId)).size).toBe(500);
    const history = await database.db.select().from(normPositionHistory).where(eq(normPositionHistory.normId, norm.id));
    expect(history).toHaveLength(1000);
    // Per organisation: sequences 1 and 2, both stances, and the current row is the later entry.
    const byOrg = new Map<string, typeof history>();
    for (const h of history) byOrg.set(h.organizationId, [...(byOrg.get(h.organizationId) ?? []), h]);
    orgs.forEach((o, i) => {
      const entries = byOrg.get(o.id)!.sort((a, b) => a.sequence - b.sequence);
      expect(entries.map((e) => e.sequence)).toEqual([1, 2]);
      expect(new Set(entries.map((e) => e.stance))).toEqual(new Set([first(i), second(i)]));
      const now = current.find((c) => c.organizationId === o.id)!;
      expect([now.stance, now.sequence]).toEqual([entries[1]!.stance, 2]);
    });

    // The figures stored on the norm and shown on its page equal a recount from the current rows.
    const orgById = new Map(orgs.map((o) => [o.id, o]));
    const expected = computeMeasures(
      current.map((c) => ({ stance: c.stance, stakeholderType: orgById.get(c.organizationId)!.stakeholderType, region: orgById.get(c.organizationId)!.region, verified: true, current: true })),
    );
    const view = await rep.positions.forNorm({ slug });
    expect(view.measures.counts).toEqual(expected.counts);
    const row = (await database.db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!;
    expect(row.positionCount).toBe(500);
    expect(row.support).toBeCloseTo(expected.support!, 6);
    expect(row.bridging).toBeCloseTo(expected.bridging, 6);
    expect(row.contestation).toBeCloseTo(expected.contestation!, 6);
  }, 300_000);

  it("two authors saving revisions from the same version at once: one wins, the other is told of the conflict", async () => {
    const { norm, proposer } = await normInConsultation("Protecting response teams, revised twice");
    const coauthorUser = await createUser(database.db);
    await database.db.insert(normCoauthors).values({ normId: norm.id, userId: coauthorUser.id });
    const coauthor = await callerAs(database.db, coauthorUser);
    const revise = (api: typeof proposer, words: string) =>
      api.norms.revise({ ...fields, title: "Protecting response teams, revised twice", normId: norm.id, baseVersion: 1, changeSummary: `${words}.`, clauses: [`${words} in clause one.`, fields.clauses[1]!] });
    const results = await Promise.allSettled([revise(proposer, "The proposer's wording"), revise(coauthor, "The co-author's wording")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason.code).toBe("CONFLICT");
    expect(await database.db.$count(normVersions, eq(normVersions.normId, norm.id))).toBe(2);
  });

  it("two secretariat members publishing the same stock-take at once make one publication", async () => {
    const year = 2090;
    const [aUser, bUser] = [await createUser(database.db, { role: "secretariat" }), await createUser(database.db, { role: "secretariat" })];
    const [a, b] = [await callerAs(database.db, aUser), await callerAs(database.db, bUser)];
    const repUser = await createUser(database.db);
    const organization = await createOrganization(database.db, { createdById: repUser.id, status: "verified", stakeholderType: "state", region: "african" });
    const rep = await callerAs(database.db, repUser);
    const { norm } = await normInConsultation("Protecting response teams, stock-taken");
    await rep.positions.record({ normId: norm.id, organizationId: organization.id, stance: "endorse", statement: "" });
    await a.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await a.stocktakes.open({ year, opensOn: day(-5), closesOn: day(5), normIds: [norm.id], referenceNormIds: [] });
    await a.stocktakes.close({ year });
    const results = await Promise.allSettled([a.stocktakes.publish({ year }), b.stocktakes.publish({ year })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(loser.reason.message)).toMatch(/already being published|published meanwhile|correction|erratum/);
    const st = (await database.db.query.stocktakes.findFirst({ where: eq(stocktakes.year, year) }))!;
    expect(await database.db.$count(stocktakeRevisions, and(eq(stocktakeRevisions.stocktakeId, st.id)))).toBe(1);
  }, 120_000);
});
