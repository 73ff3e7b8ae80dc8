import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { norms, observationReplies, observations, stocktakePublications, stocktakeRevisions, stocktakes, users } from "~/db/schema";
import { preparePublication, publishStocktake } from "~/server/domain/stocktakes";
import { sha256 } from "~/server/domain/stocktake-snapshot";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, fieldErrorsOf, zodPaths } from "./support/errors";
import { overriding } from "./support/moves";
import { acceptDirectly, actorsFor, coded, sourcesFor } from "./support/observations";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
let nextYear = 2030;

const fields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses: ["States should not harm CSIRTs.", "States should cooperate with CSIRTs."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: [],
};

/** A norm in endorsement with positions, a secretariat, a representative, a member, and an open stock-take covering the norm and one reference norm. */
async function cycle() {
  const year = nextYear++;
  const staffUser = await createUser(database.db, { role: "secretariat" });
  const staff = await callerAs(database.db, staffUser);
  // Two-person review (codebook v1): a second member of the secretariat.
  const staff2 = await callerAs(database.db, await createUser(database.db, { role: "secretariat" }));
  const repUser = await createUser(database.db, { displayName: "A Representative" });
  const organization = await createOrganization(database.db, { createdById: repUser.id, status: "verified", stakeholderType: "state", region: "african", country: null });
  const rep = await callerAs(database.db, repUser);
  const { slug } = await rep.norms.create({ ...fields, title: `Protecting response teams in ${year}` });
  const norm = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await rep.norms.submit({ normId: norm.id });
  await rep.positions.record({ normId: norm.id, organizationId: organization.id, stance: "endorse" });
  await staff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
  const memberUser = await createUser(database.db, { displayName: "A Member" });
  const member = await callerAs(database.db, memberUser);
  await staff.stocktakes.open({ year, opensOn: day(-5), closesOn: day(5), normIds: [norm.id], referenceNormIds: ["ungge-f"] });
  const st = await staff.stocktakes.get({ year });
  const item = st.items.find((i) => i.kind === "forum")!;
  const reference = st.items.find((i) => i.kind === "reference")!;
  return { year, staff, staff2, staffUser, rep, repUser, organization, member, memberUser, norm, slug, item, reference };
}

const observation = (year: number, itemId: string, organizationId: string) => ({
  year,
  title: "Disruption of a response team's network",
  description: "A national response team's network was disrupted for two days during a regional incident.",
  occurredOn: "2026-10-02",
  actors: actorsFor([organizationId], ["An unattributed group"]),
  ...coded,
  assessments: [{ itemId, assessment: "inconsistent" as const }],
  sources: sourcesFor("https://example.org/report"),
});

describe("opening a stock-take", () => {
  it("covers by default every norm in endorsement or concluded and every reference norm", async () => {
    const c = await cycle();
    const year = nextYear++;
    await c.staff.stocktakes.open({ year, opensOn: day(0), closesOn: day(30) });
    const st = await c.staff.stocktakes.get({ year });
    expect(st.items.some((i) => i.kind === "forum" && i.slug === c.slug)).toBe(true);
    expect(st.items.filter((i) => i.kind === "reference")).toHaveLength(33);
    expect(st.window).toBe("open");
    expect((await failure(c.staff.stocktakes.open({ year, opensOn: day(0), closesOn: day(30) }))).code).toBe("CONFLICT");
    const bad = await failure(c.staff.stocktakes.open({ year: nextYear++, opensOn: day(5), closesOn: day(1) }));
    expect(zodPaths(bad)).toEqual(["closesOn"]);
  });
});

