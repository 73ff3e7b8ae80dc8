import { readdirSync, readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { normPositionHistory, normPositions, norms, type Region, type StakeholderType } from "~/db/schema";
import type { Stance } from "~/server/schemas/vocabulary";
import { computeMeasures, wilsonLowerBound } from "~/server/domain/measures";
import { normPositionsCsvResponse, normPositionsResponse } from "~/server/open-data/positions";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, fieldErrorsOf, zodPaths } from "./support/errors";
import { overriding, mergeStatement } from "./support/moves";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const fields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses: ["States should not conduct or knowingly support activity to harm CSIRTs.", "States should not use CSIRTs for malicious activity."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: [],
};
const REASON = "The second clause goes further than existing law allows.";

let titles = 0;
/** A norm in consultation, its proposer's caller, and the secretariat's. */
async function publicNorm() {
  const proposer = await createUser(database.db);
  const staff = await createUser(database.db, { role: "secretariat" });
  const api = await callerAs(database.db, proposer);
  const { slug } = await api.norms.create({ ...fields, title: `Protecting response teams ${titles++}` });
  const norm = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await api.norms.submit({ normId: norm.id });
  return { norm, slug, proposer: api, staff: await callerAs(database.db, staff) };
}

/** A representative of a verified organisation of the given type and region. */
async function speaker(stakeholderType: StakeholderType = "civil_society", region: Region = "global", status: "verified" | "pending" = "verified") {
  const user = await createUser(database.db);
  const organization = await createOrganization(database.db, { createdById: user.id, status, stakeholderType, region });
  return { user, organization, api: await callerAs(database.db, user) };
}

const revise = (api: Awaited<ReturnType<typeof callerAs>>, normId: string, title: string, baseVersion: number) =>
  api.norms.revise({ ...fields, title, normId, baseVersion, clauses: [`Clause revised in version ${baseVersion + 1}.`], changeSummary: "Tightened the text." });

describe("recording a position", () => {
  it("records one current position per organisation and keeps every change in the history", async () => {
    const { norm, slug } = await publicNorm();
    const s = await speaker("state", "african");
    expect(await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "object", statement: REASON })).toMatchObject({
      changed: true,
      sequence: 1,
    });
    await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse_with_reservations", statement: "We can accept it if clause 2 is read narrowly." });

    const visitor = await callerAs(database.db, null);
    const view = await visitor.positions.forNorm({ slug });
    expect(view.positions).toHaveLength(1);
    expect(view.positions[0]).toMatchObject({
      stance: "endorse_with_reservations",
      version: 1,
      current: true,
      recordedBy: s.user.displayName,
      organization: { id: s.organization.id, verified: true, stakeholderType: "state", region: "african" },
    });
    const history = await visitor.positions.history({ slug });
    expect(history.entries.map((e) => [e.sequence, e.stance])).toEqual([
      [2, "endorse_with_reservations"],
      [1, "object"],
    ]);
    expect(await database.db.$count(normPositions, eq(normPositions.normId, norm.id))).toBe(1);
    const own = await visitor.positions.forOrganization({ slug: s.organization.slug });
    expect(own.positions.map((p) => [p.norm.slug, p.stance])).toEqual([[slug, "endorse_with_reservations"]]);
    expect(own.history).toHaveLength(2);
  });

  it("writes nothing when the same position is recorded again on the same text", async () => {
    const { norm, slug } = await publicNorm();
    const s = await speaker();
    await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse" });
    expect(await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse" })).toMatchObject({ changed: false });
    expect((await s.api.positions.history({ slug })).entries).toHaveLength(1);
  });

  it("lets a person who represents several organisations choose which one speaks", async () => {
    const { norm, slug } = await publicNorm();
    const s = await speaker("academia", "weog");
    const second = await createOrganization(database.db, { createdById: s.user.id, status: "verified", stakeholderType: "private_sector", region: "asia_pacific" });
    await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse" });
    await s.api.positions.record({ normId: norm.id, organizationId: second.id, stance: "abstain" });
    const view = await s.api.positions.forNorm({ slug });
    expect(view.viewer.organizations.map((o) => [o.id, o.position?.stance])).toEqual(
      expect.arrayContaining([
        [s.organization.id, "endorse"],
        [second.id, "abstain"],
      ]),
    );
    expect(view.measures.counts).toMatchObject({ endorse: 1, abstain: 1, total: 2 });
  });
});

