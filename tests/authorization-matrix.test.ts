// Every procedure of the app router × every kind of actor, with the expected allow or deny.
// The list of procedures comes from the router itself: a procedure without rows fails the suite.
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { governanceRevisions, normUptakes, referenceDocuments, notificationEvents, notifications, observationCorrections, organizationDomains, organizationEntries, organizations, representativeNominations, suspensionAppeals, suspensions, userEmails, users } from "~/db/schema";
import { issueToken } from "~/server/domain/tokens";
import { policy } from "~/server/policy";
import { appRouter } from "~/server/root";
import { callerAs } from "./support/context";
import { mergeStatement, overriding } from "./support/moves";
import { signUnsubscribe } from "~/server/notifications/unsubscribe-token";
import { createTestDatabase } from "./support/db";
import { type MailSink, startMailSink } from "./support/mail-sink";
import { acceptDirectly, actorsFor, coded, sourcesFor } from "./support/observations";

const actors = ["visitor", "member", "representative", "otherRepresentative", "secretariat", "admin", "suspended"] as const;
type ActorName = (typeof actors)[number];
// allow: the policy lets the call through (it may still fail for a domain reason, e.g. a conflict);
// deny: refused (401/403); hidden: answered "not found", as for someone else's draft or membership.
type Outcome = "allow" | "deny" | "hidden";
type Expectation = Record<ActorName, Outcome>;

const only = (...allowed: ActorName[]): Expectation =>
  Object.fromEntries(actors.map((a) => [a, allowed.includes(a) ? "allow" : "deny"])) as Expectation;
const ANYONE = only(...actors);
const SIGNED_IN = only("member", "representative", "otherRepresentative", "secretariat", "admin", "suspended");
const ACTIVE = only("member", "representative", "otherRepresentative", "secretariat", "admin");
// The secretariat is neutral: staff take no part as participants (join, represent, record, file, log).
const PARTICIPANT = only("member", "representative", "otherRepresentative");
const REPRESENTATIVE = only("representative");
const STAFF = only("secretariat", "admin");
const ADMIN = only("admin");
/** The same expectation with some actors answered "not found" instead. */
const hiddenFor = (base: Expectation, ...actorsHidden: ActorName[]): Expectation =>
  Object.fromEntries(actors.map((a) => [a, actorsHidden.includes(a) ? "hidden" : base[a]])) as Expectation;

type Fixture = Awaited<ReturnType<typeof arrange>>;

