import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  jsonb,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  memberRoles,
  participations,
  regions,
  stakeholderTypes,
  verificationStatuses,
} from "~/server/schemas/vocabulary";
import { users } from "./users";

export {
  memberRoles,
  participations,
  type Participation,
  regions,
  stakeholderTypes,
  verificationStatuses,
  type MemberRole,
  type Region,
  type StakeholderType,
  type VerificationStatus,
} from "~/server/schemas/vocabulary";

/** The fields whose change sends a verified organisation back to review. */
export const identityFields = ["name", "stakeholderType", "region", "country", "website"] as const;
export type IdentityField = (typeof identityFields)[number];
export type ReviewChanges = Partial<Record<IdentityField, { from: string | null; to: string | null }>>;

export const stakeholderType = pgEnum("stakeholder_type", stakeholderTypes);

export const region = pgEnum("region", regions);

export const verificationStatus = pgEnum("verification_status", verificationStatuses);

export const participation = pgEnum("participation", participations);

export const organizations = pgTable(
  "organizations",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    name: text().notNull(),
    stakeholderType: stakeholderType().notNull(),
    region: region().notNull(),
    // ISO 3166-1 alpha-2, upper case.
    country: text(),
    website: text(),
    description: text().notNull().default(""),
    verificationStatus: verificationStatus().notNull().default("pending"),
    // A full participant, or an observer (no positions). An observer's representatives may ask the
    // secretariat to make it a full participant: asked then, until the secretariat decides.
    participation: participation().notNull().default("participant"),
    participationRequestedAt: timestamp({ withTimezone: true }),
    participationRequestedById: uuid().references(() => users.id),
    // Its positions, implementation statements and replies are published only once a second
    // representative countersigns them (server/domain/countersign.ts); set by its representatives.
    requiresCountersignature: boolean().notNull().default(false),
    // Why it was rejected or revoked; shown to its representatives.
    statusReason: text(),
    statusChangedAt: timestamp({ withTimezone: true }),
    statusChangedById: uuid().references(() => users.id),
    // While a verified organisation is back in review because who it is changed: each changed
    // field, from its verified value to the new one. Cleared by the secretariat's decision.
    reviewChanges: jsonb().$type<ReviewChanges>(),
    createdById: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organizations_slug_key").on(t.slug),
    // A state speaks through one verified organisation per country.
    uniqueIndex("organizations_verified_state_country_key")
      .on(t.country)
      .where(sql`${t.stakeholderType} = 'state' and ${t.verificationStatus} = 'verified'`),
    index("organizations_created_by_id_idx").on(t.createdById),
    index("organizations_status_changed_by_id_idx").on(t.statusChangedById),
    // The verification queue and the directory filter on these.
    index("organizations_verification_status_idx").on(t.verificationStatus, t.createdAt),
    index("organizations_type_region_idx").on(t.stakeholderType, t.region),
    // The secretariat's queue of observers asking to take part fully.
    index("organizations_participation_requested_idx").on(t.participationRequestedAt).where(sql`${t.participationRequestedAt} is not null`),
    index("organizations_participation_requested_by_id_idx").on(t.participationRequestedById),
    // Finding organisations by any part of their name (the directory's and the site search's
    // `ilike '%…%'`): trigrams, so a search reads the matches, not all names (pg_trgm).
    index("organizations_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    check("organizations_country_chk", sql`${t.country} ~ '^[A-Z]{2}$'`),
    // Only an observer asks to take part fully, and who asked goes with when.
    check(
      "organizations_participation_request_chk",
      sql`(${t.participationRequestedAt} is null or ${t.participation} = 'observer') and (${t.participationRequestedAt} is null) = (${t.participationRequestedById} is null)`,
    ),
  ],
);

export const memberRole = pgEnum("member_role", memberRoles);

export const organizationMembers = pgTable(
  "organization_members",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole().notNull().default("member"),
    // Whether the person chose to appear on the organisation's public page.
    listed: boolean().notNull().default(false),
    // What a representation rests on (issue 17), for representatives only: the person's confirmed
    // address at one of the organisation's confirmed domains (their sign-in address or one of
    // user_emails, lower-cased), or an exception the secretariat recorded with its reason. Neither:
    // a provisional representative (the creator of an organisation not yet verified), checked when
    // the secretariat verifies it. Representatives from before this rule carry the migration's
    // exception and a reconfirm_by date.
    address: text(),
    exceptionReason: text(),
    exceptionById: uuid().references(() => users.id),
    exceptionAt: timestamp({ withTimezone: true }),
    // By when the representative must tie their representation to a confirmed address.
    reconfirmBy: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    index("organization_members_user_id_idx").on(t.userId),
    index("organization_members_exception_by_id_idx").on(t.exceptionById),
    // The daily sweep: representations due for reconfirmation (reminders, lapses).
    index("organization_members_reconfirm_by_idx").on(t.reconfirmBy).where(sql`${t.reconfirmBy} is not null`),
    // A plain member rests on nothing.
    check(
      "organization_members_basis_chk",
      sql`${t.role} = 'representative' or (${t.address} is null and ${t.exceptionReason} is null and ${t.reconfirmBy} is null)`,
    ),
  ],
);

