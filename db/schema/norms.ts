
import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  doublePrecision,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { bindingnesses, normKinds, normStatuses } from "~/server/schemas/vocabulary";
import { organizations } from "./organizations";
import { amendments } from "./amendments";
import { normSponsors } from "./sponsors";
import { normCategories, referenceNorms } from "./reference";
import { users } from "./users";
import type { CriterionResult } from "~/server/domain/criteria";

export { bindingnesses, normKinds, normStatuses, type Bindingness, type NormKind, type NormStatus } from "~/server/schemas/vocabulary";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const normStatus = pgEnum("norm_status", normStatuses);
export const normKind = pgEnum("norm_kind", normKinds);
export const bindingness = pgEnum("bindingness", bindingnesses);

export const norms = pgTable(
  "norms",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Derived from the first title; stays stable when the title changes.
    slug: text().notNull(),
    status: normStatus().notNull().default("draft"),
    kind: normKind().notNull(),
    bindingness: bindingness().notNull(),
    // BCP 47 tag of the text's language.
    language: text().notNull().default("en"),
    rationale: text().notNull().default(""),
    proposerId: uuid()
      .notNull()
      .references(() => users.id),
    // The verified organisation it is proposed on behalf of, if any.
    organizationId: uuid().references(() => organizations.id),
    // Copies of the current version's number, title and summary, for lists.
    currentVersion: integer().notNull().default(1),
    title: text().notNull(),
    summary: text().notNull(),
    mergedIntoId: uuid().references((): AnyPgColumn => norms.id),
    // When it was first submitted to consultation, which is when it became public. Null for a draft
    // and for a draft withdrawn without ever being submitted: those stay visible to their authors
    // only. The one visibility rule is in server/domain/norm-visibility.ts.
    submittedAt: timestamp({ withTimezone: true }),
    // The search documents are in norm_search (below), apart from the figures every position updates.
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Last revision, transition or (later) comment or position: the "recently active" sort.
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // The published measures (server/domain/measures.ts) over verified organisations' positions,
    // kept in step by every write that changes them, so the list can sort by them.
    positionCount: integer().notNull().default(0),
    support: doublePrecision(),
    bridging: doublePrecision().notNull().default(0),
    contestation: doublePrecision(),
    // The list's sort keys for support and contestation: the lower bound of each share's Wilson
    // score interval (95%, server/domain/measures.ts), so a norm with one objection does not head
    // "Most contested". Null with no positions to count, like the shares.
    supportLowerBound: doublePrecision(),
    contestationLowerBound: doublePrecision(),
    // The counts the measures above come from: verified organisations' positions by stance (4) in
    // each stakeholder type's and each region's group (6 + 6), 48 in all (norm_counted_slots() in
    // migration 0020 says where each goes). Recording a position moves one position by an UPDATE
    // that adds to these (exact under concurrency, as n = n + 1 is) and computes the measures from
    // them in SQL (norm_figures()), so the norm's lock is held for one statement (docs/performance.md).
    countedByGroup: integer().array().notNull().default(sql`array_fill(0, array[48])`),
    // The consultation clock (server/domain/stage-clock.ts): while the norm is in consultation or
    // endorsement, when that stage closes (set when it starts, moved later by an extension); null in
    // every other state. The stage is closed from that instant on, whatever has run: writes compare
    // it with clock.now() under the norm's lock. stageClosedAt is set by the tick (server/tick.ts)
    // when it has recorded the close on the timeline; an extension clears it.
    stageClosesAt: timestamp({ withTimezone: true }),
    stageClosedAt: timestamp({ withTimezone: true }),
    // Sealed endorsement (server/domain/sealed.ts): the secretariat opened this endorsement stage
    // sealed, so positions recorded during it wait in sealed_positions, seen only by their
    // organisations' representatives, until the stage closes. False in every other state.
    stageSealed: boolean().notNull().default(false),
  },
  (t) => [
    uniqueIndex("norms_slug_key").on(t.slug),
    index("norms_proposer_id_idx").on(t.proposerId),
    index("norms_organization_id_idx").on(t.organizationId),
    index("norms_merged_into_id_idx").on(t.mergedIntoId),
    // Keyset pagination of the public list by newest and by recent activity.
    index("norms_status_created_idx").on(t.status, t.createdAt, t.id),
    // The public list with no status filter, newest first and by bridging score: only public norms,
    // so the index is read in order and stops after a page (docs/performance.md).
    index("norms_public_created_idx").on(t.createdAt, t.id).where(sql`${t.submittedAt} is not null`),
    index("norms_public_bridging_idx").on(t.bridging, t.id).where(sql`${t.submittedAt} is not null`),
    index("norms_last_activity_idx").on(t.lastActivityAt, t.id),
    // Migration 0019 also adds norms_public_title_idx (title, id) INCLUDE (slug, status,
    // current_version) for the comparison's title suggestions in title order; drizzle-kit cannot
    // write INCLUDE. Finding them by any part of the title is norm_search's trigram index.
    // What a stock-take may cover, the most-positioned first (coverableNorms in server/domain/stocktakes.ts).
    index("norms_coverable_idx")
      .on(t.positionCount.desc().nullsFirst(), t.createdAt, t.id)
      .where(sql`${t.status} in ('endorsement', 'concluded')`),
    // The home page's "recently concluded" (server/domain/home.ts): newest change first within a status.
    index("norms_status_updated_idx").on(t.status, t.updatedAt, t.id),
    // Keyset pagination of the list by support and by contestation (server/domain/norm-queries.ts
    // sorts on these expressions, norms without positions last).
    index("norms_support_lower_bound_idx").on(sql`coalesce(${t.supportLowerBound}, -1)`, t.id),
    index("norms_contestation_lower_bound_idx").on(sql`coalesce(${t.contestationLowerBound}, -1)`, t.id),
    // The clock's reads, all in closing order: the stages the tick must close, the secretariat's desk
    // of norms past their date, and the next closing a cached page must end at.
    index("norms_stage_closes_idx").on(t.stageClosesAt, t.id).where(sql`${t.stageClosesAt} is not null`),
  ],
);

