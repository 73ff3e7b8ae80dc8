// Adherence after conclusion: a concluded norm stays open to endorsements and their withdrawal,
// each dated by the forum's clock; the figures at the close of endorsement are frozen apart and
// never move; the adherence series comes from the position history. Time is set, never waited for.
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { normFrozenFigures, normPositionHistory, normPositions, norms, type Region, type StakeholderType } from "~/db/schema";
import { setClock } from "~/server/clock";
import { adherenceSeries } from "~/server/domain/adherence";
import { computeMeasures, measuresFromCounted } from "~/server/domain/measures";
import { normAdherenceResponse } from "~/server/open-data/positions";
import { regions, stakeholderTypes, stances } from "~/server/schemas/vocabulary";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure } from "./support/errors";
import { overriding, responseTeamNormFields } from "./support/moves";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());
afterEach(() => setClock(null));

const DAY = 86_400_000;
const REASON = "The second clause goes further than existing law allows.";
const RESERVATION = "We read the second clause as applying in peacetime only.";
let titles = 0;

async function speaker(stakeholderType: StakeholderType = "civil_society", region: Region = "global", status: "verified" | "pending" = "verified") {
  const user = await createUser(db);
  const organization = await createOrganization(db, { createdById: user.id, status, stakeholderType, region });
  return { user, organization, api: await callerAs(db, user) };
}

/** A norm in endorsement closing `closesInDays` after the clock's `start`, with its secretariat. */
async function inEndorsement(start: Date) {
  setClock(start, { stopped: true });
  const proposer = await callerAs(db, await createUser(db));
  const staff = await callerAs(db, await createUser(db, { role: "secretariat" }));
  const { slug } = await proposer.norms.create({ ...responseTeamNormFields, title: `Adhering to response team protection ${titles++}` });
  const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await proposer.norms.submit({ normId: norm.id });
  await staff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
  return { id: norm.id, slug, staff };
}

const row = async (id: string) => (await db.query.norms.findFirst({ where: eq(norms.id, id) }))!;
const frozenRow = async (id: string) => (await db.query.normFrozenFigures.findFirst({ where: eq(normFrozenFigures.normId, id) }))!;
const recount = async (id: string) => (await db.execute<{ c: number[] }>(sql`select norm_counted(${id}::uuid) as c`)) as unknown as { c: number[] }[];
async function storedMatchesRecount(id: string) {
  const result = await recount(id);
  const counted = (Array.isArray(result) ? result : (result as unknown as { rows: { c: number[] }[] }).rows)[0]!.c;
  expect((await row(id)).countedByGroup).toEqual(counted);
}

