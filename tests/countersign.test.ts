// Countersigned positions and internal clearance (issue 17). An organisation that requires
// countersignature has its positions, statements and replies wait, seen only by its
// representatives and touching nothing public, until a second representative countersigns them:
// then they are published and counted, naming both. Whoever entered an entry cannot countersign
// it; a pending entry lapses after 14 days on the forum's clock; every refusal of the direct write
// applies at countersignature. Drafts are the organisation's own until submitted; their PDF is
// produced for clearance inside the organisation.
import type { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { implementationStatements, normPositionHistory, normPositions, norms, organizationEntries, organizations } from "~/db/schema";
import { renderClearancePdf } from "~/server/clearance-pdf/render";
import { clearanceDocumentOf } from "~/server/clearance-pdf/document";
import { clock, setClock } from "~/server/clock";
import { CountersignatureRequired, recordPosition } from "~/server/domain/positions";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure } from "./support/errors";
import { overriding, responseTeamNormFields } from "./support/moves";
import { acceptDirectly, actorsFor, coded, sourcesFor } from "./support/observations";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());
afterEach(() => setClock(null));

const DAY = 86_400_000;
const day = (offset: number) => new Date(clock.now().getTime() + offset * DAY).toISOString().slice(0, 10);
const refusedWith = (code: TRPCError["code"], message: RegExp) => expect.objectContaining({ code, message: expect.stringMatching(message) });

let counter = 0;

/**
 * A verified ministry that requires countersignature, with two representatives (Ada enters, Ben
 * countersigns) and a plain member; a norm in consultation; another organisation's representative,
 * the secretariat, an admin and a visitor.
 */
async function setting() {
  const n = ++counter;
  const adaUser = await createUser(db, { displayName: `Ada Entering ${n}` });
  const benUser = await createUser(db, { displayName: `Ben Countersigning ${n}` });
  const memberUser = await createUser(db);
  const otherUser = await createUser(db);
  const staffUser = await createUser(db, { role: "secretariat" });
  const adminUser = await createUser(db, { role: "admin" });
  const ministry = await createOrganization(db, { name: `Countersigning Ministry ${n}`, createdById: adaUser.id, status: "verified", stakeholderType: "state", region: "african" });
  await addMember(db, ministry.id, benUser.id, "representative");
  await addMember(db, ministry.id, memberUser.id, "member");
  const other = await createOrganization(db, { name: `Other Network ${n}`, createdById: otherUser.id, status: "verified", stakeholderType: "technical_community" });
  const ada = await callerAs(db, adaUser);
  const ben = await callerAs(db, benUser);
  await ada.clearance.setRequirement({ organizationId: ministry.id, required: true });
  const { slug } = await ada.norms.create({ ...responseTeamNormFields, title: `Countersigned norm ${n}` });
  const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await ada.norms.submit({ normId: norm.id });
  return {
    n,
    ministry,
    other,
    norm,
    slug,
    users: { ada: adaUser, ben: benUser, member: memberUser, other: otherUser, staff: staffUser, admin: adminUser },
    ada,
    ben,
    member: await callerAs(db, memberUser),
    otherRep: await callerAs(db, otherUser),
    staff: await callerAs(db, staffUser),
    admin: await callerAs(db, adminUser),
    visitor: await callerAs(db, null),
  };
}

const objection = "We object: the second clause would oblige response teams to share data beyond their mandate.";

