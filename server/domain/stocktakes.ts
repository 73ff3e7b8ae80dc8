// The annual stock-take: the secretariat opens a year with a submission window and the norms it
// covers; representatives file implementation statements; members log behaviour observations that
// the secretariat reviews and named organisations may answer; after the window closes, the
// secretariat writes the narrative and publishes an immutable, hashed snapshot with its PDF and CSV.
import { and, asc, count, desc, eq, inArray, isNotNull, lte, max, ne, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, resultRows, type Tx } from "~/db/connect";
import {
  implementationStatements,
  normEvents,
  normPlacements,
  normPositionHistory,
  norms,
  normVersions,
  observationActors,
  observationAssessments,
  observationCorrections,
  observationOrganizations,
  observationReplies,
  observationReviews,
  observations,
  organizationMembers,
  organizations,
  referenceNormCategories,
  referenceNorms,
  stocktakeItems,
  stocktakePublications,
  stocktakeRevisions,
  stocktakes,
  type Narrative,
  users,
} from "~/db/schema";
import type { NormStatus } from "~/server/schemas/vocabulary";
import { categoryCodes } from "~/server/schemas/vocabulary";
import { badInput, conflict, forbidden, invalidState, notFound, pgErrorCode } from "../errors";
import { type Actor, isRepresentative, isStaff } from "../policy";
import {
  type correctionAnswerInput,
  type correctionRequestInput,
  type narrativeInput,
  type observationInput,
  type openStocktakeInput,
  type publishInput,
  type replyInput,
  type reviewObservationInput,
  STOCKTAKE_MAX_NORMS,
  type statementInput,
} from "../schemas/stocktakes";
import { isPublicNorm } from "./norm-visibility";
import { NarrativeFigureError, narrativeProblems } from "./narrative-figures";
import { buildSnapshot, canonicalJson, type Snapshot, type SnapshotInput, sha256, snapshotCsv } from "./stocktake-snapshot";
import { clock } from "../clock";
import { emitEvent, emitEvents } from "../notifications/events";
import { followForRepresentatives, representativesSql } from "../notifications/people";
import { followTarget } from "./notifications";
import { recordAudit } from "./audit";
import { currentCodebook } from "../codebook";
import { REPORT_AUTHORITATIVE_LANGUAGE, reportPdfIn, reportPdfsByRevision, revisionPublished } from "./stocktake-report-pdfs";
import type { Locale } from "../i18n/locales";

/** Languages named in English, for the API's error messages (which are in English). */
const LANGUAGE_NAMES_EN: Record<Locale, string> = { en: "English", ar: "Arabic", zh: "Chinese", fr: "French", ru: "Russian", es: "Spanish" };

const DAY = 24 * 60 * 60 * 1000;
export const emptyNarrative = (): Narrative => ({ summary: "", categories: { I: "", II: "", III: "", IV: "", V: "" } });

type Stocktake = typeof stocktakes.$inferSelect;
export type WindowState = "upcoming" | "open" | "closed";

/** The window opens at 00:00 UTC on `opensOn` and ends after `closesOn` (inclusive), or when closed early. */
export function windowOf(st: Pick<Stocktake, "opensOn" | "closesOn" | "closedAt">, now = clock.now()) {
  const start = new Date(`${st.opensOn}T00:00:00Z`);
  const end = new Date(new Date(`${st.closesOn}T00:00:00Z`).getTime() + DAY);
  const closedAt = st.closedAt && st.closedAt < end ? st.closedAt : now >= end ? end : null;
  const state: WindowState = closedAt && closedAt <= now ? "closed" : now < start ? "upcoming" : "open";
  return { state, start, end, closedAt: state === "closed" ? closedAt : null };
}

async function stocktakeOf(db: DbOrTx, year: number) {
  const st = await db.query.stocktakes.findFirst({ where: eq(stocktakes.year, year) });
  if (!st) throw notFound(`The ${year} stock-take`);
  return st;
}

const longDate = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function requireOpen(st: Stocktake, what: string) {
  const w = windowOf(st);
  if (w.state === "upcoming") throw invalidState(`The ${st.year} submission window opens on ${longDate(w.start)}; ${what} from then.`);
  if (w.state === "closed") throw invalidState(`The ${st.year} submission window closed on ${longDate(new Date(w.closedAt!.getTime() - 1))}; ${what} no longer.`);
}

/**
 * The year's stock-take, checked open and share-locked for the rest of the transaction. Closing
 * takes the row for update, so a submission either commits before the window closes (and the
 * report's figures include it) or waits and is refused: none slips in after the close.
 */
async function lockOpenStocktake(tx: Tx, year: number, what: string) {
  const [st] = await tx.select().from(stocktakes).where(eq(stocktakes.year, year)).for("share");
  if (!st) throw notFound(`The ${year} stock-take`);
  requireOpen(st, what);
  return st;
}

// ---------------------------------------------------------------------------------------------
// The secretariat: opening, closing, narrative

/**
 * The norms a stock-take may cover, those in endorsement or concluded, the most-positioned first
 * (then the oldest), up to the bound, and how many there are in all. The first STOCKTAKE_MAX_NORMS
 * are the default coverage: one rule anyone can check, favouring no norm's side.
 */
export async function coverableNorms(db: DbOrTx) {
  const coverable = inArray(norms.status, ["endorsement", "concluded"]);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: norms.id, title: norms.title, status: norms.status, positionCount: norms.positionCount })
      .from(norms)
      .where(coverable)
      .orderBy(desc(norms.positionCount), asc(norms.createdAt), asc(norms.id))
      .limit(STOCKTAKE_MAX_NORMS),
    db.select({ n: count() }).from(norms).where(coverable),
  ]);
  return { eligible: total?.n ?? 0, limit: STOCKTAKE_MAX_NORMS, norms: rows };
}

export async function openStocktake(db: Db, actor: Actor, input: z.output<typeof openStocktakeInput>) {
  return db.transaction(async (tx) => {
    const normIds = input.normIds ?? (await coverableNorms(tx)).norms.map((n) => n.id);
    const referenceIds = input.referenceNormIds ?? (await tx.select({ id: referenceNorms.id }).from(referenceNorms).orderBy(asc(referenceNorms.position))).map((r) => r.id);
    if (normIds.length) {
      const found = await tx.select({ id: norms.id, submittedAt: norms.submittedAt }).from(norms).where(inArray(norms.id, normIds));
      if (found.length !== new Set(normIds).size || found.some((n) => !isPublicNorm(n))) {
        throw badInput("Choose public norms only.", { normIds: "One of the chosen norms does not exist or is a draft." });
      }
    }
    if (referenceIds.length) {
      const found = await tx.select({ id: referenceNorms.id }).from(referenceNorms).where(inArray(referenceNorms.id, referenceIds));
      if (found.length !== new Set(referenceIds).size) throw badInput("Choose reference norms from the library.", { referenceNormIds: "Unknown reference norm." });
    }
    if (normIds.length + referenceIds.length === 0) throw badInput("A stock-take must cover at least one norm.", { normIds: "Choose at least one norm." });
    let st: Stocktake;
    try {
      [st] = (await tx
        .insert(stocktakes)
        .values({ year: input.year, opensOn: input.opensOn, closesOn: input.closesOn, narrative: emptyNarrative(), createdById: actor.id })
        .returning()) as [Stocktake];
    } catch (error) {
      if (pgErrorCode(error) === "23505") throw conflict(`The ${input.year} stock-take is already open.`, { year: "There is already a stock-take for this year." });
      throw error;
    }
    const items = [
      ...[...new Set(normIds)].map((normId) => ({ normId, referenceNormId: null })),
      ...[...new Set(referenceIds)].map((referenceNormId) => ({ normId: null, referenceNormId })),
    ].map((item, position) => ({ ...item, stocktakeId: st.id, position }));
    await tx.insert(stocktakeItems).values(items);
    return { year: st.year, items: items.length };
  });
}

