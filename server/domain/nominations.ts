// Who speaks for a state, over time (issue 17). For states and intergovernmental organisations a
// representative's nomination of a member waits for the secretariat; every representation of such
// an organisation lasts twelve months unless reconfirmed, and every representation kept by the
// migration must be reconfirmed within twelve months of it. The forum's daily sweep (server/tick.ts)
// reminds the representative and the organisation's other representatives 30 and 7 days before,
// and records the lapse when the date passes; until it runs, the policy already treats a lapsed
// representation as over (isRepresentative). Every representation is a term in the public history
// of who represented the organisation when.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "~/db/connect";
import {
  type LapsedBasis,
  organizationMembers,
  organizations,
  representationReminders,
  representationTerms,
  representativeNominations,
  type TermEnding,
  users,
} from "~/db/schema";
import type { StakeholderType } from "~/server/schemas/vocabulary";
import { clock } from "../clock";
import { conflict, forbidden, invalidState, notFound } from "../errors";
import type { Locale } from "../i18n/locales";
import { accountMail, mailLocale, paragraphs } from "../i18n/mail";
import { logger } from "../logger";
import type { Mailer } from "../mail";
import { type Actor, requireRepresentative } from "../policy";
import type { decideNominationInput } from "../schemas/representation";
import { recordAudit } from "./audit";
import { personName } from "./person-name";
import { addressAt, confirmedDomains, orList, requireRepresentationAddress } from "./representation";

/** Whose new representatives the secretariat approves, and whose representation lapses yearly. */
export const needsApproval = (type: StakeholderType) => type === "state" || type === "intergovernmental";

/** How long a representation of a state or intergovernmental organisation lasts unreconfirmed. */
export const TERM_MONTHS = 12;

/** The days before the date when the sweep reminds, furthest first. */
export const REMINDER_DAYS = [30, 7] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The same moment `months` calendar months later (the last day of a shorter month if need be). */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** By when a representation beginning (or reconfirmed) now must be reconfirmed; null if never. */
export const reconfirmDate = (type: StakeholderType, now: Date) => (needsApproval(type) ? addMonths(now, TERM_MONTHS) : null);

// ---------------------------------------------------------------------------------------------
// Terms: the history. Every change of who represents an organisation opens or closes one, in the
// transaction of the change.

export async function openTerm(tx: DbOrTx, organizationId: string, userId: string, at: Date, nominationId: string | null = null) {
  await tx.insert(representationTerms).values({ organizationId, userId, startedAt: at, nominationId }).onConflictDoNothing();
}

export async function closeTerm(tx: DbOrTx, organizationId: string, userId: string, at: Date, ending: TermEnding, lapsedBasis: LapsedBasis | null = null) {
  await tx
    .update(representationTerms)
    .set({ endedAt: at, ending, lapsedBasis })
    .where(and(eq(representationTerms.organizationId, organizationId), eq(representationTerms.userId, userId), isNull(representationTerms.endedAt)));
}

/** Closes every open term of a person (their account is being deleted). */
export async function closeTermsOfUser(tx: DbOrTx, userId: string, at: Date) {
  await tx
    .update(representationTerms)
    .set({ endedAt: at, ending: "left" })
    .where(and(eq(representationTerms.userId, userId), isNull(representationTerms.endedAt)));
}

/** Opens a term for every representative without one (demo and large datasets, after seeding). */
export async function openMissingTerms(tx: DbOrTx) {
  await tx.execute(sql`
    insert into ${representationTerms} (organization_id, user_id, started_at)
    select m.organization_id, m.user_id, m.created_at from ${organizationMembers} m
    where m.role = 'representative'
      and not exists (select 1 from ${representationTerms} t where t.organization_id = m.organization_id and t.user_id = m.user_id and t.ended_at is null)`);
}

/**
 * The public record of a verified organisation's representation: who represents it now, since
 * when, and who represented it before, newest first.
 */
export async function termsOf(db: DbOrTx, organizationId: string) {
  return db
    .select({
      userId: representationTerms.userId,
      name: personName(users, true),
      startedAt: representationTerms.startedAt,
      endedAt: representationTerms.endedAt,
      ending: representationTerms.ending,
      approved: sql<boolean>`${representationTerms.nominationId} is not null`,
    })
    .from(representationTerms)
    .innerJoin(users, eq(users.id, representationTerms.userId))
    .where(eq(representationTerms.organizationId, organizationId))
    .orderBy(desc(representationTerms.startedAt), asc(users.displayName));
}

// ---------------------------------------------------------------------------------------------
// Nominations.

