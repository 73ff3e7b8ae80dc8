// Behaviour observations under codebook v1 (issue 19): two-person review, who may not review,
// the named organisations' reply window (read from the forum clock), replies that close at
// publication, and public correction requests afterwards.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { auditLog, norms, notificationEvents, observationActors, observationReviews, observations, users } from "~/db/schema";
import { setClock } from "~/server/clock";
import { CURRENT_CODEBOOK } from "~/server/codebook";
import { reviewBlock, reviewOutcome } from "~/server/domain/stocktakes";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, fieldErrorsOf, zodPaths } from "./support/errors";
import { overriding, responseTeamNormFields } from "./support/moves";
import { coded } from "./support/observations";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
afterEach(() => setClock(null));

const DAY = 24 * 60 * 60 * 1000;
let nextYear = 2060;

/** An open stock-take covering one norm; a state's ministry with a representative; three secretariat members; a member. */
async function cycle() {
  const db = database.db;
  const year = nextYear++;
  const T0 = new Date(`${year}-03-01T10:00:00Z`);
  setClock(T0, { stopped: true });
  const staffUsers = await Promise.all([1, 2, 3].map(() => createUser(db, { role: "secretariat" })));
  const [staff1, staff2, staff3] = await Promise.all(staffUsers.map((u) => callerAs(db, u)));
  const repUser = await createUser(db, { displayName: "A Representative" });
  const ministry = await createOrganization(db, { createdById: repUser.id, status: "verified", stakeholderType: "state", region: "african", country: null });
  const rep = await callerAs(db, repUser);
  const { slug } = await rep.norms.create({ ...responseTeamNormFields, title: `Protecting response teams in ${year}` });
  const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await rep.norms.submit({ normId: norm.id });
  await staff1!.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
  await staff1!.stocktakes.open({ year, opensOn: `${year}-01-01`, closesOn: `${year}-12-31`, normIds: [norm.id], referenceNormIds: [] });
  const item = (await staff1!.stocktakes.get({ year })).items[0]!;
  const memberUser = await createUser(db, { displayName: "A Member" });
  const member = await callerAs(db, memberUser);
  const input = {
    year,
    title: "Joint response to a network attack",
    description: "Two national response teams restored a regional payment network over three days.",
    occurredOn: `${year}-02-10`,
    occurredUntil: `${year}-02-12`,
    actors: [
      { kind: "organization" as const, organizationId: ministry.id },
      { kind: "state" as const, country: "tz" },
      { kind: "unattributed" as const, label: "a criminal group" },
    ],
    ...coded,
    assessments: [{ itemId: item.id, assessment: "unclear" as const }],
    sources: [{ url: "https://example.org/report", archiveUrl: "https://web.archive.org/web/2026/https://example.org/report" }],
  };
  return { db, year, T0, staff1: staff1!, staff2: staff2!, staff3: staff3!, staffUsers, rep, repUser, ministry, member, memberUser, item, input };
}