export async function closeStocktake(db: Db, actor: Actor, year: number) {
  return db.transaction(async (tx) => {
    const [st] = await tx.select().from(stocktakes).where(eq(stocktakes.year, year)).for("update");
    if (!st) throw notFound(`The ${year} stock-take`);
    const w = windowOf(st);
    if (w.state === "closed") throw invalidState(`The ${year} submission window is already closed.`);
    if (w.state === "upcoming") throw invalidState(`The ${year} submission window has not opened yet.`);
    const now = clock.now();
    await tx.update(stocktakes).set({ closedAt: now, closedById: actor.id, updatedAt: now }).where(eq(stocktakes.id, st.id));
    return { year, closedAt: now };
  });
}

export async function saveNarrative(db: Db, _actor: Actor, input: z.output<typeof narrativeInput>) {
  const st = await stocktakeOf(db, input.year);
  // A placeholder must name a figure the report will have (server/domain/narrative-figures.ts).
  const problems = narrativeProblems(input, await coveredItems(db, st.id));
  if (Object.keys(problems).length) throw badInput("The narrative cites a figure the report does not have.", problems);
  await db
    .update(stocktakes)
    .set({ narrative: { summary: input.summary, categories: input.categories }, updatedAt: clock.now() })
    .where(eq(stocktakes.id, st.id));
  return { year: st.year };
}

// ---------------------------------------------------------------------------------------------
// Representatives: implementation statements

async function itemOf(db: DbOrTx, stocktakeId: string, itemId: string) {
  const item = await db.query.stocktakeItems.findFirst({ where: and(eq(stocktakeItems.id, itemId), eq(stocktakeItems.stocktakeId, stocktakeId)) });
  if (!item) throw badInput("Choose a norm this stock-take covers.", { itemId: "This norm is not covered by the stock-take." });
  return item;
}

async function requireVerifiedRepresentative(db: DbOrTx, actor: Actor, organizationId: string) {
  const organization = await db.query.organizations.findFirst({ columns: { name: true, verificationStatus: true }, where: eq(organizations.id, organizationId) });
  if (!organization) throw notFound("The organisation");
  if (!(await isRepresentative(db, actor.id, organizationId))) throw forbidden(`Only a representative of ${organization.name} can do this.`);
  if (organization.verificationStatus !== "verified") throw invalidState(`${organization.name} is not verified, so it cannot file statements or replies.`);
  return organization;
}

/**
 * A statement or reply written for a countersigned entry (server/domain/countersign.ts): the actor
 * is the countersigner, who must represent the organisation; the record names who entered it as
 * well. `within` runs in the write's transaction after it, so a refusal there undoes the write.
 */
export interface FilingOptions {
  enteredById?: string;
  countersignedById?: string;
  within?: (tx: Tx, written: { id: string }) => Promise<void>;
}

export async function fileStatement(db: Db, actor: Actor, input: z.output<typeof statementInput>, options: FilingOptions = {}) {
  await requireVerifiedRepresentative(db, actor, input.organizationId);
  const recordedById = options.enteredById ?? actor.id;
  const countersignedById = options.countersignedById ?? null;
  return db.transaction(async (tx) => {
    const st = await lockOpenStocktake(tx, input.year, "statements can be filed and changed");
    const item = await itemOf(tx, st.id, input.itemId);
    const now = clock.now();
    const [row] = await tx
      .insert(implementationStatements)
      .values({ itemId: item.id, organizationId: input.organizationId, status: input.status, text: input.text, links: input.links, recordedById, countersignedById })
      .onConflictDoUpdate({
        target: [implementationStatements.itemId, implementationStatements.organizationId],
        set: { status: input.status, text: input.text, links: input.links, recordedById, countersignedById, updatedAt: now },
      })
      .returning({ id: implementationStatements.id });
    // The organisation's representatives follow the stock-take it filed in (issue 18).
    await followForRepresentatives(tx, input.organizationId, followTarget("stocktake", st.year), "stocktake");
    const written = { id: row!.id };
    await options.within?.(tx, written);
    return written;
  });
}

/** What a representative's statement form needs: the covered items and their organisations' statements. */
export async function statementForm(db: Db, actor: Actor, year: number) {
  const st = await stocktakeOf(db, year);
  const represented = await db
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(and(eq(organizationMembers.userId, actor.id), eq(organizationMembers.role, "representative"), eq(organizations.verificationStatus, "verified")))
    .orderBy(asc(organizations.name));
  const statements = represented.length
    ? await db
        .select({
          itemId: implementationStatements.itemId,
          organizationId: implementationStatements.organizationId,
          status: implementationStatements.status,
          text: implementationStatements.text,
          links: implementationStatements.links,
          updatedAt: implementationStatements.updatedAt,
        })
        .from(implementationStatements)
        .innerJoin(stocktakeItems, eq(stocktakeItems.id, implementationStatements.itemId))
        .where(and(eq(stocktakeItems.stocktakeId, st.id), inArray(implementationStatements.organizationId, represented.map((o) => o.id))))
    : [];
  return { year, window: windowOf(st), organizations: represented, items: await coveredItems(db, st.id), statements };
}

// ---------------------------------------------------------------------------------------------
// Members: behaviour observations; the secretariat reviews; named organisations reply

/** What a logged observation names, checked: forum organisations verified, each actor once. */
async function checkedActors(tx: Tx, actors: z.output<typeof observationInput>["actors"]) {
  const orgIds = actors.flatMap((a) => (a.kind === "organization" ? [a.organizationId] : []));
  const countries = actors.flatMap((a) => (a.kind === "state" ? [a.country] : []));
  if (new Set(orgIds).size !== orgIds.length || new Set(countries).size !== countries.length) {
    throw badInput("Name each actor once.", { actors: "An organisation or a state is named twice." });
  }
  const found = orgIds.length
    ? await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(inArray(organizations.id, orgIds), eq(organizations.verificationStatus, "verified")))
    : [];
  if (found.length !== orgIds.length) throw badInput("Name organisations of the forum that are verified.", { actors: "One of the organisations is not in the forum." });
  return orgIds;
}

/**
 * Logs an observation coded under the current codebook. The forum organisations it names are told
 * at once and have the codebook's reply window before it may be accepted (reviewObservation).
 */
export async function logObservation(db: Db, actor: Actor, input: z.output<typeof observationInput>) {
  return db.transaction(async (tx) => {
    const st = await lockOpenStocktake(tx, input.year, "observations can be logged");
    const itemIds = [...new Set(input.assessments.map((a) => a.itemId))];
    const items = await tx.select({ id: stocktakeItems.id }).from(stocktakeItems).where(and(eq(stocktakeItems.stocktakeId, st.id), inArray(stocktakeItems.id, itemIds)));
    if (items.length !== itemIds.length) throw badInput("Choose norms this stock-take covers.", { assessments: "One of the chosen norms is not covered by this stock-take." });
    if (itemIds.length !== input.assessments.length) throw badInput("Assess each norm once.", { assessments: "A norm is listed twice." });
    const orgIds = await checkedActors(tx, input.actors);
    const book = currentCodebook();
    const now = clock.now();
    const [row] = await tx
      .insert(observations)
      .values({
        stocktakeId: st.id,
        reporterId: actor.id,
        title: input.title,
        description: input.description,
        occurredOn: input.occurredOn,
        occurredUntil: input.occurredUntil ?? null,
        sources: input.sources.map((s) => (s.archiveUrl ? { url: s.url, archiveUrl: s.archiveUrl } : { url: s.url })),
        codebookVersion: book.version,
        attributionStatus: input.attributionStatus,
        attributedBy: input.attributedBy ?? null,
        attributionSource: input.attributionSource ?? null,
        confidence: input.confidence,
        evidenceType: input.evidenceType,
        replyUntil: orgIds.length && book.replyWindowDays ? new Date(now.getTime() + book.replyWindowDays * DAY) : null,
        createdAt: now,
      })
      .returning({ id: observations.id, stocktakeId: observations.stocktakeId, replyUntil: observations.replyUntil });
    const observationId = row!.id;
    await tx.insert(observationActors).values(
      input.actors.map((a, position) => ({
        observationId,
        position,
        kind: a.kind,
        organizationId: a.kind === "organization" ? a.organizationId : null,
        country: a.kind === "state" ? a.country : null,
        label: a.kind === "unattributed" ? (a.label ?? null) : null,
      })),
    );
    if (orgIds.length) await tx.insert(observationOrganizations).values(orgIds.map((organizationId) => ({ observationId, organizationId })));
    await tx.insert(observationAssessments).values(input.assessments.map((a) => ({ observationId, itemId: a.itemId, assessment: a.assessment })));
    await tellNamedOrganizations(tx, actor, row!);
    return { id: observationId, replyUntil: row!.replyUntil };
  });
}