async function organizationFor(tx: DbOrTx, organizationId: string) {
  const [organization] = await tx
    .select({ id: organizations.id, name: organizations.name, type: organizations.stakeholderType, verificationStatus: organizations.verificationStatus })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) throw notFound("The organisation");
  return organization;
}

/**
 * A representative of a state or intergovernmental organisation nominates a member: the member's
 * confirmed address at one of its confirmed domains is required now (else the refusal names the
 * domains), and the nomination waits for the secretariat. Inside the caller's transaction.
 */
export async function nominateIn(tx: Tx, actor: Actor, organizationId: string, userId: string) {
  const organization = await organizationFor(tx, organizationId);
  const address = await requireRepresentationAddress(tx, organizationId, userId);
  const [waiting] = await tx
    .select({ id: representativeNominations.id })
    .from(representativeNominations)
    .where(and(eq(representativeNominations.organizationId, organizationId), eq(representativeNominations.userId, userId), eq(representativeNominations.status, "pending")));
  if (waiting) throw conflict("This member's nomination is already waiting for the secretariat.");
  const [nomination] = await tx
    .insert(representativeNominations)
    .values({ organizationId, userId, nominatedById: actor.id, address, createdAt: clock.now() })
    .returning({ id: representativeNominations.id });
  return { role: "member" as const, nominated: true as const, nominationId: nomination!.id, organization: organization.name };
}

/** How long a declined nomination, with the secretariat's reason, stays on the organisation's page. */
export const DECLINED_SHOWN_DAYS = 90;

/** An organisation's nominations waiting for the secretariat, and those declined lately with the reason (its manage page). */
export async function nominationsOf(db: Db, actor: Actor, organizationId: string) {
  await requireRepresentative(db, "organization.nominations", actor, organizationId);
  const nominator = alias(users, "nominator");
  return db
    .select({
      id: representativeNominations.id,
      userId: representativeNominations.userId,
      name: personName(users),
      address: representativeNominations.address,
      nominatedBy: personName(nominator),
      createdAt: representativeNominations.createdAt,
      status: representativeNominations.status,
      decisionReason: representativeNominations.decisionReason,
      decidedAt: representativeNominations.decidedAt,
    })
    .from(representativeNominations)
    .innerJoin(users, eq(users.id, representativeNominations.userId))
    .innerJoin(nominator, eq(nominator.id, representativeNominations.nominatedById))
    .where(
      and(
        eq(representativeNominations.organizationId, organizationId),
        or(
          eq(representativeNominations.status, "pending"),
          and(eq(representativeNominations.status, "declined"), gt(representativeNominations.decidedAt, new Date(clock.nowMs() - DECLINED_SHOWN_DAYS * DAY_MS))),
        ),
      ),
    )
    .orderBy(asc(representativeNominations.createdAt));
}

/** A representative withdraws a nomination still waiting. */
export async function withdrawNomination(db: Db, actor: Actor, input: { organizationId: string; nominationId: string }) {
  await requireRepresentative(db, "organization.withdrawNomination", actor, input.organizationId);
  const withdrawn = await db
    .update(representativeNominations)
    .set({ status: "withdrawn", decidedById: actor.id, decidedAt: clock.now() })
    .where(
      and(
        eq(representativeNominations.id, input.nominationId),
        eq(representativeNominations.organizationId, input.organizationId),
        eq(representativeNominations.status, "pending"),
      ),
    )
    .returning({ id: representativeNominations.id });
  if (withdrawn.length === 0) throw invalidState("This nomination is no longer waiting: the secretariat decided it, or it was withdrawn.");
  return { withdrawn: true };
}

/** The secretariat's queue: every nomination waiting, oldest first. */
export async function nominationQueue(db: Db) {
  const nominator = alias(users, "nominator");
  return db
    .select({
      id: representativeNominations.id,
      organizationId: organizations.id,
      slug: organizations.slug,
      organization: organizations.name,
      type: organizations.stakeholderType,
      name: personName(users),
      address: representativeNominations.address,
      nominatedBy: personName(nominator),
      createdAt: representativeNominations.createdAt,
    })
    .from(representativeNominations)
    .innerJoin(organizations, eq(organizations.id, representativeNominations.organizationId))
    .innerJoin(users, eq(users.id, representativeNominations.userId))
    .innerJoin(nominator, eq(nominator.id, representativeNominations.nominatedById))
    .where(eq(representativeNominations.status, "pending"))
    .orderBy(asc(representativeNominations.createdAt));
}

/**
 * The secretariat approves a nomination (the member becomes a representative, resting on a
 * confirmed address at a confirmed domain, checked again now; a term opens; reconfirm within twelve
 * months) or declines it with a reason. Nobody decides for an organisation they belong to.
 */
