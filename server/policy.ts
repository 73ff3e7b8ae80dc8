// The one place that decides who may do what. Every tRPC procedure names an action from this
// table (server/trpc.ts enforces the actor part before the procedure runs); actions scoped to an
// organisation also call `requireRepresentative`, which checks membership in the database.
import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "~/db/connect";
import { organizationMembers } from "~/db/schema";
import type { UserRole } from "~/db/schema";
import { forbidden, unauthorized } from "./errors";
import { clock } from "./clock";

export interface Actor {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  /** The active suspension, if any: a suspended person may sign in, read and appeal, nothing else. */
  suspension: { id: string; reason: string; endsAt: Date | null } | null;
}

/**
 * Who may attempt an action:
 * - `anyone`: visitors too;
 * - `signedIn`: any signed-in person, suspended or not (reading one's own data, appealing);
 * - `active`: signed in and not suspended;
 * - `participant`: active and not staff. The secretariat is neutral: accounts with the
 *   secretariat or admin role belong to no organisation, record no positions, file no statements
 *   and log no observations (the database refuses staff memberships too: migration 0029);
 * - `secretariat`: role secretariat or admin, not suspended;
 * - `admin`: role admin, not suspended.
 * `scope: "representative"` adds: and a representative of the organisation concerned.
 * `scope: "author"` / `"proposer"` add: and an author (proposer or co-author) / the proposer of the norm
 * concerned, checked by the norm domain inside the transaction that locks the norm; for comment
 * actions, the comment's author, checked by the comments domain.
 */
type Who = "anyone" | "signedIn" | "active" | "participant" | "secretariat" | "admin";
interface Rule {
  who: Who;
  scope?: "representative" | "author" | "proposer";
}