describe("a position that needs countersignature", () => {
  it("waits unseen by the public and everyone outside the organisation, touching no public column", async () => {
    const s = await setting();
    const before = (await db.query.norms.findFirst({ where: eq(norms.id, s.norm.id) }))!;
    const entered = await s.ada.positions.record({ normId: s.norm.id, organizationId: s.ministry.id, stance: "object", statement: objection, clauses: [2] });
    expect(entered.pendingEntryId).toEqual(expect.any(String));
    const entryId = entered.pendingEntryId!;

    // Nothing public moved: no position, no history, the norm's counts, measures and activity as they were.
    expect(await db.$count(normPositions, eq(normPositions.normId, s.norm.id))).toBe(0);
    expect(await db.$count(normPositionHistory, eq(normPositionHistory.normId, s.norm.id))).toBe(0);
    const after = (await db.query.norms.findFirst({ where: eq(norms.id, s.norm.id) }))!;
    expect(after).toEqual(before);
    for (const reader of [s.visitor, s.member, s.otherRep, s.staff, s.admin, s.ada]) {
      const forNorm = await reader.positions.forNorm({ slug: s.slug });
      expect(forNorm.positionsTotal).toBe(0);
      expect((await reader.positions.forOrganization({ slug: s.ministry.slug })).positions).toEqual([]);
    }

    // Its representatives see it; nobody else does, the secretariat and admins included.
    const listed = await s.ben.clearance.entries({ organizationId: s.ministry.id });
    expect(listed.pending).toEqual([
      expect.objectContaining({ id: entryId, kind: "position", state: "pending", enteredBy: s.users.ada.displayName, viewer: expect.objectContaining({ canCountersign: true }) }),
    ]);
    expect((await s.ada.clearance.entries({ organizationId: s.ministry.id })).pending[0]!.viewer).toMatchObject({ canCountersign: false, canWithdraw: true });
    expect(await failure(s.member.clearance.entries({ organizationId: s.ministry.id }))).toEqual(refusedWith("FORBIDDEN", /Only a representative/));
    expect(await failure(s.otherRep.clearance.entries({ organizationId: s.ministry.id }))).toEqual(refusedWith("FORBIDDEN", /Only a representative/));
    expect(await failure(s.staff.clearance.entries({ organizationId: s.ministry.id }))).toEqual(refusedWith("FORBIDDEN", /take no part/));
    expect(await failure(s.admin.clearance.entry({ entryId }))).toEqual(refusedWith("FORBIDDEN", /take no part/));
    expect(await failure(s.visitor.clearance.entry({ entryId }))).toEqual(expect.objectContaining({ code: "UNAUTHORIZED" }));
    expect(await failure(s.member.clearance.entry({ entryId }))).toEqual(refusedWith("NOT_FOUND", /entry was not found/));
    expect(await failure(s.otherRep.clearance.countersign({ entryId }))).toEqual(refusedWith("NOT_FOUND", /entry was not found/));
  });

  it("cannot be countersigned by whoever entered it, and is published with both names when a second representative countersigns", async () => {
    const s = await setting();
    const { pendingEntryId } = await s.ada.positions.record({ normId: s.norm.id, organizationId: s.ministry.id, stance: "object", statement: objection, clauses: [2] });
    expect(await failure(s.ada.clearance.countersign({ entryId: pendingEntryId! }))).toEqual(
      refusedWith("FORBIDDEN", /You entered this entry, so you cannot countersign it yourself: another representative of Countersigning Ministry/),
    );
    expect(await db.$count(normPositions, eq(normPositions.normId, s.norm.id))).toBe(0);

    const signed = await s.ben.clearance.countersign({ entryId: pendingEntryId! });
    expect(signed.written).toMatchObject({ kind: "position", changed: true, sequence: 1 });
    const position = (await db.query.normPositions.findFirst({ where: eq(normPositions.normId, s.norm.id) }))!;
    expect(position).toMatchObject({ stance: "object", clauses: [2], recordedById: s.users.ada.id, countersignedById: s.users.ben.id });
    const [entry] = await db.select().from(normPositionHistory).where(eq(normPositionHistory.normId, s.norm.id));
    expect(entry).toMatchObject({ kind: "recorded", recordedById: s.users.ada.id, countersignedById: s.users.ben.id });
    // Counted from this moment.
    const norm = (await db.query.norms.findFirst({ where: eq(norms.id, s.norm.id) }))!;
    expect(norm.positionCount).toBe(1);
    expect((await s.visitor.positions.forNorm({ slug: s.slug })).measures.counts.object).toBe(1);
    // The organisation's page names who entered it and who countersigned it.
    const page = await s.visitor.positions.forOrganization({ slug: s.ministry.slug });
    expect(page.positions[0]).toMatchObject({ stance: "object", recordedBy: s.users.ada.displayName, countersignedBy: s.users.ben.displayName });
    expect(page.history[0]).toMatchObject({ recordedBy: s.users.ada.displayName, countersignedBy: s.users.ben.displayName });
    // Done once: a second countersignature is refused.
    expect(await failure(s.ben.clearance.countersign({ entryId: pendingEntryId! }))).toEqual(refusedWith("PRECONDITION_FAILED", /was published already/));
    expect((await s.ben.clearance.entries({ organizationId: s.ministry.id })).decided[0]).toMatchObject({ state: "published", decidedBy: s.users.ben.displayName });
  });

  it("lapses 14 days after it was submitted, on the forum's clock, and can then no longer be countersigned", async () => {
    const s = await setting();
    const start = clock.now();
    setClock(start);
    const { pendingEntryId } = await s.ada.positions.record({ normId: s.norm.id, organizationId: s.ministry.id, stance: "endorse" });
    setClock(new Date(start.getTime() + 13 * DAY));
    expect((await s.ben.clearance.entries({ organizationId: s.ministry.id })).pending[0]).toMatchObject({ state: "pending" });
    setClock(new Date(start.getTime() + 14 * DAY + 1000));
    expect((await s.ben.clearance.entries({ organizationId: s.ministry.id })).pending[0]).toMatchObject({ state: "lapsed", viewer: expect.objectContaining({ canCountersign: false }) });
    expect(await failure(s.ben.clearance.countersign({ entryId: pendingEntryId! }))).toEqual(refusedWith("PRECONDITION_FAILED", /lapsed on .*14 days after it was submitted/));
    expect(await db.$count(normPositions, eq(normPositions.normId, s.norm.id))).toBe(0);
    // Entered again, it waits afresh (the lapsed one is marked lapsed).
    const again = await s.ada.positions.record({ normId: s.norm.id, organizationId: s.ministry.id, stance: "endorse" });
    expect(again.pendingEntryId).not.toBe(pendingEntryId);
    expect((await db.query.organizationEntries.findFirst({ where: eq(organizationEntries.id, pendingEntryId!) }))!.state).toBe("lapsed");
  });

  it("applies the direct write's refusals when it is entered and when it is countersigned", async () => {
    const s = await setting();
    // At entry: a reservation needs its reasons, as recorded directly.
    expect(await failure(s.ada.positions.record({ normId: s.norm.id, organizationId: s.ministry.id, stance: "endorse_with_reservations", statement: "" }))).toEqual(
      expect.objectContaining({ code: "BAD_REQUEST" }),
    );
    // One waits at a time per norm.
    await s.ada.positions.record({ normId: s.norm.id, organizationId: s.ministry.id, stance: "endorse" });
    expect(await failure(s.ben.positions.record({ normId: s.norm.id, organizationId: s.ministry.id, stance: "abstain" }))).toEqual(
      refusedWith("CONFLICT", /already waiting for countersignature/),
    );
    // At countersignature: the endorsement stage closed meanwhile.
    const t = await setting();
    await t.staff.norms.transition({ normId: t.norm.id, transition: "openEndorsement", ...overriding });
    const start = clock.now();
    setClock(start);
    await db.update(norms).set({ stageClosesAt: new Date(start.getTime() + 3 * DAY) }).where(eq(norms.id, t.norm.id));
    const { pendingEntryId } = await t.ada.positions.record({ normId: t.norm.id, organizationId: t.ministry.id, stance: "endorse" });
    setClock(new Date(start.getTime() + 4 * DAY));
    expect(await failure(t.ben.clearance.countersign({ entryId: pendingEntryId! }))).toEqual(refusedWith("PRECONDITION_FAILED", /closed/));
    expect(await db.$count(normPositions, eq(normPositions.normId, t.norm.id))).toBe(0);
    expect((await db.query.organizationEntries.findFirst({ where: eq(organizationEntries.id, pendingEntryId!) }))!.state).toBe("pending");
    // And when whoever entered it no longer represents the organisation.
    const u = await setting();
    const entered = await u.ada.positions.record({ normId: u.norm.id, organizationId: u.ministry.id, stance: "endorse" });
    await addMember(db, u.ministry.id, u.users.ada.id, "member");
    expect(await failure(u.ben.clearance.countersign({ entryId: entered.pendingEntryId! }))).toEqual(refusedWith("PRECONDITION_FAILED", /no longer represents/));
    expect(await db.$count(normPositions, eq(normPositions.normId, u.norm.id))).toBe(0);
  });

  it("may be declined by a second representative or withdrawn by whoever entered it, never published", async () => {
    const s = await setting();
    const first = await s.ada.positions.record({ normId: s.norm.id, organizationId: s.ministry.id, stance: "endorse" });
    expect(await failure(s.ada.clearance.decline({ entryId: first.pendingEntryId! }))).toEqual(refusedWith("FORBIDDEN", /withdraw it instead/));
    expect(await failure(s.ben.clearance.withdraw({ entryId: first.pendingEntryId! }))).toEqual(refusedWith("FORBIDDEN", /Only the representative who entered/));
    await s.ben.clearance.decline({ entryId: first.pendingEntryId! });
    const second = await s.ada.positions.record({ normId: s.norm.id, organizationId: s.ministry.id, stance: "abstain" });
    await s.ada.clearance.withdraw({ entryId: second.pendingEntryId! });
    expect(await failure(s.ben.clearance.countersign({ entryId: second.pendingEntryId! }))).toEqual(refusedWith("PRECONDITION_FAILED", /was withdrawn/));
    expect(await db.$count(normPositions, eq(normPositions.normId, s.norm.id))).toBe(0);
    const decided = (await s.ada.clearance.entries({ organizationId: s.ministry.id })).decided.map((e) => e.state);
    expect(decided.sort()).toEqual(["declined", "withdrawn"]);
  });

  it("cannot be written around clearance: the direct write itself refuses it and writes nothing", async () => {
    const { ministry, norm, users } = await setting();
    // As any code might call it, without the router's clearance step.
    const refused = recordPosition(db, { ...users.ada, suspension: null }, { normId: norm.id, organizationId: ministry.id, stance: "endorse", statement: "" });
    await expect(refused).rejects.toBeInstanceOf(CountersignatureRequired);
    expect(await db.$count(normPositions, eq(normPositions.normId, norm.id))).toBe(0);
    expect(await db.$count(normPositionHistory, eq(normPositionHistory.normId, norm.id))).toBe(0);
    // Every other rule still comes first: a clause the text lacks is refused as such.
    await expect(recordPosition(db, { ...users.ada, suspension: null }, { normId: norm.id, organizationId: ministry.id, stance: "object", statement: "Clause 99 goes too far.", clauses: [99] })).rejects.toMatchObject({ code: "BAD_INPUT" });
  });

  it("is not asked of an organisation that does not require it: its representative records at once", async () => {
    const s = await setting();
    await s.ben.clearance.setRequirement({ organizationId: s.ministry.id, required: false });
    const recorded = await s.ada.positions.record({ normId: s.norm.id, organizationId: s.ministry.id, stance: "endorse" });
    expect(recorded).toMatchObject({ changed: true, pendingEntryId: null });
    expect((await db.query.normPositions.findFirst({ where: eq(normPositions.normId, s.norm.id) }))!.countersignedById).toBeNull();
    expect(await failure(s.member.clearance.setRequirement({ organizationId: s.ministry.id, required: true }))).toEqual(refusedWith("FORBIDDEN", /Only a representative/));
    expect((await db.query.organizations.findFirst({ where: eq(organizations.id, s.ministry.id) }))!.requiresCountersignature).toBe(false);
  });
});