describe("logging an observation under the current codebook", () => {
  it("records its version, its actors in order (a state by upper-case ISO code), its coded fields and a reply window for the named", async () => {
    const c = await cycle();
    const { id, replyUntil } = await c.member.stocktakes.logObservation(c.input);
    expect(replyUntil).toEqual(new Date(c.T0.getTime() + 14 * DAY));
    const row = (await c.db.query.observations.findFirst({ where: eq(observations.id, id) }))!;
    expect(row).toMatchObject({ codebookVersion: CURRENT_CODEBOOK, occurredUntil: `${c.year}-02-12`, attributionStatus: "none", confidence: "medium", evidenceType: "media-report", singleReviewer: false });
    expect(row.sources).toEqual([{ url: "https://example.org/report", archiveUrl: "https://web.archive.org/web/2026/https://example.org/report" }]);
    const actors = await c.db.select().from(observationActors).where(eq(observationActors.observationId, id)).orderBy(observationActors.position);
    expect(actors.map((a) => [a.kind, a.organizationId, a.country, a.label])).toEqual([
      ["organization", c.ministry.id, null, null],
      ["state", null, "TZ", null],
      ["unattributed", null, null, "a criminal group"],
    ]);
  });

  it("refuses bad input field by field: a source that is not http(s), an unknown state, a period that ends before it starts, a missing attribution", async () => {
    const c = await cycle();
    const bad = await failure(
      c.member.stocktakes.logObservation({
        ...c.input,
        occurredUntil: `${c.year}-02-01`,
        actors: [{ kind: "state", country: "XX" }],
        attributionStatus: "government",
        sources: [{ url: "ftp://example.org/report" }],
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(zodPaths(bad).sort()).toEqual(["actors.0.country", "attributedBy", "attributionSource", "occurredUntil", "sources.0.url"]);
    const noSource = await failure(c.member.stocktakes.logObservation({ ...c.input, sources: [{ url: "javascript:alert(1)" }] }));
    expect(zodPaths(noSource)).toEqual(["sources.0.url"]);
    expect(noSource.message).not.toMatch(/javascript/);
    // An actor named twice, and an organisation that is not in the forum, are refused on the actors.
    const twice = await failure(c.member.stocktakes.logObservation({ ...c.input, actors: [{ kind: "state", country: "TZ" }, { kind: "state", country: "tz" }] }));
    expect(fieldErrorsOf(twice).actors).toMatch(/twice/);
    const outsider = await createOrganization(c.db, { createdById: c.memberUser.id, status: "pending", stakeholderType: "civil_society", region: "global" });
    const unverified = await failure(c.member.stocktakes.logObservation({ ...c.input, actors: [{ kind: "organization", organizationId: outsider.id }] }));
    expect(fieldErrorsOf(unverified).actors).toMatch(/not in the forum/);
  });

  it("tells the named organisation's representatives at once, with the last day of the window", async () => {
    const c = await cycle();
    const { id } = await c.member.stocktakes.logObservation(c.input);
    const told = await c.db
      .select({ recipientIds: notificationEvents.recipientIds, link: notificationEvents.link, details: notificationEvents.details })
      .from(notificationEvents)
      .where(eq(notificationEvents.kind, "organization.observed"));
    expect(told.filter((e) => e.link.endsWith(`#observation-${id}`))).toEqual([
      { recipientIds: [c.repUser.id], link: `/stocktakes/${c.year}#observation-${id}`, details: { organization: c.ministry.name, year: c.year, replyBy: `15 March ${c.year}` } },
    ]);
  });
});

describe("two-person review", () => {
  it("accepts only when two secretariat members accept; one cannot alone, nor twice", async () => {
    const c = await cycle();
    const { id } = await c.member.stocktakes.logObservation({ ...c.input, actors: [{ kind: "state", country: "TZ" }] });
    expect(await c.staff1.stocktakes.reviewObservation({ observationId: id, decision: "accept" })).toEqual({ id, status: "pending", needsThird: false });
    const twice = await failure(c.staff1.stocktakes.reviewObservation({ observationId: id, decision: "accept" }));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toMatch(/already reviewed/);
    expect((await c.db.query.observations.findFirst({ where: eq(observations.id, id) }))!.status).toBe("pending");
    expect(await c.staff2.stocktakes.reviewObservation({ observationId: id, decision: "accept" })).toEqual({ id, status: "accepted", needsThird: false });
    const staffView = (await c.staff3.stocktakes.get({ year: c.year })).observations.find((o) => o.id === id)!;
    expect(staffView.reviews.map((r) => r.decision)).toEqual(["accept", "accept"]);
    // The public sees that two agreed, never who.
    const publicView = (await (await callerAs(c.db, null)).stocktakes.get({ year: c.year })).observations.find((o) => o.id === id)!;
    expect(publicView).toMatchObject({ singleReviewer: false, reviews: [] });
    expect(await c.db.$count(auditLog, eq(auditLog.targetId, id))).toBe(2);
  });

  it("sends a disagreement to a third reviewer, whose decision settles it; rejection reasons reach the reporter", async () => {
    const c = await cycle();
    const { id } = await c.member.stocktakes.logObservation({ ...c.input, actors: [{ kind: "unattributed" }] });
    await c.staff1.stocktakes.reviewObservation({ observationId: id, decision: "accept" });
    expect(await c.staff2.stocktakes.reviewObservation({ observationId: id, decision: "reject", note: "The sources do not support the dates." })).toMatchObject({ status: "pending", needsThird: true });
    expect((await c.staff3.stocktakes.get({ year: c.year })).observations.find((o) => o.id === id)!.needsThird).toBe(true);
    expect(await c.staff3.stocktakes.reviewObservation({ observationId: id, decision: "reject", note: "Agreed: the dates are not supported." })).toMatchObject({ status: "rejected" });
    const mine = (await c.member.stocktakes.get({ year: c.year })).observations.find((o) => o.id === id)!;
    expect(mine).toMatchObject({ status: "rejected", reviewNote: "The sources do not support the dates.\n\nAgreed: the dates are not supported." });
  });

  it("refuses the named organisation's own people, and a secretariat member who logged it", async () => {
    const c = await cycle();
    const { id } = await c.member.stocktakes.logObservation(c.input);
    // The named ministry's representative is no reviewer at all.
    expect((await failure(c.rep.stocktakes.reviewObservation({ observationId: id, decision: "reject", note: "We were not involved in this." }))).code).toBe("FORBIDDEN");
    // Staff belong to no organisation (migration 0029), so the rule that bars a reviewer who belongs
    // to a named organisation is checked on the function that decides it.
    expect(reviewBlock(c.memberUser.id, c.staffUsers[0]!.id, [c.ministry.name])).toEqual({ reason: "member", organizations: [c.ministry.name] });
    // A member who logged it and joined the secretariat later may not review it.
    await c.db.update(users).set({ role: "secretariat" }).where(eq(users.id, c.memberUser.id));
    const reporterAsStaff = await callerAs(c.db, c.memberUser);
    const refused = await failure(reporterAsStaff.stocktakes.reviewObservation({ observationId: id, decision: "reject", note: "Not supported by its sources." }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/you logged it/);
    expect(await c.db.$count(observationReviews, eq(observationReviews.observationId, id))).toBe(0);
  });

  it("pure rule: two of a kind decide; one of each needs a third", () => {
    expect(reviewOutcome(["accept"])).toMatchObject({ status: "pending", needsThird: false });
    expect(reviewOutcome(["accept", "reject"])).toMatchObject({ status: "pending", needsThird: true });
    expect(reviewOutcome(["reject", "accept", "accept"])).toMatchObject({ status: "accepted" });
    expect(reviewOutcome(["reject", "reject"])).toMatchObject({ status: "rejected" });
  });
});

describe("the reply window", () => {
  it("refuses acceptance before it ends unless every named organisation has replied; rejection is allowed", async () => {
    const c = await cycle();
    const { id } = await c.member.stocktakes.logObservation(c.input);
    const early = await failure(c.staff1.stocktakes.reviewObservation({ observationId: id, decision: "accept" }));
    expect(early.code).toBe("PRECONDITION_FAILED");
    expect(early.message).toBe(`This observation cannot be accepted before 15 March ${c.year}: the organisations it names have until then to reply. Not yet replied: ${c.ministry.name}.`);
    // The named representative sees it while pending and replies; then two may accept.
    expect((await c.rep.stocktakes.get({ year: c.year })).observations.find((o) => o.id === id)!.viewer.canReplyFor).toEqual([c.ministry.id]);
    await c.rep.stocktakes.reply({ observationId: id, organizationId: c.ministry.id, text: "Our response team acted under the bilateral arrangement." });
    await c.staff1.stocktakes.reviewObservation({ observationId: id, decision: "accept" });
    expect(await c.staff2.stocktakes.reviewObservation({ observationId: id, decision: "accept" })).toMatchObject({ status: "accepted" });
  });

  it("once it has ended, acceptance needs no reply", async () => {
    const c = await cycle();
    const { id } = await c.member.stocktakes.logObservation(c.input);
    setClock(new Date(c.T0.getTime() + 14 * DAY), { stopped: true });
    await c.staff1.stocktakes.reviewObservation({ observationId: id, decision: "accept" });
    expect(await c.staff2.stocktakes.reviewObservation({ observationId: id, decision: "accept" })).toMatchObject({ status: "accepted" });
  });

  it("replies close when the report is published; then anyone signed in may ask for a correction, answered in public", async () => {
    const c = await cycle();
    const { id } = await c.member.stocktakes.logObservation(c.input);
    await c.rep.stocktakes.reply({ observationId: id, organizationId: c.ministry.id, text: "Our response team acted under the bilateral arrangement." });
    await c.staff1.stocktakes.reviewObservation({ observationId: id, decision: "accept" });
    await c.staff2.stocktakes.reviewObservation({ observationId: id, decision: "accept" });
    const tooEarly = await failure(c.member.stocktakes.requestCorrection({ observationId: id, text: "The period given ends a day too late." }));
    expect(tooEarly.code).toBe("PRECONDITION_FAILED");
    await c.staff1.stocktakes.close({ year: c.year });
    const published = await c.staff1.stocktakes.publish({ year: c.year });
    const late = await failure(c.rep.stocktakes.reply({ observationId: id, organizationId: c.ministry.id, text: "A changed reply after publication." }));
    expect(late.code).toBe("PRECONDITION_FAILED");
    expect(late.message).toMatch(/replies can no longer be added or changed/);

    // The snapshot (format 3) carries the coded observation, its reply and how it was reviewed.
    const snapshot = JSON.parse((await c.member.stocktakes.revision({ year: c.year })).snapshot);
    expect(snapshot.format).toBe("normsforum-stocktake/3");
    expect(snapshot.observations[0]).toMatchObject({
      codebookVersion: CURRENT_CODEBOOK,
      occurredUntil: `${c.year}-02-12`,
      actors: [{ kind: "organization", organization: c.ministry.slug }, { kind: "state", country: "TZ" }, { kind: "unattributed", label: "a criminal group" }],
      attribution: { status: "none", by: null, source: null },
      confidence: "medium",
      evidenceType: "media-report",
      review: { reviewers: 2 },
      sources: [{ url: "https://example.org/report", archiveUrl: "https://web.archive.org/web/2026/https://example.org/report" }],
      replies: [{ organization: c.ministry.slug, text: "Our response team acted under the bilateral arrangement." }],
    });
    expect(snapshot.items[0].observations).toEqual({ consistent: 0, inconsistent: 0, unclear: 1 });
    expect(published.sha256).toMatch(/^[0-9a-f]{64}$/);

    const { id: correctionId } = await c.member.stocktakes.requestCorrection({ observationId: id, text: "The period given ends a day too late, by the second source." });
    expect((await failure(c.member.stocktakes.answerCorrection({ correctionId, answer: "Checked against the sources." }))).code).toBe("FORBIDDEN");
    await c.staff3.stocktakes.answerCorrection({ correctionId, answer: "The second source confirms the period as published." });
    expect((await failure(c.staff3.stocktakes.answerCorrection({ correctionId, answer: "Answered again." }))).code).toBe("PRECONDITION_FAILED");
    const log = await (await callerAs(c.db, null)).stocktakes.corrections({ limit: 10 });
    expect(log[0]).toMatchObject({ observationId: id, status: "answered", answer: "The second source confirms the period as published." });
    expect(JSON.stringify(log[0])).not.toContain(c.memberUser.id);
    const onPage = (await (await callerAs(c.db, null)).stocktakes.get({ year: c.year })).observations.find((o) => o.id === id)!;
    expect(onPage.corrections.map((x) => x.status)).toEqual(["answered"]);
  });
});