async function arrange(db: Db) {
  const representative = await createUser(db, { displayName: "Rep" });
  const otherRepresentative = await createUser(db);
  const member = await createUser(db);
  const secretariat = await createUser(db, { role: "secretariat" });
  const admin = await createUser(db, { role: "admin" });
  const suspended = await createUser(db);
  const organization = await createOrganization(db, { createdById: representative.id, status: "verified" });
  const otherOrganization = await createOrganization(db, { createdById: otherRepresentative.id, status: "verified" });
  const pendingOrganization = await createOrganization(db, { createdById: otherRepresentative.id });
  // Observers (issue 17): one taking part as an observer, one that has asked to take part fully.
  const observerOrganization = await createOrganization(db, { createdById: representative.id, status: "verified", participation: "observer" });
  const requestingObserver = await createOrganization(db, { createdById: representative.id, status: "verified", participation: "observer" });
  await db.update(organizations).set({ participationRequestedAt: new Date(), participationRequestedById: representative.id }).where(eq(organizations.id, requestingObserver.id));
  await addMember(db, organization.id, member.id);
  // The suspended person represents the organisation concerned: refusals come from the suspension.
  await addMember(db, organization.id, suspended.id, "representative");
  const [suspension] = await db.insert(suspensions).values({ userId: suspended.id, reason: "Matrix suspension", createdById: secretariat.id, imposedByRole: "secretariat" }).returning();
  const [appeal] = await db.insert(suspensionAppeals).values({ suspensionId: suspension!.id, userId: suspended.id, text: "Please reconsider this." }).returning();
  // What an admin imposed only an admin lifts or decides.
  const suspendedByAdmin = await createUser(db);
  const [adminSuspension] = await db.insert(suspensions).values({ userId: suspendedByAdmin.id, reason: "Imposed by an admin", createdById: admin.id, imposedByRole: "admin" }).returning();
  const [adminAppeal] = await db.insert(suspensionAppeals).values({ suspensionId: adminSuspension!.id, userId: suspendedByAdmin.id, text: "Please reconsider this one." }).returning();
  const applicant = await createUser(db);
  const joinRequest = await (await callerAs(db, applicant)).organizations.requestJoin({ organizationId: organization.id });
  const target = await createUser(db, { email: "target@example.test" });
  const asRepresentative = await callerAs(db, representative);
  const normFields = {
    title: "A norm for the matrix",
    summary: "A summary long enough to pass the validation rules.",
    clauses: ["States should do the first thing.", "States should do the second thing."],
    categories: ["II" as const],
    kind: "mutual_restraint" as const,
    bindingness: "political" as const,
    citations: ["ungge-f"],
  };
  const draftNorm = await asRepresentative.norms.create({ ...normFields, organizationId: organization.id });
  const publicNorm = await asRepresentative.norms.create(normFields);
  const otherPublicNorm = await asRepresentative.norms.create({ ...normFields, title: "Another norm for the matrix" });
  const draftNormRow = await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.slug, draftNorm.slug) });
  const publicNormRow = await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.slug, publicNorm.slug) });
  const otherPublicNormRow = await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.slug, otherPublicNorm.slug) });
  await asRepresentative.norms.submit({ normId: publicNormRow!.id });
  await asRepresentative.norms.submit({ normId: otherPublicNormRow!.id });
  // Co-authors join by invitation: the target accepts one; the member and an unknown address have one pending.
  const asRepresentativeMailing = await callerAs(db, representative, mail.mailer);
  const accepted = await asRepresentativeMailing.norms.inviteCoauthor({ normId: publicNormRow!.id, email: "target@example.test" });
  await (await callerAs(db, target)).norms.respondToInvitation({ invitationId: accepted.invitationId, accept: true });
  const coauthor = { userId: target.id };
  const memberInvitation = await asRepresentativeMailing.norms.inviteCoauthor({ normId: publicNormRow!.id, email: member.email });
  const unknownInvitation = await asRepresentativeMailing.norms.inviteCoauthor({ normId: publicNormRow!.id, email: "nobody-here@example.test" });
  // A position given on version 1 of a norm that then gets a version 2: it can be reaffirmed.
  await asRepresentative.positions.record({ normId: otherPublicNormRow!.id, organizationId: organization.id, stance: "endorse" });
  await asRepresentative.norms.revise({
    ...normFields,
    title: "Another norm for the matrix",
    normId: otherPublicNormRow!.id,
    baseVersion: 1,
    clauses: ["States should do the first thing, and say so."],
    changeSummary: "Clarified the first clause.",
  });
  // Comments: the member's comment (reported by the representative), and two hidden ones, one appealed.
  const asMember = await callerAs(db, member);
  const asSecretariat = await callerAs(db, secretariat);
  // A concluded norm the representative's organisation adheres to: adherence and its withdrawal.
  const concludedNorm = await asRepresentative.norms.create({ ...normFields, title: "A concluded norm for the matrix" });
  const concludedNormRow = await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.slug, concludedNorm.slug) });
  await asRepresentative.norms.submit({ normId: concludedNormRow!.id });
  await asSecretariat.norms.transition({ normId: concludedNormRow!.id, transition: "openEndorsement", ...overriding });
  await asRepresentative.positions.record({ normId: concludedNormRow!.id, organizationId: organization.id, stance: "endorse" });
  await asSecretariat.norms.transition({ normId: concludedNormRow!.id, transition: "conclude", ...overriding });
  const memberComment = await asMember.comments.create({ normId: publicNormRow!.id, body: "A comment on the first clause.", clause: 1 });
  await asRepresentative.comments.report({ commentId: memberComment.id, reason: "This comment is off the subject." });
  // Nobody moderates their own comment or reviews their own observation.
  const secretariatComment = await asSecretariat.comments.create({ normId: publicNormRow!.id, body: "A comment by a secretariat member." });
  await asRepresentative.comments.report({ commentId: secretariatComment.id, reason: "This comment is off the subject too." });
  const hiddenComment = await asMember.comments.create({ normId: publicNormRow!.id, body: "A comment that will be hidden." });
  const appealedComment = await asMember.comments.create({ normId: publicNormRow!.id, body: "Another comment that will be hidden." });
  for (const c of [hiddenComment, appealedComment]) await asSecretariat.moderation.hide({ commentId: c.id, rule: "HR-2" });
  const commentAppeal = await asMember.comments.appeal({ commentId: appealedComment.id, text: "This comment criticised an argument, not a person." });
  // An amendment the member proposed to the public norm's first clause.
  const memberAmendment = await asMember.amendments.propose({
    normId: publicNormRow!.id,
    baseVersion: 1,
    clause: 1,
    kind: "replace",
    text: "States should do the first thing without delay.",
    rationale: "Without a time frame the first clause commits nobody to anything.",
  });
  // Co-sponsors: the other organisation asks to co-sponsor the public norm (waiting for its proposer,
  // the representative); on the concluded norm it asked, withdrew that request, asked again and was
  // accepted.
  const asOtherRepresentative = await callerAs(db, otherRepresentative);
  const sponsorRequest = await asOtherRepresentative.sponsors.request({ normId: publicNormRow!.id, organizationId: otherOrganization.id });
  const withdrawnSponsorRequest = await asOtherRepresentative.sponsors.request({ normId: concludedNormRow!.id, organizationId: otherOrganization.id });
  await asOtherRepresentative.sponsors.withdraw({ sponsorId: withdrawnSponsorRequest.id });
  const sponsorship = await asOtherRepresentative.sponsors.request({ normId: concludedNormRow!.id, organizationId: otherOrganization.id, message: "We adhere to it and champion it." });
  await asRepresentative.sponsors.accept({ sponsorId: sponsorship.id });
  // Stock-takes: one open now (covering the public norm and a reference norm), one closed and
  // published, and one closed and not yet published.
  const today = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await asSecretariat.stocktakes.open({ year: 2031, opensOn: today(-3), closesOn: today(3), normIds: [publicNormRow!.id], referenceNormIds: ["ungge-f"] });
  const openItems = (await asSecretariat.stocktakes.get({ year: 2031 })).items;
  const pendingObservation = await asMember.stocktakes.logObservation({
    year: 2031,
    title: "An observed incident",
    description: "A response team's network was disrupted for two days.",
    occurredOn: today(-1),
    actors: actorsFor([organization.id], []),
    ...coded,
    assessments: [{ itemId: openItems[0]!.id, assessment: "inconsistent" }],
    sources: sourcesFor("https://example.org/report"),
  });
  const acceptedObservation = await asMember.stocktakes.logObservation({
    year: 2031,
    title: "Another observed incident",
    description: "A response team was asked to share data beyond its mandate.",
    occurredOn: today(-2),
    actors: actorsFor([organization.id], []),
    ...coded,
    assessments: [{ itemId: openItems[0]!.id, assessment: "inconsistent" }],
    sources: sourcesFor("https://example.org/report-2"),
  });
  await acceptDirectly(db, acceptedObservation.id);
  await db.insert(observationCorrections).values({ id: "00000000-0000-4000-8000-0000000000c1", observationId: acceptedObservation.id, requesterId: member.id, text: "The date given for this observation is a day early." });
  // Staff log no observations (the neutrality rule): the secretariat member logged this one as a
  // member, before joining the staff, so another member of the secretariat reviews it.
  await db.update(users).set({ role: "member" }).where(eq(users.id, secretariat.id));
  const secretariatObservation = await (await callerAs(db, secretariat)).stocktakes.logObservation({
    year: 2031,
    title: "An incident the secretariat logged",
    description: "A response team's network was disrupted for a day.",
    occurredOn: today(-1),
    actors: actorsFor([], ["An outside actor"]),
    ...coded,
    assessments: [{ itemId: openItems[0]!.id, assessment: "inconsistent" }],
    sources: sourcesFor("https://example.org/report-4"),
  });
  await db.update(users).set({ role: "secretariat" }).where(eq(users.id, secretariat.id));
  for (const year of [2032, 2033]) {
    await asSecretariat.stocktakes.open({ year, opensOn: today(-3), closesOn: today(3), normIds: [publicNormRow!.id], referenceNormIds: [] });
    await asSecretariat.stocktakes.close({ year });
  }
  await asSecretariat.stocktakes.publish({ year: 2032 });
  const unverified = await createUser(db, { email: "unverified@example.test", verified: false });
  // Verified representation: the member's further address waiting for its link, and a domain the
  // organisation registered that the secretariat has not confirmed.
  const [memberAddress] = await db.insert(userEmails).values({ userId: member.id, email: "member@ministry-matrix.example" }).returning();
  const confirmAddressToken = await issueToken(db, member.id, "confirm_address", new Date(), memberAddress!.id);
  const [organizationDomain] = await db.insert(organizationDomains).values({ organizationId: organization.id, domain: "matrix-org.example" }).returning();
  // A state the representative represents, with the member nominated as its representative,
  // waiting for the secretariat (issue 17).
  const stateOrganization = await createOrganization(db, { createdById: representative.id, status: "verified", stakeholderType: "state", country: "NZ", name: "Matrix Ministry" });
  await addMember(db, stateOrganization.id, member.id);
  const [nomination] = await db
    .insert(representativeNominations)
    .values({ organizationId: stateOrganization.id, userId: member.id, nominatedById: representative.id, address: "member@matrix-ministry.example", createdAt: new Date() })
    .returning();
  // Clearance and countersignature (issue 17): the organisation requires countersignature; the
  // representative's draft, their own pending entry, one the suspended representative entered
  // (pending, which the representative may countersign or decline), one that has lapsed, and one
  // countersigned already.
  await db.update(organizations).set({ requiresCountersignature: true }).where(eq(organizations.id, organization.id));
  const entryOf = (enteredById: string, state: "draft" | "pending" | "published", submittedAt: Date | null, normId = otherPublicNormRow!.id) => ({
    organizationId: organization.id,
    kind: "position" as const,
    normId,
    content: { stance: "abstain" as const, statement: "", clauses: [] },
    enteredById,
    state,
    submittedAt,
  });
  const [draftEntry, ownPendingEntry, pendingEntry, lapsedEntry, countersignedEntry] = await db
    .insert(organizationEntries)
    .values([
      entryOf(representative.id, "draft", null),
      entryOf(representative.id, "pending", new Date(), publicNormRow!.id),
      entryOf(suspended.id, "pending", new Date()),
      entryOf(suspended.id, "pending", new Date(Date.now() - 15 * 86_400_000), concludedNormRow!.id),
      { ...entryOf(suspended.id, "published", new Date()), decidedById: representative.id, decidedAt: new Date() },
    ])
    .returning();
  // Sealed endorsement (issue 17): a norm in a sealed endorsement stage, where the other organisation
  // has a sealed position; and one whose sealed positions were revealed when the secretariat concluded it.
  const sealedNormRows = [];
  for (const title of ["A sealed norm for the matrix", "A revealed norm for the matrix"]) {
    const created = await asRepresentative.norms.create({ ...normFields, title });
    const row = (await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.slug, created.slug) }))!;
    await asRepresentative.norms.submit({ normId: row.id });
    await asSecretariat.norms.transition({ normId: row.id, transition: "openEndorsement", ...overriding, sealed: true });
    await asOtherRepresentative.positions.record({ normId: row.id, organizationId: otherOrganization.id, stance: "endorse" });
    sealedNormRows.push(row);
  }
  const [sealedNorm, revealedNorm] = sealedNormRows as [typeof sealedNormRows[number], typeof sealedNormRows[number]];
  await asSecretariat.norms.transition({ normId: revealedNorm.id, transition: "conclude", ...overriding });
  // A notification of the member's (issue 18): only the member may mark it read.
  const [memberEvent] = await db
    .insert(notificationEvents)
    .values({ kind: "comment.reply", category: "discussion", link: `/norms/${publicNormRow!.slug}#comment-${memberComment.id}`, details: { person: "Rep", norm: publicNormRow!.title }, createdAt: new Date() })
    .returning();
  const [memberNotification] = await db.insert(notifications).values({ userId: member.id, eventId: memberEvent!.id, category: "discussion", createdAt: new Date(), mailState: "none" }).returning();
  // The governance page's first revision, so that reading one by number finds it.
  await db.insert(governanceRevisions).values({ number: 1, secretariat: "Who runs it.", appointments: "How staff are appointed.", funding: "Who funds it.", summary: "The matrix's first revision.", editedById: admin.id });
  // A record of uptake to edit and delete, and a document added by an administrator to add norms to.
  const [uptake] = await db.insert(normUptakes).values({ referenceNormId: "ungge-f", document: "A matrix report", takenUpOn: "2021-03-12", parties: ["group:un"] }).returning();
  await db.insert(referenceDocuments).values({ key: "matrix-added", title: "A matrix document", issuer: "A group", date: "2021", reference: "A/0/0", status: "political", authorKind: "intergovernmental", url: "https://example.org/a", describedInPaperAs: "", source: "added", addedAt: new Date() });
  return {
    uptake: uptake!,
    users: { representative, otherRepresentative, member, secretariat, admin, suspended },
    organization,
    otherOrganization,
    pendingOrganization,
    observerOrganization,
    requestingObserver,
    suspension: suspension!,
    appeal: appeal!,
    adminSuspension: adminSuspension!,
    adminAppeal: adminAppeal!,
    joinRequest,
    target,
    normFields,
    draftNorm: draftNormRow!,
    publicNorm: publicNormRow!,
    otherPublicNorm: otherPublicNormRow!,
    concludedNorm: concludedNormRow!,
    sealedNorm,
    revealedNorm,
    coauthorId: coauthor.userId,
    memberInvitation,
    unknownInvitation,
    memberComment,
    secretariatComment,
    secretariatObservation,
    openItems,
    pendingObservation,
    acceptedObservation,
    hiddenComment,
    commentAppeal,
    memberAmendment,
    sponsorRequest,
    withdrawnSponsorRequest,
    sponsorship,
    memberAddress: memberAddress!,
    confirmAddressToken,
    organizationDomain: organizationDomain!,
    stateOrganization,
    nomination: nomination!,
    draftEntry: draftEntry!,
    ownPendingEntry: ownPendingEntry!,
    pendingEntry: pendingEntry!,
    lapsedEntry: lapsedEntry!,
    countersignedEntry: countersignedEntry!,
    memberNotification: memberNotification!,
    verifyToken: await issueToken(db, unverified.id, "verify_email"),
    resetToken: await issueToken(db, target.id, "reset_password"),
  };
}

