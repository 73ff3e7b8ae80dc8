// Sealed endorsement (issue 17, server/domain/sealed.ts). The leak test: every public answer, and
// every list's order, is the same before and after sealed writes, for every kind of reader,
// including the recording organisation's own representative, the secretariat and an admin; the
// public generation (what keeps cached pages fresh) does not move. At the close everything appears
// at once. Then the refusals: who may not open a sealed stage, who may not see a sealed entry.
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { normPositionHistory, normPositions, norms, sealedPositions } from "~/db/schema";
import { setClock } from "~/server/clock";
import { closeDueStages } from "~/server/domain/stage-close";
import { listNormsResponse, normResponse, normsCsvResponse } from "~/server/open-data/norms";
import { listOrganizationsResponse, organizationPositionsResponse } from "~/server/open-data/organizations";
import { normMeasuresResponse, normPositionHistoryResponse, normPositionsCsvResponse, normPositionsResponse } from "~/server/open-data/positions";
import { readGeneration } from "~/server/page-cache/postgres";
import { normSorts } from "~/server/schemas/norms";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { overriding, responseTeamNormFields } from "./support/moves";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());
afterEach(() => setClock(null));

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2031-05-04T10:00:00Z");
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * DAY + hours * 60 * 60 * 1000);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const OBJECTION = "The second clause reaches beyond what existing law asks of states.";
let titles = 0;

type Caller = Awaited<ReturnType<typeof callerAs>>;

async function arrange() {
  setClock(T0, { stopped: true });
  const n = ++titles;
  const users = {
    proposer: await createUser(db),
    representative: await createUser(db, { displayName: "Sealed Delegate" }),
    otherRepresentative: await createUser(db),
    member: await createUser(db),
    secretariat: await createUser(db, { role: "secretariat" }),
    admin: await createUser(db, { role: "admin" }),
  };
  const state = await createOrganization(db, { name: `Ministry of Sealed Affairs ${n}`, createdById: users.representative.id, status: "verified", stakeholderType: "state", region: "african", country: null });
  const ngo = await createOrganization(db, { name: `Open Wires Collective ${n}`, createdById: users.otherRepresentative.id, status: "verified", stakeholderType: "civil_society", region: "latin_american_caribbean" });
  await addMember(db, state.id, users.member.id);
  const as = {
    visitor: await callerAs(db, null),
    proposer: await callerAs(db, users.proposer),
    representative: await callerAs(db, users.representative),
    otherRepresentative: await callerAs(db, users.otherRepresentative),
    member: await callerAs(db, users.member),
    secretariat: await callerAs(db, users.secretariat),
    admin: await callerAs(db, users.admin),
  };
  const norm = await submitted(as.proposer, `Sealed restraint toward response teams ${n}`);
  const other = await submitted(as.proposer, `Open restraint toward response teams ${n}`);
  // Before the stage: the state endorses in public, on both norms.
  for (const id of [norm.id, other.id]) await as.representative.positions.record({ normId: id, organizationId: state.id, stance: "endorse" });
  await as.secretariat.norms.transition({ normId: other.id, transition: "openEndorsement", ...overriding });
  const lastDay = isoDay(at(30));
  const opened = await as.secretariat.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding, lastDay, sealed: true });
  expect(opened.sealed).toBe(true);
  // An open stock-take covering the norm: its figures are among what must not move.
  const year = 2030 + n;
  await as.secretariat.stocktakes.open({ year, opensOn: isoDay(at(-1)), closesOn: isoDay(at(60)), normIds: [norm.id, other.id], referenceNormIds: [] });
  return { users, as, state, ngo, norm, other, lastDay, year, revealsAt: new Date(`${lastDay}T00:00:00Z`).getTime() + DAY };
}

async function submitted(proposer: Caller, title: string) {
  const { slug } = await proposer.norms.create({ ...responseTeamNormFields, title });
  const row = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await proposer.norms.submit({ normId: row.id });
  return { id: row.id, slug };
}

/** The answer, or the error's code for a reader refused it: either way a value to compare. */
async function settle(call: () => Promise<unknown>) {
  try {
    return { ok: await call() };
  } catch (error) {
    if (error instanceof TRPCError) return { refused: error.code };
    throw error;
  }
}

const body = async (response: Response | Promise<Response>) => {
  const r = await response;
  return { status: r.status, text: await r.text() };
};