describe("concluding freezes the figures", () => {
  it("copies the counts and measures at the close of endorsement, dated at the close, and never moves them", async () => {
    const start = new Date("2031-03-02T09:00:00Z");
    const norm = await inEndorsement(start);
    const a = await speaker("state", "african");
    const b = await speaker("private_sector", "weog");
    const c = await speaker("academia", "asia_pacific");
    await a.api.positions.record({ normId: norm.id, organizationId: a.organization.id, stance: "endorse" });
    await b.api.positions.record({ normId: norm.id, organizationId: b.organization.id, stance: "object", statement: REASON });
    await c.api.positions.record({ normId: norm.id, organizationId: c.organization.id, stance: "abstain" });
    const closesAt = (await row(norm.id)).stageClosesAt!;
    // The secretariat concludes ten days after the stage closed.
    const concludedAt = new Date(closesAt.getTime() + 10 * DAY);
    setClock(concludedAt, { stopped: true });
    await norm.staff.norms.transition({ normId: norm.id, transition: "conclude", ...overriding });
    const atConclusion = await row(norm.id);
    const frozen = await frozenRow(norm.id);
    expect(frozen).toMatchObject({
      frozenAt: closesAt,
      concludedAt,
      countedByGroup: atConclusion.countedByGroup,
      positionCount: 3,
      support: 0.5,
      bridging: atConclusion.bridging,
      contestation: atConclusion.contestation,
      supportLowerBound: atConclusion.supportLowerBound,
      contestationLowerBound: atConclusion.contestationLowerBound,
    });

    // Adherence afterwards, and a verification revoked: the live figures move, the frozen ones do not.
    setClock(new Date(concludedAt.getTime() + 3 * DAY), { stopped: true });
    await b.api.positions.record({ normId: norm.id, organizationId: b.organization.id, stance: "endorse" });
    const staff = norm.staff;
    await staff.verification.revoke({ organizationId: a.organization.id, reason: "The organisation could not show who it speaks for." });
    expect(await frozenRow(norm.id)).toEqual(frozen);
    const live = await row(norm.id);
    expect(live.positionCount).toBe(2);
    expect(live.support).toBe(1);
    await storedMatchesRecount(norm.id);

    // The record is written once: the database refuses to change or remove it.
    await expect(db.update(normFrozenFigures).set({ positionCount: 99 }).where(eq(normFrozenFigures.normId, norm.id))).rejects.toThrow();
    await expect(db.delete(normFrozenFigures).where(eq(normFrozenFigures.normId, norm.id))).rejects.toThrow();

    const view = await (await callerAs(db, null)).positions.adherence({ slug: norm.slug });
    expect(view.frozen!.frozenAt).toEqual(closesAt);
    expect(view.frozen!.measures.counts).toMatchObject({ endorse: 1, object: 1, abstain: 1, total: 3 });
    expect(view.live!.counts).toMatchObject({ endorse: 1, object: 0, abstain: 1, total: 2 });
  });

  it("dates the record at the conclusion when the secretariat concluded before the closing date", async () => {
    const start = new Date("2031-05-04T12:00:00Z");
    const norm = await inEndorsement(start);
    const early = new Date(start.getTime() + 2 * DAY);
    setClock(early, { stopped: true });
    await norm.staff.norms.transition({ normId: norm.id, transition: "conclude", ...overriding });
    expect(await frozenRow(norm.id)).toMatchObject({ frozenAt: early, concludedAt: early, positionCount: 0 });
  });
});