const orgFields = { name: "Matrix Org", stakeholderType: "academia", region: "global", country: "", website: "", description: "" } as const;

const matrix: Record<string, { expect: Expectation; input?: (f: Fixture) => unknown }> = {
  "account.signUp": { expect: ANYONE, input: () => ({ displayName: "New", email: "new@example.test", password: "long enough password" }) },
  "account.verifyEmail": { expect: ANYONE, input: (f) => ({ token: f.verifyToken }) },
  "account.resendVerification": { expect: ANYONE, input: () => ({ email: "unverified@example.test" }) },
  "account.requestPasswordReset": { expect: ANYONE, input: () => ({ email: "target@example.test" }) },
  "account.resetPassword": { expect: ANYONE, input: (f) => ({ token: f.resetToken, password: "another long password" }) },
  "account.me": { expect: SIGNED_IN },
  "account.changePassword": { expect: SIGNED_IN, input: () => ({ currentPassword: "correct horse battery", newPassword: "a different password" }) },
  "account.signOutEverywhere": { expect: SIGNED_IN },
  "account.updateProfile": { expect: ACTIVE, input: () => ({ displayName: "Renamed" }) },
  "account.setLocale": { expect: SIGNED_IN, input: () => ({ locale: "fr" }) },
  "account.appeal": { expect: SIGNED_IN, input: () => ({ text: "An appeal long enough to be read." }) },
  // A suspended person may still download their data and delete their account; a visitor has neither.
  "account.export": { expect: SIGNED_IN },
  "account.delete": { expect: SIGNED_IN, input: () => ({ password: "correct horse battery" }) },
  // Further addresses: a link confirms only for the account that added the address (the others are
  // let through by the policy and refused by the domain); only its owner sees and removes one.
  "account.addresses": { expect: SIGNED_IN },
  "account.addAddress": { expect: ACTIVE, input: () => ({ email: "someone@ministry-matrix.example" }) },
  "account.confirmAddress": { expect: ACTIVE, input: (f) => ({ token: f.confirmAddressToken }) },
  "account.removeAddress": {
    expect: hiddenFor(only("member"), "representative", "otherRepresentative", "secretariat", "admin"),
    input: (f) => ({ addressId: f.memberAddress.id }),
  },

  "organizations.list": { expect: ANYONE, input: () => ({}) },
  "organizations.get": { expect: ANYONE, input: (f) => ({ slug: f.organization.slug }) },
  "organizations.mine": { expect: SIGNED_IN },
  "organizations.create": { expect: PARTICIPANT, input: () => orgFields },
  "organizations.update": { expect: REPRESENTATIVE, input: (f) => ({ ...orgFields, organizationId: f.organization.id }) },
  "organizations.requestJoin": { expect: PARTICIPANT, input: (f) => ({ organizationId: f.otherOrganization.id }) },
  "organizations.requestParticipation": { expect: REPRESENTATIVE, input: (f) => ({ organizationId: f.observerOrganization.id }) },
  "organizations.withdrawJoinRequest": { expect: hiddenFor(ACTIVE, "member", "representative", "otherRepresentative", "secretariat", "admin"), input: (f) => ({ requestId: f.joinRequest.id }) },
  "organizations.joinRequests": { expect: REPRESENTATIVE, input: (f) => ({ organizationId: f.organization.id }) },
  "organizations.decideJoinRequest": {
    expect: REPRESENTATIVE,
    input: (f) => ({ organizationId: f.organization.id, requestId: f.joinRequest.id, decision: "approve" }),
  },
  "organizations.members": { expect: REPRESENTATIVE, input: (f) => ({ organizationId: f.organization.id }) },
  "organizations.setMemberRole": {
    expect: REPRESENTATIVE,
    input: (f) => ({ organizationId: f.organization.id, userId: f.users.member.id, role: "representative" }),
  },
  "organizations.removeMember": { expect: REPRESENTATIVE, input: (f) => ({ organizationId: f.organization.id, userId: f.users.member.id }) },
  "organizations.leave": { expect: hiddenFor(ACTIVE, "otherRepresentative", "secretariat", "admin"), input: (f) => ({ organizationId: f.organization.id }) },
  "organizations.domains": { expect: REPRESENTATIVE, input: (f) => ({ organizationId: f.organization.id }) },
  "organizations.addDomain": { expect: REPRESENTATIVE, input: (f) => ({ organizationId: f.organization.id, domain: "another-matrix.example" }) },
  "organizations.removeDomain": { expect: REPRESENTATIVE, input: (f) => ({ organizationId: f.organization.id, domainId: f.organizationDomain.id }) },
  "organizations.nominations": { expect: REPRESENTATIVE, input: (f) => ({ organizationId: f.stateOrganization.id }) },
  "organizations.withdrawNomination": { expect: REPRESENTATIVE, input: (f) => ({ organizationId: f.stateOrganization.id, nominationId: f.nomination.id }) },
  "organizations.reconfirm": { expect: REPRESENTATIVE, input: (f) => ({ organizationId: f.stateOrganization.id }) },
  "organizations.setListed": { expect: hiddenFor(ACTIVE, "otherRepresentative", "secretariat", "admin"), input: (f) => ({ organizationId: f.organization.id, listed: false }) },

  "verification.queue": { expect: STAFF },
  "verification.verify": {
    expect: STAFF,
    input: (f) => ({
      organizationId: f.pendingOrganization.id,
      confirmName: f.pendingOrganization.name,
      exceptions: [{ userId: f.users.otherRepresentative.id, reason: "Known to the secretariat from its registration." }],
    }),
  },
  "verification.domainsAwaiting": { expect: STAFF },
  "verification.confirmDomains": { expect: STAFF, input: (f) => ({ organizationId: f.organization.id, domainIds: [f.organizationDomain.id] }) },
  "verification.nominations": { expect: STAFF },
  "verification.decideNomination": { expect: STAFF, input: (f) => ({ nominationId: f.nomination.id, decision: "decline", reason: "The ministry's letter names another person." }) },
  "verification.representation": { expect: STAFF, input: (f) => ({ slug: f.organization.slug }) },
  "verification.recordException": {
    expect: STAFF,
    input: (f) => ({ organizationId: f.organization.id, userId: f.users.member.id, reason: "The ministry's own mail is down; confirmed by telephone." }),
  },
  "verification.reject": { expect: STAFF, input: (f) => ({ organizationId: f.pendingOrganization.id, reason: "Could not confirm it exists." }) },
  "verification.revoke": { expect: STAFF, input: (f) => ({ organizationId: f.otherOrganization.id, reason: "Merged into another body." }) },
  "verification.participationRequests": { expect: STAFF },
  "verification.decideParticipation": { expect: STAFF, input: (f) => ({ organizationId: f.requestingObserver.id, decision: "approve" }) },

  "users.list": { expect: STAFF, input: () => ({}) },
  "users.setRole": { expect: ADMIN, input: (f) => ({ userId: f.target.id, role: "secretariat" }) },
  "users.suspend": { expect: STAFF, input: (f) => ({ userId: f.target.id, reason: "Repeated personal attacks." }) },
  "users.liftSuspension": { expect: STAFF, input: (f) => ({ suspensionId: f.suspension.id, reason: "" }) },
  "users.appeals": { expect: STAFF },
  "users.decideAppeal": { expect: STAFF, input: (f) => ({ appealId: f.appeal.id, decision: "uphold", note: "The suspension stands." }) },
  "users.liftSuspension#imposed-by-admin": { expect: ADMIN, input: (f) => ({ suspensionId: f.adminSuspension.id, reason: "" }) },
  "users.decideAppeal#imposed-by-admin": { expect: ADMIN, input: (f) => ({ appealId: f.adminAppeal.id, decision: "uphold", note: "The suspension stands." }) },

  "audit.list": { expect: ADMIN, input: () => ({}) },
  "governance.page": { expect: ANYONE },
  "governance.revision": { expect: ANYONE, input: () => ({ number: 1 }) },
  "governance.revision#missing": { expect: hiddenFor(ANYONE, ...actors), input: () => ({ number: 99 }) },
  "governance.publish": {
    expect: ADMIN,
    input: () => ({ secretariat: "Who runs it, revised.", appointments: "How staff are appointed.", funding: "Who funds it.", summary: "Names the new head of the secretariat." }),
  },

  "norms.list": { expect: ANYONE, input: () => ({ q: "matrix" }) },
  "norms.get": { expect: ANYONE, input: (f) => ({ slug: f.publicNorm.slug }) },
  "norms.version": { expect: ANYONE, input: (f) => ({ slug: f.publicNorm.slug, number: 1 }) },
  "norms.redline": { expect: ANYONE, input: (f) => ({ slug: f.publicNorm.slug, from: 1, to: 1 }) },
  "norms.formOptions": { expect: ANYONE },
  "norms.mine": { expect: SIGNED_IN },
  "norms.create": { expect: ACTIVE, input: (f) => f.normFields },
  "norms.revise": {
    expect: REPRESENTATIVE,
    input: (f) => ({ ...f.normFields, normId: f.publicNorm.id, baseVersion: 1, changeSummary: "Tighter wording." }),
  },
  // Someone else's draft does not exist for them.
  "norms.submit": {
    expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative", "secretariat", "admin"),
    input: (f) => ({ normId: f.draftNorm.id }),
  },
  "norms.withdraw": { expect: REPRESENTATIVE, input: (f) => ({ normId: f.publicNorm.id, note: "" }) },
  // Someone else's draft, by slug or by id, is not found for everyone but its authors, staff included.
  "norms.get#others-draft": { expect: hiddenFor(REPRESENTATIVE, ...actors.filter((a) => a !== "representative")), input: (f) => ({ slug: f.draftNorm.slug }) },
  "norms.version#others-draft": {
    expect: hiddenFor(REPRESENTATIVE, ...actors.filter((a) => a !== "representative")),
    input: (f) => ({ slug: f.draftNorm.slug, number: 1 }),
  },
  "norms.redline#others-draft": {
    expect: hiddenFor(REPRESENTATIVE, ...actors.filter((a) => a !== "representative")),
    input: (f) => ({ slug: f.draftNorm.slug, from: 1, to: 1 }),
  },
  "norms.revise#others-draft": {
    expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative", "secretariat", "admin"),
    input: (f) => ({ ...f.normFields, normId: f.draftNorm.id, baseVersion: 1, changeSummary: "Tighter wording." }),
  },
  "norms.withdraw#others-draft": {
    expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative", "secretariat", "admin"),
    input: (f) => ({ normId: f.draftNorm.id, note: "" }),
  },
  // Translations: anyone reads; the norm's authors (the representative proposed it) and the secretariat write.
  "norms.translation": { expect: ANYONE, input: (f) => ({ slug: f.publicNorm.slug, number: 1, language: "fr" }) },
  "norms.translation#others-draft": {
    expect: hiddenFor(REPRESENTATIVE, ...actors.filter((a) => a !== "representative")),
    input: (f) => ({ slug: f.draftNorm.slug, number: 1, language: "fr" }),
  },
  "norms.translate": {
    expect: only("representative", "secretariat", "admin"),
    input: (f) => ({ normId: f.publicNorm.id, version: 1, language: "fr", title: "Une norme pour la matrice", summary: "Un résumé assez long pour passer les règles de validation.", clauses: ["Les États devraient faire la première chose.", "Les États devraient faire la deuxième chose."], rationale: "" }),
  },
  // Someone else's draft is not found, the secretariat's included.
  "norms.translate#others-draft": {
    expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative", "secretariat", "admin"),
    input: (f) => ({ normId: f.draftNorm.id, version: 1, language: "fr", title: "Une norme pour la matrice", summary: "Un résumé assez long pour passer les règles de validation.", clauses: ["Les États devraient faire la première chose.", "Les États devraient faire la deuxième chose."], rationale: "" }),
  },
  "norms.transition": { expect: STAFF, input: (f) => ({ normId: f.publicNorm.id, transition: "openEndorsement", ...overriding }) },
  "norms.transition#sealed": { expect: STAFF, input: (f) => ({ normId: f.publicNorm.id, transition: "openEndorsement", ...overriding, sealed: true }) },
  "norms.merge": { expect: STAFF, input: (f) => ({ normId: f.otherPublicNorm.id, intoSlug: f.publicNorm.slug, statement: mergeStatement }) },
  "norms.extendStage": {
    expect: STAFF,
    input: (f) => ({ normId: f.publicNorm.id, lastDay: "2099-01-01", reason: "More time for regional consultations." }),
  },
  "norms.awaitingDecision": { expect: STAFF },
  "process.rules": { expect: ANYONE },
  "process.changeRule": {
    expect: ADMIN,
    input: () => ({ stage: "endorsement", defaultDays: 50, minimumDays: 21, reason: "Matrix change to the endorsement default." }),
  },
  // Invitations: the proposer invites and cancels; the invitee (found by their confirmed address)
  // lists and answers their own, and nobody else's exists for them.
  "norms.inviteCoauthor": { expect: REPRESENTATIVE, input: (f) => ({ normId: f.publicNorm.id, email: "new-colleague@example.test" }) },
  "norms.inviteCoauthor#others-draft": {
    expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative", "secretariat", "admin"),
    input: (f) => ({ normId: f.draftNorm.id, email: "new-colleague@example.test" }),
  },
  "norms.cancelInvitation": { expect: REPRESENTATIVE, input: (f) => ({ invitationId: f.unknownInvitation.invitationId }) },
  "norms.invitations": { expect: SIGNED_IN },
  "norms.respondToInvitation": {
    expect: hiddenFor(only("member"), "representative", "otherRepresentative", "secretariat", "admin"),
    input: (f) => ({ invitationId: f.memberInvitation.invitationId, accept: true }),
  },
  "norms.removeCoauthor": { expect: REPRESENTATIVE, input: (f) => ({ normId: f.publicNorm.id, userId: f.coauthorId }) },

  "references.matrix": { expect: ANYONE },
  "references.norm": { expect: ANYONE, input: () => ({ id: "ungge-f" }) },
  "references.forums": { expect: ANYONE, input: () => ({ kind: "global" }) },
  "references.history": { expect: ANYONE, input: () => ({ id: "ungge-f" }) },
  "references.correct": { expect: ADMIN, input: () => ({ id: "ungge-f", categories: ["II", "III"], reason: "Matrix correction." }) },
  "references.compare": { expect: ANYONE, input: () => ({ items: ["ref:ungge-f", "ref:usg-2"] }) },
  "references.compareChoices": { expect: ANYONE, input: () => ({ q: "matrix" }) },
  // The growing library, uptake and the glossary (issue 19).
  "library.addedDocuments": { expect: ANYONE },
  "library.addDocument": {
    expect: ADMIN,
    input: () => ({ key: "oewg-matrix", title: "A later report", issuer: "A working group", date: "2021-03-12", reference: "A/75/816", status: "political", authorKind: "intergovernmental", url: "https://undocs.org/A/75/816" }),
  },
  "library.addNorm": { expect: ADMIN, input: () => ({ documentKey: "matrix-added", label: "13(a)", display: "Matrix 13(a)", text: "States should cooperate.", categories: ["IV"] }) },
  "library.addForum": {
    expect: ADMIN,
    input: () => ({ id: "matrix-forum", name: "A matrix forum", kind: "global", date: "2021", parties: "United Nations", normType: "political", summary: "A forum.", reference: "", url: "https://example.org/forum" }),
  },
  "uptake.forNorm": { expect: ANYONE, input: () => ({ referenceNormId: "ungge-f" }) },
  "uptake.forState": { expect: ANYONE, input: () => ({ iso: "KE" }) },
  "uptake.record": { expect: STAFF, input: (f) => ({ normId: f.publicNorm.id, document: "A communiqué", paragraph: "4", takenUpOn: "2024-05-01", url: "https://example.org/c", parties: ["KE", "group:au"] }) },
  "uptake.update": { expect: STAFF, input: (f) => ({ id: f.uptake.id, document: "A matrix report, corrected", takenUpOn: "2021-03-12", parties: ["group:un"] }) },
  "uptake.delete": { expect: STAFF, input: (f) => ({ id: f.uptake.id }) },
  "glossary.list": { expect: ANYONE },
  "glossary.phrases": { expect: ANYONE },
  "languages.serverText": { expect: ANYONE, input: () => ({ texts: ["Enter a title of at least 5 characters."] }) },
  "search.all": { expect: ANYONE, input: () => ({ q: "infrastructure" }) },
  // Profiles across years (issue 19): public; a code that is no UN state is "not found" for everyone.
  "actors.states": { expect: ANYONE },
  "actors.record": { expect: ANYONE, input: () => ({ id: "state:KE" }) },
  "actors.record#organization": { expect: ANYONE, input: (f) => ({ id: `org:${f.organization.slug}` }) },
  "actors.record#not-a-state": { expect: hiddenFor(ANYONE, ...actors), input: () => ({ id: "state:XK" }) },
  "actors.compare": { expect: ANYONE, input: (f) => ({ ids: ["state:KE", `org:${f.organization.slug}`] }) },

  "positions.forNorm": { expect: ANYONE, input: (f) => ({ slug: f.otherPublicNorm.slug }) },
  "positions.every": { expect: ANYONE, input: (f) => ({ slug: f.otherPublicNorm.slug }) },
  "positions.list": { expect: ANYONE, input: (f) => ({ slug: f.otherPublicNorm.slug, stance: "reasoned" }) },
  "positions.history": { expect: ANYONE, input: (f) => ({ slug: f.otherPublicNorm.slug }) },
  "positions.forOrganization": { expect: ANYONE, input: (f) => ({ slug: f.organization.slug }) },
  // The other representative speaks for another organisation: speaking for this one is refused.
  "positions.record": {
    expect: REPRESENTATIVE,
    input: (f) => ({ normId: f.publicNorm.id, organizationId: f.organization.id, stance: "object", statement: "The second clause goes further than existing law allows." }),
  },
  // An observer takes no positions: the policy lets its representative through, and the domain
  // refuses (PRECONDITION_FAILED, tests/observers.test.ts); nobody else gets past the policy.
  "positions.record#observer": {
    expect: REPRESENTATIVE,
    input: (f) => ({ normId: f.publicNorm.id, organizationId: f.observerOrganization.id, stance: "endorse", statement: "" }),
  },
  // A position for an organisation the person does not represent: only its own representative may.
  "positions.record#other-organisation": {
    expect: only("otherRepresentative"),
    input: (f) => ({ normId: f.publicNorm.id, organizationId: f.otherOrganization.id, stance: "endorse" }),
  },
  "positions.reaffirm": { expect: REPRESENTATIVE, input: (f) => ({ normId: f.otherPublicNorm.id, organizationId: f.organization.id }) },
  // Adherence after conclusion: the same rule as any position.
  "positions.record#adherence": {
    expect: REPRESENTATIVE,
    input: (f) => ({ normId: f.concludedNorm.id, organizationId: f.organization.id, stance: "endorse_with_reservations", statement: "We read the second clause narrowly." }),
  },
  "positions.adherence": { expect: ANYONE, input: (f) => ({ slug: f.concludedNorm.slug }) },
  // Sealed endorsement: anyone signed in may ask for their organisations' sealed entries (the answer
  // holds only those of organisations they represent: tests/sealed.test.ts); recording during a sealed
  // stage follows the rule of any position; the public reads of a sealed and of a revealed norm stay public.
  "positions.sealed": { expect: SIGNED_IN, input: (f) => ({ slug: f.sealedNorm.slug }) },
  "positions.record#sealed": {
    expect: only("otherRepresentative"),
    input: (f) => ({ normId: f.sealedNorm.id, organizationId: f.otherOrganization.id, stance: "object", statement: "The second clause goes further than existing law allows." }),
  },
  "positions.forNorm#sealed": { expect: ANYONE, input: (f) => ({ slug: f.sealedNorm.slug }) },
  "positions.history#revealed": { expect: ANYONE, input: (f) => ({ slug: f.revealedNorm.slug }) },
  // Only the adhering organisation's representative; not its member, another organisation's
  // representative, the secretariat, a suspended representative or a visitor.
  "positions.withdraw": { expect: REPRESENTATIVE, input: (f) => ({ normId: f.concludedNorm.id, organizationId: f.organization.id }) },
  // An organisation not yet verified: the policy lets its representative through, and the domain
  // refuses (PRECONDITION_FAILED, tests/adherence.test.ts); nobody else gets past the policy.
  "positions.withdraw#unverified-organisation": {
    expect: only("otherRepresentative"),
    input: (f) => ({ normId: f.concludedNorm.id, organizationId: f.pendingOrganization.id }),
  },

  "comments.list": { expect: ANYONE, input: (f) => ({ slug: f.publicNorm.slug }) },
  "comments.clauseCounts": { expect: ANYONE, input: (f) => ({ slug: f.publicNorm.slug, version: 1 }) },
  "comments.revisions": { expect: ANYONE, input: (f) => ({ commentId: f.memberComment.id }) },
  "comments.mine": { expect: SIGNED_IN },
  "comments.create": { expect: ACTIVE, input: (f) => ({ normId: f.publicNorm.id, body: "A comment on the second clause.", clause: 2 }) },
  // Speaking for an organisation: only its representative (the member belongs to it but does not represent it).
  "comments.create#onBehalf": {
    expect: REPRESENTATIVE,
    input: (f) => ({ normId: f.publicNorm.id, body: "Our organisation's comment.", organizationId: f.organization.id }),
  },
  // Authors edit, delete and appeal only their own comments.
  "comments.edit": { expect: only("member"), input: (f) => ({ commentId: f.memberComment.id, body: "A comment on the first clause, edited." }) },
  "comments.delete": { expect: only("member"), input: (f) => ({ commentId: f.memberComment.id }) },
  "comments.report": { expect: ACTIVE, input: (f) => ({ commentId: f.memberComment.id, reason: "Reported from the matrix test." }) },
  "comments.appeal": { expect: only("member"), input: (f) => ({ commentId: f.hiddenComment.id, text: "This comment criticised an argument, not a person." }) },

  "amendments.forNorm": { expect: ANYONE, input: (f) => ({ slug: f.publicNorm.slug }) },
  "amendments.get": { expect: ANYONE, input: (f) => ({ slug: f.publicNorm.slug, number: f.memberAmendment.number }) },
  "amendments.propose": {
    expect: ACTIVE,
    input: (f) => ({ normId: f.publicNorm.id, baseVersion: 1, clause: 2, kind: "insert", text: "States should report on the second thing.", rationale: "Reporting is how the second clause becomes checkable." }),
  },
  // For an organisation: only its representative (the member belongs to it but does not represent it).
  "amendments.propose#onBehalf": {
    expect: REPRESENTATIVE,
    input: (f) => ({ normId: f.publicNorm.id, baseVersion: 1, clause: 2, kind: "delete", rationale: "The second clause repeats what existing law already says.", organizationId: f.organization.id }),
  },
  "amendments.support": { expect: ACTIVE, input: (f) => ({ amendmentId: f.memberAmendment.id }) },
  "amendments.support#onBehalf": { expect: REPRESENTATIVE, input: (f) => ({ amendmentId: f.memberAmendment.id, organizationId: f.organization.id }) },
  // Its proposer withdraws it; the norm's authors (the representative proposed the norm) accept or decline it.
  "amendments.withdraw": { expect: only("member"), input: (f) => ({ amendmentId: f.memberAmendment.id }) },
  "amendments.accept": { expect: REPRESENTATIVE, input: (f) => ({ amendmentId: f.memberAmendment.id }) },
  "amendments.decline": { expect: REPRESENTATIVE, input: (f) => ({ amendmentId: f.memberAmendment.id, reason: "The first clause is meant to leave the timing to each state." }) },

  // Co-sponsors. A request waiting (or withdrawn) is seen only by the norm's authors and the
  // requesting organisation's representatives: anyone else is told it is not there. Staff take
  // no part as participants (request, withdraw), so the policy refuses them first.
  "sponsors.forNorm": { expect: ANYONE, input: (f) => ({ slug: f.publicNorm.slug }) },
  "sponsors.forOrganization": { expect: ANYONE, input: (f) => ({ slug: f.otherOrganization.slug }) },
  "sponsors.forNorm#others-draft": { expect: hiddenFor(REPRESENTATIVE, ...actors.filter((a) => a !== "representative")), input: (f) => ({ slug: f.draftNorm.slug }) },
  "sponsors.request": { expect: only("otherRepresentative"), input: (f) => ({ normId: f.otherPublicNorm.id, organizationId: f.otherOrganization.id }) },
  "sponsors.request#own-organisation": { expect: REPRESENTATIVE, input: (f) => ({ normId: f.otherPublicNorm.id, organizationId: f.organization.id, message: "We co-sponsor it." }) },
  "sponsors.request#unverified-organisation": { expect: only(), input: (f) => ({ normId: f.otherPublicNorm.id, organizationId: f.pendingOrganization.id }) },
  "sponsors.request#others-draft": { expect: hiddenFor(only(), "representative", "otherRepresentative", "member"), input: (f) => ({ normId: f.draftNorm.id, organizationId: f.otherOrganization.id }) },
  "sponsors.withdraw": { expect: hiddenFor(only("otherRepresentative"), "member"), input: (f) => ({ sponsorId: f.sponsorRequest.id }) },
  "sponsors.withdraw#accepted": { expect: only("otherRepresentative"), input: (f) => ({ sponsorId: f.sponsorship.id }) },
  "sponsors.withdraw#withdrawn": { expect: hiddenFor(only("otherRepresentative"), "member"), input: (f) => ({ sponsorId: f.withdrawnSponsorRequest.id }) },
  "sponsors.accept": { expect: hiddenFor(REPRESENTATIVE, "member", "secretariat", "admin"), input: (f) => ({ sponsorId: f.sponsorRequest.id }) },
  "sponsors.accept#accepted": { expect: REPRESENTATIVE, input: (f) => ({ sponsorId: f.sponsorship.id }) },
  "sponsors.accept#withdrawn": { expect: hiddenFor(REPRESENTATIVE, "member", "secretariat", "admin"), input: (f) => ({ sponsorId: f.withdrawnSponsorRequest.id }) },
  "sponsors.decline": { expect: hiddenFor(REPRESENTATIVE, "member", "secretariat", "admin"), input: (f) => ({ sponsorId: f.sponsorRequest.id }) },

  "moderation.log": { expect: ANYONE, input: () => ({}) },
  "moderation.queue": { expect: STAFF },
  "moderation.hide": { expect: STAFF, input: (f) => ({ commentId: f.memberComment.id, rule: "HR-1" }) },
  "moderation.restore": { expect: STAFF, input: (f) => ({ commentId: f.hiddenComment.id, note: "" }) },
  "moderation.dismissReports": { expect: STAFF, input: (f) => ({ commentId: f.memberComment.id, note: "" }) },
  "moderation.dismissReports#own-comment": { expect: ADMIN, input: (f) => ({ commentId: f.secretariatComment.id, note: "" }) },
  "moderation.suspendAuthor": { expect: STAFF, input: (f) => ({ commentId: f.memberComment.id, rule: "HR-2", reason: "Repeated personal attacks." }) },
  "moderation.decideAppeal": { expect: STAFF, input: (f) => ({ appealId: f.commentAppeal.id, decision: "restore", note: "The comment criticised an argument." }) },

  "stocktakes.list": { expect: ANYONE },
  "home.now": { expect: ANYONE },
  // The Atom feeds: public records only. A draft's feed is not found even for its authors, since a
  // feed's address is read by whoever has it.
  "feeds.norms": { expect: ANYONE },
  "feeds.norm": { expect: ANYONE, input: (f) => ({ slug: f.publicNorm.slug }) },
  "feeds.norm#draft": { expect: hiddenFor(ANYONE, ...actors), input: (f) => ({ slug: f.draftNorm.slug }) },
  "feeds.stocktakes": { expect: ANYONE },
  "stocktakes.get": { expect: ANYONE, input: () => ({ year: 2031 }) },
  "stocktakes.revision": { expect: ANYONE, input: () => ({ year: 2032 }) },
  "stocktakes.coverable": { expect: STAFF },
  // Only with TEST_CLOCK=1 (end-to-end tests); tests/clock.test.ts turns it on.
  "testing.setClock": { expect: hiddenFor(ANYONE, ...actors), input: () => ({ at: "2030-01-01T00:00:00Z" }) },
  "testing.tick": { expect: hiddenFor(ANYONE, ...actors) },
  "stocktakes.open": { expect: STAFF, input: () => ({ year: 2040, opensOn: "2040-01-01", closesOn: "2040-02-01", referenceNormIds: ["ungge-f"], normIds: [] }) },
  "stocktakes.close": { expect: STAFF, input: () => ({ year: 2031 }) },
  "stocktakes.saveNarrative": { expect: STAFF, input: () => ({ year: 2033, summary: "Summary.", categories: { I: "", II: "", III: "", IV: "", V: "" } }) },
  "stocktakes.preview": { expect: STAFF, input: () => ({ year: 2033 }) },
  "stocktakes.preparePublication": { expect: STAFF, input: () => ({ year: 2033 }) },
  "stocktakes.publish": { expect: STAFF, input: () => ({ year: 2033 }) },
  "stocktakes.publishProgress": { expect: STAFF, input: () => ({ year: 2032 }) },
  "stocktakes.statementForm": { expect: PARTICIPANT, input: () => ({ year: 2031 }) },
  // The other representative speaks for another organisation: filing for this one is refused.
  "stocktakes.fileStatement": {
    expect: REPRESENTATIVE,
    input: (f) => ({ year: 2031, itemId: f.openItems[0]!.id, organizationId: f.organization.id, status: "implemented", text: "", links: [] }),
  },
  "stocktakes.logObservation": {
    expect: PARTICIPANT,
    input: (f) => ({
      year: 2031,
      title: "A third incident",
      description: "Something else that happened during the year.",
      occurredOn: new Date().toISOString().slice(0, 10),
      actors: actorsFor([], ["An outside actor"]),
      ...coded,
      assessments: [{ itemId: f.openItems[1]!.id, assessment: "consistent" }],
      sources: sourcesFor("https://example.org/report-3"),
    }),
  },
  // Following and notifications: each signed-in person their own rows only; someone else's
  // notification is "not found", and no input names another person's follows or preferences.
  "notifications.follow": { expect: SIGNED_IN, input: (f) => ({ type: "norm", key: f.publicNorm.slug, follow: true }) },
  "notifications.follow#forum": { expect: SIGNED_IN, input: () => ({ type: "forum", follow: true }) },
  "notifications.following": { expect: SIGNED_IN, input: (f) => ({ type: "organization", key: f.organization.slug }) },
  "notifications.follows": { expect: SIGNED_IN },
  "notifications.list": { expect: SIGNED_IN, input: () => ({}) },
  "notifications.unreadCount": { expect: SIGNED_IN },
  "notifications.markRead": {
    expect: hiddenFor(only("member"), "representative", "otherRepresentative", "secretariat", "admin", "suspended"),
    input: (f) => ({ id: f.memberNotification.id }),
  },
  "notifications.markAllRead": { expect: SIGNED_IN },
  "notifications.preferences": { expect: SIGNED_IN },
  "notifications.setPreferences": { expect: SIGNED_IN, input: () => ({ rhythms: { norms: "daily", deadlines: "off" } }) },

  // Stopping mail from the link in it: no sign-in; the signed token names whose mail stops, so the
  // caller's identity grants nothing either way (a forged token is refused for everyone alike).
  "mail.unsubscribeInfo": { expect: ANYONE, input: (f) => ({ token: signUnsubscribe(f.users.member.id, ["discussion"]) }) },
  "mail.unsubscribe": { expect: ANYONE, input: (f) => ({ token: signUnsubscribe(f.users.member.id, ["discussion"]) }) },

  "stocktakes.reviewObservation": { expect: STAFF, input: (f) => ({ observationId: f.pendingObservation.id, decision: "accept", note: "" }) },
  "stocktakes.reviewObservation#own-observation": { expect: ADMIN, input: (f) => ({ observationId: f.secretariatObservation.id, decision: "accept", note: "" }) },
  // Only a representative of an organisation named in the observation may reply.
  "stocktakes.reply": {
    expect: REPRESENTATIVE,
    input: (f) => ({ observationId: f.acceptedObservation.id, organizationId: f.organization.id, text: "Our account of what happened that day." }),
  },
  "stocktakes.forOrganization": { expect: ANYONE, input: (f) => ({ slug: f.organization.slug }) },
  // Corrections to published observations (issue 19): anyone signed in and not suspended asks
  // (here before publication, so the domain refuses it on its state, past the policy); the
  // secretariat answers; the log is public.
  "stocktakes.requestCorrection": { expect: ACTIVE, input: (f) => ({ observationId: f.acceptedObservation.id, text: "The date given for this observation is a day early." }) },
  "stocktakes.answerCorrection": { expect: STAFF, input: () => ({ correctionId: "00000000-0000-4000-8000-0000000000c1", answer: "The date was checked against the sources." }) },
  "stocktakes.corrections": { expect: ANYONE, input: () => ({ limit: 10 }) },

  // Clearance and countersignature: the organisation's representatives only; for the rest, an
  // entry is "not found" (staff are refused first: they take no part). States: draft, pending
  // (entered by another representative, or by the reader), lapsed, countersigned.
  "clearance.entries": { expect: REPRESENTATIVE, input: (f) => ({ organizationId: f.organization.id }) },
  "clearance.entries#other-organisation": { expect: only("otherRepresentative"), input: (f) => ({ organizationId: f.otherOrganization.id }) },
  "clearance.entry": { expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative"), input: (f) => ({ entryId: f.pendingEntry.id }) },
  "clearance.entry#draft": { expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative"), input: (f) => ({ entryId: f.draftEntry.id }) },
  "clearance.entry#countersigned": { expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative"), input: (f) => ({ entryId: f.countersignedEntry.id }) },
  "clearance.savePosition": {
    expect: REPRESENTATIVE,
    input: (f) => ({ position: { normId: f.publicNorm.id, organizationId: f.organization.id, stance: "endorse" } }),
  },
  "clearance.savePosition#draft": {
    expect: REPRESENTATIVE,
    input: (f) => ({ entryId: f.draftEntry.id, position: { normId: f.otherPublicNorm.id, organizationId: f.organization.id, stance: "endorse" } }),
  },
  "clearance.saveStatement": {
    expect: REPRESENTATIVE,
    input: (f) => ({ statement: { year: 2031, itemId: f.openItems[0]!.id, organizationId: f.organization.id, status: "partially", text: "A draft statement." } }),
  },
  "clearance.saveReply": {
    expect: REPRESENTATIVE,
    input: (f) => ({ reply: { observationId: f.acceptedObservation.id, organizationId: f.organization.id, text: "A draft of our account of that day." } }),
  },
  "clearance.submit": { expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative"), input: (f) => ({ entryId: f.draftEntry.id }) },
  "clearance.countersign": { expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative"), input: (f) => ({ entryId: f.pendingEntry.id }) },
  // Whoever entered an entry cannot countersign it.
  "clearance.countersign#own": { expect: hiddenFor(only(), "member", "otherRepresentative"), input: (f) => ({ entryId: f.ownPendingEntry.id }) },
  // Refused for its state (lapsed, countersigned already), not for who asks.
  "clearance.countersign#lapsed": { expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative"), input: (f) => ({ entryId: f.lapsedEntry.id }) },
  "clearance.countersign#countersigned": { expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative"), input: (f) => ({ entryId: f.countersignedEntry.id }) },
  "clearance.decline": { expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative"), input: (f) => ({ entryId: f.pendingEntry.id }) },
  "clearance.decline#own": { expect: hiddenFor(only(), "member", "otherRepresentative"), input: (f) => ({ entryId: f.ownPendingEntry.id }) },
  "clearance.withdraw": { expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative"), input: (f) => ({ entryId: f.ownPendingEntry.id }) },
  // Only whoever entered a pending entry withdraws it; any representative discards a draft.
  "clearance.withdraw#others": { expect: hiddenFor(only(), "member", "otherRepresentative"), input: (f) => ({ entryId: f.pendingEntry.id }) },
  "clearance.withdraw#draft": { expect: hiddenFor(REPRESENTATIVE, "member", "otherRepresentative"), input: (f) => ({ entryId: f.draftEntry.id }) },
  "clearance.setRequirement": { expect: REPRESENTATIVE, input: (f) => ({ organizationId: f.organization.id, required: false }) },
};

class Rollback extends Error {}

let database: Database;
let mail: MailSink;
let fixture: Fixture;

beforeAll(async () => {
  database = await createTestDatabase();
  mail = await startMailSink();
  fixture = await arrange(database.db);
});
afterAll(async () => {
  await mail.close();
  await database.close();
});

/** A row's key is the procedure's path, with `#case` added where one procedure has several rows. */
const procedureOf = (key: string) => key.split("#")[0]!;
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { action?: string } } }>;

describe("authorization matrix", () => {
  it("has rows for every procedure of the router, and no rows for procedures that do not exist", () => {
    expect([...new Set(Object.keys(matrix).map(procedureOf))].sort()).toEqual(Object.keys(procedures).sort());
  });

  it("names a policy action on every procedure", () => {
    for (const [path, procedure] of Object.entries(procedures)) {
      expect(procedure._def.meta?.action, path).toBeDefined();
      expect(Object.keys(policy), path).toContain(procedure._def.meta!.action);
    }
  });

  const rows = Object.entries(matrix).flatMap(([path, row]) => actors.map((actor) => ({ path, actor, expected: row.expect[actor], input: row.input })));

  it.each(rows)("$path as $actor: $expected", async ({ path, actor, expected, input }) => {
    let outcome: Outcome = "allow";
    let detail = "succeeded";
    // Each row runs in a transaction that is rolled back, so rows cannot change each other's data.
    await database.db
      .transaction(async (tx) => {
        const db = tx as unknown as Db;
        const user = actor === "visitor" ? null : fixture.users[actor];
        const caller = await callerAs(db, user, mail.mailer);
        const fn = procedureOf(path).split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (i: unknown) => Promise<unknown>;
        try {
          await fn(input?.(fixture));
        } catch (error) {
          if (!(error instanceof TRPCError)) throw error;
          detail = `${error.code}: ${error.message}`;
          if (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN") outcome = "deny";
          if (error.code === "NOT_FOUND") outcome = "hidden";
        }
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(outcome, `${path} as ${actor} (${detail})`).toBe(expected);
  });
});

// Mass assignment (issue 13, section 2.1): fields a caller must never set, such as a role, a
// verification status or who owns a row, are refused in every input with BAD_REQUEST, never
// dropped silently or written. Every procedure of the router with an input is checked, as the
// first actor its matrix row allows, with its matrix input plus each field its schema lacks.
const ASSIGNABLE_FIELDS: Record<string, unknown> = {
  role: "admin",
  verificationStatus: "verified",
  organizationId: "00000000-0000-4000-8000-000000000000",
  createdById: "00000000-0000-4000-8000-000000000000",
  proposerId: "00000000-0000-4000-8000-000000000000",
  authorId: "00000000-0000-4000-8000-000000000000",
  userId: "00000000-0000-4000-8000-000000000000",
  status: "concluded",
  id: "00000000-0000-4000-8000-000000000000",
  sessionVersion: 0,
  emailVerifiedAt: "2026-01-01T00:00:00Z",
};

type ZodLike = { _zod: { def: { type: string; in?: ZodLike; innerType?: ZodLike } }; shape?: Record<string, unknown> };
/** The keys of an object schema, through pipes, defaults and optionals; null for a non-object input. */
function shapeKeys(schema: ZodLike): string[] | null {
  if (schema.shape) return Object.keys(schema.shape);
  const def = schema._zod.def;
  const inner = def.in ?? def.innerType;
  return inner ? shapeKeys(inner) : null;
}

describe("mass assignment", () => {
  const withInput = Object.entries(procedures as unknown as Record<string, { _def: { inputs: ZodLike[] } }>).filter(([, p]) => p._def.inputs.length > 0);

  it("finds the procedures with an input, every one an object", () => {
    expect(withInput.length).toBeGreaterThan(60);
    for (const [path, procedure] of withInput) expect(shapeKeys(procedure._def.inputs[0]!), path).not.toBeNull();
  });

  it.each(withInput.map(([path]) => path))("%s refuses extra fields with BAD_REQUEST", async (path) => {
    const schema = (procedures as unknown as Record<string, { _def: { inputs: ZodLike[] } }>)[path]!._def.inputs[0]!;
    const known = new Set(shapeKeys(schema));
    const extras = Object.fromEntries(Object.entries(ASSIGNABLE_FIELDS).filter(([k]) => !known.has(k)));
    const row = matrix[path]!;
    // The first actor the policy lets through (a row may answer "not found" to everyone in the matrix).
    const actor = actors.find((a) => row.expect[a] === "allow") ?? actors.find((a) => row.expect[a] === "hidden")!;
    let detail = "succeeded";
    await database.db
      .transaction(async (tx) => {
        const db = tx as unknown as Db;
        const caller = await callerAs(db, actor === "visitor" ? null : fixture.users[actor], mail.mailer);
        const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (i: unknown) => Promise<unknown>;
        try {
          await fn({ ...(row.input?.(fixture) as object | undefined), ...extras });
        } catch (error) {
          if (!(error instanceof TRPCError)) throw error;
          const issues = (error.cause as { issues?: { code: string; keys?: string[] }[] } | undefined)?.issues ?? [];
          const refused = issues.filter((i) => i.code === "unrecognized_keys").flatMap((i) => i.keys ?? []);
          detail = `${error.code}: ${refused.sort().join(", ") || error.message}`;
        }
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(detail, `${path} as ${actor}`).toBe(`BAD_REQUEST: ${Object.keys(extras).sort().join(", ")}`);
  });

  it("writes nothing a caller tried to assign: an organisation stays pending and theirs", async () => {
    const member = await callerAs(database.db, fixture.users.member);
    const before = await database.db.$count(organizations);
    const refused = await member.organizations
      .create({ ...orgFields, name: "Self-verified Org", ...({ verificationStatus: "verified", createdById: fixture.users.admin.id } as object) })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("BAD_REQUEST");
    expect(await database.db.$count(organizations)).toBe(before);
    const role = await member.account.updateProfile({ displayName: "Still a member", ...({ role: "admin" } as object) }).catch((error: unknown) => error);
    expect((role as TRPCError).code).toBe("BAD_REQUEST");
    expect((await database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, fixture.users.member.id) }))?.role).toBe("member");
  });
});