describe("rules and bad input", () => {
  it("refuses a missing or short statement for objections and reservations, an unknown stance and an over-long statement", async () => {
    const { norm } = await publicNorm();
    const s = await speaker();
    const base = { normId: norm.id, organizationId: s.organization.id };
    const noReason = await failure(s.api.positions.record({ ...base, stance: "object" }));
    expect(noReason.code).toBe("BAD_REQUEST");
    expect(zodPaths(noReason)).toEqual(["statement"]);
    expect(zodPaths(await failure(s.api.positions.record({ ...base, stance: "endorse_with_reservations", statement: "Too short." })))).toEqual(["statement"]);
    expect(zodPaths(await failure(s.api.positions.record({ ...base, stance: "support" as never })))).toEqual(["stance"]);
    expect(zodPaths(await failure(s.api.positions.record({ ...base, stance: "endorse", statement: "x".repeat(5001) })))).toEqual(["statement"]);
    expect(await database.db.$count(normPositionHistory, eq(normPositionHistory.normId, norm.id))).toBe(0);
  });

  it("lets a representative speak only for an organisation they represent", async () => {
    const { norm } = await publicNorm();
    const a = await speaker();
    const b = await speaker();
    const member = await createUser(database.db);
    await addMember(database.db, b.organization.id, member.id, "member");
    const forOther = await failure(a.api.positions.record({ normId: norm.id, organizationId: b.organization.id, stance: "endorse" }));
    expect(forOther.code).toBe("FORBIDDEN");
    expect(forOther.message).toMatch(/Only a representative of/);
    const asMember = await failure((await callerAs(database.db, member)).positions.record({ normId: norm.id, organizationId: b.organization.id, stance: "endorse" }));
    expect(asMember.code).toBe("FORBIDDEN");
    const reaffirmOther = await failure(a.api.positions.reaffirm({ normId: norm.id, organizationId: b.organization.id }));
    expect(reaffirmOther.code).toBe("FORBIDDEN");
    expect(await database.db.$count(normPositions, eq(normPositions.normId, norm.id))).toBe(0);
  });

  it("refuses organisations that are not verified", async () => {
    const { norm } = await publicNorm();
    const pending = await speaker("civil_society", "global", "pending");
    const refused = await failure(pending.api.positions.record({ normId: norm.id, organizationId: pending.organization.id, stance: "endorse" }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/not verified yet/);
  });

  it("records positions in consultation and endorsement, only adherence once concluded, saying why otherwise", async () => {
    const s = await speaker();
    const record = (normId: string) => s.api.positions.record({ normId, organizationId: s.organization.id, stance: "endorse" });

    // A draft is not visible to others at all.
    const proposer = await createUser(database.db);
    const draft = await (await callerAs(database.db, proposer)).norms.create({ ...fields, title: `A draft norm ${titles++}` });
    const draftRow = (await database.db.query.norms.findFirst({ where: eq(norms.slug, draft.slug) }))!;
    expect((await failure(record(draftRow.id))).code).toBe("NOT_FOUND");

    const { norm, staff, slug } = await publicNorm();
    await record(norm.id);
    await staff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
    await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "abstain" });
    await staff.norms.transition({ normId: norm.id, transition: "conclude", ...overriding });
    // Concluded: abstaining or objecting is refused; adhering is what remains (tests/adherence.test.ts).
    const closed = await failure(s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "object", statement: REASON }));
    expect(closed.code).toBe("BAD_REQUEST");
    expect(closed.message).toMatch(/concluded: organisations may now only adhere/);
    // The record stays.
    const view = await s.api.positions.forNorm({ slug });
    expect(view.open).toBe(true);
    expect(view.positions.map((p) => p.stance)).toEqual(["abstain"]);

    const withdrawn = await publicNorm();
    await withdrawn.proposer.norms.withdraw({ normId: withdrawn.norm.id });
    expect((await failure(record(withdrawn.norm.id))).message).toMatch(/withdrawn/);

    const merged = await publicNorm();
    const survivor = await publicNorm();
    await merged.staff.norms.merge({ normId: merged.norm.id, intoSlug: survivor.slug, statement: mergeStatement });
    expect((await failure(record(merged.norm.id))).message).toMatch(/merged into another/);
  });

  it("refuses suspended representatives and visitors", async () => {
    const { norm } = await publicNorm();
    const s = await speaker();
    const staff = await callerAs(database.db, await createUser(database.db, { role: "secretariat" }));
    await staff.users.suspend({ userId: s.user.id, reason: "Testing the suspension." });
    const suspended = await callerAs(database.db, s.user);
    expect((await failure(suspended.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse" }))).code).toBe("FORBIDDEN");
    const visitor = await callerAs(database.db, null);
    expect((await failure(visitor.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse" }))).code).toBe("UNAUTHORIZED");
    expect(fieldErrorsOf(await failure(visitor.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse" })))).toEqual({});
  });
});

describe("versions and reaffirming", () => {
  it("shows a position as given on an earlier version until it is reaffirmed", async () => {
    const { norm, slug, proposer } = await publicNorm();
    const s = await speaker();
    await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse_with_reservations", statement: "We ask for a narrower reading of clause 2." });
    const tooEarly = await failure(s.api.positions.reaffirm({ normId: norm.id, organizationId: s.organization.id }));
    expect(tooEarly.message).toMatch(/already given on the current text/);

    await revise(proposer, norm.id, norm.title, 1);
    let view = await s.api.positions.forNorm({ slug });
    expect(view.positions[0]).toMatchObject({ version: 1, current: false });
    expect(view.measures).toMatchObject({ onCurrentText: 0, counts: { total: 1 }, support: 1 });
    expect(view.viewer.organizations[0]!.position).toMatchObject({ version: 1, current: false });

    await s.api.positions.reaffirm({ normId: norm.id, organizationId: s.organization.id });
    view = await s.api.positions.forNorm({ slug });
    expect(view.positions[0]).toMatchObject({ version: 2, current: true, stance: "endorse_with_reservations", statement: "We ask for a narrower reading of clause 2." });
    expect(view.measures.onCurrentText).toBe(1);
    const history = await s.api.positions.history({ slug });
    expect(history.entries.map((e) => [e.kind, e.version])).toEqual([
      ["reaffirmed", 2],
      ["recorded", 1],
    ]);
  });

  it("refuses to reaffirm a position that does not exist", async () => {
    const { norm } = await publicNorm();
    const s = await speaker();
    expect((await failure(s.api.positions.reaffirm({ normId: norm.id, organizationId: s.organization.id }))).message).toMatch(/no position on this norm/);
  });
});

describe("measures", () => {
  it("counts verified organisations only, lists revoked ones apart, and keeps the norm's sort keys in step", async () => {
    const { norm, slug } = await publicNorm();
    const state = await speaker("state", "african");
    const company = await speaker("private_sector", "weog");
    const ngo = await speaker("civil_society", "asia_pacific");
    await state.api.positions.record({ normId: norm.id, organizationId: state.organization.id, stance: "endorse" });
    await company.api.positions.record({ normId: norm.id, organizationId: company.organization.id, stance: "object", statement: REASON });
    await ngo.api.positions.record({ normId: norm.id, organizationId: ngo.organization.id, stance: "endorse" });

    const visitor = await callerAs(database.db, null);
    let view = await visitor.positions.forNorm({ slug });
    expect(view.measures).toMatchObject({ support: 2 / 3, counts: { total: 3, object: 1 }, breadth: { stakeholderTypes: 2, regions: 2 } });
    expect(view.catalogue.byStakeholderType.map((g) => [g.group, g.entries.map((e) => e.statement)])).toEqual([["private_sector", [REASON]]]);
    expect(view.catalogue.byRegion.map((g) => g.group)).toEqual(["weog"]);
    let row = (await database.db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!;
    expect(row.support).toBeCloseTo(2 / 3, 5);
    expect(row.positionCount).toBe(3);

    // Revoking the company's verification: its objection stays visible, apart, and stops counting.
    const staff = await callerAs(database.db, await createUser(database.db, { role: "secretariat" }));
    await staff.verification.revoke({ organizationId: company.organization.id, reason: "Could not confirm it operates independently." });
    view = await visitor.positions.forNorm({ slug });
    expect(view.positions.map((p) => p.organization.id).sort()).toEqual([state.organization.id, ngo.organization.id].sort());
    expect(view.uncounted.map((p) => [p.organization.id, p.organization.verified])).toEqual([[company.organization.id, false]]);
    expect(view.measures).toMatchObject({ support: 1, uncounted: 1, counts: { total: 2, object: 0 } });
    expect(view.catalogue.byStakeholderType).toEqual([]);
    row = (await database.db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!;
    expect(row.support).toBe(1);
    expect(row.contestation).toBe(0);
    expect(row.positionCount).toBe(2);

    // Verified again: counted again.
    // Its representative came from the factory, provisional: verifying again takes an exception (issue 17).
    const verifyAgain = () =>
      staff.verification.verify({
        organizationId: company.organization.id,
        confirmName: company.organization.name,
        exceptions: [{ userId: company.user.id, reason: "Known to the secretariat from the registration." }],
      });
    await verifyAgain();
    row = (await database.db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!;
    expect(row.positionCount).toBe(3);

    // A change of region sends it back to review: its position stops counting until verified
    // again, then counts in its new region.
    await company.api.organizations.update({
      organizationId: company.organization.id,
      name: company.organization.name,
      stakeholderType: "private_sector",
      region: "african",
      country: "",
      website: "",
      description: "",
    });
    view = await visitor.positions.forNorm({ slug });
    expect(view.uncounted.map((p) => p.organization.id)).toEqual([company.organization.id]);
    await verifyAgain();
    view = await visitor.positions.forNorm({ slug });
    expect(view.measures.byRegion.find((g) => g.group === "african")!.counts).toMatchObject({ endorse: 1, object: 1 });
    row = (await database.db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!;
    expect(row.bridging).toBeCloseTo(view.measures.bridging, 5);
  });

  it("sorts the norm list by support, bridging score and contestation, with norms without positions last", async () => {
    const broad = await publicNorm();
    const narrow = await publicNorm();
    const contested = await publicNorm();
    const empty = await publicNorm();
    const groups: [StakeholderType, Region][] = [
      ["state", "african"],
      ["academia", "latin_american_caribbean"],
      ["technical_community", "eastern_european"],
    ];
    for (const [type, region] of groups) {
      const s = await speaker(type, region);
      await s.api.positions.record({ normId: broad.norm.id, organizationId: s.organization.id, stance: "endorse" });
    }
    for (let i = 0; i < 3; i++) {
      const s = await speaker("state", "weog");
      await s.api.positions.record({ normId: narrow.norm.id, organizationId: s.organization.id, stance: "endorse" });
    }
    for (const stance of ["endorse", "object", "object"] as const) {
      const s = await speaker();
      await s.api.positions.record({ normId: contested.norm.id, organizationId: s.organization.id, stance, statement: stance === "object" ? REASON : "" });
    }
    const visitor = await callerAs(database.db, null);
    const order = async (sort: "support" | "bridging" | "contested") => {
      const slugs: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await visitor.norms.list({ sort, limit: 2, cursor });
        slugs.push(...page.items.map((i) => i.slug));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return slugs.filter((s) => [broad.slug, narrow.slug, contested.slug, empty.slug].includes(s));
    };
    expect((await order("bridging")).slice(0, 2)).toEqual([broad.slug, narrow.slug]);
    expect((await order("contested"))[0]).toBe(contested.slug);
    const bySupport = await order("support");
    expect(bySupport.indexOf(contested.slug)).toBeGreaterThan(bySupport.indexOf(broad.slug));
    expect(bySupport.at(-1)).toBe(empty.slug);
    const item = (await visitor.norms.list({ sort: "bridging", limit: 100 })).items.find((i) => i.slug === broad.slug)!;
    expect(item).toMatchObject({ positionCount: 3, support: 1 });
  });
});

describe("ranking by the Wilson lower bound", () => {
  const listOrder = async (sort: "support" | "contested", slugs: string[]) => {
    const visitor = await callerAs(database.db, null);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await visitor.norms.list({ sort, limit: 3, cursor });
      seen.push(...page.items.map((i) => i.slug));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen.filter((s) => slugs.includes(s));
  };
  const record = async (normId: string, stances: readonly ("endorse" | "object" | "abstain")[]) => {
    for (const stance of stances) {
      const s = await speaker();
      await s.api.positions.record({ normId, organizationId: s.organization.id, stance, statement: stance === "object" ? REASON : "" });
    }
  };

  it("puts 6 objections out of 8 above a lone objection in \"Most contested\", and 6 endorsements of 8 above a lone one in support", async () => {
    const loneObjection = await publicNorm();
    const manyObjections = await publicNorm();
    const loneEndorsement = await publicNorm();
    const manyEndorsements = await publicNorm();
    await record(loneObjection.norm.id, ["object"]);
    await record(manyObjections.norm.id, ["object", "object", "object", "object", "object", "object", "endorse", "endorse"]);
    await record(loneEndorsement.norm.id, ["endorse"]);
    await record(manyEndorsements.norm.id, ["endorse", "endorse", "endorse", "endorse", "endorse", "endorse", "object", "object"]);
    const slugs = [loneObjection.slug, manyObjections.slug, loneEndorsement.slug, manyEndorsements.slug];

    const contested = await listOrder("contested", slugs);
    expect(contested.indexOf(manyObjections.slug)).toBeLessThan(contested.indexOf(loneObjection.slug));
    const bySupport = await listOrder("support", slugs);
    expect(bySupport.indexOf(manyEndorsements.slug)).toBeLessThan(bySupport.indexOf(loneEndorsement.slug));

    // The stored keys are the app's own function of the counts.
    const row = (await database.db.query.norms.findFirst({ where: eq(norms.id, loneObjection.norm.id) }))!;
    expect(row.contestation).toBe(1);
    expect(row.contestationLowerBound).toBeCloseTo(0.2065, 3);
  });

  it("backfills the keys of existing norms in the migration exactly as the refresh computes them", async () => {
    const { norm } = await publicNorm();
    await record(norm.id, ["endorse", "object", "object", "abstain"]);
    const refreshed = (await database.db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!;
    await database.db.update(norms).set({ supportLowerBound: null, contestationLowerBound: null }).where(eq(norms.id, norm.id));
    const folder = new URL("../db/migrations/", import.meta.url);
    const file = readdirSync(folder).find((f) => f.endsWith("_wilson_lower_bounds.sql"))!;
    const migration = readFileSync(new URL(file, folder), "utf8");
    const backfill = migration.split("--> statement-breakpoint").at(-1)!;
    await database.db.execute(sql.raw(backfill));
    const backfilled = (await database.db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!;
    expect(backfilled.supportLowerBound).toBeCloseTo(refreshed.supportLowerBound!, 12);
    expect(backfilled.contestationLowerBound).toBeCloseTo(refreshed.contestationLowerBound!, 12);
    expect(refreshed.contestationLowerBound).toBeCloseTo(wilsonLowerBound(2, 4)!, 12);
  });
});

describe("the history is append-only", () => {
  it("refuses UPDATE and DELETE on history rows in the database itself", async () => {
    const { norm } = await publicNorm();
    const s = await speaker();
    await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse" });
    await expect(database.db.execute(sql`update norm_position_history set stance = 'object' where norm_id = ${norm.id}`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from norm_position_history where norm_id = ${norm.id}`)).rejects.toThrow();
    expect(await database.db.$count(normPositionHistory, eq(normPositionHistory.normId, norm.id))).toBe(1);
  });
});

// Real concurrent connections: PGlite has one connection, so these run on PostgreSQL (as in CI).
describe.skipIf(!process.env.TEST_DATABASE_URL)("under concurrency (PostgreSQL)", () => {
  it("keeps one current row and both history entries, in order, when two representatives save at once", async () => {
    const { norm, slug } = await publicNorm();
    const a = await speaker();
    const other = await createUser(database.db);
    await addMember(database.db, a.organization.id, other.id, "representative");
    const b = await callerAs(database.db, other);
    const results = await Promise.all([
      a.api.positions.record({ normId: norm.id, organizationId: a.organization.id, stance: "endorse" }),
      b.positions.record({ normId: norm.id, organizationId: a.organization.id, stance: "object", statement: REASON }),
    ]);
    expect(results.map((r) => r.sequence).sort()).toEqual([1, 2]);
    const current = await database.db.select().from(normPositions).where(eq(normPositions.normId, norm.id));
    expect(current).toHaveLength(1);
    const history = (await a.api.positions.history({ slug })).entries;
    expect(history.map((e) => e.sequence)).toEqual([2, 1]);
    // The current row is the later of the two.
    expect(current[0]!.stance).toBe(history[0]!.stance);
    expect(current[0]!.sequence).toBe(2);
  });

  it("undoes a write whose norm concluded while it waited for the norm's lock, and decides again under the new rules", async () => {
    const { norm } = await publicNorm();
    const s = await speaker();
    let pending: Promise<unknown> | undefined;
    await database.db.transaction(async (tx) => {
      // Another writer holds the norm's row and concludes it.
      await tx.execute(sql`update norms set status = 'concluded' where id = ${norm.id}`);
      pending = s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "object", statement: REASON });
      pending.catch(() => {}); // Awaited below, once this transaction has committed.
      // The write has read the norm as open, written the position, and waits for the norm's lock.
      for (let i = 0; ; i++) {
        const [waiting] = (await database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%with norm as (%select n.id, n.slug, n.status%'`,
        )) as unknown as { n: number }[];
        if (waiting!.n > 0) break;
        if (i > 200) throw new Error("the write never waited for the norm");
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    });
    // Its first attempt was undone; the second read the norm concluded, where an objection is not adherence.
    expect((await failure(pending!)).code).toBe("BAD_REQUEST");
    expect(await database.db.$count(normPositions, eq(normPositions.normId, norm.id))).toBe(0);
    expect(await database.db.$count(normPositionHistory, eq(normPositionHistory.normId, norm.id))).toBe(0);
    expect((await database.db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!.positionCount).toBe(0);
  });

  it("counts exactly when hundreds of organisations record positions on one norm at once", async () => {
    const { norm, slug } = await publicNorm();
    const rep = await createUser(database.db);
    const api = await callerAs(database.db, rep);
    const types: StakeholderType[] = ["state", "private_sector", "civil_society", "academia", "technical_community", "intergovernmental"];
    const regionList: Region[] = ["african", "asia_pacific", "eastern_european", "latin_american_caribbean", "weog", "global"];
    const stanceOf = (i: number) => (["endorse", "endorse_with_reservations", "object", "abstain"] as const)[i % 4]!;
    const organizations = [];
    for (let i = 0; i < 240; i++) {
      organizations.push(await createOrganization(database.db, { createdById: rep.id, status: "verified", stakeholderType: types[i % 6], region: regionList[(i * 5) % 6] }));
    }
    await Promise.all(
      organizations.map((o, i) => {
        const stance = stanceOf(i);
        return api.positions.record({ normId: norm.id, organizationId: o.id, stance, statement: stance === "object" || stance === "endorse_with_reservations" ? REASON : "" });
      }),
    );
    const view = await api.positions.forNorm({ slug });
    expect(view.measures.counts).toEqual({ endorse: 60, endorse_with_reservations: 60, object: 60, abstain: 60, total: 240 });
    expect(await database.db.$count(normPositionHistory, eq(normPositionHistory.normId, norm.id))).toBe(240);
    const expected = computeMeasures(
      organizations.map((o, i) => ({ stance: stanceOf(i), stakeholderType: o.stakeholderType, region: o.region, verified: true, current: true })),
    );
    const row = (await database.db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!;
    expect(row.positionCount).toBe(240);
    expect(row.support).toBeCloseTo(expected.support!, 5);
    expect(row.bridging).toBeCloseTo(expected.bridging, 5);
    expect(row.contestation).toBeCloseTo(expected.contestation!, 5);
  }, 120_000);
});

describe("a norm with a long record (issue 15)", () => {
  it("shows the first 50 positions and 5 reasons per group, with totals, and pages through the rest by keyset", async () => {
    const { norm, slug } = await publicNorm();
    const types: StakeholderType[] = ["civil_society", "private_sector", "academia"];
    const made: { name: string; stance: string }[] = [];
    for (let i = 0; i < 57; i++) {
      const s = await speaker(types[i % types.length], i % 2 ? "african" : "weog");
      const stance = i % 4 === 0 ? "object" : i % 4 === 1 ? "endorse_with_reservations" : "endorse";
      await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance, statement: stance === "endorse" ? "" : REASON });
      made.push({ name: s.organization.name, stance });
    }
    const revoked = await speaker("academia", "weog");
    await revoked.api.positions.record({ normId: norm.id, organizationId: revoked.organization.id, stance: "object", statement: REASON });
    await database.db.execute(sql`update organizations set verification_status = 'revoked' where id = ${revoked.organization.id}`);

    const visitor = await callerAs(database.db, null);
    const view = await visitor.positions.forNorm({ slug });
    expect(view.positions).toHaveLength(50);
    expect(view.positionsTotal).toBe(57);
    expect(view.uncountedTotal).toBe(1);
    expect(view.uncounted.map((p) => p.organization.id)).toEqual([revoked.organization.id]);
    // The figures count every verified position, not only those shown.
    expect(view.measures.counts.total).toBe(57);
    expect(view.measures.counts.object).toBe(made.filter((m) => m.stance === "object").length);
    const expected = computeMeasures(
      made.map((m, i) => ({ stance: m.stance as Stance, stakeholderType: types[i % types.length]!, region: i % 2 ? "african" : "weog", verified: true, current: true })),
    );
    expect(view.measures).toEqual({ ...expected, uncounted: 1 });
    // The catalogue: at most 5 per group, with the group's total of objections and reservations.
    const reasonsByType = (type: StakeholderType) => made.filter((m, i) => types[i % types.length] === type && m.stance !== "endorse").length;
    for (const group of view.catalogue.byStakeholderType) {
      expect(group.total).toBe(reasonsByType(group.group));
      expect(group.entries).toHaveLength(Math.min(5, group.total));
      expect(group.entries.every((e) => e.stance !== "endorse" && e.organization.stakeholderType === group.group)).toBe(true);
      expect(group.entries.every((e) => e.recordedAt instanceof Date && e.organization.verified && e.statement === REASON)).toBe(true);
    }
    expect(view.catalogue.byRegion.reduce((n, g) => n + g.total, 0)).toBe(made.filter((m) => m.stance !== "endorse").length);

    // Every position, once, in name order, through the list's page links.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await visitor.positions.list({ slug, cursor });
      expect(page.total).toBe(57);
      seen.push(...page.items.map((p) => p.organization.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...made.map((m) => m.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(seen.slice(0, 50)).toEqual(view.positions.map((p) => p.organization.name));

    // Filtered: one group's objections and reservations, as the catalogue's "all" link asks.
    const academia = await visitor.positions.list({ slug, stakeholderType: "academia", stance: "reasoned" });
    expect(academia.total).toBe(reasonsByType("academia"));
    expect(academia.items.every((p) => p.organization.stakeholderType === "academia" && p.stance !== "endorse")).toBe(true);
    const apart = await visitor.positions.list({ slug, counted: false });
    expect(apart.items.map((p) => p.organization.id)).toEqual([revoked.organization.id]);

    expect((await failure(visitor.positions.list({ slug, cursor: "not-a-page-link" }))).code).toBe("BAD_REQUEST");

    // The history, whole or a page at a time, newest first, each entry once.
    const whole = await visitor.positions.history({ slug });
    expect(whole.entries).toHaveLength(58);
    expect(whole.total).toBe(58);
    const paged: number[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await visitor.positions.history({ slug, limit: 20, cursor: after });
      expect(page.total).toBe(58);
      paged.push(...page.entries.map((e) => whole.entries.indexOf(whole.entries.find((w) => w.organization.id === e.organization.id && w.sequence === e.sequence)!)));
      after = page.nextCursor ?? undefined;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(paged).toEqual(whole.entries.map((_, i) => i));
    expect((await failure(visitor.positions.history({ slug, limit: 20, cursor: "garbage" }))).code).toBe("BAD_REQUEST");

    // The open data keeps the whole record: every position, counted first, in JSON and CSV.
    const json = (await (await normPositionsResponse(database.db, slug)).json()) as { positions: { organization: { name: string; verified: boolean } }[] };
    expect(json.positions).toHaveLength(58);
    expect(json.positions.slice(0, 57).map((p) => p.organization.name)).toEqual(seen);
    expect(json.positions[57]!.organization).toMatchObject({ name: revoked.organization.name, verified: false });
    const csv = await (await normPositionsCsvResponse(database.db, slug)).text();
    expect(csv.trim().split(/\r?\n/)).toHaveLength(59);
  }, 120_000);

  it("does not list the positions of a norm the reader may not see", async () => {
    const proposer = await createUser(database.db);
    const api = await callerAs(database.db, proposer);
    const { slug } = await api.norms.create({ ...fields, title: `A private draft ${titles++}` });
    expect((await failure((await callerAs(database.db, null)).positions.list({ slug }))).code).toBe("NOT_FOUND");
    expect((await failure((await callerAs(database.db, await createUser(database.db))).positions.list({ slug }))).code).toBe("NOT_FOUND");
    expect((await api.positions.list({ slug })).total).toBe(0);
    // Nor in full, nor their history (the open data's reads).
    expect((await failure((await callerAs(database.db, null)).positions.every({ slug }))).code).toBe("NOT_FOUND");
    expect((await failure((await callerAs(database.db, null)).positions.history({ slug, limit: 10 }))).code).toBe("NOT_FOUND");
  });
});
