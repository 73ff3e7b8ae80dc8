// The events the domain writes into the outbox as people act (issue 18): each written in the
// transaction of the change, fanned out here with fanOutAll(), and checked by who got a
// notification (never the person who acted) and where it leads. Also what people follow by
// taking part: a thread they commented in, a norm their organisation took a position on, a
// stock-take it filed in.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { addMember, createOrganization, createUser, type UserInput } from "~/db/factories";
import { follows, notificationEvents, notifications, norms } from "~/db/schema";
import { describeEvent, describerFor } from "~/server/notifications/describe";
import { fanOutAll } from "~/server/notifications/fan-out";
import type { EventKind } from "~/server/schemas/notification-vocabulary";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { overriding, responseTeamNormFields } from "./support/moves";
import { acceptDirectly, actorsFor, coded, sourcesFor } from "./support/observations";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

const fields = { ...responseTeamNormFields, clauses: ["States should not harm CSIRTs.", "States should cooperate with CSIRTs.", "States should report on both."] };
const rationale = "The clause should say plainly what it asks of states.";
const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

type Received = { kind: EventKind; link: string; details: Record<string, unknown> };

/** Kinds written elsewhere (a norm's submission, versions, stages, co-author invitations): not these tests' business. */
const elsewhere = (kind: string) => ["norm.", "coauthor.", "position."].some((prefix) => kind.startsWith(prefix));

/** Every event fanned out, then the notifications the person got of the kinds written here, oldest first. */
async function received(userId: string): Promise<Received[]> {
  await fanOutAll(db);
  const rows = await db
    .select({ kind: notificationEvents.kind, link: notificationEvents.link, details: notificationEvents.details })
    .from(notifications)
    .innerJoin(notificationEvents, eq(notificationEvents.id, notifications.eventId))
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notificationEvents.id));
  return (rows as Received[]).filter((r) => !elsewhere(r.kind));
}

const kinds = async (userId: string) => (await received(userId)).map((r) => r.kind);

async function followsOf(userId: string) {
  const rows = await db.select({ target: follows.target, reason: follows.reason }).from(follows).where(eq(follows.userId, userId));
  return rows;
}

let titles = 0;
/** A submitted norm with its proposer and an accepted co-author. */
async function publicNorm() {
  const proposerUser = await createUser(db, { displayName: "Norm Proposer" });
  const coauthorUser = await createUser(db, { displayName: "Norm Coauthor" });
  const proposer = await callerAs(db, proposerUser);
  const { slug } = await proposer.norms.create({ ...fields, title: `Protecting response teams ${titles++}` });
  const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await proposer.norms.submit({ normId: norm.id });
  const invitation = await proposer.norms.inviteCoauthor({ normId: norm.id, email: coauthorUser.email });
  const coauthor = await callerAs(db, coauthorUser);
  await coauthor.norms.respondToInvitation({ invitationId: invitation.invitationId, accept: true });
  return { norm, slug, proposer, proposerUser, coauthor, coauthorUser };
}

async function person(input: string | UserInput = {}) {
  const user = await createUser(db, typeof input === "string" ? { displayName: input } : input);
  return { user, api: await callerAs(db, user) };
}

describe("amendments", () => {
  it("tells the norm's followers of a proposal, and them and the amender of the decision", async () => {
    const { norm, slug, proposer } = await publicNorm();
    const follower = await person();
    const amender = await person("Amy Amender");
    await follower.api.notifications.follow({ type: "norm", key: slug, follow: true });

    const proposed = await amender.api.amendments.propose({ normId: norm.id, baseVersion: 1, clause: 2, kind: "replace", text: "States should work with CSIRTs.", rationale });
    expect(await received(follower.user.id)).toEqual([
      { kind: "amendment.proposed", link: `/norms/${slug}/amendments/${proposed.number}`, details: { norm: norm.title, slug, clause: 2 } },
    ]);
    expect(await kinds(amender.user.id)).toEqual([]);

    await proposer.amendments.accept({ amendmentId: proposed.id });
    const declined = await amender.api.amendments.propose({ normId: norm.id, baseVersion: 2, clause: 3, kind: "delete", rationale });
    await proposer.amendments.decline({ amendmentId: declined.id, reason: "The report is what makes the norm checkable." });
    expect(await kinds(amender.user.id)).toEqual(["amendment.accepted", "amendment.declined"]);
    expect((await received(amender.user.id))[1]).toMatchObject({ link: `/norms/${slug}/amendments/${declined.number}`, details: { clause: 3 } });
    expect(await kinds(follower.user.id)).toEqual(["amendment.proposed", "amendment.accepted", "amendment.proposed", "amendment.declined"]);
  });
});