describe("statements and replies that need countersignature", () => {
  it("wait apart and are filed with both names when countersigned", async () => {
    const s = await setting();
    await s.staff.norms.transition({ normId: s.norm.id, transition: "openEndorsement", ...overriding });
    const year = 2050 + s.n;
    await s.staff.stocktakes.open({ year, opensOn: day(-3), closesOn: day(5), normIds: [s.norm.id], referenceNormIds: [] });
    const item = (await s.staff.stocktakes.get({ year })).items[0]!;
    const statement = await s.ada.stocktakes.fileStatement({ year, itemId: item.id, organizationId: s.ministry.id, status: "partially", text: "Our response team law is in parliament.", links: [] });
    expect(statement).toEqual({ id: null, pendingEntryId: expect.any(String) });
    expect(await db.$count(implementationStatements, eq(implementationStatements.organizationId, s.ministry.id))).toBe(0);
    expect((await s.visitor.stocktakes.get({ year })).progress.statements).toBe(0);
    await s.ben.clearance.countersign({ entryId: statement.pendingEntryId! });
    expect((await s.visitor.stocktakes.get({ year })).progress.statements).toBe(1);
    expect((await db.query.implementationStatements.findFirst({ where: eq(implementationStatements.organizationId, s.ministry.id) }))!).toMatchObject({
      recordedById: s.users.ada.id,
      countersignedById: s.users.ben.id,
    });

    // A reply to an accepted observation naming the ministry.
    const { id: observationId } = await s.member.stocktakes.logObservation({
      year,
      title: "A response team's network was disrupted",
      description: "A national response team's network was disrupted for two days.",
      occurredOn: day(-1),
      actors: actorsFor([s.ministry.id], []),
      ...coded,
      assessments: [{ itemId: item.id, assessment: "inconsistent" }],
      sources: sourcesFor("https://example.org/report"),
    });
    await acceptDirectly(db, observationId);
    const reply = await s.ben.stocktakes.reply({ observationId, organizationId: s.ministry.id, text: "The ministry was not involved; its response team helped restore the network." });
    const replies = async () => (await s.visitor.stocktakes.get({ year })).observations.find((o) => o.id === observationId)!.replies;
    expect(await replies()).toEqual([]);
    expect(await failure(s.ben.clearance.countersign({ entryId: reply.pendingEntryId! }))).toEqual(refusedWith("FORBIDDEN", /cannot countersign it yourself/));
    await s.ada.clearance.countersign({ entryId: reply.pendingEntryId! });
    expect(await replies()).toHaveLength(1);
    const record = await s.visitor.stocktakes.forOrganization({ slug: s.ministry.slug });
    expect(record.replies).toEqual([expect.objectContaining({ recordedBy: s.users.ben.displayName, countersignedBy: s.users.ada.displayName })]);
    // Statements are public with the published report only.
    expect(record.statements).toEqual([]);
  });
});

