// Amendments to a norm's clauses: proposed during consultation in one's own name or an
// organisation's, supported and discussed, accepted by the authors into a new version that credits
// the amender, or declined with a reason; a conflict is reported, never merged silently; open ones
// are superseded when the consultation ends; and nothing is proposed after the clock closes it.
import type { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { amendments, amendmentSupports, normEvents, norms, normVersions } from "~/db/schema";
import { setClock } from "~/server/clock";
import { applyAmendment, locateClause } from "~/server/domain/amendments";
import { normAmendmentList, normAmendmentsResponse } from "~/server/open-data/amendments";
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

const fields = { ...responseTeamNormFields, clauses: ["States should not harm CSIRTs.", "States should cooperate with CSIRTs.", "States should report on both."] };
const rationale = "The clause should say plainly what it asks of states.";
const refusedWith = (code: TRPCError["code"], message: RegExp) => expect.objectContaining({ code, message: expect.stringMatching(message) });

async function setting(title: string) {
  const proposerUser = await createUser(db, { displayName: "Norm Proposer" });
  const coauthorUser = await createUser(db);
  const amenderUser = await createUser(db, { displayName: "Amy Amender" });
  const supporterUser = await createUser(db);
  const representativeUser = await createUser(db);
  const secretariatUser = await createUser(db, { role: "secretariat" });
  const organization = await createOrganization(db, { createdById: representativeUser.id, status: "verified", stakeholderType: "state" });
  const pending = await createOrganization(db, { createdById: representativeUser.id });
  await addMember(db, organization.id, supporterUser.id);
  const proposer = await callerAs(db, proposerUser);
  const { slug } = await proposer.norms.create({ ...fields, title });
  const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await proposer.norms.submit({ normId: norm.id });
  const invitation = await (await callerAs(db, proposerUser)).norms.inviteCoauthor({ normId: norm.id, email: coauthorUser.email });
  await (await callerAs(db, coauthorUser)).norms.respondToInvitation({ invitationId: invitation.invitationId, accept: true });
  return {
    norm: { id: norm.id, slug },
    organization,
    pending,
    proposer,
    coauthor: await callerAs(db, coauthorUser),
    amender: await callerAs(db, amenderUser),
    supporter: await callerAs(db, supporterUser),
    representative: await callerAs(db, representativeUser),
    secretariat: await callerAs(db, secretariatUser),
    visitor: await callerAs(db, null),
  };
}

const clausesOf = async (normId: string, number: number) =>
  (await db.query.normVersions.findFirst({ where: and(eq(normVersions.normId, normId), eq(normVersions.number, number)) }))!.clauses;

describe("applying an amendment to a text", () => {
  const text = ["A.", "B.", "C.", "B."];
  it("finds its clause by its words, nearest its old place, and makes the change", () => {
    expect(locateClause(text, { clause: 2, original: "B." })).toBe(1);
    expect(locateClause(text, { clause: 4, original: "B." })).toBe(3);
    expect(locateClause(["A.", "X.", "B.", "C."], { clause: 2, original: "B." })).toBe(2);
    expect(applyAmendment(text, { kind: "replace", clause: 3, original: "C.", text: "See." })).toEqual({ applies: true, clauses: ["A.", "B.", "See.", "B."], clause: 3 });
    expect(applyAmendment(text, { kind: "insert", clause: 1, original: "A.", text: "A2." })).toEqual({ applies: true, clauses: ["A.", "A2.", "B.", "C.", "B."], clause: 2 });
    expect(applyAmendment(text, { kind: "delete", clause: 3, original: "C.", text: "" })).toEqual({ applies: true, clauses: ["A.", "B.", "B."], clause: 3 });
  });

  it("reports a clause reworded or removed since as a conflict, and never deletes the only clause", () => {
    expect(applyAmendment(["A, reworded.", "B."], { kind: "replace", clause: 1, original: "A.", text: "Z." })).toEqual({ applies: false, reason: "changed" });
    expect(applyAmendment(["A."], { kind: "delete", clause: 1, original: "A.", text: "" })).toEqual({ applies: false, reason: "lastClause" });
  });
});

describe("amendments", () => {
  it("are proposed, supported by type, accepted into a new version crediting the amender, and declined with a reason", async () => {
    const s = await setting("Amendments accepted and declined");
    const first = await s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 1, kind: "replace", text: "States should never harm CSIRTs.", rationale });
    const second = await s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 3, kind: "delete", text: "ignored words", rationale });
    expect([first.number, second.number]).toEqual([1, 2]);
    // A deletion keeps no words, whatever was sent.
    expect((await db.query.amendments.findFirst({ where: eq(amendments.id, second.id) }))!.text).toBe("");

    await s.supporter.amendments.support({ amendmentId: first.id });
    await s.supporter.amendments.support({ amendmentId: first.id });
    await s.representative.amendments.support({ amendmentId: first.id, organizationId: s.organization.id });
    const listed = await s.visitor.amendments.forNorm({ slug: s.norm.slug });
    const one = listed.amendments.find((a) => a.number === 1)!;
    expect(one.support).toEqual({ total: 2, byType: expect.objectContaining({ individual: 1, state: 1, academia: 0 }) });
    expect(one.redline).toEqual(expect.arrayContaining([{ type: "delete", text: "not" }, { type: "insert", text: "never" }]));
    expect(one.currentClause).toBe(1);
    expect(listed.counts.open).toBe(2);
    // The open amendments show under the clauses they concern.
    expect(listed.amendments.map((a) => a.currentClause)).toEqual([1, 3]);

    const accepted = await s.coauthor.amendments.accept({ amendmentId: first.id });
    expect(accepted.version).toBe(2);
    expect(await clausesOf(s.norm.id, 2)).toEqual(["States should never harm CSIRTs.", "States should cooperate with CSIRTs.", "States should report on both."]);
    const version = (await db.query.normVersions.findFirst({ where: and(eq(normVersions.normId, s.norm.id), eq(normVersions.number, 2)) }))!;
    expect(version.amendmentId).toBe(first.id);
    expect(version.changeSummary).toBe("Accepted amendment 1 by Amy Amender.");
    const page = await s.visitor.norms.get({ slug: s.norm.slug });
    expect(page.currentVersion).toBe(2);
    expect(page.versions[0]!.amendment).toEqual({ number: 1, authorName: "Amy Amender", organizationName: null });
    expect(page.timeline.at(-1)).toEqual(expect.objectContaining({ type: "amendmentAccepted", version: 2, amendment: expect.objectContaining({ number: 1 }) }));

    await s.proposer.amendments.decline({ amendmentId: second.id, reason: "The reporting clause is what makes the norm checkable." });
    const after = await s.visitor.amendments.forNorm({ slug: s.norm.slug });
    expect(after.counts).toEqual({ open: 0, accepted: 1, declined: 1, withdrawn: 0, superseded: 0 });
    expect(after.amendments[1]).toEqual(expect.objectContaining({ state: "declined", reason: "The reporting clause is what makes the norm checkable." }));
    expect((await db.select().from(normEvents).where(and(eq(normEvents.normId, s.norm.id), eq(normEvents.type, "amendmentDeclined")))).length).toBe(1);
    // A decided amendment is decided for good.
    await expect(s.proposer.amendments.accept({ amendmentId: second.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /Amendment 2 is declined/));
  });

  it("refuses who may not: others than the authors deciding, others than the proposer withdrawing, an organisation not represented or not verified", async () => {
    const s = await setting("Amendments refused to the wrong people");
    const a = await s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 2, kind: "insert", text: "States should fund CSIRTs.", rationale });
    await expect(s.amender.amendments.accept({ amendmentId: a.id })).rejects.toEqual(refusedWith("FORBIDDEN", /Only the norm's authors can accept/));
    await expect(s.secretariat.amendments.decline({ amendmentId: a.id, reason: "The secretariat does not decide the text of norms." })).rejects.toEqual(
      refusedWith("FORBIDDEN", /Only the norm's authors can decline/),
    );
    await expect(s.proposer.amendments.withdraw({ amendmentId: a.id })).rejects.toEqual(refusedWith("FORBIDDEN", /Only the amendment's proposer/));
    // The supporter belongs to the organisation but does not represent it; the pending one is not verified.
    await expect(s.supporter.amendments.support({ amendmentId: a.id, organizationId: s.organization.id })).rejects.toEqual(refusedWith("FORBIDDEN", /verified and you represent it/));
    await expect(
      s.representative.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 1, kind: "delete", rationale, organizationId: s.pending.id }),
    ).rejects.toEqual(refusedWith("FORBIDDEN", /verified and you represent it/));
    await expect(s.amender.amendments.support({ amendmentId: a.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /cannot be supported by the one who proposed it/));
    await expect(s.visitor.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 1, kind: "delete", rationale })).rejects.toEqual(expect.objectContaining({ code: "UNAUTHORIZED" }));
    await s.amender.amendments.withdraw({ amendmentId: a.id });
    expect((await s.visitor.amendments.get({ slug: s.norm.slug, number: a.number })).amendment.state).toBe("withdrawn");
    expect(await db.$count(amendmentSupports, eq(amendmentSupports.amendmentId, a.id))).toBe(0);
  });

  it("gives clear messages for bad input: a stale version, a clause that is not there, the same words, no words, the only clause", async () => {
    const s = await setting("Amendments with bad input");
    const bad = (input: object) => s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 1, kind: "replace", text: "New words.", rationale, ...input });
    await expect(bad({ clause: 4 })).rejects.toEqual(refusedWith("BAD_REQUEST", /has clauses 1 to 3; choose one of them/));
    await expect(bad({ baseVersion: 2 })).rejects.toEqual(refusedWith("CONFLICT", /Propose your amendment on the latest text/));
    await expect(bad({ text: "States should not harm CSIRTs." })).rejects.toEqual(refusedWith("BAD_REQUEST", /same as the clause's/));
    await expect(bad({ text: "  " })).rejects.toEqual(expect.objectContaining({ code: "BAD_REQUEST" }));
    await expect(bad({ rationale: "Too short." })).rejects.toEqual(expect.objectContaining({ code: "BAD_REQUEST" }));
    await expect(bad({ kind: "rewrite" })).rejects.toEqual(expect.objectContaining({ code: "BAD_REQUEST" }));
    expect(await db.$count(amendments, eq(amendments.normId, s.norm.id))).toBe(0);
  });

  it("reports an amendment whose clause was reworded since as a conflict, and writes nothing", async () => {
    const s = await setting("Amendments in conflict");
    const a = await s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 2, kind: "replace", text: "States should work with CSIRTs.", rationale });
    const b = await s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 2, kind: "replace", text: "States should help CSIRTs.", rationale });
    await s.proposer.amendments.accept({ amendmentId: a.id });
    const listed = await s.visitor.amendments.forNorm({ slug: s.norm.slug });
    expect(listed.amendments.find((x) => x.number === b.number)).toEqual(expect.objectContaining({ conflict: true, currentClause: null }));
    expect((await s.proposer.amendments.get({ slug: s.norm.slug, number: b.number })).viewer).toEqual(expect.objectContaining({ canAccept: false, canDecline: true }));
    await expect(s.proposer.amendments.accept({ amendmentId: b.id })).rejects.toEqual(refusedWith("CONFLICT", /Amendment 2 no longer applies: clause 2 of version 1/));
    expect((await db.query.norms.findFirst({ where: eq(norms.id, s.norm.id) }))!.currentVersion).toBe(2);
    // An amendment to a clause the authors did not touch still applies after another was accepted.
    const c = await s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 2, clause: 1, kind: "insert", text: "States should protect CSIRTs.", rationale });
    await s.proposer.norms.revise({ ...fields, title: "Amendments in conflict", normId: s.norm.id, baseVersion: 2, clauses: ["Preamble.", ...(await clausesOf(s.norm.id, 2))], changeSummary: "Added a preamble." });
    await s.proposer.amendments.accept({ amendmentId: c.id });
    expect(await clausesOf(s.norm.id, 4)).toEqual(["Preamble.", "States should not harm CSIRTs.", "States should protect CSIRTs.", "States should work with CSIRTs.", "States should report on both."]);
  });

  it("stop when the consultation closes, and open ones are superseded when it ends", async () => {
    const s = await setting("Amendments and the clock");
    const a = await s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 1, kind: "delete", rationale });
    const closesAt = (await db.query.norms.findFirst({ where: eq(norms.id, s.norm.id) }))!.stageClosesAt!;
    setClock(closesAt);
    await expect(s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 2, kind: "delete", rationale })).rejects.toEqual(
      refusedWith("PRECONDITION_FAILED", /amendments can no longer be proposed or supported/),
    );
    await expect(s.supporter.amendments.support({ amendmentId: a.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /closed/));
    await expect(s.proposer.amendments.accept({ amendmentId: a.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /can no longer be revised/));
    expect((await s.proposer.amendments.get({ slug: s.norm.slug, number: 1 })).viewer).toEqual(expect.objectContaining({ canAccept: false, canDecline: true, canSupport: false }));
    await s.secretariat.norms.transition({ normId: s.norm.id, transition: "openEndorsement", ...overriding });
    expect((await s.visitor.amendments.get({ slug: s.norm.slug, number: 1 })).amendment.state).toBe("superseded");
    await expect(s.proposer.amendments.decline({ amendmentId: a.id, reason: "Too late to decide this one, it was superseded." })).rejects.toEqual(
      refusedWith("PRECONDITION_FAILED", /is superseded/),
    );
  });

  it("have their own discussion, apart from the text's, closed once decided", async () => {
    const s = await setting("Amendments discussed");
    const a = await s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 3, kind: "replace", text: "States should report yearly.", rationale });
    const comment = await s.supporter.comments.create({ normId: s.norm.id, body: "Yearly is about right.", amendmentId: a.id });
    await s.amender.comments.create({ normId: s.norm.id, body: "Thanks.", parentId: comment.id });
    await s.supporter.comments.create({ normId: s.norm.id, body: "On the text as a whole." });
    const onAmendment = await s.visitor.comments.list({ slug: s.norm.slug, amendment: a.number });
    expect(onAmendment.count).toBe(2);
    expect(onAmendment.threads[0]).toEqual(expect.objectContaining({ version: 1, clause: 3, replyCount: 1 }));
    const onText = await s.visitor.comments.list({ slug: s.norm.slug });
    expect(onText.count).toBe(1);
    expect((await s.visitor.comments.clauseCounts({ slug: s.norm.slug, version: 1 })).byClause).toEqual({});
    expect((await s.visitor.amendments.forNorm({ slug: s.norm.slug })).amendments[0]!.comments).toBe(2);
    await s.proposer.amendments.decline({ amendmentId: a.id, reason: "Each state should choose how often it reports." });
    await expect(s.supporter.comments.create({ normId: s.norm.id, body: "Too bad.", amendmentId: a.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /discussion is closed/));
    expect((await s.visitor.comments.list({ slug: s.norm.slug, amendment: a.number })).open).toBe(false);
    await expect(s.visitor.comments.list({ slug: s.norm.slug, amendment: 9 })).rejects.toEqual(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("are open data: every amendment with its redline, support and outcome, in the documented shape; a draft's are not found", async () => {
    const s = await setting("Amendments as open data");
    const a = await s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 2, kind: "replace", text: "States should work with CSIRTs.", rationale });
    await s.supporter.amendments.support({ amendmentId: a.id });
    await s.proposer.amendments.accept({ amendmentId: a.id });
    const res = await normAmendmentsResponse(db, s.norm.slug);
    expect(res.status).toBe(200);
    const body = normAmendmentList.parse(await res.json());
    expect(body.counts.accepted).toBe(1);
    expect(body.amendments[0]).toEqual(
      expect.objectContaining({
        number: 1,
        state: "accepted",
        kind: "replace",
        version: 1,
        clause: 2,
        acceptedVersion: 2,
        appliesToLatest: null,
        support: { total: 1, byType: expect.objectContaining({ individual: 1 }) },
        proposer: { name: "Amy Amender", organization: null },
      }),
    );
    expect(body.amendments[0]!.url).toMatch(/\/norms\/amendments-as-open-data\/amendments\/1$/);
    const { slug: draft } = await s.proposer.norms.create({ ...fields, title: "An amended draft" });
    expect((await normAmendmentsResponse(db, draft)).status).toBe(404);
  });

  it("accepted at the same moment, two amendments to different clauses both land, one version after the other, each on the other's text", async () => {
    const s = await setting("Amendments accepted together");
    const first = await s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 1, kind: "replace", text: "States should never harm CSIRTs.", rationale });
    const second = await s.amender.amendments.propose({ normId: s.norm.id, baseVersion: 1, clause: 3, kind: "replace", text: "States should report on both each year.", rationale });
    const results = await Promise.all([s.proposer.amendments.accept({ amendmentId: first.id }), s.coauthor.amendments.accept({ amendmentId: second.id })]);
    expect(results.map((r) => r.version).sort()).toEqual([2, 3]);
    expect(await clausesOf(s.norm.id, 3)).toEqual(["States should never harm CSIRTs.", "States should cooperate with CSIRTs.", "States should report on both each year."]);
    expect((await db.query.norms.findFirst({ where: eq(norms.id, s.norm.id) }))!.currentVersion).toBe(3);
  });
});