describe("comments", () => {
  it("tells the parent's author, the norm's authors and the thread's followers, each person once, never the commenter", async () => {
    const { norm, slug, proposerUser, coauthor, coauthorUser } = await publicNorm();
    const x = await person("Xavier Commenter");
    const y = await person("Yvonne Replier");

    const root = await x.api.comments.create({ normId: norm.id, body: "A first thought on the norm." });
    expect(await followsOf(x.user.id)).toEqual([{ target: `thread:${root.id}`, reason: "comment" }]);
    for (const author of [proposerUser, coauthorUser]) {
      expect(await received(author.id)).toEqual([
        { kind: "comment.on_norm", link: `/norms/${slug}#comment-${root.id}`, details: { person: "Xavier Commenter", norm: norm.title, slug } },
      ]);
    }
    expect(await kinds(x.user.id)).toEqual([]);

    // The co-author replies: the parent's author hears of a reply; the proposer of a comment on their norm.
    const c1 = await coauthor.comments.create({ normId: norm.id, body: "A co-author's answer.", parentId: root.id });
    expect(await kinds(x.user.id)).toEqual(["comment.reply"]);
    expect(await kinds(proposerUser.id)).toEqual(["comment.on_norm", "comment.on_norm"]);
    expect(await kinds(coauthorUser.id)).toEqual(["comment.on_norm"]);

    // A reply to the co-author: the co-author (parent's author, an author, and following the
    // thread) hears once; the thread's first commenter hears as a follower; the proposer as an author.
    const y1 = await y.api.comments.create({ normId: norm.id, body: "A reply to the co-author.", parentId: c1.id });
    const about = async (userId: string) => (await received(userId)).filter((r) => r.link.endsWith(`#comment-${y1.id}`)).map((r) => r.kind);
    expect(await about(coauthorUser.id)).toEqual(["comment.reply"]);
    expect(await about(x.user.id)).toEqual(["comment.thread"]);
    expect(await about(proposerUser.id)).toEqual(["comment.on_norm"]);
    expect(await kinds(y.user.id)).toEqual([]);
    expect(await followsOf(y.user.id)).toEqual([{ target: `thread:${root.id}`, reason: "comment" }]);
  });

  it("names someone speaking for an organisation as the page does, and links an amendment's discussion to its page", async () => {
    const { norm, slug, proposerUser } = await publicNorm();
    const rep = await person("Rita Representative");
    const organization = await createOrganization(db, { createdById: rep.user.id, status: "verified", name: "Harbour Rights" });
    const amendment = await rep.api.amendments.propose({ normId: norm.id, baseVersion: 1, clause: 1, kind: "replace", text: "States should never harm CSIRTs.", rationale });
    const comment = await rep.api.comments.create({ normId: norm.id, body: "For the organisation.", amendmentId: amendment.id, organizationId: organization.id });
    const [got] = (await received(proposerUser.id)).filter((r) => r.kind === "comment.on_norm");
    expect(got).toEqual({
      kind: "comment.on_norm",
      link: `/norms/${slug}/amendments/${amendment.number}#comment-${comment.id}`,
      details: { person: "Rita Representative", onBehalfOf: "Harbour Rights", norm: norm.title, slug },
    });
    // Named together in the reader's language when the sentence is written.
    expect(describeEvent("comment.on_norm", got!.details)).toBe(`Rita Representative on behalf of Harbour Rights commented on “${norm.title}”.`);
    expect((await describerFor("fr")).describeEvent("comment.on_norm", got!.details)).toMatch(/^Rita Representative au nom de Harbour Rights /);
  });
});