export const policy = {
  "account.signUp": { who: "anyone" },
  "account.verifyEmail": { who: "anyone" },
  "account.resendVerification": { who: "anyone" },
  "account.requestPasswordReset": { who: "anyone" },
  "account.resetPassword": { who: "anyone" },
  "account.me": { who: "signedIn" },
  "account.changePassword": { who: "signedIn" },
  "account.signOutEverywhere": { who: "signedIn" },
  "account.updateProfile": { who: "active" },
  // The language of one's own mail: a suspended person still gets account mail, so may choose it.
  "account.setLocale": { who: "signedIn" },
  "account.appeal": { who: "signedIn" },
  // A suspended person may still download their data and delete their account.
  "account.export": { who: "signedIn" },
  "account.delete": { who: "signedIn" },
  // A person's further addresses (verified representation): the link is confirmed only by the
  // account that added the address, signed in.
  "account.addresses": { who: "signedIn" },
  "account.addAddress": { who: "active" },
  "account.confirmAddress": { who: "active" },
  "account.removeAddress": { who: "active" },

  "organization.list": { who: "anyone" },
  "organization.get": { who: "anyone" },
  "organization.mine": { who: "signedIn" },
  "organization.create": { who: "participant" },
  "organization.update": { who: "active", scope: "representative" },
  "organization.requestJoin": { who: "participant" },
  // An observer asks the secretariat to make it a full participant.
  "organization.requestParticipation": { who: "participant", scope: "representative" },
  "organization.withdrawJoinRequest": { who: "active" },
  "organization.joinRequests": { who: "active", scope: "representative" },
  "organization.decideJoinRequest": { who: "active", scope: "representative" },
  "organization.members": { who: "active", scope: "representative" },
  "organization.setMemberRole": { who: "active", scope: "representative" },
  "organization.removeMember": { who: "active", scope: "representative" },
  "organization.leave": { who: "active" },
  "organization.setListed": { who: "active" },
  // An organisation's official email domains, registered by its representatives.
  "organization.domains": { who: "active", scope: "representative" },
  "organization.addDomain": { who: "active", scope: "representative" },
  "organization.removeDomain": { who: "active", scope: "representative" },
  // Nominations of new representatives of states and intergovernmental organisations, waiting for
  // the secretariat; and a representative reconfirming their own representation.
  "organization.nominations": { who: "active", scope: "representative" },
  "organization.withdrawNomination": { who: "active", scope: "representative" },
  "organization.reconfirm": { who: "active", scope: "representative" },

  "verification.queue": { who: "secretariat" },
  "verification.verify": { who: "secretariat" },
  "verification.reject": { who: "secretariat" },
  "verification.revoke": { who: "secretariat" },
  "verification.participationRequests": { who: "secretariat" },
  "verification.decideParticipation": { who: "secretariat" },
  "verification.nominations": { who: "secretariat" },
  "verification.decideNomination": { who: "secretariat" },
  // Domains registered after verification, and a representation on an exception with its reason.
  "verification.confirmDomains": { who: "secretariat" },
  "verification.recordException": { who: "secretariat" },
  "verification.representation": { who: "secretariat" },

  "user.list": { who: "secretariat" },
  "user.setRole": { who: "admin" },
  "user.suspend": { who: "secretariat" },
  "user.liftSuspension": { who: "secretariat" },
  "user.appeals": { who: "secretariat" },
  "user.decideAppeal": { who: "secretariat" },

  "audit.list": { who: "admin" },

  // /about/governance: how the forum is run, public with its history; an administrator publishes.
  "governance.page": { who: "anyone" },
  "governance.revision": { who: "anyone" },
  "governance.publish": { who: "admin" },

  // Exists only in end-to-end tests (TEST_CLOCK=1, loopback): "not found" for everyone otherwise.
  // From the link in a notification mail: the signed token names whose mail stops (server/domain/unsubscribe.ts).
  "mail.unsubscribeInfo": { who: "anyone" },
  "mail.unsubscribe": { who: "anyone" },
  "testing.setClock": { who: "anyone" },
  "testing.tick": { who: "anyone" },

  // The consultation clock's published rules (/about/process); an admin changes them, with history.
  "process.rules": { who: "anyone" },
  "process.changeRule": { who: "admin" },

  // Drafts are filtered to their authors in the queries; authorship is checked in the domain.
  "norm.list": { who: "anyone" },
  "norm.get": { who: "anyone" },
  "norm.version": { who: "anyone" },
  "norm.redline": { who: "anyone" },
  "norm.formOptions": { who: "anyone" },
  "norm.mine": { who: "signedIn" },
  "norm.create": { who: "active" },
  "norm.revise": { who: "active", scope: "author" },
  "norm.submit": { who: "active", scope: "proposer" },
  "norm.withdraw": { who: "active", scope: "proposer" },
  "norm.inviteCoauthor": { who: "active", scope: "proposer" },
  "norm.cancelInvitation": { who: "active", scope: "proposer" },
  // The invitee: their own invitations, found by their confirmed address in the domain.
  "norm.invitations": { who: "signedIn" },
  "norm.respondToInvitation": { who: "active" },
  "norm.removeCoauthor": { who: "active", scope: "proposer" },
  // Translations of a version: anyone reads; the norm's authors and the secretariat add or replace
  // one (the domain checks authorship, or the secretariat's role, inside the norm's lock).
  "norm.translation": { who: "anyone" },
  "norm.translate": { who: "active", scope: "author" },
  "norm.transition": { who: "secretariat" },
  "norm.merge": { who: "secretariat" },
  "norm.extendStage": { who: "secretariat" },
  // The secretariat's desk: norms whose stage has reached its closing date, oldest first.
  "norm.awaitingDecision": { who: "secretariat" },

  // Amendments: the norm's state and clock, speaking for an organisation, the amendment's proposer
  // (withdraw) and the norm's authors (accept, decline) are checked in the amendments domain,
  // inside the transaction that locks the norm.
  "amendment.forNorm": { who: "anyone" },
  "amendment.get": { who: "anyone" },
  "amendment.propose": { who: "active" },
  "amendment.support": { who: "active" },
  "amendment.withdraw": { who: "active", scope: "author" },
  "amendment.accept": { who: "active", scope: "author" },
  "amendment.decline": { who: "active", scope: "author" },

  // Co-sponsors: representing the verified organisation (request, withdraw), the norm's authors or
  // the proposing organisation's representatives (accept, decline) and the norm's state are checked
  // in the sponsors domain, inside the transaction that locks the norm. Staff sponsor nothing.
  "sponsor.forNorm": { who: "anyone" },
  "sponsor.forOrganization": { who: "anyone" },
  "sponsor.request": { who: "participant", scope: "representative" },
  "sponsor.withdraw": { who: "participant", scope: "representative" },
  "sponsor.accept": { who: "active", scope: "author" },
  "sponsor.decline": { who: "active", scope: "author" },

  "reference.matrix": { who: "anyone" },
  "reference.norm": { who: "anyone" },
  "reference.forums": { who: "anyone" },
  "reference.compare": { who: "anyone" },
  "reference.compareChoices": { who: "anyone" },
  "reference.history": { who: "anyone" },
  "reference.correct": { who: "admin" },
  // The growing library (issue 19): anyone reads; administrators add documents, norms and forums.
  "library.addedDocuments": { who: "anyone" },
  "library.addDocument": { who: "admin" },
  "library.addNorm": { who: "admin" },
  "library.addForum": { who: "admin" },
  // Uptake of norms: anyone reads; the secretariat records, edits and deletes, with audit entries.
  "uptake.forNorm": { who: "anyone" },
  "uptake.forState": { who: "anyone" },
  "uptake.record": { who: "secretariat" },
  "uptake.update": { who: "secretariat" },
  "uptake.delete": { who: "secretariat" },
  "glossary.list": { who: "anyone" },
  "glossary.phrases": { who: "anyone" },
  "search.all": { who: "anyone" },
  // Profiles across years (issue 19): every UN state's profile, an actor's record, comparing actors.
  "actor.states": { who: "anyone" },
  "actor.record": { who: "anyone" },
  "actor.compare": { who: "anyone" },

  // Positions: the representative check and the norm's state are decided in the positions domain,
  // inside the transaction that locks the norm.
  "position.forNorm": { who: "anyone" },
  "position.list": { who: "anyone" },
  "position.every": { who: "anyone" },
  "position.history": { who: "anyone" },
  "position.forOrganization": { who: "anyone" },
  "position.record": { who: "participant", scope: "representative" },
  "position.reaffirm": { who: "participant", scope: "representative" },
  // A concluded norm's adherence over time, and an organisation withdrawing its adherence.
  "position.adherence": { who: "anyone" },
  "position.withdraw": { who: "participant", scope: "representative" },
  // A sealed endorsement stage's entries (server/domain/sealed.ts): anyone signed in may ask; the
  // answer holds only the entries of organisations the reader represents.
  "position.sealed": { who: "signedIn" },

  // Comments: authorship, speaking for an organisation and the norm's state are checked in the
  // comments domain. A suspended person may still read their own comments and appeal a hidden one.
  "comment.list": { who: "anyone" },
  "comment.clauseCounts": { who: "anyone" },
  "comment.revisions": { who: "anyone" },
  "comment.mine": { who: "signedIn" },
  "comment.create": { who: "active" },
  "comment.edit": { who: "active", scope: "author" },
  "comment.delete": { who: "active", scope: "author" },
  "comment.report": { who: "active" },
  "comment.appeal": { who: "signedIn", scope: "author" },

  "moderation.log": { who: "anyone" },
  "moderation.queue": { who: "secretariat" },
  "moderation.hide": { who: "secretariat" },
  "moderation.restore": { who: "secretariat" },
  "moderation.dismissReports": { who: "secretariat" },
  "moderation.suspendAuthor": { who: "secretariat" },
  "moderation.decideAppeal": { who: "secretariat" },

  // The Atom feeds (server/domain/feeds.ts): the public record only, as the pages show it.
  "feed.norms": { who: "anyone" },
  "feed.norm": { who: "anyone" },
  "feed.stocktakes": { who: "anyone" },

  // Following and the notification centre (server/domain/notifications.ts): a signed-in person,
  // suspended or not, reads and changes their own follows, notifications and mail rhythms only (the
  // domain keys every row by the actor's id; someone else's notification is "not found").
  "notification.follow": { who: "signedIn" },
  "notification.following": { who: "signedIn" },
  "notification.follows": { who: "signedIn" },
  "notification.list": { who: "signedIn" },
  "notification.unreadCount": { who: "signedIn" },
  "notification.markRead": { who: "signedIn" },
  "notification.markAllRead": { who: "signedIn" },
  "notification.preferences": { who: "signedIn" },
  "notification.setPreferences": { who: "signedIn" },

  // The home page's "what is open now": public norms and reports only.
  "home.now": { who: "anyone" },

  // The server's own sentences (a form's messages) in the page's language: nothing of anyone's.
  "languages.serverText": { who: "anyone" },

  // The stock-take: representation and the submission window are checked in the stock-take domain.
  "stocktake.list": { who: "anyone" },
  "stocktake.get": { who: "anyone" },
  "stocktake.revision": { who: "anyone" },
  "stocktake.coverable": { who: "secretariat" },
  "stocktake.open": { who: "secretariat" },
  "stocktake.close": { who: "secretariat" },
  "stocktake.saveNarrative": { who: "secretariat" },
  "stocktake.preview": { who: "secretariat" },
  "stocktake.preparePublication": { who: "secretariat" },
  "stocktake.publish": { who: "secretariat" },
  "stocktake.publishProgress": { who: "secretariat" },
  "stocktake.statementForm": { who: "participant" },
  "stocktake.fileStatement": { who: "participant", scope: "representative" },
  "stocktake.logObservation": { who: "participant" },
  "stocktake.reviewObservation": { who: "secretariat" },
  "stocktake.reply": { who: "participant", scope: "representative" },
  "stocktake.requestCorrection": { who: "active" },
  "stocktake.answerCorrection": { who: "secretariat" },
  "stocktake.corrections": { who: "anyone" },
  // An organisation's statements and replies with who entered and countersigned them (its page).
  "stocktake.forOrganization": { who: "anyone" },

  // Clearance and countersignature (server/domain/clearance.ts, countersign.ts): drafts and pending
  // entries are seen only by the organisation's representatives (refused to the secretariat, who
  // take no part; "not found" to anyone else); whoever entered an entry cannot countersign it.
  "clearance.entries": { who: "participant", scope: "representative" },
  "clearance.entry": { who: "participant", scope: "representative" },
  "clearance.savePosition": { who: "participant", scope: "representative" },
  "clearance.saveStatement": { who: "participant", scope: "representative" },
  "clearance.saveReply": { who: "participant", scope: "representative" },
  "clearance.submit": { who: "participant", scope: "representative" },
  "clearance.countersign": { who: "participant", scope: "representative" },
  "clearance.decline": { who: "participant", scope: "representative" },
  "clearance.withdraw": { who: "participant", scope: "representative" },
  "clearance.setRequirement": { who: "participant", scope: "representative" },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof policy;
/** Actions a visitor may attempt: their procedures get a nullable actor. */
export type PublicAction = { [A in Action]: (typeof policy)[A]["who"] extends "anyone" ? A : never }[Action];
/** Actions that need a signed-in person: their procedures get a non-null actor. */
export type SignedInAction = Exclude<Action, PublicAction>;

export const isStaff = (actor: Actor | null) => actor?.role === "secretariat" || actor?.role === "admin";

/** Why a staff account is refused what participants do (the secretariat's neutrality rule). */
export const staffTakeNoPart =
  "Secretariat and administrator accounts take no part as participants: they do not join or represent organisations, record positions, file statements or log observations.";

/** Checks the actor part of an action's rule; throws a typed error when it is refused. */
export function authorize(action: Action, actor: Actor | null): void {
  const rule: Rule = policy[action];
  if (rule.who === "anyone") return;
  if (!actor) throw unauthorized();
  if (rule.who === "signedIn") return;
  if (actor.suspension) {
    throw forbidden(
      actor.suspension.endsAt
        ? `Your account is suspended until ${actor.suspension.endsAt.toISOString().slice(0, 10)}. You can read and appeal, but not do this.`
        : "Your account is suspended. You can read and appeal, but not do this.",
    );
  }
  if (rule.who === "participant" && isStaff(actor)) throw forbidden(staffTakeNoPart);
  if (rule.who === "secretariat" && !isStaff(actor)) throw forbidden("Only the secretariat can do this.");
  if (rule.who === "admin" && actor.role !== "admin") throw forbidden("Only an administrator can do this.");
}

export function can(action: Action, actor: Actor | null): boolean {
  try {
    authorize(action, actor);
    return true;
  } catch {
    return false;
  }
}

export async function isRepresentative(db: DbOrTx, userId: string, organizationId: string) {
  const row = await db.query.organizationMembers.findFirst({
    columns: { role: true },
    where: and(
      eq(organizationMembers.organizationId, organizationId),
      eq(organizationMembers.userId, userId),
      eq(organizationMembers.role, "representative"),
      // A representation not reconfirmed by its date has lapsed, even before the sweep records it.
      or(isNull(organizationMembers.reconfirmBy), gt(organizationMembers.reconfirmBy, clock.now())),
    ),
  });
  return Boolean(row);
}

/** For `scope: "representative"` actions: the actor must represent this organisation. */
export async function requireRepresentative(db: DbOrTx, action: Action, actor: Actor, organizationId: string) {
  authorize(action, actor);
  if (!(await isRepresentative(db, actor.id, organizationId))) {
    throw forbidden("Only a representative of this organisation can do this.");
  }
}
