// A person's data: the export holds every row that refers to them, and deleting the account leaves
// nothing that names them, while the public record stays. The list of columns that refer to a
// person comes from the database catalogue, so a table added later fails here until
// server/domain/privacy.ts knows it.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import * as schema from "~/db/schema";
import { loadActor } from "~/server/actor";
import { verifyPassword } from "~/server/auth/password";
import { issueToken } from "~/server/domain/tokens";
import { EXPORT_FORMAT, erasedEmail, personalDataSources } from "~/server/domain/privacy";
import { messages } from "~/server/i18n/messages";
import { consume } from "~/server/rate-limit";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, fieldErrorsOf } from "./support/errors";
import { overriding } from "./support/moves";
import { acceptDirectly, actorsFor, coded, sourcesFor } from "./support/observations";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const { formerMember, formerRepresentative } = messages.en.common.person;
const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const PASSWORD = "correct horse battery";
let nextYear = 2040;

const normFields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses: ["States should not harm CSIRTs.", "States should cooperate with CSIRTs."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: [],
};

/** Every column that references users.id, as PostgreSQL's catalogue lists them. */
async function userReferences(db: Db) {
  const result = await db.execute<{ table: string; column: string }>(sql`
    select c.conrelid::regclass::text as "table", a.attname as "column"
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and c.confrelid = 'public.users'::regclass
    order by 1, 2`);
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: { table: string; column: string }[] }).rows) as { table: string; column: string }[];
  return rows.map((r) => ({ table: r.table.replace(/^public\./, "").replaceAll('"', ""), column: r.column }));
}

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>) {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

const countRefs = async (db: Db, table: string, column: string, userId: string) =>
  (await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${userId}`))[0]!.n;

/**
 * A person with at least one row in every column that refers to a person: a member who
 * represents an organisation, proposes, comments, reports, appeals and files, and who was once
 * on the secretariat and an administrator. Their name and address are unusual on purpose, so a
 * search of the whole database for them finds only what belongs to them.
 */
async function everywherePerson(db: Db) {
  const year = nextYear++;
  const subject = await createUser(db, { displayName: "Quillon Marrowbeck", email: `quillon.marrowbeck.${year}@example.test`, password: PASSWORD });
  const staffUser = await createUser(db, { role: "secretariat", displayName: "Staff Person" });
  await createUser(db, { role: "admin", displayName: "Another Admin" });
  const memberUser = await createUser(db, { displayName: "Plain Member" });
  const otherRepUser = await createUser(db, { displayName: "Other Representative" });
  const organization = await createOrganization(db, { name: `Response Team Alliance ${year}`, createdById: subject.id, status: "verified" });
  const otherOrganization = await createOrganization(db, { name: `Coastal CERT ${year}`, createdById: otherRepUser.id, status: "verified" });
  // A second representative, so the subject may leave the organisation behind.
  await addMember(db, organization.id, memberUser.id, "representative");

  const asSubject = () => callerAs(db, subject);
  const staff = await callerAs(db, staffUser);
  const member = await callerAs(db, memberUser);
  const otherRep = await callerAs(db, otherRepUser);

  // A norm the subject proposes, submits and takes a position on for their organisation.
  const s = await asSubject();
  const { slug } = await s.norms.create({ ...normFields, title: `Protecting response teams ${year}` });
  const norm = (await db.query.norms.findFirst({ where: eq(schema.norms.slug, slug) }))!;
  await s.norms.submit({ normId: norm.id });
  // A translation of its first version into French (server/domain/translations.ts).
  await s.norms.translate({ normId: norm.id, version: 1, language: "fr", title: `Protéger les équipes ${year}`, summary: "Un résumé en français, assez long pour être accepté.", clauses: normFields.clauses.map((c, i) => `Clause ${i + 1} en français : ${c}`), rationale: "" });
  // An invitation to co-author it, to an address without an account (so no mail is sent).
  await s.norms.inviteCoauthor({ normId: norm.id, email: `colleague-${year}@example.test` });
  await s.positions.record({ normId: norm.id, organizationId: organization.id, stance: "object", statement: "Our objection, for the record." });
  // Co-author of someone else's norm.
  const other = await otherRep.norms.create({ ...normFields, title: `Another norm ${year}` });
  const otherNorm = (await db.query.norms.findFirst({ where: eq(schema.norms.slug, other.slug) }))!;
  await db.insert(schema.normCoauthors).values({ normId: otherNorm.id, userId: subject.id });
  // An invitation to the subject's address, which holds the address itself (not the id).
  const third = await otherRep.norms.create({ ...normFields, title: `A third norm ${year}` });
  const thirdNorm = (await db.query.norms.findFirst({ where: eq(schema.norms.slug, third.slug) }))!;
  await db.insert(schema.normCoauthorInvitations).values({ normId: thirdNorm.id, email: subject.email, invitedById: otherRepUser.id });
  // Comments: one of their own (edited, so it has an earlier wording), one for the organisation.
  const personal = await s.comments.create({ normId: norm.id, body: "My own view on the first clause." });
  await s.comments.edit({ commentId: personal.id, body: "My own view on the first clause, reworded." });
  const onBehalf = await s.comments.create({ normId: norm.id, body: "Our organisation's view.", organizationId: organization.id });
  const memberComment = await member.comments.create({ normId: norm.id, body: "A member's comment to report." });
  await s.comments.report({ commentId: memberComment.id, reason: "This comment is off the subject." });
  const hidden = await s.comments.create({ normId: norm.id, body: "A comment the secretariat will hide." });
  // Amendments: one the subject proposes, and a member's that the subject supports and, as the norm's author, declines.
  const rationale = "The clause should say plainly what it asks of states.";
  await s.amendments.propose({ normId: norm.id, baseVersion: 1, clause: 1, kind: "delete", rationale });
  const membersAmendment = await member.amendments.propose({ normId: norm.id, baseVersion: 1, clause: 1, kind: "insert", text: "States should report on it.", rationale });
  await s.amendments.support({ amendmentId: membersAmendment.id });
  await s.amendments.decline({ amendmentId: membersAmendment.id, reason: "Reporting belongs in a separate norm on transparency." });
  // Co-sponsors: the subject accepts another organisation's request to co-sponsor their norm, and
  // asks, for their organisation, to co-sponsor someone else's, then withdraws that request.
  const sponsorRequest = await otherRep.sponsors.request({ normId: norm.id, organizationId: otherOrganization.id });
  await s.sponsors.accept({ sponsorId: sponsorRequest.id });
  await otherRep.norms.submit({ normId: thirdNorm.id });
  const ownRequest = await s.sponsors.request({ normId: thirdNorm.id, organizationId: organization.id, message: "We would like to champion this norm." });
  await s.sponsors.withdraw({ sponsorId: ownRequest.id });
  await staff.moderation.hide({ commentId: hidden.id, rule: "HR-2" });
  await s.comments.appeal({ commentId: hidden.id, text: "This comment criticised an argument, not a person." });
  // A request to join another organisation, and one they answer as a representative.
  await s.organizations.requestJoin({ organizationId: otherOrganization.id });
  const applicant = await createUser(db);
  const request = await (await callerAs(db, applicant)).organizations.requestJoin({ organizationId: organization.id });
  await s.organizations.decideJoinRequest({ organizationId: organization.id, requestId: request.id, decision: "decline" });
  await issueToken(db, subject.id, "reset_password");
  // A rate-limit counter keyed by their address.
  await consume(db, "mail", subject.email);

  // The stock-take: a statement for the organisation, an observation they logged, a reply.
  await staff.stocktakes.open({ year, opensOn: day(-5), closesOn: day(5), normIds: [norm.id], referenceNormIds: ["ungge-f"] });
  const item = (await staff.stocktakes.get({ year })).items.find((i) => i.kind === "forum")!;
  await s.stocktakes.fileStatement({ year, itemId: item.id, organizationId: organization.id, status: "partially", text: "We set up a national team." });
  const observation = (title: string, organizationId: string) => ({
    year,
    title,
    description: "A national response team's network was disrupted for two days during a regional incident.",
    occurredOn: day(-1),
    actors: actorsFor([organizationId], []),
    ...coded,
    assessments: [{ itemId: item.id, assessment: "inconsistent" as const }],
    sources: sourcesFor("https://example.org/report"),
  });
  await s.stocktakes.logObservation(observation("Observed by the subject", otherOrganization.id));
  const naming = await member.stocktakes.logObservation(observation("Naming the subject's organisation", organization.id));
  await acceptDirectly(db, naming.id);
  await s.stocktakes.reply({ observationId: naming.id, organizationId: organization.id, text: "Our reply to this observation." });
  // Countersignature and clearance (issue 17): while their organisation requires it, a colleague's
  // position, statement and reply that the subject countersigns (on targets of their own, so the
  // subject's own entries stay theirs), one the subject declines, and a draft the subject saves.
  const colleagueUser = await createUser(db, { displayName: "A Colleague" });
  await addMember(db, organization.id, colleagueUser.id, "representative");
  const colleague = await callerAs(db, colleagueUser);
  await s.clearance.setRequirement({ organizationId: organization.id, required: true });
  const countersigned = await colleague.positions.record({ normId: thirdNorm.id, organizationId: organization.id, stance: "endorse" });
  await s.clearance.countersign({ entryId: countersigned.pendingEntryId! });
  const reference = (await staff.stocktakes.get({ year })).items.find((i) => i.kind === "reference")!;
  const countersignedStatement = await colleague.stocktakes.fileStatement({ year, itemId: reference.id, organizationId: organization.id, status: "implemented", text: "Our national team now works." });
  await s.clearance.countersign({ entryId: countersignedStatement.pendingEntryId! });
  const namingAgain = await member.stocktakes.logObservation(observation("Naming the subject's organisation again", organization.id));
  await acceptDirectly(db, namingAgain.id);
  const countersignedReply = await colleague.stocktakes.reply({ observationId: namingAgain.id, organizationId: organization.id, text: "Our countersigned reply to this observation." });
  await s.clearance.countersign({ entryId: countersignedReply.pendingEntryId! });
  const declined = await colleague.positions.record({ normId: thirdNorm.id, organizationId: organization.id, stance: "abstain" });
  await s.clearance.decline({ entryId: declined.pendingEntryId! });
  await s.clearance.savePosition({ position: { normId: thirdNorm.id, organizationId: organization.id, stance: "abstain", statement: "", clauses: [] } });
  await s.clearance.setRequirement({ organizationId: organization.id, required: false });
  // Sealed endorsement (issue 17): a position the subject recorded during a sealed stage, not yet published.
  const sealedNorm = await otherRep.norms.create({ ...normFields, title: `A sealed norm ${year}` });
  const sealedNormRow = (await db.query.norms.findFirst({ where: eq(schema.norms.slug, sealedNorm.slug) }))!;
  await otherRep.norms.submit({ normId: sealedNormRow.id });
  await staff.norms.transition({ normId: sealedNormRow.id, transition: "openEndorsement", ...overriding, sealed: true });
  await s.positions.record({ normId: sealedNormRow.id, organizationId: organization.id, stance: "endorse" });

  // What they did while on the secretariat and as an administrator.
  const [suspension] = await db
    .insert(schema.suspensions)
    .values({ userId: memberUser.id, reason: "Repeated off-topic posts.", createdById: subject.id, imposedByRole: "secretariat", liftedAt: new Date(), liftedById: subject.id })
    .returning();
  await db.insert(schema.suspensionAppeals).values({ suspensionId: suspension!.id, userId: memberUser.id, text: "Please lift it.", status: "lifted", decidedById: subject.id, decidedAt: new Date() });
  const [ownSuspension] = await db
    .insert(schema.suspensions)
    .values({ userId: subject.id, reason: "A test suspension.", createdById: staffUser.id, imposedByRole: "secretariat", liftedAt: new Date(), liftedById: staffUser.id })
    .returning();
  await db.insert(schema.suspensionAppeals).values({ suspensionId: ownSuspension!.id, userId: subject.id, text: "My appeal.", status: "lifted", decidedById: staffUser.id, decidedAt: new Date() });
  const pending = await createOrganization(db, { createdById: otherRepUser.id });
  await db.update(schema.organizations).set({ verificationStatus: "verified", statusChangedById: subject.id }).where(eq(schema.organizations.id, pending.id));
  await db.insert(schema.auditLog).values({ actorId: subject.id, action: "organization.verified", targetType: "organization", targetId: pending.id });
  await db.insert(schema.auditLog).values({ actorId: staffUser.id, action: "user.suspended", targetType: "user", targetId: subject.id, details: { reason: "A test suspension." } });
  await db.insert(schema.referenceNormCorrections).values({ normId: "ungge-f", field: "text", before: "old", after: "new", reason: "A typo.", actorId: subject.id });
  await db.insert(schema.normUptakes).values({ referenceNormId: "ungge-f", document: "A test report", takenUpOn: "2021-03-10", parties: ["group:un"], createdById: subject.id });
  await db.insert(schema.processSettingChanges).values({
    stage: "endorsement",
    defaultDaysFrom: 45,
    defaultDaysTo: 45,
    minimumDaysFrom: 21,
    minimumDaysTo: 21,
    reason: "A test change.",
    changedById: subject.id,
    changedAt: new Date("2031-01-01T00:00:00Z"),
  });
  await db
    .update(schema.commentReports)
    .set({ status: "dismissed", resolvedById: subject.id, resolvedAt: new Date() })
    .where(eq(schema.commentReports.commentId, memberComment.id));
  const hiddenOfMember = await member.comments.create({ normId: norm.id, body: "A member's comment that gets hidden." });
  await staff.moderation.hide({ commentId: hiddenOfMember.id, rule: "HR-2" });
  await member.comments.appeal({ commentId: hiddenOfMember.id, text: "This comment criticised an argument, not a person." });
  await db.update(schema.commentAppeals).set({ status: "upheld", decidedById: subject.id, decidedAt: new Date() }).where(eq(schema.commentAppeals.commentId, hiddenOfMember.id));
  await db.insert(schema.moderationLog).values({ action: "hide", commentId: hiddenOfMember.id, normId: norm.id, rule: "HR-2", actorId: subject.id });
  const second = await member.stocktakes.logObservation(observation("Reviewed by the subject", otherOrganization.id));
  await db.update(schema.observations).set({ status: "rejected", reviewNote: "Not supported.", reviewedById: subject.id, reviewedAt: new Date() }).where(eq(schema.observations.id, second.id));
  await db.insert(schema.observationReviews).values({ observationId: second.id, reviewerId: subject.id, decision: "reject", reason: "Not supported." });
  await db.insert(schema.observationCorrections).values([
    { observationId: naming.id, requesterId: subject.id, text: "The date of this observation is a day early." },
    { observationId: naming.id, requesterId: memberUser.id, text: "The source has moved.", status: "answered", answer: "The archived copy still holds it.", answeredById: subject.id, answeredAt: new Date() },
  ]);
  // A stock-take they opened, closed and published as the secretariat (through the procedures),
  // at a time they belonged to no organisation: staff accounts belong to none (migration 0029).
  const memberships = await db.select().from(schema.organizationMembers).where(eq(schema.organizationMembers.userId, subject.id));
  await db.delete(schema.organizationMembers).where(eq(schema.organizationMembers.userId, subject.id));
  await db.update(schema.users).set({ role: "secretariat" }).where(eq(schema.users.id, subject.id));
  const asStaff = await asSubject();
  await asStaff.stocktakes.close({ year });
  const published = await asStaff.stocktakes.publish({ year });
  await db.update(schema.users).set({ role: "member" }).where(eq(schema.users.id, subject.id));
  if (memberships.length) await db.insert(schema.organizationMembers).values(memberships);
  // A governance revision they published as an administrator, and an observer's request to take
  // part fully that they made as its representative (issue 17).
  await db.insert(schema.governanceRevisions).values({ number: 1, secretariat: "Who runs it.", appointments: "How.", funding: "Who pays.", summary: "First publication.", editedById: subject.id });
  const observerOrganization = await createOrganization(db, { createdById: subject.id, status: "verified", participation: "observer", name: "Observing Subjects" });
  await db.update(schema.organizations).set({ participationRequestedAt: new Date(), participationRequestedById: subject.id }).where(eq(schema.organizations.id, observerOrganization.id));
  // An email domain they confirmed for an organisation, as the secretariat (verified representation).
  await db.insert(schema.organizationDomains).values({ organizationId: otherOrganization.id, domain: "coastal-cert.example", confirmedAt: new Date(), confirmedById: subject.id });
  // A further address of theirs.
  await db.insert(schema.userEmails).values({ userId: subject.id, email: `subject-${year}@response-team-alliance.example`, confirmedAt: new Date() });
  // And an exception they recorded for another organisation's representative.
  await db
    .update(schema.organizationMembers)
    .set({ exceptionReason: "Known to the secretariat from the registration.", exceptionById: subject.id, exceptionAt: new Date() })
    .where(and(eq(schema.organizationMembers.organizationId, otherOrganization.id), eq(schema.organizationMembers.userId, otherRepUser.id)));
  // Nominations (issue 17): one of them, one they made, one they decided as the secretariat; and a
  // reminder to reconfirm a representation.
  await db.insert(schema.representativeNominations).values([
    { organizationId: otherOrganization.id, userId: subject.id, nominatedById: otherRepUser.id, address: `subject-${year}@coastal-cert.example`, createdAt: new Date() },
    { organizationId: otherOrganization.id, userId: memberUser.id, nominatedById: subject.id, address: "member@coastal-cert.example", status: "declined", decisionReason: "Another person was named.", decidedById: subject.id, decidedAt: new Date(), createdAt: new Date() },
  ]);
  await db.insert(schema.representationReminders).values({ organizationId: otherOrganization.id, userId: subject.id, reconfirmBy: new Date("2032-01-01T00:00:00Z"), daysBefore: 30, sentAt: new Date() });
  await db
    .update(schema.stocktakes)
    .set({ createdById: subject.id })
    .where(eq(schema.stocktakes.year, year));
  // Following and notifications (issue 18): what they follow, an event they caused, a notification
  // of theirs with its mail, and a mail rhythm they chose.
  await db.insert(schema.follows).values({ userId: subject.id, target: "forum", reason: "chosen" }).onConflictDoNothing();
  const [event] = await db.insert(schema.notificationEvents).values({ kind: "norm.version", category: "norms", actorId: subject.id, link: "/norms", details: {}, createdAt: new Date() }).returning();
  const [mail] = await db.insert(schema.outboundMail).values({ userId: subject.id }).returning();
  await db.insert(schema.notifications).values({ userId: subject.id, eventId: event!.id, category: "norms", createdAt: new Date(), mailState: "queued", mailId: mail!.id });
  await db.insert(schema.notificationPreferences).values({ userId: subject.id, category: "norms", rhythm: "daily" });

  return { subject, staffUser, memberUser, organization, otherOrganization, norm, slug, personal, onBehalf, year, published };
}

describe("the columns that refer to a person", () => {
  it("are each known to the export and the erasure, with a reason for every row kept", async () => {
    const catalogue = await userReferences(database.db);
    expect(catalogue.length).toBeGreaterThan(20);
    const known = personalDataSources.map((s) => `${s.table}.${s.column}`).sort();
    expect(known, "server/domain/privacy.ts must list every column that references users.id").toEqual(catalogue.map((r) => `${r.table}.${r.column}`).sort());
    for (const source of personalDataSources) {
      if (source.erasure.action === "keep") expect(source.erasure.reason.length, `${source.table}.${source.column}`).toBeGreaterThan(20);
    }
  });
});

describe("downloading one's data, then deleting the account", () => {
  it("exports every row in every referring column, and after deletion nothing names the person while the record stays", async () => {
    const db = database.db;
    const f = await everywherePerson(db);
    const catalogue = await userReferences(db);

    // The export: for each referring column, exactly the rows the database holds for this person.
    const exported = await (await callerAs(db, f.subject)).account.export();
    expect(exported.format).toBe(EXPORT_FORMAT);
    expect(exported.account).toMatchObject({ id: f.subject.id, email: f.subject.email, displayName: "Quillon Marrowbeck" });
    expect(JSON.stringify(exported)).not.toContain(f.subject.passwordHash);
    for (const { table, column } of catalogue) {
      const n = await countRefs(db, table, column, f.subject.id);
      expect(n, `the fixture has no row in ${table}.${column}: give the person one`).toBeGreaterThan(0);
      const section = exported.records.find((r) => r.table === table && r.column === column);
      expect(section, `the export has no section for ${table}.${column}`).toBeDefined();
      expect(section!.rows, `${table}.${column}`).toHaveLength(n);
    }
    const comment = exported.records.find((r) => r.table === "comments")!.rows.find((r) => r.id === f.personal.id) as { revisions: { body: string }[] };
    expect(comment.revisions.map((r) => r.body)).toEqual(["My own view on the first clause."]);
    expect(exported.records.find((r) => r.table === "email_tokens")!.rows[0]).not.toHaveProperty("tokenHash");
    expect(exported.records.find((r) => r.table === "audit_log" && r.column === "target_id")!.rows).toHaveLength(1);
    expect(exported.records.find((r) => r.table === "norm_coauthor_invitations" && r.column === "email")!.rows).toHaveLength(1);

    const revisionBefore = (await db.query.stocktakeRevisions.findFirst({ where: eq(schema.stocktakeRevisions.sha256, f.published.sha256) }))!;
    const sessionVersion = (await db.query.users.findFirst({ where: eq(schema.users.id, f.subject.id) }))!.sessionVersion;

    // Deletion.
    await (await callerAs(db, f.subject)).account.delete({ password: PASSWORD });

    const row = (await db.query.users.findFirst({ where: eq(schema.users.id, f.subject.id) }))!;
    expect(row).toMatchObject({ email: erasedEmail(f.subject.id), displayName: "", emailVerifiedAt: null, sessionVersion: sessionVersion + 1 });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(false);
    // Every session ended, and the old address belongs to nobody.
    expect(await loadActor(db, { userId: row.id, sessionVersion: row.sessionVersion })).toBeNull();
    expect(await loadActor(db, { userId: row.id, sessionVersion })).toBeNull();
    expect(await db.query.users.findFirst({ where: eq(schema.users.email, f.subject.email) })).toBeUndefined();

    // Each referring column: deleted rows are gone, kept rows are still there.
    for (const source of personalDataSources) {
      const n = await countRefs(db, source.table, source.column, f.subject.id);
      if (source.erasure.action === "delete") expect(n, `${source.table}.${source.column}`).toBe(0);
      else expect(n, `${source.table}.${source.column}`).toBeGreaterThan(0);
    }
    // Nowhere in the database (any text, JSON or array column of any table) do the name or the address remain.
    const columns = await rowsOf<{ table: string; column: string }>(
      db,
      sql`select table_name as "table", column_name as "column" from information_schema.columns
          where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
    );
    const found: string[] = [];
    for (const { table, column } of columns) {
      for (const needle of ["Quillon", "Marrowbeck", f.subject.email]) {
        const [hit] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)}::text ilike ${`%${needle}%`}`);
        if (hit!.n > 0) found.push(`${table}.${column} (${needle})`);
      }
    }
    expect(found).toEqual([]);

    // Pages and exports: their comments are by a former member (or representative), the record stays.
    const visitor = await callerAs(db, null);
    const threads = (await visitor.comments.list({ slug: f.slug })).threads;
    const byId = new Map(threads.map((t) => [t.id, t]));
    expect(byId.get(f.personal.id)).toMatchObject({ author: { name: formerMember }, body: "My own view on the first clause, reworded." });
    expect(byId.get(f.onBehalf.id)).toMatchObject({ author: { name: formerRepresentative }, organization: { name: f.organization.name } });
    const norm = await visitor.norms.get({ slug: f.slug });
    expect(norm.proposer.name).toBe(formerMember);
    expect(norm.versions.map((v) => v.authorName)).toEqual([formerMember]);
    const positions = await visitor.positions.forNorm({ slug: f.slug });
    expect(positions.positions).toEqual([expect.objectContaining({ stance: "object", statement: "Our objection, for the record.", recordedBy: formerRepresentative })]);
    const history = await visitor.positions.history({ slug: f.slug });
    expect(history.entries.map((e) => e.recordedBy)).toEqual([formerRepresentative]);
    const stocktake = await visitor.stocktakes.get({ year: f.year });
    expect(JSON.stringify(stocktake)).not.toMatch(/Quillon|Marrowbeck/);
    expect(JSON.stringify(stocktake)).toContain("Our reply to this observation.");

    // The published report is untouched: same bytes, same hash.
    const revisionAfter = (await db.query.stocktakeRevisions.findFirst({ where: eq(schema.stocktakeRevisions.id, revisionBefore.id) }))!;
    expect(revisionAfter.sha256).toBe(revisionBefore.sha256);
    expect(revisionAfter.snapshot).toBe(revisionBefore.snapshot);
    expect(revisionAfter.pdf.equals(revisionBefore.pdf)).toBe(true);

    // The address can sign up anew, as a new account.
    const fresh = await createUser(db, { email: f.subject.email, displayName: "Quillon Again" });
    expect(fresh.id).not.toBe(f.subject.id);
  });
});

describe("deleting an account: refusals", () => {
  it("asks for the current password, and changes nothing when it is wrong", async () => {
    const user = await createUser(database.db, { password: PASSWORD });
    const refused = await failure((await callerAs(database.db, user)).account.delete({ password: "not the password" }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(refused).password).toMatch(/not right/);
    const row = (await database.db.query.users.findFirst({ where: eq(schema.users.id, user.id) }))!;
    expect(row).toMatchObject({ email: user.email, displayName: user.displayName, deletedAt: null, sessionVersion: user.sessionVersion });
  });

  it("refuses extra fields, such as another person's id", async () => {
    const user = await createUser(database.db, { password: PASSWORD });
    const other = await createUser(database.db);
    const refused = await failure((await callerAs(database.db, user)).account.delete({ password: PASSWORD, userId: other.id } as never));
    expect(refused.code).toBe("BAD_REQUEST");
    expect((await database.db.query.users.findFirst({ where: eq(schema.users.id, other.id) }))!.deletedAt).toBeNull();
    expect((await database.db.query.users.findFirst({ where: eq(schema.users.id, user.id) }))!.deletedAt).toBeNull();
  });

  it("limits guesses at the password", async () => {
    const user = await createUser(database.db, { password: PASSWORD });
    const api = await callerAs(database.db, user);
    let last;
    for (let i = 0; i < 8; i++) last = await failure(api.account.delete({ password: `wrong guess ${i}` }));
    expect(last!.code).toBe("TOO_MANY_REQUESTS");
    expect((await failure(api.account.delete({ password: PASSWORD }))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("keeps the last administrator, until there is another", async () => {
    const db = database.db;
    // Other tests' administrators would count: this runs in a transaction where this admin is the only one.
    await db
      .transaction(async (tx) => {
        const t = tx as unknown as Db;
        await t.update(schema.users).set({ role: "member" }).where(eq(schema.users.role, "admin"));
        const admin = await createUser(t, { role: "admin", password: PASSWORD });
        const refused = await failure((await callerAs(t, admin)).account.delete({ password: PASSWORD }));
        expect(refused.code).toBe("PRECONDITION_FAILED");
        expect(refused.message).toMatch(/only administrator/);
        await createUser(t, { role: "admin" });
        await (await callerAs(t, admin)).account.delete({ password: PASSWORD });
        expect((await t.query.users.findFirst({ where: eq(schema.users.id, admin.id) }))!.deletedAt).toBeInstanceOf(Date);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
  });

  it("asks the only representative of an organisation with other members to hand it on first", async () => {
    const db = database.db;
    const rep = await createUser(db, { password: PASSWORD });
    const organization = await createOrganization(db, { createdById: rep.id, status: "verified" });
    const member = await createUser(db);
    await addMember(db, organization.id, member.id);
    const refused = await failure((await callerAs(db, rep)).account.delete({ password: PASSWORD }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain(organization.name);
    await db.update(schema.organizationMembers).set({ role: "representative" }).where(eq(schema.organizationMembers.userId, member.id));
    await (await callerAs(db, rep)).account.delete({ password: PASSWORD });
    // The sole member of an organisation may go: it stays on record without members.
    const solo = await createUser(db, { password: PASSWORD });
    const alone = await createOrganization(db, { createdById: solo.id, status: "verified" });
    await (await callerAs(db, solo)).account.delete({ password: PASSWORD });
    expect(await db.query.organizations.findFirst({ where: eq(schema.organizations.id, alone.id) })).toBeDefined();
    expect(await db.query.organizationMembers.findMany({ where: eq(schema.organizationMembers.organizationId, alone.id) })).toEqual([]);
  });

  it("lets a suspended person download their data and delete their account", async () => {
    const db = database.db;
    const staffUser = await createUser(db, { role: "secretariat" });
    const user = await createUser(db, { password: PASSWORD });
    await db.insert(schema.suspensions).values({ userId: user.id, reason: "Suspended for the test.", createdById: staffUser.id, imposedByRole: "secretariat" });
    const api = await callerAs(db, user);
    expect((await api.account.export()).records.find((r) => r.table === "suspensions" && r.column === "user_id")!.rows).toHaveLength(1);
    await api.account.delete({ password: PASSWORD });
    expect((await db.query.users.findFirst({ where: eq(schema.users.id, user.id) }))!.deletedAt).toBeInstanceOf(Date);
  });
});

class Rollback extends Error {}