describe("adhering after conclusion", () => {
  async function concluded() {
    const start = new Date("2031-06-01T08:00:00Z");
    const norm = await inEndorsement(start);
    const objector = await speaker("state", "eastern_european");
    await objector.api.positions.record({ normId: norm.id, organizationId: objector.organization.id, stance: "object", statement: REASON });
    setClock(new Date(start.getTime() + DAY), { stopped: true });
    await norm.staff.norms.transition({ normId: norm.id, transition: "conclude", ...overriding });
    return { ...norm, objector };
  }

  it("records endorsements, changes between the two, an objector's adherence and a withdrawal, each dated, with exact counts", async () => {
    const norm = await concluded();
    const concludedAt = (await frozenRow(norm.id)).concludedAt;
    const s = await speaker("civil_society", "latin_american_caribbean");
    const at = (days: number) => {
      const t = new Date(concludedAt.getTime() + days * DAY);
      setClock(t, { stopped: true });
      return t;
    };
    const t1 = at(2);
    expect(await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse" })).toMatchObject({ changed: true, sequence: 1 });
    at(4);
    await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse_with_reservations", statement: RESERVATION });
    at(5);
    await norm.objector.api.positions.record({ normId: norm.id, organizationId: norm.objector.organization.id, stance: "endorse" });
    await storedMatchesRecount(norm.id);

    // Objecting or abstaining after conclusion is refused, plainly, and changes nothing.
    const objecting = await failure(s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "object", statement: REASON }));
    expect(objecting.code).toBe("BAD_REQUEST");
    expect(objecting.message).toMatch(/only adhere to it/);
    const abstaining = await failure(norm.objector.api.positions.record({ normId: norm.id, organizationId: norm.objector.organization.id, stance: "abstain" }));
    expect(abstaining.code).toBe("BAD_REQUEST");

    const t7 = at(7);
    expect(await s.api.positions.withdraw({ normId: norm.id, organizationId: s.organization.id, reason: "Our government changed its policy." })).toMatchObject({ sequence: 3 });
    expect(await db.$count(normPositions, eq(normPositions.organizationId, s.organization.id))).toBe(0);
    const history = await db.query.normPositionHistory.findMany({ where: eq(normPositionHistory.organizationId, s.organization.id), orderBy: (h, { asc }) => [asc(h.sequence)] });
    expect(history.map((h) => [h.sequence, h.kind, h.stance, h.recordedAt.toISOString()])).toEqual([
      [1, "recorded", "endorse", t1.toISOString()],
      [2, "recorded", "endorse_with_reservations", history[1]!.recordedAt.toISOString()],
      [3, "withdrawn", "endorse_with_reservations", t7.toISOString()],
    ]);
    expect(history[2]!.statement).toBe("Our government changed its policy.");
    await storedMatchesRecount(norm.id);

    // Nothing left to withdraw; adhering again continues the organisation's sequence.
    const again = await failure(s.api.positions.withdraw({ normId: norm.id, organizationId: s.organization.id }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/does not currently adhere/);
    at(9);
    expect(await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse" })).toMatchObject({ changed: true, sequence: 4 });
    await storedMatchesRecount(norm.id);

    // The public history names the withdrawal; the positions panel offers adherence.
    const visitor = await callerAs(db, null);
    expect((await visitor.positions.history({ slug: norm.slug })).entries.map((e) => e.kind)).toContain("withdrawn");
    const view = await s.api.positions.forNorm({ slug: norm.slug });
    expect(view).toMatchObject({ open: true, closedReason: null });
    expect(view.viewer.organizations[0]!.position!.stance).toBe("endorse");
  });

  it("reaffirms an endorsement given on an earlier text on the final one, and refuses to carry an objection forward", async () => {
    setClock(new Date("2031-08-01T08:00:00Z"), { stopped: true });
    const proposer = await callerAs(db, await createUser(db));
    const staff = await callerAs(db, await createUser(db, { role: "secretariat" }));
    const { slug } = await proposer.norms.create({ ...responseTeamNormFields, title: `Reaffirming after conclusion ${titles++}` });
    const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
    await proposer.norms.submit({ normId: norm.id });
    const [endorser, objector] = [await speaker("state", "african"), await speaker("academia", "weog")];
    await endorser.api.positions.record({ normId: norm.id, organizationId: endorser.organization.id, stance: "endorse" });
    await objector.api.positions.record({ normId: norm.id, organizationId: objector.organization.id, stance: "object", statement: REASON });
    await proposer.norms.revise({ ...responseTeamNormFields, title: `Reaffirming after conclusion ${titles}`, normId: norm.id, baseVersion: 1, changeSummary: "Tightened the text." });
    await staff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
    await staff.norms.transition({ normId: norm.id, transition: "conclude", ...overriding });
    expect(await endorser.api.positions.reaffirm({ normId: norm.id, organizationId: endorser.organization.id })).toMatchObject({ version: 2 });
    const refused = await failure(objector.api.positions.reaffirm({ normId: norm.id, organizationId: objector.organization.id }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/only adhere to it/);
  });

  it("refuses a withdrawal from whoever may not make it, and outside a concluded norm", async () => {
    const norm = await concluded();
    const s = await speaker();
    await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse" });
    const withdraw = (api: Awaited<ReturnType<typeof callerAs>>, organizationId = s.organization.id) => failure(api.positions.withdraw({ normId: norm.id, organizationId }));

    expect((await withdraw(await callerAs(db, null))).code).toBe("UNAUTHORIZED");
    const member = await createUser(db);
    await addMember(db, s.organization.id, member.id);
    expect((await withdraw(await callerAs(db, member))).code).toBe("FORBIDDEN");
    // The objector has a position, but no adherence to withdraw.
    expect((await withdraw(norm.objector.api, norm.objector.organization.id)).code).toBe("CONFLICT");
    // An organisation not verified speaks for nobody.
    const pending = await speaker("academia", "global", "pending");
    const unverified = await withdraw(pending.api, pending.organization.id);
    expect(unverified.code).toBe("PRECONDITION_FAILED");
    expect(unverified.message).toMatch(/not verified/);
    // A suspended representative may do nothing.
    const staff = await callerAs(db, await createUser(db, { role: "secretariat" }));
    await staff.users.suspend({ userId: s.user.id, reason: "Testing the suspension." });
    expect((await withdraw(await callerAs(db, s.user))).code).toBe("FORBIDDEN");

    // While positions are open, a different position is recorded instead.
    const open = await inEndorsement(new Date("2031-07-01T08:00:00Z"));
    const t = await speaker();
    await t.api.positions.record({ normId: open.id, organizationId: t.organization.id, stance: "endorse" });
    const notConcluded = await failure(t.api.positions.withdraw({ normId: open.id, organizationId: t.organization.id }));
    expect(notConcluded.code).toBe("PRECONDITION_FAILED");
    expect(notConcluded.message).toMatch(/only be withdrawn from a concluded norm/);
    expect(await db.$count(normPositions, eq(normPositions.normId, open.id))).toBe(1);
  });

  it("keeps the counts exact when adherence and withdrawals of many organisations race", async () => {
    const norm = await concluded();
    const many = await Promise.all(
      Array.from({ length: 12 }, (_, i) => speaker(stakeholderTypes[i % stakeholderTypes.length]!, regions[i % regions.length]!)),
    );
    await Promise.all(many.map((s) => s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse" })));
    await Promise.all(
      many.flatMap((s, i) => [
        i % 2 === 0
          ? s.api.positions.withdraw({ normId: norm.id, organizationId: s.organization.id })
          : s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse_with_reservations", statement: RESERVATION }),
      ]),
    );
    // The same organisation adhering and withdrawing at once: one of the two orders, never a clash.
    const racer = many[0]!;
    await Promise.allSettled([
      racer.api.positions.record({ normId: norm.id, organizationId: racer.organization.id, stance: "endorse" }),
      racer.api.positions.withdraw({ normId: norm.id, organizationId: racer.organization.id }),
      racer.api.positions.record({ normId: norm.id, organizationId: racer.organization.id, stance: "endorse_with_reservations", statement: RESERVATION }),
    ]);
    await storedMatchesRecount(norm.id);
    const n = await row(norm.id);
    expect(n.positionCount).toBe(await db.$count(normPositions, eq(normPositions.normId, norm.id)));
  });
});

describe("adherence over time", () => {
  it("counts each organisation from its first endorsement until it withdraws or stops endorsing, by day, type and region", async () => {
    const start = new Date("2031-09-01T10:00:00Z");
    const norm = await inEndorsement(start);
    const early = await speaker("state", "african");
    const objector = await speaker("private_sector", "weog");
    await early.api.positions.record({ normId: norm.id, organizationId: early.organization.id, stance: "endorse" });
    await objector.api.positions.record({ normId: norm.id, organizationId: objector.organization.id, stance: "object", statement: REASON });
    const concludedAt = new Date(start.getTime() + 2 * DAY);
    setClock(concludedAt, { stopped: true });
    await norm.staff.norms.transition({ normId: norm.id, transition: "conclude", ...overriding });

    const on = (days: number, hour = 0) => setClock(new Date(concludedAt.getTime() + days * DAY + hour * 3_600_000), { stopped: true });
    const later = await speaker("civil_society", "asia_pacific");
    const pending = await speaker("academia", "global", "pending");
    on(3);
    await later.api.positions.record({ normId: norm.id, organizationId: later.organization.id, stance: "endorse" });
    await objector.api.positions.record({ normId: norm.id, organizationId: objector.organization.id, stance: "endorse_with_reservations", statement: RESERVATION });
    // A change between the two endorsing stances is no change in adherence.
    on(3, 2);
    await later.api.positions.record({ normId: norm.id, organizationId: later.organization.id, stance: "endorse_with_reservations", statement: RESERVATION });
    // An organisation that is not verified is refused, and would not count anyway.
    await failure(pending.api.positions.record({ normId: norm.id, organizationId: pending.organization.id, stance: "endorse" }));
    on(6);
    await early.api.positions.withdraw({ normId: norm.id, organizationId: early.organization.id });

    const day = (d: number) => new Date(concludedAt.getTime() + d * DAY).toISOString().slice(0, 10);
    const visitor = await callerAs(db, null);
    const { series, live } = await visitor.positions.adherence({ slug: norm.slug });
    expect(series.map((p) => [p.date, p.joined, p.left, p.total])).toEqual([
      [day(0), 1, 0, 1],
      [day(3), 2, 0, 3],
      [day(6), 0, 1, 2],
    ]);
    expect(series[0]!.byStakeholderType).toMatchObject({ state: 1, private_sector: 0 });
    expect(series[1]!.byRegion).toMatchObject({ african: 1, weog: 1, asia_pacific: 1 });
    expect(series[2]!.byStakeholderType).toMatchObject({ state: 0, private_sector: 1, civil_society: 1 });
    // The series ends where the live figures stand.
    expect(series.at(-1)!.total).toBe(live!.counts.endorse + live!.counts.endorse_with_reservations);

    // A revoked organisation leaves the whole series, as it leaves every figure.
    const staff = await callerAs(db, await createUser(db, { role: "secretariat" }));
    await staff.verification.revoke({ organizationId: later.organization.id, reason: "The organisation could not show who it speaks for." });
    expect((await adherenceSeries(db, norm.id, concludedAt)).map((p) => p.total)).toEqual([1, 2, 1]);

    // Open data: the same series, with the frozen and live figures.
    const res = await normAdherenceResponse(db, norm.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await res.json()) as { concludedAt: string; frozen: { frozenAt: string; counts: Record<string, number> }; series: { date: string; total: number }[] };
    expect(body.concludedAt).toBe(concludedAt.toISOString());
    expect(body.frozen.counts).toMatchObject({ endorse: 1, object: 1, total: 2 });
    expect(body.series.map((p) => p.total)).toEqual([1, 2, 1]);
    expect((await normAdherenceResponse(db, "no-such-norm")).status).toBe(404);
  });

  it("answers an empty series for a norm not concluded", async () => {
    const norm = await inEndorsement(new Date("2031-10-01T10:00:00Z"));
    const view = await (await callerAs(db, null)).positions.adherence({ slug: norm.slug });
    expect(view).toMatchObject({ concludedAt: null, frozen: null, live: null, series: [] });
  });
});

describe("the stock-take", () => {
  it("counts positions as they stood at the window's close: a withdrawal before it takes the organisation out, adherence after it waits for next year", async () => {
    const norm = await inEndorsement(new Date());
    setClock(null);
    const [a, b, c] = [await speaker("state", "african"), await speaker("academia", "weog"), await speaker("civil_society", "global")];
    for (const s of [a, b]) await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "endorse" });
    await norm.staff.norms.transition({ normId: norm.id, transition: "conclude", ...overriding });
    const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
    await norm.staff.stocktakes.open({ year: 2040, opensOn: day(-5), closesOn: day(5), normIds: [norm.id], referenceNormIds: [] });
    await a.api.positions.withdraw({ normId: norm.id, organizationId: a.organization.id });
    await norm.staff.stocktakes.close({ year: 2040 });
    await c.api.positions.record({ normId: norm.id, organizationId: c.organization.id, stance: "endorse" });
    const preview = await norm.staff.stocktakes.preview({ year: 2040 });
    const item = preview.snapshot.items.find((i) => i.kind === "forum")!;
    expect(item.measures!.counts).toMatchObject({ endorse: 1, total: 1 });
    expect(JSON.stringify(item)).not.toContain(a.organization.name);
    // The same figures however often they are read.
    expect((await norm.staff.stocktakes.preview({ year: 2040 })).snapshot.items).toEqual(preview.snapshot.items);
  });
});

describe("measures from the stored counts", () => {
  it("equal computeMeasures() of the positions, in every field the counts determine", () => {
    for (let run = 0; run < 50; run++) {
      const positions = Array.from({ length: run % 17 }, (_, i) => ({
        stance: stances[(i * 7 + run) % stances.length]!,
        stakeholderType: stakeholderTypes[(i * 5 + run) % stakeholderTypes.length]!,
        region: regions[(i * 3 + run * 2) % regions.length]!,
        verified: true,
        current: true,
      }));
      const counted = Array.from({ length: 48 }, () => 0);
      for (const p of positions) {
        const s = stances.indexOf(p.stance);
        counted[stakeholderTypes.indexOf(p.stakeholderType) * 4 + s]! += 1;
        counted[(6 + regions.indexOf(p.region)) * 4 + s]! += 1;
      }
      const { onCurrentText: _c, uncounted: _u, ...expected } = computeMeasures(positions);
      expect(measuresFromCounted(counted)).toEqual(expected);
    }
  });
});