describe("statements, observations and replies", () => {
  it("files statements while the window is open, for the representative's own verified organisation only", async () => {
    const c = await cycle();
    const statement = { year: c.year, itemId: c.item.id, organizationId: c.organization.id, status: "partially" as const, text: "We set up a national team.", links: ["https://example.org/team"] };
    await c.rep.stocktakes.fileStatement(statement);
    await c.rep.stocktakes.fileStatement({ ...statement, status: "implemented" });
    const form = await c.rep.stocktakes.statementForm({ year: c.year });
    expect(form.statements).toEqual([expect.objectContaining({ itemId: c.item.id, status: "implemented" })]);
    expect((await failure(c.member.stocktakes.fileStatement(statement))).code).toBe("FORBIDDEN");
    expect(zodPaths(await failure(c.rep.stocktakes.fileStatement({ ...statement, links: ["javascript:alert(1)"] })))).toEqual(["links.0"]);
    expect(zodPaths(await failure(c.rep.stocktakes.fileStatement({ ...statement, status: "done" as never })))).toEqual(["status"]);
    const other = await cycle();
    expect(fieldErrorsOf(await failure(c.rep.stocktakes.fileStatement({ ...statement, itemId: other.item.id }))).itemId).toMatch(/not covered/);
  });

  it("logs observations for review; the organisations named may reply at once; accepted ones are public", async () => {
    const c = await cycle();
    const visitor = await callerAs(database.db, null);
    const { id } = await c.member.stocktakes.logObservation(observation(c.year, c.item.id, c.organization.id));
    expect((await visitor.stocktakes.get({ year: c.year })).observations).toEqual([]);
    expect((await c.member.stocktakes.get({ year: c.year })).observations.map((o) => o.status)).toEqual(["pending"]);
    expect((await c.staff.stocktakes.get({ year: c.year })).progress.observationsPending).toBe(1);
    // The named organisation's representative sees it while pending, and replies.
    expect((await c.rep.stocktakes.get({ year: c.year })).observations.map((o) => [o.id, o.viewer.canReplyFor])).toEqual([[id, [c.organization.id]]]);
    await c.rep.stocktakes.reply({ observationId: id, organizationId: c.organization.id, text: "Our team restored service within hours." });

    expect(zodPaths(await failure(c.staff.stocktakes.reviewObservation({ observationId: id, decision: "reject" })))).toEqual(["note"]);
    expect(await c.staff.stocktakes.reviewObservation({ observationId: id, decision: "accept" })).toMatchObject({ status: "pending" });
    expect(await c.staff2.stocktakes.reviewObservation({ observationId: id, decision: "accept" })).toMatchObject({ status: "accepted" });
    expect((await failure(c.staff.stocktakes.reviewObservation({ observationId: id, decision: "reject", note: "Changed our mind." }))).code).toBe("PRECONDITION_FAILED");
    const other = await cycle();
    const refused = await failure(other.rep.stocktakes.reply({ observationId: id, organizationId: other.organization.id, text: "We were not named but reply anyway." }));
    expect(refused.code).toBe("FORBIDDEN");
    const publicView = (await visitor.stocktakes.get({ year: c.year })).observations;
    expect(publicView).toHaveLength(1);
    expect(publicView[0]!.replies.map((r) => r.text)).toEqual(["Our team restored service within hours."]);

    const rejected = await c.member.stocktakes.logObservation({ ...observation(c.year, c.item.id, c.organization.id), title: "A second observation" });
    await c.staff.stocktakes.reviewObservation({ observationId: rejected.id, decision: "reject", note: "The sources do not support the account." });
    await c.staff2.stocktakes.reviewObservation({ observationId: rejected.id, decision: "reject", note: "The sources do not support the account." });
    const mine = (await c.member.stocktakes.get({ year: c.year })).observations.find((o) => o.id === rejected.id)!;
    expect(mine).toMatchObject({ status: "rejected", reviewNote: "The sources do not support the account.\n\nThe sources do not support the account." });
    expect((await visitor.stocktakes.get({ year: c.year })).observations.map((o) => o.id)).toEqual([id]);
  });

  it("refuses observations without sources or norms, and anything filed after the window closed", async () => {
    const c = await cycle();
    const bad = await failure(c.member.stocktakes.logObservation({ ...observation(c.year, c.item.id, c.organization.id), sources: [], assessments: [] }));
    expect(zodPaths(bad).sort()).toEqual(["assessments", "sources"]);
    await c.staff.stocktakes.close({ year: c.year });
    const late = await failure(c.member.stocktakes.logObservation(observation(c.year, c.item.id, c.organization.id)));
    expect(late.code).toBe("PRECONDITION_FAILED");
    expect(late.message).toMatch(/submission window closed on/);
    const statement = await failure(c.rep.stocktakes.fileStatement({ year: c.year, itemId: c.item.id, organizationId: c.organization.id, status: "implemented" }));
    expect(statement.message).toMatch(/no longer/);
    expect((await failure(c.staff.stocktakes.close({ year: c.year }))).code).toBe("PRECONDITION_FAILED");
  });
});