type Fixture = Awaited<ReturnType<typeof arrange>>;
const readers = ["visitor", "member", "representative", "otherRepresentative", "proposer", "secretariat", "admin"] as const;

/** Everything a reader can see of the norms, organisations and figures, in the order given. */
async function publicView(f: Fixture, reader: (typeof readers)[number]) {
  const c = f.as[reader];
  const slug = f.norm.slug;
  const view: Record<string, unknown> = {
    norm: await settle(() => c.norms.get({ slug })),
    forNorm: await settle(() => c.positions.forNorm({ slug })),
    every: await settle(() => c.positions.every({ slug })),
    history: await settle(() => c.positions.history({ slug })),
    otherNorm: await settle(() => c.positions.forNorm({ slug: f.other.slug })),
    organization: await settle(() => c.organizations.get({ slug: f.state.slug })),
    organizationPositions: await settle(() => c.positions.forOrganization({ slug: f.state.slug })),
    ngoPositions: await settle(() => c.positions.forOrganization({ slug: f.ngo.slug })),
    search: await settle(() => c.search.all({ q: "restraint response teams" })),
    home: await settle(() => c.home.now()),
    stocktake: await settle(() => c.stocktakes.get({ year: f.year })),
    stocktakePreview: await settle(() => c.stocktakes.preview({ year: f.year })),
  };
  for (const stance of [undefined, "endorse", "object", "reasoned"] as const) {
    view[`list:${stance ?? "all"}`] = await settle(() => c.positions.list({ slug, ...(stance ? { stance } : {}) }));
  }
  for (const sort of normSorts) {
    view[`norms:${sort}`] = await settle(() => c.norms.list({ sort, ...(sort === "relevance" ? { q: "restraint" } : {}), limit: 100 }));
    view[`norms:${sort}:endorsement`] = await settle(() => c.norms.list({ sort, status: "endorsement", ...(sort === "relevance" ? { q: "restraint" } : {}), limit: 100 }));
  }
  return view;
}

/** The open data, which has no reader: the same for everyone. */
async function openData(f: Fixture) {
  const view: Record<string, unknown> = {
    norm: await body(normResponse(db, f.norm.slug)),
    positions: await body(normPositionsResponse(db, f.norm.slug)),
    positionsCsv: await body(normPositionsCsvResponse(db, f.norm.slug)),
    history: await body(normPositionHistoryResponse(db, f.norm.slug)),
    measures: await body(normMeasuresResponse(db, f.norm.slug)),
    organizations: await body(listOrganizationsResponse(db, new URLSearchParams())),
    statePositions: await body(organizationPositionsResponse(db, f.state.slug)),
    ngoPositions: await body(organizationPositionsResponse(db, f.ngo.slug)),
    normsCsv: await body(normsCsvResponse(db, new URLSearchParams())),
  };
  for (const sort of normSorts) {
    const params = new URLSearchParams({ sort, ...(sort === "relevance" ? { q: "restraint" } : {}) });
    view[`norms:${sort}`] = await body(listNormsResponse(db, params));
  }
  return view;
}

async function everything(f: Fixture) {
  const byReader: Record<string, unknown> = {};
  for (const reader of readers) byReader[reader] = await publicView(f, reader);
  return { byReader, openData: await openData(f), generation: await readGeneration(db) };
}

async function sealedWrites(f: Fixture) {
  setClock(at(1), { stopped: true });
  const first = await f.as.representative.positions.record({ normId: f.norm.id, organizationId: f.state.id, stance: "abstain" });
  expect(first).toMatchObject({ changed: true, sequence: null, sealed: { lastDay: f.lastDay } });
  // A later sealed write replaces the earlier, and carries its own time.
  setClock(at(2), { stopped: true });
  await f.as.representative.positions.record({ normId: f.norm.id, organizationId: f.state.id, stance: "object", statement: OBJECTION, clauses: [2] });
  setClock(at(3), { stopped: true });
  await f.as.otherRepresentative.positions.record({ normId: f.norm.id, organizationId: f.ngo.id, stance: "endorse" });
  setClock(T0, { stopped: true });
}