describe("organisation drafts", () => {
  it("are seen and edited only by the organisation's representatives, touch nothing public, and are submitted into countersignature", async () => {
    const s = await setting();
    const draft = await s.ada.clearance.savePosition({ position: { normId: s.norm.id, organizationId: s.ministry.id, stance: "endorse_with_reservations", statement: "A first draft of our reservations on clause 2.", clauses: [2] } });
    await s.ben.clearance.savePosition({ entryId: draft.entryId, position: { normId: s.norm.id, organizationId: s.ministry.id, stance: "endorse_with_reservations", statement: "Cleared wording of our reservations on the second clause.", clauses: [2] } });
    expect(await db.$count(normPositions, eq(normPositions.normId, s.norm.id))).toBe(0);
    expect((await s.visitor.positions.forNorm({ slug: s.slug })).positionsTotal).toBe(0);
    const listed = await s.ada.clearance.entries({ organizationId: s.ministry.id });
    expect(listed.drafts).toEqual([expect.objectContaining({ id: draft.entryId, state: "draft", enteredBy: s.users.ben.displayName })]);
    expect(listed.pending).toEqual([]);
    expect(await failure(s.otherRep.clearance.savePosition({ entryId: draft.entryId, position: { normId: s.norm.id, organizationId: s.other.id, stance: "endorse", statement: "", clauses: [] } }))).toEqual(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    expect(await failure(s.member.clearance.savePosition({ position: { normId: s.norm.id, organizationId: s.ministry.id, stance: "endorse", statement: "", clauses: [] } }))).toEqual(
      refusedWith("FORBIDDEN", /Only a representative/),
    );
    expect(await failure(s.staff.clearance.entry({ entryId: draft.entryId }))).toEqual(expect.objectContaining({ code: "FORBIDDEN" }));

    // Its PDF, for clearance inside the ministry.
    const entry = await s.ada.clearance.entry({ entryId: draft.entryId });
    const pdf = await renderClearancePdf(clearanceDocumentOf(entry, `https://forum.example/organizations/${s.ministry.slug}/clearance`, clock.now()));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Submitted: the ministry requires countersignature, so it waits; Ben last saved it, so Ada countersigns.
    const submitted = await s.ben.clearance.submit({ entryId: draft.entryId });
    expect(submitted.state).toBe("pending");
    expect(await failure(s.ben.clearance.savePosition({ entryId: draft.entryId, position: { normId: s.norm.id, organizationId: s.ministry.id, stance: "endorse", statement: "", clauses: [] } }))).toEqual(
      refusedWith("CONFLICT", /submitted or discarded/),
    );
    await s.ada.clearance.countersign({ entryId: draft.entryId });
    expect((await db.query.normPositions.findFirst({ where: eq(normPositions.normId, s.norm.id) }))!).toMatchObject({
      statement: "Cleared wording of our reservations on the second clause.",
      recordedById: s.users.ben.id,
      countersignedById: s.users.ada.id,
    });
  });

  it("are published at once on submission where no countersignature is required, and may be discarded", async () => {
    const s = await setting();
    await s.ada.clearance.setRequirement({ organizationId: s.ministry.id, required: false });
    const kept = await s.ada.clearance.savePosition({ position: { normId: s.norm.id, organizationId: s.ministry.id, stance: "endorse", statement: "", clauses: [] } });
    const discarded = await s.ben.clearance.savePosition({ position: { normId: s.norm.id, organizationId: s.ministry.id, stance: "abstain", statement: "", clauses: [] } });
    await s.ada.clearance.withdraw({ entryId: discarded.entryId });
    expect(await failure(s.ada.clearance.submit({ entryId: discarded.entryId }))).toEqual(refusedWith("CONFLICT", /no longer a draft/));
    expect(await s.ben.clearance.submit({ entryId: kept.entryId })).toMatchObject({ state: "published" });
    expect((await db.query.normPositions.findFirst({ where: eq(normPositions.normId, s.norm.id) }))!).toMatchObject({ stance: "endorse", recordedById: s.users.ben.id, countersignedById: null });
    expect((await db.query.norms.findFirst({ where: eq(norms.id, s.norm.id) }))!.positionCount).toBe(1);
  });
});