/**
 * A norm's search documents, one row per norm, written with its text (a new version, an amendment
 * applied, a translation) and never by a position. Kept out of `norms` because every position
 * updates the norm's figures, which are indexed for the list's sorts, so PostgreSQL writes a new
 * entry in every index of `norms` for each position; in these GIN indexes that was a hundred-odd
 * entries per position and, every few hundred positions, the merge of their pending list while
 * the norm's row was locked (docs/performance.md, "The search documents apart").
 */
export const normSearch = pgTable(
  "norm_search",
  {
    normId: uuid()
      .primaryKey()
      .references(() => norms.id, { onDelete: "cascade" }),
    // The norm's current title, for finding proposals by any part of it (the comparison's suggestions).
    title: text().notNull(),
    // Weighted full-text document: title (A) over summary (B) over text (C), in every language the
    // norm has (server/domain/translations.ts).
    search: tsvector().notNull(),
    // The same title (A) and summary (B) without the text: small enough to be stored in the row, so
    // ranking a search's candidates reads no out-of-line document (docs/performance.md, "Search").
    searchHead: tsvector().notNull().default(sql`''::tsvector`),
  },
  (t) => [index("norm_search_search_idx").using("gin", t.search), index("norm_search_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops"))],
);

export const normVersions = pgTable(
  "norm_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    normId: uuid()
      .notNull()
      .references(() => norms.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    // The text as an ordered list of clauses, each a short Markdown paragraph.
    clauses: jsonb().$type<string[]>().notNull(),
    changeSummary: text().notNull(),
    // The amendment this version incorporated, when it came from one: the amender is credited.
    amendmentId: uuid().references((): AnyPgColumn => amendments.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Versions are immutable and numbered without gaps; two saves of one number cannot both land.
    uniqueIndex("norm_versions_norm_id_number_key").on(t.normId, t.number),
    index("norm_versions_author_id_idx").on(t.authorId),
  ],
);

export const normPlacements = pgTable(
  "norm_placements",
  {
    normId: uuid()
      .notNull()
      .references(() => norms.id, { onDelete: "cascade" }),
    categoryCode: text()
      .notNull()
      .references(() => normCategories.code),
  },
  (t) => [primaryKey({ columns: [t.normId, t.categoryCode] }), index("norm_placements_category_code_idx").on(t.categoryCode)],
);

export const normCitations = pgTable(
  "norm_citations",
  {
    normId: uuid()
      .notNull()
      .references(() => norms.id, { onDelete: "cascade" }),
    referenceNormId: text()
      .notNull()
      .references(() => referenceNorms.id),
  },
  (t) => [primaryKey({ columns: [t.normId, t.referenceNormId] }), index("norm_citations_reference_norm_id_idx").on(t.referenceNormId)],
);

export const normCoauthors = pgTable(
  "norm_coauthors",
  {
    normId: uuid()
      .notNull()
      .references(() => norms.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.normId, t.userId] }), index("norm_coauthors_user_id_idx").on(t.userId)],
);

