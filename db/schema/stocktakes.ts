import { sql } from "drizzle-orm";
import { boolean, check, customType, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  assessmentValues,
  attributionStatuses,
  confidenceLevels,
  correctionStatuses,
  evidenceTypes,
  implementationStatuses,
  observationActorKinds,
  observationStatuses,
  publicationStatuses,
  reviewDecisions,
} from "~/server/schemas/vocabulary";
import { norms } from "./norms";
import { organizations } from "./organizations";
import { referenceNorms } from "./reference";
import { users } from "./users";

export {
  assessments,
  implementationStatuses,
  observationStatuses,
  publicationStatuses,
  type Assessment,
  type ImplementationStatus,
  type ObservationStatus,
  type PublicationStatus,
} from "~/server/schemas/vocabulary";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

export const implementationStatus = pgEnum("implementation_status", implementationStatuses);
export const observationStatus = pgEnum("observation_status", observationStatuses);
export const assessment = pgEnum("assessment", assessmentValues);
export const publicationStatus = pgEnum("publication_status", publicationStatuses);
export const observationActorKind = pgEnum("observation_actor_kind", observationActorKinds);
export const attributionStatus = pgEnum("attribution_status", attributionStatuses);
export const observationConfidence = pgEnum("observation_confidence", confidenceLevels);
export const evidenceType = pgEnum("evidence_type", evidenceTypes);
export const observationReviewDecision = pgEnum("observation_review_decision", reviewDecisions);
export const observationCorrectionStatus = pgEnum("observation_correction_status", correctionStatuses);

/** A source of an observation: the page, and optionally an archived copy of it. */
export interface ObservationSource {
  url: string;
  archiveUrl?: string;
}

/** The narrative the secretariat writes: an executive summary and one section per category I–V. */
export interface Narrative {
  summary: string;
  categories: Record<"I" | "II" | "III" | "IV" | "V", string>;
}

