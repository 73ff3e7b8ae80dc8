// A person's own data: everything the forum holds about them, as one download, and the deletion
// of their account. Deletion anonymises the user row and never removes it, because append-only
// and immutable tables (audit log, position history, moderation log, published stock-takes) refer
// to it; the row then names nobody, and pages say "a former member" (server/domain/person-name.ts).
//
// `personalDataSources` lists every column that references users.id, what the export shows of
// it, and what deletion does to its rows. tests/privacy.test.ts reads the foreign keys from the
// database catalogue and fails when a column is missing here, so a new table cannot be forgotten.
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db, DbOrTx, Tx } from "~/db/connect";
import * as schema from "~/db/schema";
import { verifyPassword } from "../auth/password";
import { badInput, invalidState, notFound } from "../errors";
import type { Actor } from "../policy";
import { assertNotLimited, consume } from "../rate-limit";
import type { deleteAccountInput } from "../schemas/privacy";
import { recordAudit } from "./audit";
import { closeTermsOfUser } from "./nominations";
import { clock } from "../clock";

// As the pages name someone whose account was deleted (messages/en/common.json "formerMember").
const FORMER_MEMBER = "a former member";

/** What deletion does to the rows that reference the person through this column. */
type Erasure =
  /** The rows are removed: they exist only for the person (memberships, tokens, co-authorship). */
  | { action: "delete" }
  /** The rows stay and keep the id only; the reason says why they must stay. */
  | { action: "keep"; reason: string };

interface Source {
  /** The table and column as PostgreSQL names them (as the catalogue lists them). */
  table: string;
  column: string;
  /** What these rows are, in the person's words. */
  description: string;
  erasure: Erasure;
  /** Reads the rows for the export: by default every column of the row except `omit`. */
  load?: (db: DbOrTx, userId: string) => Promise<Record<string, unknown>[]>;
  from?: PgTable;
  by?: AnyPgColumn;
  /** Columns never exported: secrets (token hashes) and large rendered files that hold no personal data. */
  omit?: string[];
}

const keep = (reason: string): Erasure => ({ action: "keep", reason });
const ORGANISATION_RECORD = keep("An organisation's record: it stays on record as the organisation's, naming the person only by id.");
const STAFF_RECORD = keep("What the secretariat did, kept for accountability; shown as the secretariat, by id only.");
const MODERATION_RECORD = keep("A moderation record: it stays so decisions can be reviewed; the person is named by id only.");
const PUBLIC_RECORD = keep("Part of the public record of a norm; shown as by a former member.");