export const coauthorInvitationStatuses = ["pending", "accepted", "declined", "cancelled"] as const;
export type CoauthorInvitationStatus = (typeof coauthorInvitationStatuses)[number];
export const coauthorInvitationStatus = pgEnum("coauthor_invitation_status", coauthorInvitationStatuses);

// A proposer's invitation to co-author a norm, addressed to an email address as typed. The
// proposer sees the same pending row whether or not an account uses the address; only a person
// signed in with that confirmed address sees it too, and accepts (becoming a co-author) or declines.
export const normCoauthorInvitations = pgTable(
  "norm_coauthor_invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    normId: uuid()
      .notNull()
      .references(() => norms.id, { onDelete: "cascade" }),
    // Lower case, trimmed.
    email: text().notNull(),
    invitedById: uuid()
      .notNull()
      .references(() => users.id),
    status: coauthorInvitationStatus().notNull().default("pending"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // One open invitation per address per norm; also the index for the norm's foreign key.
    uniqueIndex("norm_coauthor_invitations_pending_key").on(t.normId, t.email).where(sql`${t.status} = 'pending'`),
    // An invitee's pending invitations, found by their address.
    index("norm_coauthor_invitations_email_idx").on(t.email, t.status),
    index("norm_coauthor_invitations_invited_by_id_idx").on(t.invitedById),
  ],
);

export const normEventTypes = [
  "created",
  "revised",
  "submit",
  "withdraw",
  "openEndorsement",
  "returnToConsultation",
  "conclude",
  "merge",
  // The secretariat moved the stage's closing date later (closesAt), with its reason in the note.
  "extended",
  // The stage reached its closing date (recorded by the tick; no actor).
  "stageClosed",
  // The authors accepted an amendment (amendmentId) into a new version, or declined it with a reason.
  "amendmentAccepted",
  "amendmentDeclined",
  // An organisation (sponsorId) became a co-sponsor, accepted by the authors, or withdrew its sponsorship.
  "sponsorAccepted",
  "sponsorWithdrawn",
] as const;
export const normEventType = pgEnum("norm_event_type", normEventTypes);
export type NormEventType = (typeof normEventTypes)[number];

// The norm's timeline: every transition and revision, with who, when and an optional note.
export const normEvents = pgTable(
  "norm_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    normId: uuid()
      .notNull()
      .references(() => norms.id, { onDelete: "cascade" }),
    type: normEventType().notNull(),
    fromStatus: normStatus(),
    toStatus: normStatus(),
    version: integer(),
    // Null only for what the clock did (a stage closing on its date).
    actorId: uuid().references(() => users.id),
    note: text(),
    // The stage's closing date as this event set it: on a move into a timed stage, and an extension.
    closesAt: timestamp({ withTimezone: true }),
    // A secretariat move made although its published criteria were not met, and why (the note is
    // the move's outcome statement either way).
    override: boolean().notNull().default(false),
    overrideReason: text(),
    // The move's criteria as evaluated when it was made, with the figures (server/domain/criteria.ts).
    criteria: jsonb().$type<CriterionResult[]>(),
    // The amendment an amendmentAccepted or amendmentDeclined event decided.
    amendmentId: uuid().references((): AnyPgColumn => amendments.id),
    // The sponsorship a sponsorAccepted or sponsorWithdrawn event concerns.
    sponsorId: uuid().references((): AnyPgColumn => normSponsors.id),
    // On a move into endorsement: the stage was opened sealed. On any later event (the stage's
    // close, or a move out of it): the sealed positions were revealed at this event.
    sealed: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("norm_events_norm_id_idx").on(t.normId, t.createdAt),
    // The all-norms Atom feed (server/domain/feeds.ts): the newest events across the forum, read
    // in this order and stopped after a page.
    index("norm_events_created_idx").on(t.createdAt, t.id),
    index("norm_events_actor_id_idx").on(t.actorId),
    index("norm_events_sponsor_id_idx").on(t.sponsorId).where(sql`${t.sponsorId} is not null`),
  ],
);