export type ReviewBlock = { reason: "reporter" } | { reason: "member"; organizations: string[] } | { reason: "reviewed" };

/**
 * Why this person may not review this observation, or null when they may: nobody reviews an
 * observation they logged, or one naming an organisation they belong to.
 */
export function reviewBlock(reporterId: string, actorId: string, namedOrganizationsOfActor: string[]): ReviewBlock | null {
  if (reporterId === actorId) return { reason: "reporter" };
  if (namedOrganizationsOfActor.length) return { reason: "member", organizations: namedOrganizationsOfActor };
  return null;
}

const reviewRefusal = (block: ReviewBlock) =>
  block.reason === "reporter"
    ? "You cannot review this observation: you logged it. Another member of the secretariat reviews it."
    : block.reason === "reviewed"
      ? "You have already reviewed this observation. Another member of the secretariat decides it."
      : `You cannot review this observation: it names ${block.organizations.join(", ")}, which you belong to. Another member of the secretariat reviews it.`;

/** The organisations named in these observations that this person belongs to, by observation. */
async function namedOrganizationsOf(db: DbOrTx, userId: string, observationIds: string[]) {
  const rows = observationIds.length
    ? await db
        .select({ observationId: observationOrganizations.observationId, name: organizations.name })
        .from(observationOrganizations)
        .innerJoin(organizations, eq(organizations.id, observationOrganizations.organizationId))
        .innerJoin(organizationMembers, and(eq(organizationMembers.organizationId, organizations.id), eq(organizationMembers.userId, userId)))
        .where(inArray(observationOrganizations.observationId, observationIds))
        .orderBy(asc(organizations.name))
    : [];
  return (observationId: string) => rows.filter((r) => r.observationId === observationId).map((r) => r.name);
}

/** Where an observation's reviews stand: accepted by two, rejected by two, or still pending. */
export function reviewOutcome(decisions: readonly ("accept" | "reject")[]) {
  const accepts = decisions.filter((d) => d === "accept").length;
  const rejects = decisions.length - accepts;
  const status = accepts >= 2 ? ("accepted" as const) : rejects >= 2 ? ("rejected" as const) : ("pending" as const);
  return { status, accepts, rejects, needsThird: status === "pending" && accepts === 1 && rejects === 1 };
}

/**
 * One secretariat member's decision. Two who agree decide it; one accept and one reject wait for
 * a third. Nobody reviews an observation twice, or one they logged or that names their
 * organisation; nobody accepts it while the organisations it names are within their reply window
 * and have not all replied.
 */
export async function reviewObservation(db: Db, actor: Actor, input: z.output<typeof reviewObservationInput>) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(observations).where(eq(observations.id, input.observationId)).for("update");
    if (!row) throw notFound("The observation");
    if (row.status !== "pending") throw invalidState(`This observation was already ${row.status}.`);
    const block = reviewBlock(row.reporterId, actor.id, (await namedOrganizationsOf(tx, actor.id, [row.id]))(row.id));
    if (block) throw forbidden(reviewRefusal(block));
    const earlier = await tx.select({ reviewerId: observationReviews.reviewerId, decision: observationReviews.decision }).from(observationReviews).where(eq(observationReviews.observationId, row.id));
    if (earlier.some((r) => r.reviewerId === actor.id)) throw conflict("You have already reviewed this observation. Another member of the secretariat decides it.");
    const now = clock.now();
    if (input.decision === "accept" && row.replyUntil && now < row.replyUntil) {
      const waiting = resultRows<{ name: string }>(
        await tx.execute(sql`
          select o.name from observation_organizations oo join organizations o on o.id = oo.organization_id
          where oo.observation_id = ${row.id}::uuid
            and not exists (select 1 from observation_replies r where r.observation_id = oo.observation_id and r.organization_id = oo.organization_id)
          order by o.name`),
      );
      if (waiting.length) {
        throw invalidState(
          `This observation cannot be accepted before ${longDate(row.replyUntil)}: the organisations it names have until then to reply. Not yet replied: ${waiting.map((w) => w.name).join(", ")}.`,
        );
      }
    }
    await tx.insert(observationReviews).values({ observationId: row.id, reviewerId: actor.id, decision: input.decision, reason: input.note || null, createdAt: now });
    const outcome = reviewOutcome([...earlier.map((r) => r.decision), input.decision]);
    if (outcome.status !== "pending") {
      const reasons =
        outcome.status === "rejected"
          ? (await tx.select({ reason: observationReviews.reason }).from(observationReviews).where(and(eq(observationReviews.observationId, row.id), eq(observationReviews.decision, "reject"))).orderBy(asc(observationReviews.createdAt)))
              .map((r) => r.reason)
              .filter(Boolean)
              .join("\n\n")
          : input.note;
      await tx
        .update(observations)
        .set({ status: outcome.status, reviewNote: reasons || null, reviewedById: actor.id, reviewedAt: now })
        .where(eq(observations.id, row.id));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "observation.reviewed",
      targetType: "observation",
      targetId: row.id,
      details: { title: row.title, decision: input.decision, outcome: outcome.status, needsThird: outcome.needsThird },
    });
    return { id: row.id, status: outcome.status, needsThird: outcome.needsThird };
  });
}

/**
 * Each forum organisation an observation names hears of it through its representatives (issue
 * 18) as soon as it is logged, with the day its reply window ends; replies stay open until the
 * year's report is first published.
 */
async function tellNamedOrganizations(tx: Tx, actor: Actor, observation: { id: string; stocktakeId: string; replyUntil: Date | null }) {
  const named = resultRows<{ id: string; name: string; year: number; representatives: string[] }>(
    await tx.execute(sql`
      select o.id, o.name, s.year, array(select r.user_id::text from (${representativesSql(sql`o.id`)}) r) as representatives
      from observation_organizations oo
      join organizations o on o.id = oo.organization_id
      join stocktakes s on s.id = ${observation.stocktakeId}::uuid
      where oo.observation_id = ${observation.id}::uuid`),
  );
  await emitEvents(
    tx,
    named.map((o) => ({
      kind: "organization.observed" as const,
      recipientIds: o.representatives,
      actorId: actor.id,
      link: `/stocktakes/${o.year}#observation-${observation.id}`,
      details: { organization: o.name, year: Number(o.year), replyBy: observation.replyUntil ? longDate(new Date(observation.replyUntil.getTime() - 1)) : "none" },
    })),
  );
}

/**
 * Replies may be added and changed until the year's report is first published, never after. The
 * stock-take row is share-locked for the rest of the transaction; publication takes it for update
 * when it starts its run, so a reply either commits before the report reads the replies, or waits
 * and is refused.
 */