export const personalDataSources: Source[] = [
  { table: "email_tokens", column: "user_id", description: "Links sent to you by mail (only a hash of each link is kept, and it is not exported).", erasure: { action: "delete" }, from: schema.emailTokens, by: schema.emailTokens.userId, omit: ["tokenHash"] },
  { table: "suspensions", column: "user_id", description: "Suspensions of your account.", erasure: MODERATION_RECORD, from: schema.suspensions, by: schema.suspensions.userId },
  { table: "suspensions", column: "created_by_id", description: "Suspensions you imposed as the secretariat.", erasure: STAFF_RECORD, from: schema.suspensions, by: schema.suspensions.createdById },
  { table: "suspensions", column: "lifted_by_id", description: "Suspensions you lifted as the secretariat.", erasure: STAFF_RECORD, from: schema.suspensions, by: schema.suspensions.liftedById },
  { table: "suspension_appeals", column: "user_id", description: "Your appeals against a suspension.", erasure: MODERATION_RECORD, from: schema.suspensionAppeals, by: schema.suspensionAppeals.userId },
  { table: "suspension_appeals", column: "decided_by_id", description: "Suspension appeals you decided as the secretariat.", erasure: STAFF_RECORD, from: schema.suspensionAppeals, by: schema.suspensionAppeals.decidedById },
  { table: "organizations", column: "created_by_id", description: "Organisations you registered.", erasure: ORGANISATION_RECORD, from: schema.organizations, by: schema.organizations.createdById },
  { table: "organizations", column: "status_changed_by_id", description: "Organisations whose verification you decided as the secretariat.", erasure: STAFF_RECORD, from: schema.organizations, by: schema.organizations.statusChangedById },
  { table: "organization_members", column: "user_id", description: "Your memberships and representations of organisations.", erasure: { action: "delete" }, from: schema.organizationMembers, by: schema.organizationMembers.userId },
  { table: "organization_members", column: "exception_by_id", description: "Representations you allowed by an exception as the secretariat.", erasure: STAFF_RECORD, from: schema.organizationMembers, by: schema.organizationMembers.exceptionById },
  { table: "representation_terms", column: "user_id", description: "Your terms as an organisation's representative: the public history of who represented it when.", erasure: keep("The public history of who represented an organisation when; it shows a former representative."), from: schema.representationTerms, by: schema.representationTerms.userId },
  { table: "representative_nominations", column: "user_id", description: "Your nominations as a representative of a state or intergovernmental organisation, with the address each rested on.", erasure: keep("The organisation's record of its nominations; the address is erased and a nomination still waiting is withdrawn."), from: schema.representativeNominations, by: schema.representativeNominations.userId },
  { table: "representative_nominations", column: "nominated_by_id", description: "Members you nominated as representatives of an organisation.", erasure: ORGANISATION_RECORD, from: schema.representativeNominations, by: schema.representativeNominations.nominatedById },
  { table: "representative_nominations", column: "decided_by_id", description: "Nominations you decided as the secretariat, or withdrew as a representative.", erasure: STAFF_RECORD, from: schema.representativeNominations, by: schema.representativeNominations.decidedById },
  { table: "representation_reminders", column: "user_id", description: "Reminders sent to you to reconfirm a representation.", erasure: { action: "delete" }, from: schema.representationReminders, by: schema.representationReminders.userId },
  // Following and notifications (server/notifications/).
  { table: "follows", column: "user_id", description: "What you follow: norms, organisations, stock-takes, discussions and new proposals.", erasure: { action: "delete" }, from: schema.follows, by: schema.follows.userId },
  { table: "notifications", column: "user_id", description: "Your notifications and whether you have read them.", erasure: { action: "delete" }, from: schema.notifications, by: schema.notifications.userId },
  { table: "notification_preferences", column: "user_id", description: "How often you chose to be mailed about each kind of notification.", erasure: { action: "delete" }, from: schema.notificationPreferences, by: schema.notificationPreferences.userId },
  { table: "outbound_mail", column: "user_id", description: "Notification mail sent or waiting to be sent to you.", erasure: { action: "delete" }, from: schema.outboundMail, by: schema.outboundMail.userId },
  { table: "notification_events", column: "actor_id", description: "Events you caused that others were notified of.", erasure: keep("Others' notifications of what happened stay; they show the change, never your name."), from: schema.notificationEvents, by: schema.notificationEvents.actorId },
  { table: "user_emails", column: "user_id", description: "Your further email addresses.", erasure: { action: "delete" }, from: schema.userEmails, by: schema.userEmails.userId },
  { table: "organization_domains", column: "confirmed_by_id", description: "Organisations' email domains you confirmed as the secretariat.", erasure: STAFF_RECORD, from: schema.organizationDomains, by: schema.organizationDomains.confirmedById },
  { table: "join_requests", column: "user_id", description: "Your requests to join organisations.", erasure: { action: "delete" }, from: schema.joinRequests, by: schema.joinRequests.userId },
  { table: "join_requests", column: "decided_by_id", description: "Requests to join an organisation that you answered as its representative.", erasure: ORGANISATION_RECORD, from: schema.joinRequests, by: schema.joinRequests.decidedById },
  { table: "audit_log", column: "actor_id", description: "Entries in the audit log of what you did as the secretariat or an administrator.", erasure: keep("The audit log is append-only; its entries keep the id only."), from: schema.auditLog, by: schema.auditLog.actorId },
  { table: "reference_norm_corrections", column: "actor_id", description: "Corrections you made to reference norms as an administrator.", erasure: STAFF_RECORD, from: schema.referenceNormCorrections, by: schema.referenceNormCorrections.actorId },
  { table: "norm_uptakes", column: "created_by_id", description: "Uptake of norms you recorded as the secretariat.", erasure: STAFF_RECORD, from: schema.normUptakes, by: schema.normUptakes.createdById },
  { table: "governance_revisions", column: "edited_by_id", description: "Revisions of the governance page you published as an administrator.", erasure: STAFF_RECORD, from: schema.governanceRevisions, by: schema.governanceRevisions.editedById },
  { table: "organizations", column: "participation_requested_by_id", description: "Requests you made, as its representative, for an observer organisation to take part fully.", erasure: ORGANISATION_RECORD, from: schema.organizations, by: schema.organizations.participationRequestedById },
  { table: "process_setting_changes", column: "changed_by_id", description: "Changes you made to the published lengths of the consultation and endorsement stages as an administrator.", erasure: STAFF_RECORD, from: schema.processSettingChanges, by: schema.processSettingChanges.changedById },
  { table: "norms", column: "proposer_id", description: "Norms you proposed.", erasure: PUBLIC_RECORD, from: schema.norms, by: schema.norms.proposerId, omit: ["search"] },
  { table: "norm_versions", column: "author_id", description: "Versions of norms you saved.", erasure: PUBLIC_RECORD, from: schema.normVersions, by: schema.normVersions.authorId },
  { table: "norm_version_translations", column: "provided_by_id", description: "Translations of norms' versions that you provided.", erasure: PUBLIC_RECORD, from: schema.normVersionTranslations, by: schema.normVersionTranslations.providedById, omit: ["search"] },
  { table: "norm_coauthors", column: "user_id", description: "Norms you co-author.", erasure: { action: "delete" }, from: schema.normCoauthors, by: schema.normCoauthors.userId },
  { table: "norm_coauthor_invitations", column: "invited_by_id", description: "Invitations you sent to co-author your norms, with the addresses you typed.", erasure: { action: "delete" }, from: schema.normCoauthorInvitations, by: schema.normCoauthorInvitations.invitedById },
  { table: "norm_events", column: "actor_id", description: "Steps in norms' timelines that you took.", erasure: PUBLIC_RECORD, from: schema.normEvents, by: schema.normEvents.actorId },
  { table: "norm_positions", column: "recorded_by_id", description: "Organisations' current positions that you recorded.", erasure: ORGANISATION_RECORD, from: schema.normPositions, by: schema.normPositions.recordedById },
  { table: "norm_position_history", column: "recorded_by_id", description: "Every position entry you recorded for an organisation.", erasure: keep("Position history is append-only and stays on record as the organisation's."), from: schema.normPositionHistory, by: schema.normPositionHistory.recordedById },
  { table: "amendments", column: "author_id", description: "Amendments you proposed to norms' clauses.", erasure: PUBLIC_RECORD, from: schema.amendments, by: schema.amendments.authorId },
  { table: "amendments", column: "decided_by_id", description: "Amendments you accepted or declined as an author of a norm, or withdrew as their proposer.", erasure: PUBLIC_RECORD, from: schema.amendments, by: schema.amendments.decidedById },
  { table: "norm_sponsors", column: "requested_by_id", description: "Requests you made for an organisation to co-sponsor a norm, with your message to its authors.", erasure: ORGANISATION_RECORD, from: schema.normSponsors, by: schema.normSponsors.requestedById },
  { table: "norm_sponsors", column: "decided_by_id", description: "Requests to co-sponsor a norm that you accepted or declined for its authors.", erasure: PUBLIC_RECORD, from: schema.normSponsors, by: schema.normSponsors.decidedById },
  { table: "norm_sponsors", column: "withdrawn_by_id", description: "Requests and sponsorships of norms that you withdrew for an organisation.", erasure: ORGANISATION_RECORD, from: schema.normSponsors, by: schema.normSponsors.withdrawnById },
  { table: "amendment_supports", column: "user_id", description: "Your support for amendments, in your own name or an organisation's.", erasure: PUBLIC_RECORD, from: schema.amendmentSupports, by: schema.amendmentSupports.userId },
  {
    table: "comments",
    column: "author_id",
    description: "Your comments, each with its earlier wordings.",
    erasure: keep("The discussion stays readable; your comments show as by a former member (or a former representative for an organisation)."),
    load: async (db, userId) => {
      const rows = await db.select().from(schema.comments).where(eq(schema.comments.authorId, userId)).orderBy(schema.comments.createdAt);
      const ids = rows.map((r) => r.id);
      const revisions = ids.length
        ? await db.select().from(schema.commentRevisions).where(inArray(schema.commentRevisions.commentId, ids)).orderBy(schema.commentRevisions.replacedAt)
        : [];
      return rows.map((r) => ({ ...r, revisions: revisions.filter((v) => v.commentId === r.id) }));
    },
  },
  { table: "comment_reports", column: "reporter_id", description: "Comments you reported.", erasure: MODERATION_RECORD, from: schema.commentReports, by: schema.commentReports.reporterId },
  { table: "comment_reports", column: "resolved_by_id", description: "Reports you resolved as the secretariat.", erasure: STAFF_RECORD, from: schema.commentReports, by: schema.commentReports.resolvedById },
  { table: "comment_appeals", column: "author_id", description: "Your appeals against hidden comments.", erasure: MODERATION_RECORD, from: schema.commentAppeals, by: schema.commentAppeals.authorId },
  { table: "comment_appeals", column: "decided_by_id", description: "Comment appeals you decided as the secretariat.", erasure: STAFF_RECORD, from: schema.commentAppeals, by: schema.commentAppeals.decidedById },
  { table: "moderation_log", column: "actor_id", description: "Entries in the moderation log for what you did as the secretariat.", erasure: keep("The moderation log is append-only and shows the secretariat, never a person."), from: schema.moderationLog, by: schema.moderationLog.actorId },
  { table: "stocktakes", column: "created_by_id", description: "Stock-takes you opened as the secretariat.", erasure: STAFF_RECORD, from: schema.stocktakes, by: schema.stocktakes.createdById },
  { table: "stocktakes", column: "closed_by_id", description: "Stock-takes you closed as the secretariat.", erasure: STAFF_RECORD, from: schema.stocktakes, by: schema.stocktakes.closedById },
  { table: "implementation_statements", column: "recorded_by_id", description: "Implementation statements you filed for an organisation.", erasure: ORGANISATION_RECORD, from: schema.implementationStatements, by: schema.implementationStatements.recordedById },
  { table: "observations", column: "reporter_id", description: "Behaviour observations you logged.", erasure: keep("Observations are evidence in a stock-take; they never name who logged them."), from: schema.observations, by: schema.observations.reporterId },
  { table: "observations", column: "reviewed_by_id", description: "Observations you reviewed as the secretariat.", erasure: STAFF_RECORD, from: schema.observations, by: schema.observations.reviewedById },
  { table: "observation_replies", column: "author_id", description: "Replies to observations you wrote for an organisation.", erasure: ORGANISATION_RECORD, from: schema.observationReplies, by: schema.observationReplies.authorId },
  { table: "observation_reviews", column: "reviewer_id", description: "Your decisions, as the secretariat, to accept or reject observations, with your reasons.", erasure: STAFF_RECORD, from: schema.observationReviews, by: schema.observationReviews.reviewerId },
  { table: "observation_corrections", column: "requester_id", description: "Corrections you asked for to published observations.", erasure: keep("The correction log is public and never names who asked."), from: schema.observationCorrections, by: schema.observationCorrections.requesterId },
  { table: "observation_corrections", column: "answered_by_id", description: "Correction requests you answered as the secretariat.", erasure: STAFF_RECORD, from: schema.observationCorrections, by: schema.observationCorrections.answeredById },
  { table: "stocktake_revisions", column: "published_by_id", description: "Stock-take reports you published as the secretariat (the report files themselves are public and not repeated here).", erasure: keep("Published reports are immutable and name organisations, never people."), from: schema.stocktakeRevisions, by: schema.stocktakeRevisions.publishedById, omit: ["snapshot", "pdf", "csv"] },
  { table: "stocktake_publications", column: "started_by_id", description: "Stock-take publications you started as the secretariat.", erasure: STAFF_RECORD, from: schema.stocktakePublications, by: schema.stocktakePublications.startedById },
  // Countersignature and clearance (server/domain/countersign.ts, clearance.ts).
  { table: "norm_positions", column: "countersigned_by_id", description: "Organisations' current positions that you countersigned.", erasure: ORGANISATION_RECORD, from: schema.normPositions, by: schema.normPositions.countersignedById },
  { table: "norm_position_history", column: "countersigned_by_id", description: "Position entries you countersigned for an organisation.", erasure: keep("Position history is append-only and stays on record as the organisation's."), from: schema.normPositionHistory, by: schema.normPositionHistory.countersignedById },
  { table: "implementation_statements", column: "countersigned_by_id", description: "Implementation statements you countersigned for an organisation.", erasure: ORGANISATION_RECORD, from: schema.implementationStatements, by: schema.implementationStatements.countersignedById },
  { table: "observation_replies", column: "countersigned_by_id", description: "Replies to observations you countersigned for an organisation.", erasure: ORGANISATION_RECORD, from: schema.observationReplies, by: schema.observationReplies.countersignedById },
  // Sealed endorsement (server/domain/sealed.ts): a position waiting, sealed, for its stage to close.
  { table: "sealed_positions", column: "recorded_by_id", description: "Positions you recorded for an organisation during a sealed endorsement stage, not yet published.", erasure: ORGANISATION_RECORD, from: schema.sealedPositions, by: schema.sealedPositions.recordedById },
  { table: "organization_entries", column: "entered_by_id", description: "Drafts and entries waiting for countersignature that you saved or submitted for an organisation.", erasure: ORGANISATION_RECORD, from: schema.organizationEntries, by: schema.organizationEntries.enteredById },
  { table: "organization_entries", column: "decided_by_id", description: "Organisations' entries you countersigned, declined, withdrew or discarded.", erasure: ORGANISATION_RECORD, from: schema.organizationEntries, by: schema.organizationEntries.decidedById },
];