describe("moderation", () => {
  it("tells the comment's author of a hiding, a restoring and an appeal's decision", async () => {
    const { norm, slug } = await publicNorm();
    const author = await person();
    const staff = await person({ role: "secretariat" });
    const moderator = staff.api;
    const first = await author.api.comments.create({ normId: norm.id, body: "A sharp remark." });
    const second = await author.api.comments.create({ normId: norm.id, body: "Another sharp remark." });
    const third = await author.api.comments.create({ normId: norm.id, body: "A third sharp remark." });

    await moderator.moderation.hide({ commentId: first.id, rule: "HR-2", note: "" });
    await moderator.moderation.restore({ commentId: first.id, note: "" });
    await moderator.moderation.hide({ commentId: second.id, rule: "HR-2", note: "" });
    const upheld = await author.api.comments.appeal({ commentId: second.id, text: "The remark was about an argument, not a person." });
    await moderator.moderation.decideAppeal({ appealId: upheld.id, decision: "uphold", note: "It named a person." });
    await moderator.moderation.hide({ commentId: third.id, rule: "HR-2", note: "" });
    const granted = await author.api.comments.appeal({ commentId: third.id, text: "The remark was about an argument, not a person." });
    await moderator.moderation.decideAppeal({ appealId: granted.id, decision: "restore", note: "On reflection, it criticised an argument." });

    const got = await received(author.user.id);
    expect(got.map((r) => [r.details.decision, r.link])).toEqual([
      ["hidden", `/account#comment-${first.id}`],
      ["restored", `/account#comment-${first.id}`],
      ["hidden", `/account#comment-${second.id}`],
      ["appeal_upheld", `/account#comment-${second.id}`],
      ["hidden", `/account#comment-${third.id}`],
      ["appeal_granted", `/account#comment-${third.id}`],
    ]);
    expect(got.every((r) => r.kind === "moderation.decision" && r.details.norm === norm.title && r.details.slug === slug)).toBe(true);
    expect(await kinds(staff.user.id)).toEqual([]);
  });
});

describe("organisations", () => {
  it("tells its representatives of a join request, not its members nor the one asking", async () => {
    const rep = await person();
    const secondRep = await person();
    const member = await person();
    const organization = await createOrganization(db, { createdById: rep.user.id, status: "verified", name: "Coastal Networks" });
    await addMember(db, organization.id, secondRep.user.id, "representative");
    await addMember(db, organization.id, member.user.id);
    const applicant = await person("Alex Applicant");
    await applicant.api.organizations.requestJoin({ organizationId: organization.id, message: "I work there." });
    for (const r of [rep, secondRep]) {
      expect(await received(r.user.id)).toEqual([
        {
          kind: "organization.join_request",
          link: `/organizations/${organization.slug}/manage#requests`,
          details: { person: "Alex Applicant", organization: "Coastal Networks" },
        },
      ]);
    }
    expect(await kinds(member.user.id)).toEqual([]);
    expect(await kinds(applicant.user.id)).toEqual([]);
  });

  it("tells its representatives of a verification decided or revoked, and its followers of one given or revoked", async () => {
    const staff = await person({ role: "secretariat" });
    const secretariat = staff.api;
    const rep = await person();
    const follower = await person();
    const organization = await createOrganization(db, { createdById: rep.user.id, name: `Tidewater Institute ${titles++}` });
    const refused = await createOrganization(db, { createdById: rep.user.id, name: `Quayside Forum ${titles++}` });
    await follower.api.notifications.follow({ type: "organization", key: organization.slug, follow: true });
    await follower.api.notifications.follow({ type: "organization", key: refused.slug, follow: true });

    await secretariat.verification.verify({ organizationId: organization.id, confirmName: organization.name, acknowledgedDuplicateIds: [], exceptions: [{ userId: rep.user.id, reason: "Known to the secretariat from the registration." }] });
    await secretariat.verification.reject({ organizationId: refused.id, reason: "We could not confirm this body exists." });
    await secretariat.verification.revoke({ organizationId: organization.id, reason: "It merged into another member organisation." });

    const outcomes = (got: Received[]) => got.map((r) => [r.kind, r.details.organization, r.details.outcome, r.link]);
    expect(outcomes(await received(rep.user.id))).toEqual([
      ["organization.verification", organization.name, "verified", `/organizations/${organization.slug}`],
      ["organization.verification", refused.name, "rejected", `/organizations/${refused.slug}`],
      ["organization.verification", organization.name, "revoked", `/organizations/${organization.slug}`],
    ]);
    expect(outcomes(await received(follower.user.id)).map((o) => o[2])).toEqual(["verified", "revoked"]);
    expect(await kinds(staff.user.id)).toEqual([]);
  });
});