describe("who reviews an observation", () => {
  it("refuses the secretariat member who logged it before joining the staff", async () => {
    const c = await cycle();
    // Staff log no observations (the neutrality rule), but someone who logged one as a member may
    // join the secretariat later: another member of the secretariat reviews it.
    const reporterUser = await createUser(database.db);
    const own = await (await callerAs(database.db, reporterUser)).stocktakes.logObservation(observation(c.year, c.item.id, c.organization.id));
    await database.db.update(users).set({ role: "secretariat" }).where(eq(users.id, reporterUser.id));
    const reporter = await callerAs(database.db, reporterUser);
    const refused = await failure(reporter.stocktakes.reviewObservation({ observationId: own.id, decision: "accept" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/you logged it/);
    expect((await database.db.query.observations.findFirst({ where: eq(observations.id, own.id) }))!.status).toBe("pending");

    // The secretariat's page says why, before anyone tries.
    expect((await reporter.stocktakes.get({ year: c.year })).observations.find((o) => o.id === own.id)!.viewer.reviewBlock).toEqual({ reason: "reporter" });
    expect((await c.staff.stocktakes.get({ year: c.year })).observations.find((o) => o.id === own.id)!.viewer.reviewBlock).toBeNull();
    await c.staff.stocktakes.reviewObservation({ observationId: own.id, decision: "reject", note: "The sources do not support it." });
  });

  it("is no longer open to a secretariat member of an organisation it names: staff belong to none", async () => {
    const c = await cycle();
    const insiderUser = await createUser(database.db, { role: "secretariat" });
    await expect(addMember(database.db, c.organization.id, insiderUser.id)).rejects.toThrow();
  });
});

/** A cycle with one accepted observation naming the representative's organisation. */
async function accepted() {
  const c = await cycle();
  const { id } = await c.member.stocktakes.logObservation(observation(c.year, c.item.id, c.organization.id));
  await acceptDirectly(database.db, id);
  return { ...c, observationId: id };
}

describe("replies to observations", () => {
  it("may be added and changed after the window closes, until the report is published, never after", async () => {
    const c = await accepted();
    await c.staff.stocktakes.close({ year: c.year });
    await c.rep.stocktakes.reply({ observationId: c.observationId, organizationId: c.organization.id, text: "Our first reply, after the close." });
    await c.rep.stocktakes.reply({ observationId: c.observationId, organizationId: c.organization.id, text: "Our reply as it stands at publication." });
    await c.staff.stocktakes.publish({ year: c.year });
    const refused = await failure(c.rep.stocktakes.reply({ observationId: c.observationId, organizationId: c.organization.id, text: "A change after publication." }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/report was published/);
    const reply = await database.db.query.observationReplies.findFirst({ where: eq(observationReplies.observationId, c.observationId) });
    expect(reply!.text).toBe("Our reply as it stands at publication.");
    const snapshot = JSON.parse((await c.rep.stocktakes.revision({ year: c.year })).snapshot);
    expect(snapshot.observations[0].replies.map((r: { text: string }) => r.text)).toEqual(["Our reply as it stands at publication."]);
    // The page offers no reply form any more.
    const view = (await c.rep.stocktakes.get({ year: c.year })).observations.find((o) => o.id === c.observationId)!;
    expect(view.viewer.canReplyFor).toEqual([]);
  });

  it("cannot be added for the first time after publication either", async () => {
    const c = await accepted();
    await c.staff.stocktakes.close({ year: c.year });
    await c.staff.stocktakes.publish({ year: c.year });
    const refused = await failure(c.rep.stocktakes.reply({ observationId: c.observationId, organizationId: c.organization.id, text: "A late first reply, after publication." }));
    expect(refused.message).toMatch(/report was published/);
    expect(await database.db.$count(observationReplies, eq(observationReplies.observationId, c.observationId))).toBe(0);
  });

  it("is refused while the report is being published", async () => {
    const c = await accepted();
    await c.staff.stocktakes.close({ year: c.year });
    const st = (await database.db.query.stocktakes.findFirst({ where: eq(stocktakes.year, c.year) }))!;
    const [run] = await database.db.insert(stocktakePublications).values({ stocktakeId: st.id, step: "pdf", startedById: c.staffUser.id }).returning();
    const refused = await failure(c.rep.stocktakes.reply({ observationId: c.observationId, organizationId: c.organization.id, text: "A reply during publication." }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/being published/);
    await database.db.update(stocktakePublications).set({ status: "failed", finishedAt: new Date() }).where(eq(stocktakePublications.id, run!.id));
    await c.rep.stocktakes.reply({ observationId: c.observationId, organizationId: c.organization.id, text: "A reply once that run failed." });
  });
});

describe("publishing", () => {
  it("readies the PDF's renderer once the window has closed, asked by the secretariat only", async () => {
    const c = await cycle();
    let warmed = 0;
    const warm = async () => void warmed++;
    expect(await preparePublication(database.db, c.year, warm)).toEqual({ prepared: false });
    expect(warmed).toBe(0);
    expect((await failure(c.rep.stocktakes.preparePublication({ year: c.year }))).code).toBe("FORBIDDEN");
    expect((await failure(c.staff.stocktakes.preparePublication({ year: 2099 }))).code).toBe("NOT_FOUND");
    await c.staff.stocktakes.close({ year: c.year });
    expect(await preparePublication(database.db, c.year, warm)).toEqual({ prepared: true });
    expect(warmed).toBe(1);
  });

  it("refuses to publish while the window is open", async () => {
    const c = await cycle();
    const refused = await failure(c.staff.stocktakes.publish({ year: c.year }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/open until/);
    expect(await database.db.$count(stocktakeRevisions)).toBeGreaterThanOrEqual(0);
  });

  it("publishes an immutable snapshot whose stored bytes hash to the published SHA-256, then a correction", async () => {
    const c = await cycle();
    await c.rep.stocktakes.fileStatement({ year: c.year, itemId: c.item.id, organizationId: c.organization.id, status: "implemented", text: "Done." });
    const { id } = await c.member.stocktakes.logObservation(observation(c.year, c.reference.id, c.organization.id));
    await acceptDirectly(database.db, id);
    await c.staff.stocktakes.close({ year: c.year });
    // A position changed after the close does not enter the figures.
    await c.rep.positions.record({ normId: c.norm.id, organizationId: c.organization.id, stance: "object", statement: "We changed our position after the window closed." });
    await c.staff.stocktakes.saveNarrative({ year: c.year, summary: "A calm year.", categories: { I: "", II: "Progress on response teams.", III: "", IV: "", V: "" } });

    const preview = await c.staff.stocktakes.preview({ year: c.year });
    expect(preview.snapshot.items.find((i) => i.kind === "forum")!.measures!.counts).toMatchObject({ endorse: 1, object: 0 });

    const published = await c.staff.stocktakes.publish({ year: c.year });
    expect(published.revision).toBe(1);
    const visitor = await callerAs(database.db, null);
    const rev = await visitor.stocktakes.revision({ year: c.year });
    expect(sha256(rev.snapshot)).toBe(rev.sha256);
    expect(rev.sha256).toBe(published.sha256);
    expect(rev.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(rev.csv.split("\r\n")[0]).toMatch(/^year,revision,item/);
    const snapshot = JSON.parse(rev.snapshot);
    expect(snapshot.narrative.summary).toBe("A calm year.");
    expect(snapshot.organizations.map((o: { slug: string }) => o.slug)).toEqual([c.organization.slug]);
    // No person's name is in the snapshot.
    expect(rev.snapshot).not.toContain(c.repUser.displayName);
    expect(rev.snapshot).not.toContain(c.memberUser.displayName);
    expect((await visitor.stocktakes.get({ year: c.year })).current).toMatchObject({ revision: 1, sha256: published.sha256 });

    // The database refuses any change to a published revision.
    await expect(database.db.execute(sql`update stocktake_revisions set erratum = 'tampered' where sha256 = ${rev.sha256}`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from stocktake_revisions where sha256 = ${rev.sha256}`)).rejects.toThrow();

    // A correction is a new revision with an erratum; the first stays readable.
    expect(fieldErrorsOf(await failure(c.staff.stocktakes.publish({ year: c.year }))).erratum).toMatch(/what this revision corrects/);
    await c.staff.stocktakes.saveNarrative({ year: c.year, summary: "A calm year, with one correction.", categories: { I: "", II: "Progress on response teams.", III: "", IV: "", V: "" } });
    const second = await c.staff.stocktakes.publish({ year: c.year, erratum: "Corrected the summary." });
    expect(second.revision).toBe(2);
    expect(second.sha256).not.toBe(published.sha256);
    const first = await visitor.stocktakes.revision({ year: c.year, revision: 1 });
    expect(first).toMatchObject({ current: false, latestRevision: 2, sha256: published.sha256 });
    expect((await visitor.stocktakes.revision({ year: c.year })).erratum).toBe("Corrected the summary.");
    expect((await c.staff.stocktakes.publishProgress({ year: c.year }))).toMatchObject({ status: "done", revision: 2 });
  });

  it("compares with the previous year's report", async () => {
    const c = await cycle();
    await c.staff.stocktakes.close({ year: c.year });
    await c.staff.stocktakes.publish({ year: c.year });
    // The next year covers the same norm and a new one.
    const year = nextYear++;
    const { slug } = await c.rep.norms.create({ ...fields, title: `A newer norm ${year}` });
    const newer = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
    await c.rep.norms.submit({ normId: newer.id });
    await c.staff.stocktakes.open({ year, opensOn: day(-3), closesOn: day(3), normIds: [c.norm.id, newer.id], referenceNormIds: [] });
    await c.staff.stocktakes.close({ year });
    const next = await c.staff.stocktakes.publish({ year });
    const snapshot = JSON.parse((await c.staff.stocktakes.revision({ year })).snapshot);
    expect(snapshot.changes.previousYear).toBe(c.year);
    expect(snapshot.changes.newItems.map((i: { key: string }) => i.key)).toEqual([`norm:${slug}`]);
    expect(next.revision).toBe(1);
  });

  it("lists years with their published revisions", async () => {
    const visitor = await callerAs(database.db, null);
    const list = await visitor.stocktakes.list();
    expect(list.length).toBeGreaterThan(0);
    expect(list.map((y) => y.year)).toEqual([...list.map((y) => y.year)].sort((a, b) => b - a));
    expect(await database.db.$count(stocktakes)).toBe(list.length);
    // Each year's progress, read for all years at once, is the year's own.
    for (const y of list) expect(y.progress).toEqual((await visitor.stocktakes.get({ year: y.year })).progress);
    expect(list.some((y) => y.progress.statements > 0 && y.progress.observationsAccepted > 0)).toBe(true);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("publishing under concurrency (PostgreSQL only: skipped unless TEST_DATABASE_URL is set)", () => {
  it("refuses a statement that arrives while the window is being closed", async () => {
    const c = await cycle();
    // The secretariat's close, held open: the row is taken for update and closedAt set, not yet committed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const closing = database.db.transaction(async (tx) => {
      await tx.select().from(stocktakes).where(eq(stocktakes.year, c.year)).for("update");
      await tx.update(stocktakes).set({ closedAt: new Date() }).where(eq(stocktakes.year, c.year));
      locked();
      await held;
    });
    await lockTaken;
    const filing = c.rep.stocktakes.fileStatement({ year: c.year, itemId: c.item.id, organizationId: c.organization.id, status: "implemented", text: "", links: [] });
    const settled = Promise.allSettled([filing]);
    // Without the lock the statement would be saved by now, against a window about to close.
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await closing;
    const [result] = await settled;
    expect(result.status).toBe("rejected");
    expect(String((result as PromiseRejectedResult).reason.message)).toMatch(/submission window closed/);
    const mine = await c.rep.stocktakes.statementForm({ year: c.year });
    expect(mine.statements).toHaveLength(0);
  });

  it("puts a reply in flight when publication starts into the report, and refuses one during publication", async () => {
    const c = await accepted();
    await c.staff.stocktakes.close({ year: c.year });
    // A reply's transaction, held open after taking its share lock and writing.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const replying = database.db.transaction(async (tx) => {
      await tx.select().from(stocktakes).where(eq(stocktakes.year, c.year)).for("share");
      await tx.insert(observationReplies).values({ observationId: c.observationId, organizationId: c.organization.id, text: "In flight as publication began.", authorId: c.repUser.id });
      locked();
      await held;
    });
    await lockTaken;
    let renderingStarted!: () => void;
    const rendering = new Promise<void>((resolve) => (renderingStarted = resolve));
    let finishRendering!: () => void;
    const renderGate = new Promise<void>((resolve) => (finishRendering = resolve));
    const staffActor = { ...c.staffUser, suspension: null };
    const publishing = publishStocktake(database.db, staffActor, { year: c.year }, async () => {
      renderingStarted();
      await renderGate;
      return Buffer.from("%PDF-test");
    });
    // Without the lock, publication would read the replies now, before the one in flight commits.
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await replying;
    await rendering;
    const refused = await failure(c.rep.stocktakes.reply({ observationId: c.observationId, organizationId: c.organization.id, text: "Changed while the PDF renders." }));
    expect(refused.message).toMatch(/being published/);
    finishRendering();
    await publishing;
    const snapshot = JSON.parse((await c.rep.stocktakes.revision({ year: c.year })).snapshot);
    expect(snapshot.observations[0].replies.map((r: { text: string }) => r.text)).toEqual(["In flight as publication began."]);
  });

  it("publishes once when the secretariat presses publish twice at once", async () => {
    const c = await cycle();
    await c.staff.stocktakes.close({ year: c.year });
    const results = await Promise.allSettled([c.staff.stocktakes.publish({ year: c.year }), c.staff.stocktakes.publish({ year: c.year })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(rejected.reason.message)).toMatch(/already being published|published meanwhile|erratum|correction/);
    const st = (await database.db.query.stocktakes.findFirst({ where: eq(stocktakes.year, c.year) }))!;
    expect(await database.db.$count(stocktakeRevisions, eq(stocktakeRevisions.stocktakeId, st.id))).toBe(1);
  });
});