export async function decideNomination(db: Db, actor: Actor, input: z.output<typeof decideNominationInput>) {
  return db.transaction(async (tx) => {
    const [nomination] = await tx
      .select({
        organizationId: representativeNominations.organizationId,
        userId: representativeNominations.userId,
        status: representativeNominations.status,
        name: users.displayName,
      })
      .from(representativeNominations)
      .innerJoin(users, eq(users.id, representativeNominations.userId))
      .where(eq(representativeNominations.id, input.nominationId))
      .for("update", { of: representativeNominations });
    if (!nomination) throw notFound("The nomination");
    if (nomination.status !== "pending") throw invalidState("This nomination was already decided or withdrawn. Reload the page.");
    const organization = await organizationFor(tx, nomination.organizationId);
    const [own] = await tx
      .select({ userId: organizationMembers.userId })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.userId, actor.id)));
    if (own) throw forbidden("You belong to this organisation, so another member of the secretariat decides this.");
    const now = clock.now();
    if (input.decision === "approve") {
      const [member] = await tx
        .select({ role: organizationMembers.role })
        .from(organizationMembers)
        .where(and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.userId, nomination.userId)))
        .for("update");
      if (!member) throw invalidState(`${nomination.name} is no longer a member of ${organization.name}. Decline the nomination.`);
      const domains = await confirmedDomains(tx, organization.id);
      const address = await addressAt(tx, nomination.userId, domains);
      if (!address) {
        throw invalidState(
          `${nomination.name} no longer has a confirmed address at ${orList(domains) || "a confirmed domain of the organisation"}. Decline the nomination, or record an exception with a reason on the organisation's representation page.`,
        );
      }
      await tx
        .update(organizationMembers)
        .set({ role: "representative", address, exceptionReason: null, exceptionById: null, exceptionAt: null, reconfirmBy: addMonths(now, TERM_MONTHS) })
        .where(and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.userId, nomination.userId)));
      await openTerm(tx, organization.id, nomination.userId, now, input.nominationId);
    }
    await tx
      .update(representativeNominations)
      .set({ status: input.decision === "approve" ? "approved" : "declined", decisionReason: input.reason || null, decidedById: actor.id, decidedAt: now })
      .where(eq(representativeNominations.id, input.nominationId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.decision === "approve" ? "organization.nomination_approved" : "organization.nomination_declined",
      targetType: "organization",
      targetId: organization.id,
      details: { name: organization.name, userId: nomination.userId, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return { decision: input.decision, name: nomination.name, organization: organization.name };
  });
}

// ---------------------------------------------------------------------------------------------
// Reconfirmation.

/**
 * A representative reconfirms their own representation: it rests again on a confirmed address at
 * a confirmed domain (checked now), and for a state or intergovernmental organisation runs twelve
 * more months; elsewhere the migration's date is cleared. One resting on a secretariat exception
 * is renewed by the secretariat, not here.
 */
export async function reconfirmRepresentation(db: Db, actor: Actor, organizationId: string) {
  await requireRepresentative(db, "organization.reconfirm", actor, organizationId);
  return db.transaction(async (tx) => {
    const organization = await organizationFor(tx, organizationId);
    const domains = await confirmedDomains(tx, organizationId);
    const address = await addressAt(tx, actor.id, domains);
    if (!address) {
      throw invalidState(
        domains.length
          ? `To reconfirm, you need a confirmed address at ${orList(domains)}; add one on your account page. Otherwise the secretariat can renew your representation as an exception.`
          : `${organization.name} has no confirmed email domain, so only the secretariat can renew your representation, as an exception.`,
      );
    }
    const reconfirmBy = reconfirmDate(organization.type, clock.now());
    await tx
      .update(organizationMembers)
      .set({ address, exceptionReason: null, exceptionById: null, exceptionAt: null, reconfirmBy })
      .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, actor.id), eq(organizationMembers.role, "representative")));
    return { reconfirmBy, address };
  });
}

// ---------------------------------------------------------------------------------------------
// The daily sweep.

interface Due {
  organizationId: string;
  organization: string;
  slug: string;
  userId: string;
  name: string;
  reconfirmBy: Date;
}

const dueColumns = {
  organizationId: organizationMembers.organizationId,
  organization: organizations.name,
  slug: organizations.slug,
  userId: organizationMembers.userId,
  name: users.displayName,
  reconfirmBy: sql<Date>`${organizationMembers.reconfirmBy}`.mapWith(organizationMembers.reconfirmBy),
};