async function lockRepliesOpen(tx: Tx, stocktakeId: string) {
  const [st] = await tx.select().from(stocktakes).where(eq(stocktakes.id, stocktakeId)).for("share");
  if (!st) throw notFound("The stock-take");
  const [first] = await tx
    .select({ publishedAt: stocktakeRevisions.publishedAt })
    .from(stocktakeRevisions)
    .where(eq(stocktakeRevisions.stocktakeId, st.id))
    .orderBy(asc(stocktakeRevisions.revision))
    .limit(1);
  if (first) throw invalidState(`The ${st.year} report was published on ${longDate(first.publishedAt)}; replies can no longer be added or changed.`);
  const running = await tx.query.stocktakePublications.findFirst({
    columns: { id: true },
    where: and(eq(stocktakePublications.stocktakeId, st.id), eq(stocktakePublications.status, "running")),
  });
  if (running) throw invalidState(`The ${st.year} report is being published; replies can no longer be added or changed.`);
}

export async function replyToObservation(db: Db, actor: Actor, input: z.output<typeof replyInput>, options: FilingOptions = {}) {
  const row = await db.query.observations.findFirst({ where: eq(observations.id, input.observationId) });
  const named = row
    ? await db.query.observationOrganizations.findFirst({
        where: and(eq(observationOrganizations.observationId, row.id), eq(observationOrganizations.organizationId, input.organizationId)),
      })
    : undefined;
  // Organisations named see the observation while it is pending (they were told of it).
  if (!row || (row.status !== "accepted" && !named && row.reporterId !== actor.id && !isStaff(actor))) throw notFound("The observation");
  await requireVerifiedRepresentative(db, actor, input.organizationId);
  if (row.status === "rejected") throw invalidState("This observation was rejected; replies can no longer be attached.");
  if (!named) throw forbidden("Only an organisation named in the observation can reply to it.");
  return db.transaction(async (tx) => {
    await lockRepliesOpen(tx, row.stocktakeId);
    const now = clock.now();
    const authorId = options.enteredById ?? actor.id;
    const countersignedById = options.countersignedById ?? null;
    const [reply] = await tx
      .insert(observationReplies)
      .values({ observationId: row.id, organizationId: input.organizationId, text: input.text, authorId, countersignedById })
      .onConflictDoUpdate({ target: [observationReplies.observationId, observationReplies.organizationId], set: { text: input.text, authorId, countersignedById, updatedAt: now } })
      .returning({ id: observationReplies.id });
    const written = { id: reply!.id };
    await options.within?.(tx, written);
    return written;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

async function coveredItems(db: DbOrTx, stocktakeId: string) {
  const rows = await db
    .select({
      id: stocktakeItems.id,
      position: stocktakeItems.position,
      normId: stocktakeItems.normId,
      referenceNormId: stocktakeItems.referenceNormId,
      normSlug: norms.slug,
      normTitle: norms.title,
      normStatus: norms.status,
      referenceDisplay: referenceNorms.display,
      referenceDocument: referenceNorms.documentKey,
    })
    .from(stocktakeItems)
    .leftJoin(norms, eq(norms.id, stocktakeItems.normId))
    .leftJoin(referenceNorms, eq(referenceNorms.id, stocktakeItems.referenceNormId))
    .where(eq(stocktakeItems.stocktakeId, stocktakeId))
    .orderBy(asc(stocktakeItems.position));
  return rows.map((r) =>
    r.normId
      ? { id: r.id, kind: "forum" as const, key: `norm:${r.normSlug}`, title: r.normTitle!, slug: r.normSlug!, status: r.normStatus, referenceId: null }
      : { id: r.id, kind: "reference" as const, key: `reference:${r.referenceNormId}`, title: r.referenceDisplay!, slug: null, status: null, referenceId: r.referenceNormId! },
  );
}

async function revisionsOf(db: DbOrTx, stocktakeId: string) {
  return db
    .select({ revision: stocktakeRevisions.revision, publishedAt: stocktakeRevisions.publishedAt, sha256: stocktakeRevisions.sha256, erratum: stocktakeRevisions.erratum })
    .from(stocktakeRevisions)
    .where(eq(stocktakeRevisions.stocktakeId, stocktakeId))
    .orderBy(desc(stocktakeRevisions.revision));
}

/** Each stock-take's progress (who filed, observations by status), for several years in two queries. */
async function progressOf(db: DbOrTx, stocktakeIds: string[]) {
  const [filed, byStatus] = stocktakeIds.length
    ? await Promise.all([
        db
          .select({
            stocktakeId: stocktakeItems.stocktakeId,
            organizations: sql<number>`count(distinct ${implementationStatements.organizationId})::int`,
            statements: count(),
          })
          .from(implementationStatements)
          .innerJoin(stocktakeItems, eq(stocktakeItems.id, implementationStatements.itemId))
          .where(inArray(stocktakeItems.stocktakeId, stocktakeIds))
          .groupBy(stocktakeItems.stocktakeId),
        db
          .select({ stocktakeId: observations.stocktakeId, status: observations.status, n: count() })
          .from(observations)
          .where(inArray(observations.stocktakeId, stocktakeIds))
          .groupBy(observations.stocktakeId, observations.status),
      ])
    : [[], []];
  return (stocktakeId: string) => {
    const f = filed.find((r) => r.stocktakeId === stocktakeId);
    const n = (status: string) => byStatus.find((o) => o.stocktakeId === stocktakeId && o.status === status)?.n ?? 0;
    return {
      organizationsFiled: f?.organizations ?? 0,
      statements: f?.statements ?? 0,
      observationsPending: n("pending"),
      observationsAccepted: n("accepted"),
      observationsRejected: n("rejected"),
    };
  };
}

export async function listStocktakes(db: Db) {
  const rows = await db.select().from(stocktakes).orderBy(desc(stocktakes.year));
  const progress = await progressOf(db, rows.map((r) => r.id));
  const revisions = rows.length
    ? await db
        .select({ stocktakeId: stocktakeRevisions.stocktakeId, revision: max(stocktakeRevisions.revision), publishedAt: max(stocktakeRevisions.publishedAt) })
        .from(stocktakeRevisions)
        .where(inArray(stocktakeRevisions.stocktakeId, rows.map((r) => r.id)))
        .groupBy(stocktakeRevisions.stocktakeId)
    : [];
  return rows.map((st) => {
    const published = revisions.find((r) => r.stocktakeId === st.id);
    const w = windowOf(st);
    return {
      year: st.year,
      opensOn: st.opensOn,
      closesOn: st.closesOn,
      window: w.state,
      closedAt: w.closedAt,
      published: published?.revision ? { revision: published.revision, publishedAt: published.publishedAt! } : null,
      progress: progress(st.id),
    };
  });
}

/** One year: its window, what it covers, progress figures, accepted observations, and its published revisions. */
export async function getStocktake(db: Db, actor: Actor | null, year: number) {
  const st = await stocktakeOf(db, year);
  const staff = isStaff(actor);
  const [items, published, pdfs, progress, accepted, running, publication] = await Promise.all([
    coveredItems(db, st.id),
    revisionsOf(db, st.id),
    reportPdfsByRevision(db, st.id),
    progressOf(db, [st.id]),
    observationsOf(db, actor, st.id),
    publishing(db, st.id),
    staff
      ? db.query.stocktakePublications.findFirst({ where: eq(stocktakePublications.stocktakeId, st.id), orderBy: desc(stocktakePublications.startedAt) })
      : undefined,
  ]);
  const w = windowOf(st);
  // Each revision with its PDF in every language rendered so far (server/domain/stocktake-report-pdfs.ts).
  const revisions = published.map((r) => ({ ...r, pdfs: pdfs.get(r.revision) ?? [] }));
  return {
    year: st.year,
    opensOn: st.opensOn,
    closesOn: st.closesOn,
    window: w.state,
    closedAt: w.closedAt,
    items,
    progress: progress(st.id),
    // Replies close when the report is first published, and while it is being published.
    observations: revisions.length || running ? accepted.map((o) => ({ ...o, viewer: { ...o.viewer, canReplyFor: [] as string[] } })) : accepted,
    revisions,
    current: revisions[0] ?? null,
    // The secretariat's draft: the narrative, and the last publication run.
    draft: staff ? { narrative: st.narrative, publication: publication ?? null } : null,
  };
}

async function publishing(db: DbOrTx, stocktakeId: string) {
  const run = await db.query.stocktakePublications.findFirst({
    columns: { id: true },
    where: and(eq(stocktakePublications.stocktakeId, stocktakeId), eq(stocktakePublications.status, "running")),
  });
  return Boolean(run);
}

/**
 * Observations as this reader may see them: accepted ones for everyone; pending and rejected for
 * their reporter and the secretariat; pending ones also for the representatives of organisations
 * they name (who were told of them, to reply).
 */
async function observationsOf(db: Db, actor: Actor | null, stocktakeId: string) {
  const staff = isStaff(actor);
  const mine = actor
    ? await db
        .select({ organizationId: organizationMembers.organizationId })
        .from(organizationMembers)
        .where(and(eq(organizationMembers.userId, actor.id), eq(organizationMembers.role, "representative")))
    : [];
  const mineIds = mine.map((m) => m.organizationId);
  const namingMine = mineIds.length
    ? and(
        eq(observations.status, "pending"),
        inArray(observations.id, db.select({ id: observationOrganizations.observationId }).from(observationOrganizations).where(inArray(observationOrganizations.organizationId, mineIds))),
      )
    : undefined;
  const rows = await db
    .select()
    .from(observations)
    .where(
      and(
        eq(observations.stocktakeId, stocktakeId),
        staff ? undefined : actor ? or(eq(observations.status, "accepted"), eq(observations.reporterId, actor.id), namingMine) : eq(observations.status, "accepted"),
      ),
    )
    .orderBy(asc(observations.occurredOn), asc(observations.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [actorRows, assessed, replies, reviews, corrections] = await Promise.all([
    db
      .select({
        observationId: observationActors.observationId,
        kind: observationActors.kind,
        id: observationActors.organizationId,
        slug: organizations.slug,
        name: organizations.name,
        country: observationActors.country,
        label: observationActors.label,
      })
      .from(observationActors)
      .leftJoin(organizations, eq(organizations.id, observationActors.organizationId))
      .where(inArray(observationActors.observationId, ids))
      .orderBy(asc(observationActors.observationId), asc(observationActors.position)),
    db
      .select({ observationId: observationAssessments.observationId, itemId: observationAssessments.itemId, assessment: observationAssessments.assessment })
      .from(observationAssessments)
      .where(inArray(observationAssessments.observationId, ids)),
    db
      .select({ observationId: observationReplies.observationId, organizationId: observationReplies.organizationId, slug: organizations.slug, name: organizations.name, text: observationReplies.text, updatedAt: observationReplies.updatedAt })
      .from(observationReplies)
      .innerJoin(organizations, eq(organizations.id, observationReplies.organizationId))
      .where(inArray(observationReplies.observationId, ids)),
    db
      .select({ observationId: observationReviews.observationId, reviewerId: observationReviews.reviewerId, reviewer: users.displayName, decision: observationReviews.decision, reason: observationReviews.reason, createdAt: observationReviews.createdAt })
      .from(observationReviews)
      .innerJoin(users, eq(users.id, observationReviews.reviewerId))
      .where(inArray(observationReviews.observationId, ids))
      .orderBy(asc(observationReviews.createdAt)),
    db
      .select({ observationId: observationCorrections.observationId, id: observationCorrections.id, text: observationCorrections.text, status: observationCorrections.status, answer: observationCorrections.answer, answeredAt: observationCorrections.answeredAt, createdAt: observationCorrections.createdAt })
      .from(observationCorrections)
      .where(inArray(observationCorrections.observationId, ids))
      .orderBy(asc(observationCorrections.createdAt)),
  ]);
  const actorsOf = groupBy(actorRows, (a) => a.observationId);
  const reviewsOf = groupBy(reviews, (r) => r.observationId);
  const namedOfActor = staff && actor ? await namedOrganizationsOf(db, actor.id, rows.filter((r) => r.status === "pending").map((r) => r.id)) : null;
  return rows.map((r) => {
    const named = actorsOf.get(r.id) ?? [];
    const orgs = named.flatMap((a) => (a.kind === "organization" && a.id ? [{ id: a.id, slug: a.slug!, name: a.name! }] : []));
    const rs = reviewsOf.get(r.id) ?? [];
    const outcome = reviewOutcome(rs.map((x) => x.decision));
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      occurredOn: r.occurredOn,
      occurredUntil: r.occurredUntil,
      status: r.status,
      codebookVersion: r.codebookVersion,
      // The reason for a rejection is shown to its reporter and the secretariat.
      reviewNote: staff || r.reporterId === actor?.id ? r.reviewNote : null,
      actors: named.map((a) =>
        a.kind === "organization"
          ? { kind: "organization" as const, organization: { id: a.id!, slug: a.slug!, name: a.name! } }
          : a.kind === "state"
            ? { kind: "state" as const, country: a.country! }
            : { kind: "unattributed" as const, label: a.label },
      ),
      organizations: orgs,
      attribution: r.attributionStatus ? { status: r.attributionStatus, by: r.attributedBy, source: r.attributionSource } : null,
      confidence: r.confidence,
      evidenceType: r.evidenceType,
      sources: r.sources,
      replyUntil: r.replyUntil,
      singleReviewer: r.singleReviewer,
      // Who reviewed is the secretariat's business; the public sees how many agreed.
      reviews: staff ? rs.map(({ reviewerId, reviewer, decision, reason, createdAt }) => ({ reviewerId, reviewer, decision, reason, createdAt })) : [],
      needsThird: staff && outcome.needsThird,
      assessments: assessed.filter((a) => a.observationId === r.id).map(({ itemId, assessment }) => ({ itemId, assessment })),
      replies: replies.filter((x) => x.observationId === r.id).map(({ organizationId, slug, name, text, updatedAt }) => ({ organizationId, slug, name, text, updatedAt })),
      corrections: r.status === "accepted" ? corrections.filter((c) => c.observationId === r.id).map(({ id, text, status, answer, answeredAt, createdAt }) => ({ id, text, status, answer, answeredAt, createdAt })) : [],
      createdAt: r.createdAt,
      viewer: {
        isReporter: r.reporterId === actor?.id,
        // For the secretariat: why this reader may not review this pending observation, if so.
        reviewBlock:
          namedOfActor && r.status === "pending"
            ? (reviewBlock(r.reporterId, actor!.id, namedOfActor(r.id)) ?? (rs.some((x) => x.reviewerId === actor!.id) ? { reason: "reviewed" as const } : null))
            : null,
        // Organisations this reader represents that are named here and may reply.
        canReplyFor: r.status !== "rejected" && actor && !actor.suspension ? orgs.filter((o) => mineIds.includes(o.id)).map((o) => o.id) : [],
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Corrections after publication: anyone signed in asks; the secretariat answers; both public

export async function requestCorrection(db: Db, actor: Actor, input: z.output<typeof correctionRequestInput>) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ id: observations.id, status: observations.status, stocktakeId: observations.stocktakeId }).from(observations).where(eq(observations.id, input.observationId));
    if (!row || row.status !== "accepted") throw notFound("The observation");
    const [first] = await tx.select({ revision: stocktakeRevisions.revision }).from(stocktakeRevisions).where(eq(stocktakeRevisions.stocktakeId, row.stocktakeId)).limit(1);
    if (!first) throw invalidState("Corrections can be asked for once the year's report is published. Until then, the organisations named may reply.");
    const [open] = await tx
      .select({ n: count() })
      .from(observationCorrections)
      .where(and(eq(observationCorrections.requesterId, actor.id), eq(observationCorrections.status, "open")));
    if ((open?.n ?? 0) >= MAX_OPEN_CORRECTIONS) throw invalidState(`You have ${MAX_OPEN_CORRECTIONS} correction requests waiting for an answer. Ask again once the secretariat has answered them.`);
    const [created] = await tx.insert(observationCorrections).values({ observationId: row.id, requesterId: actor.id, text: input.text, createdAt: clock.now() }).returning({ id: observationCorrections.id });
    return { id: created!.id };
  });
}

/** Correction requests one person may have waiting at once: enough for honest use, a bound on abuse. */
export const MAX_OPEN_CORRECTIONS = 5;

export async function answerCorrection(db: Db, actor: Actor, input: z.output<typeof correctionAnswerInput>) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(observationCorrections).where(eq(observationCorrections.id, input.correctionId)).for("update");
    if (!row) throw notFound("The correction request");
    if (row.status === "answered") throw invalidState("This correction request was already answered.");
    const now = clock.now();
    await tx.update(observationCorrections).set({ status: "answered", answer: input.answer, answeredById: actor.id, answeredAt: now }).where(eq(observationCorrections.id, row.id));
    const [about] = await tx.select({ title: observations.title }).from(observations).where(eq(observations.id, row.observationId));
    await recordAudit(tx, { actorId: actor.id, action: "observation.correction_answered", targetType: "observation", targetId: row.observationId, details: { title: about?.title, correctionId: row.id } });
    return { id: row.id };
  });
}

/** The public log of correction requests and answers, newest first. */
export async function correctionLog(db: Db, input: { limit: number }) {
  return db
    .select({
      id: observationCorrections.id,
      observationId: observations.id,
      title: observations.title,
      year: stocktakes.year,
      text: observationCorrections.text,
      status: observationCorrections.status,
      answer: observationCorrections.answer,
      answeredAt: observationCorrections.answeredAt,
      createdAt: observationCorrections.createdAt,
    })
    .from(observationCorrections)
    .innerJoin(observations, eq(observations.id, observationCorrections.observationId))
    .innerJoin(stocktakes, eq(stocktakes.id, observations.stocktakeId))
    .orderBy(desc(observationCorrections.createdAt))
    .limit(input.limit);
}

// ---------------------------------------------------------------------------------------------
// Building the snapshot

/** Groups rows by a key, keeping their order: one pass instead of a filter per item. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Each covered norm's positions as they stood at `closedAt`, with their organisations: each
 * organisation's last history entry by then, unless that entry withdrew its adherence to a
 * concluded norm (then it had no position at that moment). "By then" is when the public could
 * see the entry: a position recorded during a sealed endorsement stage counts only if it was
 * revealed before the window closed (sealed.ts). A revealed entry is an ordinary position once
 * public, and the snapshot holds no recording times, so its format is unchanged (2): what it holds
 * is still each organisation's position as the public saw it at the close.
 */
function positionsAsOf(db: DbOrTx, stocktakeId: string, closedAt: Date) {
  const h = normPositionHistory;
  const last = db
    .selectDistinctOn([h.organizationId], {
      normId: h.normId,
      organizationId: h.organizationId,
      kind: h.kind,
      stance: h.stance,
      statement: h.statement,
      version: h.version,
      clauses: h.clauses,
    })
    .from(h)
    // Public by then: an entry recorded during a sealed endorsement stage counts from its reveal (sealed.ts).
    .where(and(eq(h.normId, stocktakeItems.normId), sql`coalesce(${h.revealedAt}, ${h.recordedAt}) <= ${closedAt.toISOString()}::timestamptz`))
    .orderBy(desc(h.organizationId), desc(h.sequence))
    .as("last");
  return db
    .select({
      normId: last.normId,
      organizationId: last.organizationId,
      stance: last.stance,
      statement: last.statement,
      version: last.version,
      clauses: last.clauses,
      slug: organizations.slug,
      name: organizations.name,
      stakeholderType: organizations.stakeholderType,
      region: organizations.region,
      country: organizations.country,
      verificationStatus: organizations.verificationStatus,
    })
    .from(stocktakeItems)
    .innerJoinLateral(last, sql`true`)
    .innerJoin(organizations, eq(organizations.id, last.organizationId))
    .where(and(eq(stocktakeItems.stocktakeId, stocktakeId), isNotNull(stocktakeItems.normId), ne(last.kind, "withdrawn")));
}

/**
 * Everything the snapshot needs, read as of the moment the window closed. Each read is one
 * set-based statement over the covered norms (joined to the stock-take's items in SQL, so no list
 * of ids is sent), served by an index, and its rows are grouped once in memory: the cost grows
 * with what the stock-take covers, not with the positions and norms the forum holds.
 */
export async function gatherSnapshotInput(db: DbOrTx, st: Stocktake, closedAt: Date, revision: number, publishedAt: Date, erratum: string | null): Promise<SnapshotInput> {
  const items = await coveredItems(db, st.id);
  const covered = db.select({ normId: stocktakeItems.normId }).from(stocktakeItems).where(and(eq(stocktakeItems.stocktakeId, st.id), isNotNull(stocktakeItems.normId)));
  const forumCount = items.filter((i) => i.kind === "forum").length;
  const refIds = items.filter((i) => i.kind === "reference").map((i) => i.referenceId!);
  const [forum, versions, positions, events, placements, refs, refCats, statements, accepted, rejected] = await Promise.all([
    forumCount ? db.select({ itemId: stocktakeItems.id, normId: stocktakeItems.normId }).from(stocktakeItems).where(and(eq(stocktakeItems.stocktakeId, st.id), isNotNull(stocktakeItems.normId))) : [],
    // Each covered norm's text as it stood: its last version created before the close.
    forumCount
      ? db
          .selectDistinctOn([normVersions.normId], { normId: normVersions.normId, number: normVersions.number, title: normVersions.title, clauses: normVersions.clauses })
          .from(normVersions)
          .where(and(inArray(normVersions.normId, covered), lte(normVersions.createdAt, closedAt)))
          .orderBy(normVersions.normId, desc(normVersions.number))
      : [],
    // Positions as they stood: each organisation's last history entry before the close, with the
    // organisation. Per covered norm (a lateral join), so each norm's few hundred entries are
    // sorted in memory on their own, and only the organisations that spoke are looked up.
    forumCount ? positionsAsOf(db, st.id, closedAt) : [],
    // Each covered norm's status as it stood: the last status change before the close.
    forumCount
      ? db
          .selectDistinctOn([normEvents.normId], { normId: normEvents.normId, toStatus: normEvents.toStatus })
          .from(normEvents)
          .where(and(inArray(normEvents.normId, covered), isNotNull(normEvents.toStatus), lte(normEvents.createdAt, closedAt)))
          .orderBy(normEvents.normId, desc(normEvents.createdAt))
      : [],
    forumCount ? db.select({ normId: normPlacements.normId, categoryCode: normPlacements.categoryCode }).from(normPlacements).where(inArray(normPlacements.normId, covered)) : [],
    refIds.length ? db.select().from(referenceNorms).where(inArray(referenceNorms.id, refIds)) : [],
    refIds.length ? db.select().from(referenceNormCategories).where(inArray(referenceNormCategories.normId, refIds)) : [],
    db
      .select({ itemId: implementationStatements.itemId, organizationId: implementationStatements.organizationId, status: implementationStatements.status, text: implementationStatements.text, links: implementationStatements.links })
      .from(implementationStatements)
      .innerJoin(stocktakeItems, eq(stocktakeItems.id, implementationStatements.itemId))
      .where(eq(stocktakeItems.stocktakeId, st.id)),
    observationsOf(db as Db, null, st.id),
    db.select({ n: count() }).from(observations).where(and(eq(observations.stocktakeId, st.id), eq(observations.status, "rejected"))),
  ]);
  const orgRows = new Map(positions.map((p) => [p.organizationId, { id: p.organizationId, slug: p.slug, name: p.name, stakeholderType: p.stakeholderType, region: p.region, country: p.country, verificationStatus: p.verificationStatus }]));
  // Organisations that filed, were named or replied but took no position: few, read by id.
  const others = [
    ...new Set([...statements.map((s) => s.organizationId), ...accepted.flatMap((o) => [...o.organizations.map((x) => x.id), ...o.replies.map((r) => r.organizationId)])]),
  ].filter((id) => !orgRows.has(id));
  if (others.length) {
    const rows = await db
      .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, stakeholderType: organizations.stakeholderType, region: organizations.region, country: organizations.country, verificationStatus: organizations.verificationStatus })
      .from(organizations)
      .where(inArray(organizations.id, others));
    for (const o of rows) orgRows.set(o.id, o);
  }
  const slugOf = (id: string) => orgRows.get(id)!.slug;
  const itemKey = new Map(items.map((i) => [i.id, i.key]));
  const normOfItem = new Map(forum.map((f) => [f.itemId, f.normId!]));
  const versionOf = new Map(versions.map((v) => [v.normId, v]));
  const statusOf = new Map(events.map((e) => [e.normId, e.toStatus]));
  const positionsOf = groupBy(positions, (p) => p.normId);
  const placementsOf = groupBy(placements, (p) => p.normId);
  const statementsOf = groupBy(statements, (s) => s.itemId);
  const refById = new Map(refs.map((r) => [r.id, r]));
  const refCatsOf = groupBy(refCats, (c) => c.normId);
  const snapshotItems: SnapshotInput["items"] = items.map((item) => {
    const itemStatements = (statementsOf.get(item.id) ?? []).map((s) => ({ organization: slugOf(s.organizationId), status: s.status, text: s.text, links: s.links }));
    if (item.kind === "reference") {
      const ref = refById.get(item.referenceId!)!;
      return {
        key: item.key,
        kind: "reference" as const,
        title: ref.display,
        categories: (refCatsOf.get(ref.id) ?? []).map((c) => c.categoryCode).sort(),
        text: [ref.text],
        version: null,
        status: null,
        document: ref.documentKey,
        positions: [],
        statements: itemStatements,
      };
    }
    const normId = normOfItem.get(item.id)!;
    const version = versionOf.get(normId);
    const status = statusOf.get(normId) ?? "draft";
    return {
      key: item.key,
      kind: "forum" as const,
      title: version?.title ?? item.title,
      categories: (placementsOf.get(normId) ?? []).map((p) => p.categoryCode).sort(),
      text: version?.clauses ?? [],
      version: version?.number ?? null,
      status: status as NormStatus,
      document: null,
      positions: (positionsOf.get(normId) ?? []).map((p) => ({
        organization: p.slug,
        stance: p.stance,
        statement: p.statement,
        version: p.version,
        clauses: p.clauses,
        current: p.version === version?.number,
      })),
      statements: itemStatements,
    };
  });
  return {
    year: st.year,
    revision,
    publishedAt,
    erratum,
    window: { opensOn: st.opensOn, closesOn: st.closesOn, closedAt },
    narrative: { summary: st.narrative.summary, categories: Object.fromEntries(categoryCodes.map((c) => [c, st.narrative.categories[c] ?? ""])) },
    organizations: [...orgRows.values()].map((o) => ({ slug: o.slug, name: o.name, stakeholderType: o.stakeholderType, region: o.region, country: o.country, verified: o.verificationStatus === "verified" })),
    items: snapshotItems,
    observations: accepted.map((o) => ({
      id: o.id,
      title: o.title,
      description: o.description,
      occurredOn: o.occurredOn,
      occurredUntil: o.occurredUntil,
      codebookVersion: o.codebookVersion,
      organizations: o.organizations.map((x) => x.slug),
      actors: o.actors.map((a) =>
        a.kind === "organization" ? { kind: a.kind, organization: a.organization.slug } : a.kind === "state" ? { kind: a.kind, country: a.country } : { kind: a.kind, label: a.label },
      ),
      attribution: o.attribution,
      confidence: o.confidence,
      evidenceType: o.evidenceType,
      sources: o.sources.map((s) => (s.archiveUrl ? { url: s.url, archiveUrl: s.archiveUrl } : { url: s.url })),
      review: o.singleReviewer ? { singleReviewer: true as const } : { reviewers: 2 as const },
      assessments: o.assessments.map((a) => ({ item: itemKey.get(a.itemId)!, assessment: a.assessment })),
      replies: o.replies.map((r) => ({ organization: r.slug, text: r.text })),
    })),
    rejectedObservations: rejected[0]?.n ?? 0,
    previous: null,
    previousSha256: null,
  };
}