describe("positions", () => {
  it("makes the organisation's representatives follow the norm it took a position on", async () => {
    const { norm } = await publicNorm();
    const rep = await person();
    const secondRep = await person();
    const member = await person();
    const organization = await createOrganization(db, { createdById: rep.user.id, status: "verified", stakeholderType: "state" });
    await addMember(db, organization.id, secondRep.user.id, "representative");
    await addMember(db, organization.id, member.user.id);
    await rep.api.positions.record({ normId: norm.id, organizationId: organization.id, stance: "endorse" });
    for (const r of [rep, secondRep]) expect(await followsOf(r.user.id)).toEqual([{ target: `norm:${norm.id}`, reason: "position" }]);
    expect(await followsOf(member.user.id)).toEqual([]);
    // One who stopped following stays so when the organisation records again.
    await secondRep.api.notifications.follow({ type: "norm", key: norm.slug, follow: false });
    await rep.api.positions.record({ normId: norm.id, organizationId: organization.id, stance: "object", statement: "We object to clause 2 as written." });
    const [row] = await db.select({ active: follows.active }).from(follows).where(and(eq(follows.userId, secondRep.user.id), eq(follows.target, `norm:${norm.id}`)));
    expect(row?.active).toBe(false);
    // Only a change follows: the same position recorded again writes nothing, and a representative
    // who joined since does not start following.
    const thirdRep = await person();
    await addMember(db, organization.id, thirdRep.user.id, "representative");
    await rep.api.positions.record({ normId: norm.id, organizationId: organization.id, stance: "object", statement: "We object to clause 2 as written." });
    expect(await followsOf(thirdRep.user.id)).toEqual([]);
    await rep.api.positions.record({ normId: norm.id, organizationId: organization.id, stance: "endorse" });
    expect(await followsOf(thirdRep.user.id)).toEqual([{ target: `norm:${norm.id}`, reason: "position" }]);
  });
});