// One stock-take per year. The submission window runs from `opensOn` to `closesOn` (UTC dates,
// end inclusive), or until the secretariat closes it early (`closedAt`).
export const stocktakes = pgTable(
  "stocktakes",
  {
    id: uuid().primaryKey().defaultRandom(),
    year: integer().notNull(),
    opensOn: date({ mode: "string" }).notNull(),
    closesOn: date({ mode: "string" }).notNull(),
    closedAt: timestamp({ withTimezone: true }),
    closedById: uuid().references(() => users.id),
    narrative: jsonb().$type<Narrative>().notNull(),
    createdById: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("stocktakes_year_key").on(t.year),
    index("stocktakes_created_by_id_idx").on(t.createdById),
    index("stocktakes_closed_by_id_idx").on(t.closedById),
    check("stocktakes_window_chk", sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

// What a stock-take covers: forum norms and reference norms, exactly one per row.
export const stocktakeItems = pgTable(
  "stocktake_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    stocktakeId: uuid()
      .notNull()
      .references(() => stocktakes.id, { onDelete: "cascade" }),
    normId: uuid().references(() => norms.id),
    referenceNormId: text().references(() => referenceNorms.id),
    position: integer().notNull(),
  },
  (t) => [
    uniqueIndex("stocktake_items_norm_key").on(t.stocktakeId, t.normId),
    uniqueIndex("stocktake_items_reference_key").on(t.stocktakeId, t.referenceNormId),
    index("stocktake_items_norm_id_idx").on(t.normId),
    index("stocktake_items_reference_norm_id_idx").on(t.referenceNormId),
    check("stocktake_items_one_chk", sql`(${t.normId} is null) <> (${t.referenceNormId} is null)`),
  ],
);

// An organisation's implementation statement on one covered item.
export const implementationStatements = pgTable(
  "implementation_statements",
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => stocktakeItems.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    status: implementationStatus().notNull(),
    text: text().notNull().default(""),
    links: jsonb().$type<string[]>().notNull().default([]),
    recordedById: uuid()
      .notNull()
      .references(() => users.id),
    // Filed by a secretariat or admin account before the neutrality rule (migration 0029).
    recordedByStaff: boolean().notNull().default(false),
    // The second representative who countersigned it (server/domain/countersign.ts).
    countersignedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("implementation_statements_item_org_key").on(t.itemId, t.organizationId),
    index("implementation_statements_organization_id_idx").on(t.organizationId),
    index("implementation_statements_recorded_by_id_idx").on(t.recordedById),
    index("implementation_statements_countersigned_by_id_idx").on(t.countersignedById),
  ],
);

export const observations = pgTable(
  "observations",
  {
    id: uuid().primaryKey().defaultRandom(),
    stocktakeId: uuid()
      .notNull()
      .references(() => stocktakes.id, { onDelete: "cascade" }),
    reporterId: uuid()
      .notNull()
      .references(() => users.id),
    title: text().notNull(),
    description: text().notNull(),
    occurredOn: date({ mode: "string" }).notNull(),
    // The end of a period, when it happened over one (codebook v1).
    occurredUntil: date({ mode: "string" }),
    // Kept for codebook v0 rows only; their actors are in observation_actors (kind 'unattributed').
    outsideActors: jsonb().$type<string[]>().notNull().default([]),
    sources: jsonb().$type<ObservationSource[]>().notNull(),
    // The codebook version the observation was coded under (server/codebook); 'v0' before it existed.
    codebookVersion: text().notNull(),
    attributionStatus: attributionStatus(),
    attributedBy: text(),
    attributionSource: text(),
    confidence: observationConfidence(),
    evidenceType: evidenceType(),
    // Named forum organisations may reply before this; it cannot be accepted earlier unless all have.
    replyUntil: timestamp({ withTimezone: true }),
    // Accepted or rejected by one reviewer, before two-person review (codebook v0).
    singleReviewer: boolean().notNull().default(false),
    status: observationStatus().notNull().default("pending"),
    // The decision's reason (a rejection's is told to the reporter) and the deciding reviewer.
    reviewNote: text(),
    reviewedById: uuid().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("observations_stocktake_id_idx").on(t.stocktakeId, t.status),
    index("observations_reporter_id_idx").on(t.reporterId),
    index("observations_reviewed_by_id_idx").on(t.reviewedById),
    check("observations_period_chk", sql`${t.occurredUntil} is null or ${t.occurredUntil} >= ${t.occurredOn}`),
    check(
      "observations_coded_chk",
      sql`${t.codebookVersion} = 'v0' or (${t.attributionStatus} is not null and ${t.confidence} is not null and ${t.evidenceType} is not null)`,
    ),
  ],
);

// Who or what an observation names, in order: a forum organisation, a state by ISO 3166-1 alpha-2
// code (in the forum or not), or an unattributed actor with an optional description.
export const observationActors = pgTable(
  "observation_actors",
  {
    observationId: uuid()
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    kind: observationActorKind().notNull(),
    organizationId: uuid().references(() => organizations.id),
    country: text(),
    label: text(),
  },
  (t) => [
    primaryKey({ columns: [t.observationId, t.position] }),
    index("observation_actors_organization_id_idx").on(t.organizationId),
    // For a state's profile: every observation naming a country.
    index("observation_actors_country_idx").on(t.country),
    check(
      "observation_actors_kind_chk",
      sql`case ${t.kind}
        when 'organization' then ${t.organizationId} is not null and ${t.country} is null and ${t.label} is null
        when 'state' then ${t.country} ~ '^[A-Z]{2}$' and ${t.organizationId} is null and ${t.label} is null
        else ${t.organizationId} is null and ${t.country} is null end`,
    ),
  ],
);

// Each secretariat member's decision on an observation: two accepts accept it, two rejects reject
// it, one of each waits for a third reviewer. Nobody reviews the same observation twice.
export const observationReviews = pgTable(
  "observation_reviews",
  {
    observationId: uuid()
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    reviewerId: uuid()
      .notNull()
      .references(() => users.id),
    decision: observationReviewDecision().notNull(),
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.observationId, t.reviewerId] }), index("observation_reviews_reviewer_id_idx").on(t.reviewerId)],
);

// After the report is published, anyone signed in may ask for a correction; the secretariat
// answers. Requests and answers are public.
export const observationCorrections = pgTable(
  "observation_corrections",
  {
    id: uuid().primaryKey().defaultRandom(),
    observationId: uuid()
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    requesterId: uuid()
      .notNull()
      .references(() => users.id),
    text: text().notNull(),
    status: observationCorrectionStatus().notNull().default("open"),
    answer: text(),
    answeredById: uuid().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("observation_corrections_observation_id_idx").on(t.observationId, t.createdAt),
    index("observation_corrections_requester_id_idx").on(t.requesterId),
    index("observation_corrections_answered_by_id_idx").on(t.answeredById),
    // For the public log, newest first.
    index("observation_corrections_created_at_idx").on(t.createdAt),
    check("observation_corrections_answer_chk", sql`(${t.status} = 'answered') = (${t.answer} is not null and ${t.answeredById} is not null and ${t.answeredAt} is not null)`),
  ],
);