/** The previous year's current revision, parsed, for the year-over-year comparison. */
async function previousSnapshot(db: DbOrTx, year: number) {
  const [row] = await db
    .select({ snapshot: stocktakeRevisions.snapshot, sha256: stocktakeRevisions.sha256 })
    .from(stocktakeRevisions)
    .innerJoin(stocktakes, eq(stocktakes.id, stocktakeRevisions.stocktakeId))
    .where(sql`${stocktakes.year} < ${year}`)
    .orderBy(desc(stocktakes.year), desc(stocktakeRevisions.revision))
    .limit(1);
  return row ? { snapshot: JSON.parse(row.snapshot) as Snapshot, sha256: row.sha256 } : null;
}

async function snapshotFor(db: DbOrTx, st: Stocktake, revision: number, publishedAt: Date, erratum: string | null) {
  const w = windowOf(st);
  if (w.state !== "closed") {
    throw invalidState(
      w.state === "upcoming"
        ? `The ${st.year} submission window has not opened yet.`
        : `The ${st.year} submission window is open until the end of ${longDate(new Date(w.end.getTime() - 1))}. Close it before publishing.`,
    );
  }
  const input = await gatherSnapshotInput(db, st, w.closedAt!, revision, publishedAt, erratum);
  const previous = await previousSnapshot(db, st.year);
  try {
    return buildSnapshot({ ...input, previous: previous?.snapshot ?? null, previousSha256: previous?.sha256 ?? null });
  } catch (error) {
    // Saved before a covered norm was renamed, say: the narrative must be corrected first.
    if (error instanceof NarrativeFigureError) throw badInput(`The narrative cites a figure the report does not have: ${error.message}`, error.problems);
    throw error;
  }
}