/** Where mail for representation goes: the confirmed sign-in addresses of living accounts. */
async function mailboxes(db: DbOrTx, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, Mailbox>();
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.displayName, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, userIds), isNotNull(users.emailVerifiedAt), isNull(users.deletedAt)));
  return new Map(rows.map((r) => [r.id, { email: r.email, name: r.name, locale: mailLocale(r.locale) }]));
}

/** A recipient of representation mail, with the language their mail is written in. */
type Mailbox = { email: string; name: string; locale: Locale };
type Mail = { to: string; subject: string; text: string };

/** The other current representatives of each organisation named. */
async function colleaguesOf(db: DbOrTx, organizationIds: string[], now: Date) {
  if (organizationIds.length === 0) return [];
  return db
    .select({ organizationId: organizationMembers.organizationId, userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(
      and(
        inArray(organizationMembers.organizationId, organizationIds),
        eq(organizationMembers.role, "representative"),
        or(isNull(organizationMembers.reconfirmBy), gt(organizationMembers.reconfirmBy, now)),
      ),
    );
}

/** A reminder in the recipient's language, with the date written for it and the link to the page in it. */
async function reminderMail(due: Due, days: number, to: Mailbox, self: boolean): Promise<Mail> {
  const { t, greeting, link, date } = await accountMail(to.locale);
  const manage = link(`/organizations/${due.slug}/manage#reconfirm`);
  const values = { organization: due.organization, name: due.name, date: date(due.reconfirmBy), days };
  return {
    to: to.email,
    subject: self ? t("reminder.subjectSelf", values) : t("reminder.subjectOther", values),
    text: self
      ? paragraphs(greeting(to.name), t("reminder.bodySelf", values), manage, t("reminder.afterSelf"))
      : paragraphs(greeting(to.name), t("reminder.bodyOther", values), manage, t("reminder.afterOther")),
  };
}

async function lapseMail(due: Due, to: Mailbox, self: boolean): Promise<Mail> {
  const { t, greeting, date } = await accountMail(to.locale);
  const values = { organization: due.organization, name: due.name, date: date(due.reconfirmBy) };
  return {
    to: to.email,
    subject: self ? t("lapse.subjectSelf", values) : t("lapse.subjectOther", values),
    text: paragraphs(greeting(to.name), self ? t("lapse.bodySelf", values) : t("lapse.bodyOther", values)),
  };
}

async function sendAll(mailer: Mailer, messages: Mail[]) {
  for (const message of messages) {
    try {
      await mailer.send(message);
    } catch (error) {
      // Recorded as sent: a reminder is worth less than a duplicate. The notifications issue moves
      // this onto the job queue, with retries.
      logger.warn({ err: error, subject: message.subject }, "representation mail not sent");
    }
  }
}

/**
 * Reminds each representative whose date is within 30 (then 7) days, once per date and distance,
 * and the organisation's other representatives with them. Returns the reminders recorded.
 */
async function remind(db: Db, mailer: Mailer, now: Date) {
  const within = new Date(now.getTime() + REMINDER_DAYS[0] * DAY_MS);
  const due = await db
    .select(dueColumns)
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(eq(organizationMembers.role, "representative"), gt(organizationMembers.reconfirmBy, now), lte(organizationMembers.reconfirmBy, within)));
  const recorded: (Due & { days: number })[] = [];
  for (const d of due) {
    const left = (d.reconfirmBy.getTime() - now.getTime()) / DAY_MS;
    // The nearest distance passed: a sweep that did not run for a while sends one reminder, not two.
    const days = left <= REMINDER_DAYS[1] ? REMINDER_DAYS[1] : REMINDER_DAYS[0];
    const inserted = await db
      .insert(representationReminders)
      .values({ organizationId: d.organizationId, userId: d.userId, reconfirmBy: d.reconfirmBy, daysBefore: days, sentAt: now })
      .onConflictDoNothing()
      .returning({ userId: representationReminders.userId });
    if (inserted.length > 0) recorded.push({ ...d, days });
  }
  await mailAbout(db, mailer, now, recorded, (d, to, self) => reminderMail(d, d.days, to, self));
  return recorded.length;
}

/** Mails each person named and the other representatives of their organisation. */
async function mailAbout<T extends Due>(db: Db, mailer: Mailer, now: Date, items: T[], build: (d: T, to: Mailbox, self: boolean) => Promise<Mail>) {
  if (items.length === 0) return;
  const colleagues = await colleaguesOf(db, [...new Set(items.map((d) => d.organizationId))], now);
  const boxes = await mailboxes(db, [...new Set([...items.map((d) => d.userId), ...colleagues.map((c) => c.userId)])]);
  const messages: Mail[] = [];
  for (const d of items) {
    const self = boxes.get(d.userId);
    if (self) messages.push(await build(d, self, true));
    for (const c of colleagues) {
      const box = c.organizationId === d.organizationId && c.userId !== d.userId ? boxes.get(c.userId) : undefined;
      if (box) messages.push(await build(d, box, false));
    }
  }
  await sendAll(mailer, messages);
}

/**
 * Records every lapse whose date has passed, each in its own transaction under the member's lock:
 * the person becomes a plain member, their term closes as lapsed (keeping what it rested on), and
 * the audit log says so. Several instances may sweep at once: the lock and the role decide once.
 */
async function lapse(db: Db, mailer: Mailer, now: Date) {
  const candidates = await db
    .select({ organizationId: organizationMembers.organizationId, userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.role, "representative"), lte(organizationMembers.reconfirmBy, now)));
  const lapsed: Due[] = [];
  for (const c of candidates) {
    const done = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({
          ...dueColumns,
          address: organizationMembers.address,
          exceptionReason: organizationMembers.exceptionReason,
          exceptionById: organizationMembers.exceptionById,
          exceptionAt: organizationMembers.exceptionAt,
        })
        .from(organizationMembers)
        .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
        .innerJoin(users, eq(users.id, organizationMembers.userId))
        .where(
          and(
            eq(organizationMembers.organizationId, c.organizationId),
            eq(organizationMembers.userId, c.userId),
            eq(organizationMembers.role, "representative"),
            lte(organizationMembers.reconfirmBy, now),
          ),
        )
        .for("update", { of: organizationMembers });
      if (!row) return null;
      await tx
        .update(organizationMembers)
        .set({ role: "member", address: null, exceptionReason: null, exceptionById: null, exceptionAt: null, reconfirmBy: null })
        .where(and(eq(organizationMembers.organizationId, c.organizationId), eq(organizationMembers.userId, c.userId)));
      await closeTerm(tx, c.organizationId, c.userId, row.reconfirmBy, "lapsed", {
        address: row.address,
        exceptionReason: row.exceptionReason,
        exceptionById: row.exceptionById,
        exceptionAt: row.exceptionAt?.toISOString() ?? null,
        reconfirmBy: row.reconfirmBy.toISOString(),
      });
      await recordAudit(tx, {
        actorId: null,
        action: "organization.representation_lapsed",
        targetType: "organization",
        targetId: c.organizationId,
        details: { name: row.organization, userId: c.userId, reconfirmBy: row.reconfirmBy.toISOString() },
      });
      return row;
    });
    if (done) lapsed.push(done);
  }
  await mailAbout(db, mailer, now, lapsed, lapseMail);
  return lapsed.length;
}