// Organisations in the forum named in an observation, kept in step with its 'organization' actors
// (observation_actors): replies, reviewer blocks and notifications read it.
export const observationOrganizations = pgTable(
  "observation_organizations",
  {
    observationId: uuid()
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.observationId, t.organizationId] }), index("observation_organizations_organization_id_idx").on(t.organizationId)],
);

// The covered items an observation bears on, each consistent, inconsistent or unclear (v1).
export const observationAssessments = pgTable(
  "observation_assessments",
  {
    observationId: uuid()
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    itemId: uuid()
      .notNull()
      .references(() => stocktakeItems.id, { onDelete: "cascade" }),
    assessment: assessment().notNull(),
  },
  (t) => [primaryKey({ columns: [t.observationId, t.itemId] }), index("observation_assessments_item_id_idx").on(t.itemId)],
);

export const observationReplies = pgTable(
  "observation_replies",
  {
    id: uuid().primaryKey().defaultRandom(),
    observationId: uuid()
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    text: text().notNull(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    // Written by a secretariat or admin account before the neutrality rule (migration 0029).
    recordedByStaff: boolean().notNull().default(false),
    // The second representative who countersigned it (server/domain/countersign.ts).
    countersignedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("observation_replies_observation_org_key").on(t.observationId, t.organizationId),
    index("observation_replies_organization_id_idx").on(t.organizationId),
    index("observation_replies_author_id_idx").on(t.authorId),
    index("observation_replies_countersigned_by_id_idx").on(t.countersignedById),
  ],
);

// A published revision of a year's report: the exact snapshot bytes, their SHA-256, the PDF and
// CSV rendered from them. Immutable: a trigger (migration 0007) refuses UPDATE and DELETE.
export const stocktakeRevisions = pgTable(
  "stocktake_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    stocktakeId: uuid()
      .notNull()
      .references(() => stocktakes.id),
    revision: integer().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    erratum: text(),
    snapshot: text().notNull(),
    sha256: text().notNull(),
    pdf: bytea().notNull(),
    csv: text().notNull(),
    publishedById: uuid()
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex("stocktake_revisions_stocktake_revision_key").on(t.stocktakeId, t.revision),
    index("stocktake_revisions_published_by_id_idx").on(t.publishedById),
    check("stocktake_revisions_sha256_chk", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

// The report's PDF in each of the forum's six languages (issue 20), one row per revision and
// language: the fixed text in that language, the snapshot the same. Rendered after the revision is
// published, by an idempotent job (server/domain/stocktake-report-pdfs.ts); the revision's own `pdf`
// stays the authoritative-language one, rendered while publishing. Append-only, as the revision is:
// a trigger refuses UPDATE and DELETE (migration 0041).
export const stocktakeReportPdfs = pgTable(
  "stocktake_report_pdfs",
  {
    revisionId: uuid()
      .notNull()
      .references(() => stocktakeRevisions.id),
    // The forum's language code (server/i18n/locales.ts): ar, zh, en, fr, ru or es.
    language: text().notNull(),
    pdf: bytea().notNull(),
    sha256: text().notNull(),
    renderedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.revisionId, t.language] }),
    check("stocktake_report_pdfs_language_chk", sql`${t.language} IN ('en', 'ar', 'zh', 'fr', 'ru', 'es')`),
    check("stocktake_report_pdfs_sha256_chk", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

// Publishing runs in steps the page shows while it waits; at most one runs per stock-take.
export const stocktakePublications = pgTable(
  "stocktake_publications",
  {
    id: uuid().primaryKey().defaultRandom(),
    stocktakeId: uuid()
      .notNull()
      .references(() => stocktakes.id),
    status: publicationStatus().notNull().default("running"),
    step: text().notNull(),
    error: text(),
    revision: integer(),
    startedById: uuid()
      .notNull()
      .references(() => users.id),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("stocktake_publications_running_key").on(t.stocktakeId).where(sql`${t.status} = 'running'`),
    index("stocktake_publications_stocktake_id_idx").on(t.stocktakeId, t.startedAt),
    index("stocktake_publications_started_by_id_idx").on(t.startedById),
  ],
);