/** The draft report exactly as it would be published now (the secretariat's preview). */
export async function previewReport(db: Db, year: number) {
  const st = await stocktakeOf(db, year);
  const revisions = await revisionsOf(db, st.id);
  const snapshot = await snapshotFor(db, st, (revisions[0]?.revision ?? 0) + 1, clock.now(), null);
  return { snapshot, sha256: sha256(canonicalJson(snapshot)) };
}

// ---------------------------------------------------------------------------------------------
// Publishing

export type PdfRenderer = (snapshot: Snapshot, sha256: string) => Promise<Buffer>;

/**
 * Before a publication: once the year's window has closed, readies what renders the PDF (`warm`:
 * the PDF thread's warm-up, server/stocktake-pdf/in-worker.ts), so the first publication after a
 * start does not also wait for the renderer to load (docs/performance.md). Not awaited: the page
 * asking shows at once. Says whether it did (false while the window is open).
 */
export async function preparePublication(db: Db, year: number, warm: () => Promise<void>) {
  const st = await stocktakeOf(db, year);
  if (windowOf(st).state !== "closed") return { prepared: false };
  void warm();
  return { prepared: true };
}

async function setStep(db: Db, id: string, step: string) {
  await db.update(stocktakePublications).set({ step }).where(eq(stocktakePublications.id, id));
}