describe("a sealed endorsement stage", () => {
  it("leaks nothing: every public answer and list order is identical before and after sealed writes, for every reader, and no cached page is invalidated", async () => {
    const f = await arrange();
    const before = await everything(f);
    await sealedWrites(f);
    const after = await everything(f);
    for (const reader of readers) expect(after.byReader[reader], reader).toEqual(before.byReader[reader]);
    expect(after.openData).toEqual(before.openData);
    expect(after.generation).toBe(before.generation);
    // Nothing public was written: the state's public position is the one from before the stage.
    const publicRows = await db.select().from(normPositions).where(eq(normPositions.normId, f.norm.id));
    expect(publicRows.map((p) => [p.organizationId, p.stance, p.sequence])).toEqual([[f.state.id, "endorse", 1]]);
    expect(await db.$count(normPositionHistory, eq(normPositionHistory.normId, f.norm.id))).toBe(1);
    expect(await db.$count(sealedPositions, eq(sealedPositions.normId, f.norm.id))).toBe(2);
    // The public does see that the stage is sealed, and when it reveals.
    const page = (before.byReader.visitor as { norm: { ok: { stage: { sealed: boolean; lastDay: string } } } }).norm.ok;
    expect(page.stage).toMatchObject({ stage: "endorsement", sealed: true, lastDay: f.lastDay, closed: false });
    const openNorm = JSON.parse((before.openData.norm as { text: string }).text);
    expect(openNorm.stage).toMatchObject({ name: "endorsement", sealed: true, lastOpenDay: f.lastDay });
    expect(openNorm.decisions.at(-1)).toMatchObject({ move: "openEndorsement", sealed: true });
  });

  it("shows a sealed entry only to the recording organisation's representatives", async () => {
    const f = await arrange();
    await sealedWrites(f);
    const mine = await f.as.representative.positions.sealed({ slug: f.norm.slug });
    expect(mine.stage).toMatchObject({ lastDay: f.lastDay, closed: false });
    expect(mine.entries).toEqual([expect.objectContaining({ organizationId: f.state.id, stance: "object", statement: OBJECTION, clauses: [2], recordedAt: at(2) })]);
    const theirs = await f.as.otherRepresentative.positions.sealed({ slug: f.norm.slug });
    expect(theirs.entries.map((e) => [e.organizationId, e.stance])).toEqual([[f.ngo.id, "endorse"]]);
    // A member who does not represent the state, the proposer, the secretariat and an admin see none.
    for (const reader of ["member", "proposer", "secretariat", "admin"] as const) {
      expect((await f.as[reader].positions.sealed({ slug: f.norm.slug })).entries, reader).toEqual([]);
    }
    await expect(f.as.visitor.positions.sealed({ slug: f.norm.slug })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("reveals every sealed position at once at the close, each with the time it was recorded, and the figures in one step", async () => {
    const f = await arrange();
    await sealedWrites(f);
    const before = await everything(f);
    // Past the last open day, before the tick: closed to positions, still sealed.
    setClock(new Date(f.revealsAt + 60_000), { stopped: true });
    await expect(f.as.representative.positions.record({ normId: f.norm.id, organizationId: f.state.id, stance: "endorse" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/endorsement stage of this norm closed/),
    });
    expect((await f.as.visitor.positions.forNorm({ slug: f.norm.slug })).positions.map((p) => p.stance)).toEqual(["endorse"]);
    const revealedAt = new Date(f.revealsAt + 5 * 60_000);
    setClock(revealedAt, { stopped: true });
    expect(await closeDueStages(db, revealedAt)).toContain(f.norm.id);
    const after = await everything(f);
    expect(after.generation).toBeGreaterThan(before.generation);
    const page = await f.as.visitor.positions.forNorm({ slug: f.norm.slug });
    expect(new Map(page.positions.map((p) => [p.organization.slug, p.stance]))).toEqual(
      new Map([
        [f.ngo.slug, "endorse"],
        [f.state.slug, "object"],
      ]),
    );
    expect(page.measures.counts).toMatchObject({ endorse: 1, object: 1, total: 2 });
    const history = await db.select().from(normPositionHistory).where(eq(normPositionHistory.normId, f.norm.id));
    const stateEntries = history.filter((h) => h.organizationId === f.state.id).sort((a, b) => a.sequence - b.sequence);
    expect(stateEntries.map((h) => [h.sequence, h.stance, h.recordedAt, h.revealedAt])).toEqual([
      [1, "endorse", T0, null],
      [2, "object", at(2), revealedAt],
    ]);
    expect(history.find((h) => h.organizationId === f.ngo.id)).toMatchObject({ sequence: 1, recordedAt: at(3), revealedAt });
    // The public history says when each was recorded and when it was revealed.
    const openHistory = JSON.parse((after.openData.history as { text: string }).text);
    expect(JSON.stringify(openHistory)).toContain(revealedAt.toISOString());
    const row = (await db.query.norms.findFirst({ where: eq(norms.id, f.norm.id) }))!;
    expect(row).toMatchObject({ positionCount: 2, lastActivityAt: revealedAt, stageClosedAt: new Date(f.revealsAt) });
    expect(await db.$count(sealedPositions, eq(sealedPositions.normId, f.norm.id))).toBe(0);
    expect((await f.as.representative.positions.sealed({ slug: f.norm.slug })).entries).toEqual([]);
    // The close on the timeline says the positions were revealed.
    const timeline = (await f.as.visitor.norms.get({ slug: f.norm.slug })).timeline;
    expect(timeline.at(-1)).toMatchObject({ type: "stageClosed", sealed: true });
    // Running the close again reveals nothing more.
    expect(await closeDueStages(db, revealedAt)).not.toContain(f.norm.id);
  });

  it("reveals at once when the secretariat ends the stage early, before the figures are frozen", async () => {
    const f = await arrange();
    await sealedWrites(f);
    setClock(at(5), { stopped: true });
    await f.as.secretariat.norms.transition({ normId: f.norm.id, transition: "conclude", ...overriding });
    const frozen = await db.query.normFrozenFigures.findFirst({ where: (t, { eq }) => eq(t.normId, f.norm.id) });
    expect(frozen?.positionCount).toBe(2);
    const entries = await db.select().from(normPositionHistory).where(and(eq(normPositionHistory.normId, f.norm.id), eq(normPositionHistory.organizationId, f.ngo.id)));
    expect(entries.map((e) => [e.recordedAt, e.revealedAt])).toEqual([[at(3), at(5)]]);
    expect((await db.query.norms.findFirst({ where: eq(norms.id, f.norm.id) }))!.stageSealed).toBe(false);
    const timeline = (await f.as.visitor.norms.get({ slug: f.norm.slug })).timeline;
    expect(timeline.at(-1)).toMatchObject({ type: "conclude", sealed: true });
  });

  it("reveals when the stage ends any other way: returned to consultation, withdrawn by its proposer; an extension keeps it sealed", async () => {
    const f = await arrange();
    await sealedWrites(f);
    setClock(at(4), { stopped: true });
    await f.as.secretariat.norms.extendStage({ normId: f.norm.id, lastDay: isoDay(at(40)), reason: "Two regional groups asked for more time to decide." });
    expect(await db.$count(sealedPositions, eq(sealedPositions.normId, f.norm.id))).toBe(2);
    expect((await f.as.visitor.norms.get({ slug: f.norm.slug })).stage).toMatchObject({ sealed: true, lastDay: isoDay(at(40)) });
    await f.as.secretariat.norms.transition({ normId: f.norm.id, transition: "returnToConsultation", ...overriding });
    expect(await db.$count(sealedPositions, eq(sealedPositions.normId, f.norm.id))).toBe(0);
    expect((await db.query.norms.findFirst({ where: eq(norms.id, f.norm.id) }))!).toMatchObject({ status: "consultation", stageSealed: false, positionCount: 2 });
    // Back in consultation the stage is public: a position is recorded as ever.
    const open = await f.as.representative.positions.record({ normId: f.norm.id, organizationId: f.state.id, stance: "endorse" });
    expect(open).toMatchObject({ changed: true, sequence: 3 });

    const g = await arrange();
    await sealedWrites(g);
    setClock(at(4), { stopped: true });
    await g.as.proposer.norms.withdraw({ normId: g.norm.id, note: "" });
    const revealed = await db.select().from(normPositionHistory).where(and(eq(normPositionHistory.normId, g.norm.id), eq(normPositionHistory.organizationId, g.ngo.id)));
    expect(revealed.map((h) => [h.stance, h.revealedAt])).toEqual([["endorse", at(4)]]);
    expect((await g.as.visitor.norms.get({ slug: g.norm.slug })).timeline.at(-1)).toMatchObject({ type: "withdraw", sealed: true });
  });

  it("counts a sealed position in a stock-take only if it was revealed before the window closed", async () => {
    const f = await arrange();
    await sealedWrites(f);
    // The window closes while the stage is sealed: the figures are the positions as they stood.
    setClock(at(10), { stopped: true });
    await f.as.secretariat.stocktakes.close({ year: f.year });
    setClock(new Date(f.revealsAt + 60_000), { stopped: true });
    await closeDueStages(db, new Date(f.revealsAt + 60_000));
    const preview = await f.as.secretariat.stocktakes.preview({ year: f.year });
    const item = preview.snapshot.items.find((i) => i.kind === "forum" && i.title.startsWith("Sealed"))!;
    expect(item.measures!.counts).toMatchObject({ endorse: 1, object: 0, total: 1 });
    expect(item.positions.map((p) => p.stance)).toEqual(["endorse"]);

    // Another cycle: revealed (the secretariat concluded early) before the window closed: counted.
    const g = await arrange();
    await sealedWrites(g);
    setClock(at(5), { stopped: true });
    await g.as.secretariat.norms.transition({ normId: g.norm.id, transition: "conclude", ...overriding });
    setClock(at(10), { stopped: true });
    await g.as.secretariat.stocktakes.close({ year: g.year });
    const counted = (await g.as.secretariat.stocktakes.preview({ year: g.year })).snapshot.items.find((i) => i.kind === "forum" && i.title.startsWith("Sealed"))!;
    expect(counted.measures!.counts).toMatchObject({ endorse: 1, object: 1, total: 2 });
  });
});

describe("refusals", () => {
  it("opens only the endorsement stage sealed, and only by the secretariat", async () => {
    const f = await arrange();
    setClock(at(1), { stopped: true });
    await expect(f.as.secretariat.norms.transition({ normId: f.other.id, transition: "returnToConsultation", ...overriding, sealed: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Only the endorsement stage can be opened sealed.",
    });
    await expect(f.as.secretariat.norms.transition({ normId: f.other.id, transition: "conclude", ...overriding, sealed: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const fresh = await submitted(f.as.proposer, "A norm nobody may seal but the secretariat");
    for (const reader of ["proposer", "representative", "member"] as const) {
      await expect(f.as[reader].norms.transition({ normId: fresh.id, transition: "openEndorsement", ...overriding, sealed: true }), reader).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(f.as.visitor.norms.transition({ normId: fresh.id, transition: "openEndorsement", ...overriding, sealed: true })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await db.query.norms.findFirst({ where: eq(norms.id, fresh.id) }))!).toMatchObject({ status: "consultation", stageSealed: false });
  });

  it("applies every rule of recording to a sealed write: staff, non-representatives, observers, unverified organisations, reasons", async () => {
    const f = await arrange();
    setClock(at(1), { stopped: true });
    const record = (who: Caller, organizationId: string, extra: object = {}) => who.positions.record({ normId: f.norm.id, organizationId, stance: "endorse", ...extra });
    await expect(record(f.as.secretariat, f.state.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(record(f.as.admin, f.state.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(record(f.as.member, f.state.id)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/Only a representative/) });
    await expect(record(f.as.otherRepresentative, f.state.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const observer = await createOrganization(db, { createdById: f.users.representative.id, status: "verified", participation: "observer" });
    await expect(record(f.as.representative, observer.id)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/observer/) });
    const pending = await createOrganization(db, { createdById: f.users.representative.id });
    await expect(record(f.as.representative, pending.id)).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/not verified/) });
    await expect(record(f.as.representative, f.state.id, { stance: "object", statement: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(record(f.as.representative, f.state.id, { stance: "object", statement: OBJECTION, clauses: [9] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/has 2 clauses/),
    });
    expect(await db.$count(sealedPositions, eq(sealedPositions.normId, f.norm.id))).toBe(0);
  });

  it("refuses a reaffirmation while sealed, and the database refuses any public position on the sealed norm", async () => {
    const f = await arrange();
    setClock(at(1), { stopped: true });
    await expect(f.as.representative.positions.reaffirm({ normId: f.norm.id, organizationId: f.state.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(new RegExp(`sealed until the end of ${f.lastDay}`)),
    });
    // A write that bypassed the domain is refused by the guard (migration 0034).
    await expect(
      db.update(normPositions).set({ stance: "object", statement: OBJECTION }).where(and(eq(normPositions.normId, f.norm.id), eq(normPositions.organizationId, f.state.id))),
    ).rejects.toThrow();
    expect((await db.select().from(normPositions).where(eq(normPositions.normId, f.norm.id)))[0]!.stance).toBe("endorse");
  });
});