describe("stock-takes", () => {
  let nextYear = 2060;
  async function cycle() {
    const year = nextYear++;
    const staffUser = await createUser(db, { role: "secretariat" });
    const staff = await callerAs(db, staffUser);
    const rep = await person();
    const secondRep = await person();
    const organization = await createOrganization(db, { createdById: rep.user.id, status: "verified", stakeholderType: "state", region: "african", country: null, name: `Ministry ${year}` });
    await addMember(db, organization.id, secondRep.user.id, "representative");
    const { slug } = await rep.api.norms.create({ ...fields, title: `Protecting response teams in ${year}` });
    const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
    await rep.api.norms.submit({ normId: norm.id });
    await rep.api.positions.record({ normId: norm.id, organizationId: organization.id, stance: "endorse" });
    await staff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
    await staff.stocktakes.open({ year, opensOn: day(-5), closesOn: day(5), normIds: [norm.id], referenceNormIds: ["ungge-f"] });
    const st = await staff.stocktakes.get({ year });
    const item = st.items.find((i) => i.kind === "forum")!;
    return { year, staff, staffUser, rep, secondRep, organization, item };
  }

  it("makes a filing organisation's representatives follow the year; tells named organisations of an accepted observation; tells followers of the report and its erratum", async () => {
    const c = await cycle();
    const forumFollower = await person();
    await forumFollower.api.notifications.follow({ type: "forum", key: "", follow: true });
    await c.rep.api.stocktakes.fileStatement({ year: c.year, itemId: c.item.id, organizationId: c.organization.id, status: "implemented", text: "Done." });
    for (const r of [c.rep, c.secondRep]) expect(await followsOf(r.user.id)).toContainEqual({ target: `stocktake:${c.year}`, reason: "stocktake" });

    const reporter = await person();
    const { id } = await reporter.api.stocktakes.logObservation({
      year: c.year,
      title: "Disruption of a response team's network",
      description: "A national response team's network was disrupted for two days during a regional incident.",
      occurredOn: "2026-10-02",
      actors: actorsFor([c.organization.id], []),
      ...coded,
      assessments: [{ itemId: c.item.id, assessment: "inconsistent" as const }],
      sources: sourcesFor("https://example.org/report"),
    });
    // Told at once, on submission (codebook v1), with the last day of the reply window.
    const { replyUntil } = (await c.staff.stocktakes.get({ year: c.year })).observations.find((o) => o.id === id)!;
    const replyBy = new Date(replyUntil!.getTime() - 1).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    for (const r of [c.rep, c.secondRep]) {
      expect((await received(r.user.id)).filter((n) => n.kind === "organization.observed")).toEqual([
        { kind: "organization.observed", link: `/stocktakes/${c.year}#observation-${id}`, details: { organization: c.organization.name, year: c.year, replyBy } },
      ]);
    }
    await acceptDirectly(db, id);
    expect(await kinds(reporter.user.id)).toEqual([]);

    await c.staff.stocktakes.close({ year: c.year });
    const published = await c.staff.stocktakes.publish({ year: c.year });
    const corrected = await c.staff.stocktakes.publish({ year: c.year, erratum: "Corrected a figure in the summary." });
    const about = (got: Received[]) => got.filter((n) => n.kind.startsWith("stocktake.") && n.details.year === c.year).map((n) => [n.kind, n.link, n.details.hash]);
    const expected = [
      ["stocktake.published", `/stocktakes/${c.year}`, published.sha256],
      ["stocktake.erratum", `/stocktakes/${c.year}/revisions/2`, corrected.sha256],
    ];
    expect(about(await received(c.rep.user.id))).toEqual(expected);
    expect(about(await received(forumFollower.user.id))).toEqual(expected);
    expect(about(await received(c.staffUser.id))).toEqual([]);
  });
});

describe("the sentences", () => {
  it("renders every event written here with the words of its kind, all its values filled", async () => {
    const events = await db.select({ kind: notificationEvents.kind, details: notificationEvents.details }).from(notificationEvents);
    const seen = new Set(events.map((e) => e.kind));
    for (const kind of ["amendment.proposed", "amendment.accepted", "amendment.declined", "comment.reply", "comment.on_norm", "comment.thread", "moderation.decision", "organization.join_request", "organization.verification", "organization.observed", "stocktake.published", "stocktake.erratum"]) {
      expect(seen).toContain(kind);
    }
    for (const e of events) {
      const sentence = describeEvent(e.kind as EventKind, e.details as Record<string, unknown>);
      expect(sentence, e.kind).not.toMatch(/notifications\.|\{|\}|undefined/);
    }
    const observed = events.find((e) => e.kind === "organization.observed")!;
    expect(describeEvent("organization.observed", observed.details as Record<string, unknown>)).toMatch(/It may reply until \d{1,2} \w+ \d{4}\.$/);
  });
});