/**
 * What a revision publishes, from the stock-take as it stands: the snapshot (figures as of the
 * close), its canonical JSON and SHA-256, the PDF and the CSV. publishStocktake stores them; the
 * large-dataset generator (scripts/large-dataset/stocktakes.ts) uses it too, so that its
 * published hashes are made, and verify, exactly as the forum's own.
 */
export async function renderRevision(
  db: DbOrTx,
  st: Stocktake,
  revision: number,
  publishedAt: Date,
  erratum: string | null,
  renderPdf: PdfRenderer,
  onStep: (step: "pdf" | "csv") => Promise<void> = async () => {},
) {
  const snapshot = await snapshotFor(db, st, revision, publishedAt, erratum);
  const json = canonicalJson(snapshot);
  const hash = sha256(json);
  await onStep("pdf");
  const pdf = await renderPdf(snapshot, hash);
  await onStep("csv");
  const csv = snapshotCsv(snapshot, hash);
  return { snapshot, json, hash, pdf, csv };
}

/**
 * Publishes a new revision: builds the figures, renders the PDF and CSV, then writes the revision
 * in one transaction at the end, so it is wholly published or not at all. The steps are recorded
 * as they run, so the secretariat's page can show progress; one run at a time per year.
 */
export async function publishStocktake(db: Db, actor: Actor, input: z.output<typeof publishInput>, renderPdf: PdfRenderer) {
  const st = await stocktakeOf(db, input.year);
  const revisions = await revisionsOf(db, st.id);
  const revision = (revisions[0]?.revision ?? 0) + 1;
  const erratum = input.erratum?.trim() || null;
  if (revision > 1 && !erratum) {
    throw badInput("A correction is published as a new revision with an erratum saying what changed.", { erratum: "Say what this revision corrects." });
  }
  if (revision === 1 && erratum) throw badInput("The first revision has no erratum.", { erratum: "Leave this empty for the first publication." });
  // Refuse early (before starting a run) while the window is open.
  if (windowOf(st).state !== "closed") await snapshotFor(db, st, revision, clock.now(), erratum);
  let run: { id: string };
  try {
    // Taking the row for update waits for replies in flight (they hold it for share), so the report reads them.
    run = await db.transaction(async (tx) => {
      await tx.select({ id: stocktakes.id }).from(stocktakes).where(eq(stocktakes.id, st.id)).for("update");
      const [started] = await tx.insert(stocktakePublications).values({ stocktakeId: st.id, step: "figures", startedById: actor.id }).returning({ id: stocktakePublications.id });
      return started!;
    });
  } catch (error) {
    if (pgErrorCode(error) === "23505") throw conflict(`The ${st.year} report is already being published. Wait for that to finish.`);
    throw error;
  }
  try {
    const publishedAt = clock.now();
    const { json, hash, pdf, csv } = await renderRevision(db, st, revision, publishedAt, erratum, renderPdf, (step) => setStep(db, run.id, step));
    await setStep(db, run.id, "saving");
    await db.transaction(async (tx) => {
      await tx.select({ id: stocktakes.id }).from(stocktakes).where(eq(stocktakes.id, st.id)).for("update");
      const [latest] = await tx.select({ revision: max(stocktakeRevisions.revision) }).from(stocktakeRevisions).where(eq(stocktakeRevisions.stocktakeId, st.id));
      if ((latest?.revision ?? 0) !== revision - 1) throw conflict("Another revision was published meanwhile. Reload the page.");
      await tx.insert(stocktakeRevisions).values({ stocktakeId: st.id, revision, publishedAt, erratum, snapshot: json, sha256: hash, pdf, csv, publishedById: actor.id });
      // The year's followers and the forum's hear of the report, and of each correction (issue 18).
      await emitEvent(tx, {
        kind: revision === 1 ? "stocktake.published" : "stocktake.erratum",
        targets: [followTarget("stocktake", st.year), followTarget("forum")],
        actorId: actor.id,
        link: revision === 1 ? `/stocktakes/${st.year}` : `/stocktakes/${st.year}/revisions/${revision}`,
        details: { year: st.year, revision, hash },
      });
      await tx.update(stocktakePublications).set({ status: "done", step: "done", revision, finishedAt: clock.now() }).where(eq(stocktakePublications.id, run.id));
    });
    // Committed: the job queue renders the report in the other languages now, outside publishing's time budget.
    revisionPublished();
    return { year: st.year, revision, sha256: hash };
  } catch (error) {
    const message = error instanceof Error ? error.message : "Publishing failed.";
    await db.update(stocktakePublications).set({ status: "failed", error: message.slice(0, 500), finishedAt: clock.now() }).where(eq(stocktakePublications.id, run.id));
    throw error;
  }
}