/**
 * An organisation's official email domains (e.g. mfa.go.ke), lower-cased. Its representatives
 * register them; the secretariat confirms them (when verifying, or later from the queue).
 */
export const organizationDomains = pgTable(
  "organization_domains",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    domain: text().notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
    confirmedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organization_domains_organization_id_domain_key").on(t.organizationId, t.domain),
    index("organization_domains_confirmed_by_id_idx").on(t.confirmedById),
    // The queue's "domains awaiting confirmation".
    index("organization_domains_unconfirmed_idx").on(t.organizationId).where(sql`${t.confirmedAt} is null`),
    check("organization_domains_domain_lower_chk", sql`${t.domain} = lower(${t.domain})`),
  ],
);

export const joinRequestStatuses = ["pending", "approved", "declined", "withdrawn"] as const;
export const joinRequestStatus = pgEnum("join_request_status", joinRequestStatuses);

export const joinRequests = pgTable(
  "join_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    message: text().notNull().default(""),
    status: joinRequestStatus().notNull().default("pending"),
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open request per person per organisation.
    uniqueIndex("join_requests_pending_key")
      .on(t.organizationId, t.userId)
      .where(sql`${t.status} = 'pending'`),
    index("join_requests_organization_id_idx").on(t.organizationId),
    index("join_requests_user_id_idx").on(t.userId),
    index("join_requests_decided_by_id_idx").on(t.decidedById),
  ],
);

/**
 * Who has spoken for states and intergovernmental organisations is decided by the secretariat
 * (issue 17): a representative's nomination of a member waits in the secretariat's queue. The
 * address the nominee would represent from is checked at nomination and again at approval.
 */
export const nominationStatuses = ["pending", "approved", "declined", "withdrawn"] as const;
export type NominationStatus = (typeof nominationStatuses)[number];
export const nominationStatus = pgEnum("nomination_status", nominationStatuses);

export const representativeNominations = pgTable(
  "representative_nominations",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    nominatedById: uuid()
      .notNull()
      .references(() => users.id),
    // The nominee's confirmed address at one of the organisation's confirmed domains.
    address: text().notNull(),
    status: nominationStatus().notNull().default("pending"),
    // Why the secretariat declined; shown to the organisation's representatives.
    decisionReason: text(),
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    // One open nomination per person per organisation.
    uniqueIndex("representative_nominations_pending_key").on(t.organizationId, t.userId).where(sql`${t.status} = 'pending'`),
    // The secretariat's queue, oldest first.
    index("representative_nominations_queue_idx").on(t.createdAt).where(sql`${t.status} = 'pending'`),
    index("representative_nominations_user_id_idx").on(t.userId),
    index("representative_nominations_nominated_by_id_idx").on(t.nominatedById),
    index("representative_nominations_decided_by_id_idx").on(t.decidedById),
    check("representative_nominations_decision_chk", sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
  ],
);

/** How a term of representation ended. */
export const termEndings = ["stepped_down", "left", "lapsed"] as const;
export type TermEnding = (typeof termEndings)[number];
export const termEnding = pgEnum("term_ending", termEndings);

/** What a lapsed representation rested on, kept so that a test moving the clock back restores it. */
export interface LapsedBasis {
  address: string | null;
  exceptionReason: string | null;
  exceptionById: string | null;
  exceptionAt: string | null;
  reconfirmBy: string;
}

/**
 * The public history of who represented an organisation when (issue 17): a term opens when a
 * person becomes a representative and closes when they stop (stepped down or made a member, left
 * the organisation, or lapsed unreconfirmed). At most one open term per person and organisation.
 */
export const representationTerms = pgTable(
  "representation_terms",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    ending: termEnding(),
    // The secretariat's approval the term began with (states and intergovernmental organisations).
    nominationId: uuid().references(() => representativeNominations.id),
    lapsedBasis: jsonb().$type<LapsedBasis>(),
  },
  (t) => [
    uniqueIndex("representation_terms_open_key").on(t.organizationId, t.userId).where(sql`${t.endedAt} is null`),
    // The organisation page's history, newest first.
    index("representation_terms_organization_idx").on(t.organizationId, t.startedAt),
    index("representation_terms_user_id_idx").on(t.userId),
    index("representation_terms_nomination_id_idx").on(t.nominationId),
    check("representation_terms_ending_chk", sql`(${t.endedAt} is null) = (${t.ending} is null) and (${t.lapsedBasis} is null or ${t.ending} = 'lapsed')`),
  ],
);

/** The reminders sent before a representation must be reconfirmed: once per date and distance. */
export const representationReminders = pgTable(
  "representation_reminders",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    reconfirmBy: timestamp({ withTimezone: true }).notNull(),
    daysBefore: integer().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId, t.reconfirmBy, t.daysBefore] }),
    index("representation_reminders_user_id_idx").on(t.userId),
  ],
);