async function loadRows(db: DbOrTx, source: Source, userId: string) {
  if (source.load) return source.load(db, userId);
  const rows = (await db.select().from(source.from!).where(eq(source.by!, userId))) as Record<string, unknown>[];
  const omit = new Set(source.omit ?? []);
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !omit.has(key))));
}

export const EXPORT_FORMAT = "norms-forum-personal-data/1";

/** Everything the forum holds about the signed-in person, for them to download. */
export async function exportPersonalData(db: Db, actor: Actor, now = clock.now()) {
  // One snapshot: every section is read as of the same moment.
  return db.transaction(
    async (tx) => {
      const user = await tx.query.users.findFirst({
        columns: { id: true, email: true, displayName: true, role: true, locale: true, emailVerifiedAt: true, createdAt: true, updatedAt: true },
        where: and(eq(schema.users.id, actor.id), isNull(schema.users.deletedAt)),
      });
      if (!user) throw notFound("Your account");
      const records = [];
      for (const source of personalDataSources) {
        records.push({ table: source.table, column: source.column, description: source.description, rows: await loadRows(tx, source, actor.id) });
      }
      // Entries about the person (role changes, suspensions) name them as the target, by id in text.
      const aboutYou = await tx
        .select({ id: schema.auditLog.id, action: schema.auditLog.action, details: schema.auditLog.details, createdAt: schema.auditLog.createdAt })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.targetType, "user"), eq(schema.auditLog.targetId, actor.id)))
        .orderBy(schema.auditLog.id);
      records.push({ table: "audit_log", column: "target_id", description: "Entries in the audit log about your account.", rows: aboutYou });
      // Invitations are addressed by email, not by id: the ones sent to this person's address.
      const invitedYou = await tx
        .select({
          id: schema.normCoauthorInvitations.id,
          normId: schema.normCoauthorInvitations.normId,
          status: schema.normCoauthorInvitations.status,
          createdAt: schema.normCoauthorInvitations.createdAt,
          respondedAt: schema.normCoauthorInvitations.respondedAt,
        })
        .from(schema.normCoauthorInvitations)
        .where(eq(schema.normCoauthorInvitations.email, user.email))
        .orderBy(schema.normCoauthorInvitations.createdAt);
      records.push({ table: "norm_coauthor_invitations", column: "email", description: "Invitations to co-author a norm sent to your address.", rows: invitedYou });
      return {
        format: EXPORT_FORMAT,
        exportedAt: now,
        notice: "Everything Norms Forum holds about you, as of the time above. What each part is kept for, and for how long, is explained at /privacy.",
        account: user,
        records,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** The address a deleted account keeps: unique, and under .invalid (RFC 2606), so no mail can reach it. */
export const erasedEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;
/** Not an argon2 hash: no password verifies against it. */
const UNUSABLE_PASSWORD_HASH = "!deleted";

const wrongPassword = () => badInput("Your password is not right.", { password: "Your password is not right." });

/** The guards before an account may go, inside the deleting transaction so they hold under concurrency. */
async function assertMayLeave(tx: Tx, actor: Actor) {
  if (actor.role === "admin") {
    // Lock every admin row: two admins deleting themselves at once cannot leave none.
    const admins = await tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(and(eq(schema.users.role, "admin"), isNull(schema.users.deletedAt)))
      .for("update");
    if (!admins.some((a) => a.id !== actor.id)) {
      throw invalidState("You are the only administrator. Make someone else an administrator before you delete your account.");
    }
  }
  // An organisation with other members needs a representative: hand it on first, as when leaving.
  // An organisation nobody else belongs to stays on record without members.
  const represented = await tx
    .select({ organizationId: schema.organizationMembers.organizationId, name: schema.organizations.name })
    .from(schema.organizationMembers)
    .innerJoin(schema.organizations, eq(schema.organizations.id, schema.organizationMembers.organizationId))
    .where(and(eq(schema.organizationMembers.userId, actor.id), eq(schema.organizationMembers.role, "representative")));
  for (const { organizationId, name } of represented) {
    const others = await tx
      .select({ userId: schema.organizationMembers.userId, role: schema.organizationMembers.role })
      .from(schema.organizationMembers)
      .where(and(eq(schema.organizationMembers.organizationId, organizationId), ne(schema.organizationMembers.userId, actor.id)))
      .for("update");
    if (others.length > 0 && !others.some((m) => m.role === "representative")) {
      throw invalidState(`You are the only representative of ${name}. Make another member a representative first.`);
    }
  }
}

/**
 * Deletes the signed-in person's account in one transaction: the row is anonymised (address, name,
 * password; the role stays, so what they did as the secretariat still reads as the secretariat's),
 * every session ends, memberships, co-authorship, join requests and mailed links are removed, and
 * their rate-limit counters go. Their comments stay, shown as by a former member; positions,
 * statements and replies stay as the organisation's.
 */
export async function deleteAccount(db: Db, actor: Actor, input: z.output<typeof deleteAccountInput>, now = clock.now()) {
  // Guessing the password through this form costs the same as changing it: one budget per person.
  await assertNotLimited(db, "changePassword", actor.id);
  const user = await db.query.users.findFirst({ columns: { email: true, passwordHash: true }, where: and(eq(schema.users.id, actor.id), isNull(schema.users.deletedAt)) });
  if (!user) throw notFound("Your account");
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await consume(db, "changePassword", actor.id);
    throw wrongPassword();
  }
  await db.transaction(async (tx) => {
    // Lock the row first: a second deletion (another tab) waits here, then finds it gone.
    const [locked] = await tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(and(eq(schema.users.id, actor.id), isNull(schema.users.deletedAt)))
      .for("update");
    if (!locked) throw notFound("Your account");
    await assertMayLeave(tx, actor);
    // The further addresses key mail counters too ("mail:address:name@ministry.example"): read before they go.
    const further = await tx.select({ email: schema.userEmails.email }).from(schema.userEmails).where(eq(schema.userEmails.userId, actor.id));
    // Their representations end today in the public history; their nominations keep no address.
    await closeTermsOfUser(tx, actor.id, now);
    // Others' notifications of what the person did stay, naming them no more.
    await tx
      .update(schema.notificationEvents)
      // formerMember: the notification says "a former member" in its reader's language; no organisation beside it.
      .set({ details: sql`(${schema.notificationEvents.details} - 'onBehalfOf') || jsonb_build_object('person', ${FORMER_MEMBER}::text, 'formerMember', true)` })
      .where(and(eq(schema.notificationEvents.actorId, actor.id), sql`${schema.notificationEvents.details} ? 'person'`));
    await tx
      .update(schema.representativeNominations)
      .set({ status: "withdrawn", decidedAt: now })
      .where(and(eq(schema.representativeNominations.userId, actor.id), eq(schema.representativeNominations.status, "pending")));
    await tx.update(schema.representativeNominations).set({ address: "" }).where(eq(schema.representativeNominations.userId, actor.id));
    for (const source of personalDataSources) {
      if (source.erasure.action === "delete") await tx.delete(source.from!).where(eq(source.by!, actor.id));
    }
    // Invitations sent to the address hold it in clear: they go with the account.
    await tx.delete(schema.normCoauthorInvitations).where(eq(schema.normCoauthorInvitations.email, user.email));
    // Counters are keyed by address or id (e.g. "signInAccount:name@example.org"); the address must not outlive the account.
    await tx
      .delete(schema.rateLimits)
      .where(sql`strpos(${schema.rateLimits.key}, ${`:${user.email}`}) > 0 or strpos(${schema.rateLimits.key}, ${`:${actor.id}`}) > 0`);
    for (const { email } of further) {
      await tx.delete(schema.rateLimits).where(sql`strpos(${schema.rateLimits.key}, ${`:${email}`}) > 0`);
    }
    await tx
      .update(schema.users)
      .set({
        email: erasedEmail(actor.id),
        displayName: "",
        passwordHash: UNUSABLE_PASSWORD_HASH,
        emailVerifiedAt: null,
        locale: "en",
        sessionVersion: sql`${schema.users.sessionVersion} + 1`,
        deletedAt: now,
        updatedAt: now,
      })
      .where(eq(schema.users.id, actor.id));
    await recordAudit(tx, { actorId: actor.id, action: "user.account_deleted", targetType: "user", targetId: actor.id });
  });
  return { deleted: true };
}