export async function publicationProgress(db: Db, year: number) {
  const st = await stocktakeOf(db, year);
  const run = await db.query.stocktakePublications.findFirst({ where: eq(stocktakePublications.stocktakeId, st.id), orderBy: desc(stocktakePublications.startedAt) });
  return run ? { status: run.status, step: run.step, error: run.error, revision: run.revision, startedAt: run.startedAt, finishedAt: run.finishedAt } : null;
}

/**
 * A published revision (the current one by default), with its exact bytes: `pdf` is the
 * authoritative-language PDF published with it, or the one in `language` when asked for (not found
 * until the job has rendered it); `pdfs` lists every language's PDF rendered so far.
 */
export async function publishedRevision(db: Db, year: number, revision?: number, language?: Locale) {
  const st = await stocktakeOf(db, year);
  const [row] = await db
    .select()
    .from(stocktakeRevisions)
    .where(and(eq(stocktakeRevisions.stocktakeId, st.id), revision ? eq(stocktakeRevisions.revision, revision) : undefined))
    .orderBy(desc(stocktakeRevisions.revision))
    .limit(1);
  if (!row) throw notFound(revision ? `Revision ${revision} of the ${year} report` : `A published ${year} report`);
  const [latest] = await db.select({ revision: max(stocktakeRevisions.revision) }).from(stocktakeRevisions).where(eq(stocktakeRevisions.stocktakeId, st.id));
  const translated = language && language !== REPORT_AUTHORITATIVE_LANGUAGE ? await reportPdfIn(db, row.id, language) : null;
  if (language && language !== REPORT_AUTHORITATIVE_LANGUAGE && !translated) {
    throw notFound(`The ${LANGUAGE_NAMES_EN[language]} PDF of revision ${row.revision} of the ${year} report`);
  }
  const pdfs = (await reportPdfsByRevision(db, st.id)).get(row.revision) ?? [];
  return {
    year,
    revision: row.revision,
    current: row.revision === latest?.revision,
    latestRevision: latest?.revision ?? row.revision,
    publishedAt: row.publishedAt,
    erratum: row.erratum,
    sha256: row.sha256,
    snapshot: row.snapshot,
    csv: row.csv,
    pdf: translated?.pdf ?? row.pdf,
    language: language ?? REPORT_AUTHORITATIVE_LANGUAGE,
    pdfSha256: translated?.sha256 ?? pdfs.find((p) => p.language === REPORT_AUTHORITATIVE_LANGUAGE)?.sha256 ?? sha256(row.pdf),
    pdfs,
  };
}