/** The sweep the tick runs: reminders first, then lapses. */
export async function sweepRepresentation(db: Db, mailer: Mailer, now: Date) {
  const reminded = await remind(db, mailer, now);
  const lapsed = await lapse(db, mailer, now);
  return { reminded, lapsed };
}

/**
 * For tests that move the clock back (server/domain/testing.ts): the lapses recorded after the new
 * time are taken back, each representation restored as it rested, and reminders sent after it
 * forgotten, so the next test finds the forum as it stood at its own time. Inside the caller's
 * transaction.
 */
export async function undoLapsesAfter(tx: Tx, now: Date) {
  const undone = await tx
    .select({ organizationId: representationTerms.organizationId, userId: representationTerms.userId, id: representationTerms.id, basis: representationTerms.lapsedBasis })
    .from(representationTerms)
    .where(and(eq(representationTerms.ending, "lapsed"), gt(representationTerms.endedAt, now), isNotNull(representationTerms.lapsedBasis)));
  for (const t of undone) {
    const basis = t.basis!;
    const restored = await tx
      .update(organizationMembers)
      .set({
        role: "representative",
        address: basis.address,
        exceptionReason: basis.exceptionReason,
        exceptionById: basis.exceptionById,
        exceptionAt: basis.exceptionAt ? new Date(basis.exceptionAt) : null,
        reconfirmBy: new Date(basis.reconfirmBy),
      })
      .where(and(eq(organizationMembers.organizationId, t.organizationId), eq(organizationMembers.userId, t.userId), ne(organizationMembers.role, "representative")))
      .returning({ userId: organizationMembers.userId });
    if (restored.length === 0) continue;
    await tx.update(representationTerms).set({ endedAt: null, ending: null, lapsedBasis: null }).where(eq(representationTerms.id, t.id));
  }
  await tx.delete(representationReminders).where(gt(representationReminders.sentAt, now));
  return undone.length;
}
