// Internal clearance (issue 17): a representative saves a position, implementation statement or
// reply as an organisation draft, which the organisation's representatives see, edit and download
// (PDF) to clear it inside their ministry or company, and then submit it: written at once, or sent
// for countersignature where the organisation requires that (countersign.ts). Drafts live in
// organization_entries with the pending entries and touch nothing public.
import "server-only";
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db, DbOrTx } from "~/db/connect";
import {
  norms,
  observationOrganizations,
  observations,
  organizationEntries,
  organizations,
  referenceNorms,
  stocktakeItems,
  stocktakes,
  users,
  type EntryContent,
} from "~/db/schema";
import type { positionDraftInput, replyDraftInput, statementDraftInput } from "~/server/schemas/clearance";
import { clock } from "../clock";
import { badInput, conflict, forbidden, notFound } from "../errors";
import { type Action, type Actor, authorize, isRepresentative } from "../policy";
import {
  entryColumns,
  entryForRepresentative,
  hasLapsed,
  lapsesAt,
  refuseSealed,
  requiresCountersignature,
  shownState,
  submitForCountersignature,
  write,
  type WriteInput,
  writeInputOf,
} from "./countersign";
import { personName } from "./person-name";

async function requireRepresentativeOf(db: DbOrTx, action: Action, actor: Actor, organizationId: string) {
  authorize(action, actor);
  const organization = await db.query.organizations.findFirst({
    columns: { id: true, name: true, slug: true, requiresCountersignature: true },
    where: eq(organizations.id, organizationId),
  });
  if (!organization) throw notFound("The organisation");
  if (!(await isRepresentative(db, actor.id, organizationId))) throw forbidden(`Only a representative of ${organization.name} can do this.`);
  return organization;
}

/** The target must be there for this organisation: a public norm, a covered item, an accepted observation naming it. */
async function checkTarget(db: DbOrTx, w: WriteInput) {
  switch (w.kind) {
    case "position": {
      const norm = await db.query.norms.findFirst({ columns: { id: true }, where: and(eq(norms.id, w.input.normId), isNotNull(norms.submittedAt)) });
      if (!norm) throw notFound("The norm");
      return;
    }
    case "statement": {
      const [item] = await db
        .select({ id: stocktakeItems.id })
        .from(stocktakeItems)
        .innerJoin(stocktakes, eq(stocktakes.id, stocktakeItems.stocktakeId))
        .where(and(eq(stocktakeItems.id, w.input.itemId), eq(stocktakes.year, w.input.year)));
      if (!item) throw badInput("Choose a norm this stock-take covers.", { itemId: "This norm is not covered by the stock-take." });
      return;
    }
    case "reply": {
      const [named] = await db
        .select({ id: observations.id })
        .from(observations)
        .innerJoin(observationOrganizations, eq(observationOrganizations.observationId, observations.id))
        .where(and(eq(observations.id, w.input.observationId), eq(observations.status, "accepted"), eq(observationOrganizations.organizationId, w.input.organizationId)));
      if (!named) throw notFound("The observation");
      return;
    }
  }
}

/** Saves a new draft, or changes the draft `entryId` (it stays with its organisation). */
async function saveDraft(db: Db, actor: Actor, action: Action, w: WriteInput, entryId: string | undefined) {
  const columns = entryColumns(w);
  await requireRepresentativeOf(db, action, actor, columns.organizationId);
  await checkTarget(db, w);
  const now = clock.now();
  if (!entryId) {
    const [row] = await db
      .insert(organizationEntries)
      .values({ ...columns, state: "draft", enteredById: actor.id, updatedAt: now })
      .returning({ id: organizationEntries.id });
    return { entryId: row!.id };
  }
  const existing = await entryForRepresentative(db, action, actor, entryId);
  if (existing.organizationId !== columns.organizationId) throw badInput("A draft stays with the organisation it was saved for.", { organizationId: "Save a new draft for another organisation." });
  if (existing.kind !== columns.kind) throw badInput("A draft keeps its kind.");
  const [row] = await db
    .update(organizationEntries)
    .set({ ...columns, enteredById: actor.id, updatedAt: now })
    .where(and(eq(organizationEntries.id, entryId), eq(organizationEntries.state, "draft")))
    .returning({ id: organizationEntries.id });
  if (!row) throw conflict("This draft was submitted or discarded meanwhile, so it can no longer be changed.");
  return { entryId: row.id };
}

export const savePositionDraft = (db: Db, actor: Actor, input: z.output<typeof positionDraftInput>) =>
  saveDraft(db, actor, "clearance.savePosition", { kind: "position", input: input.position }, input.entryId);
export const saveStatementDraft = (db: Db, actor: Actor, input: z.output<typeof statementDraftInput>) =>
  saveDraft(db, actor, "clearance.saveStatement", { kind: "statement", input: input.statement }, input.entryId);
export const saveReplyDraft = (db: Db, actor: Actor, input: z.output<typeof replyDraftInput>) =>
  saveDraft(db, actor, "clearance.saveReply", { kind: "reply", input: input.reply }, input.entryId);

/**
 * Submits a draft: published at once through the direct write (the draft marked published in the
 * same transaction), or sent for countersignature where the organisation requires it.
 */
export async function submitDraft(db: Db, actor: Actor, entryId: string) {
  const entry = await entryForRepresentative(db, "clearance.submit", actor, entryId);
  if (entry.state !== "draft") throw conflict("This entry is no longer a draft: it was submitted or discarded.");
  const w = await writeInputOf(db, entry);
  if (await requiresCountersignature(db, entry.organizationId)) {
    const pending = await submitForCountersignature(db, actor, w, entry.id);
    return { entryId: entry.id, state: "pending" as const, lapsesAt: pending.lapsesAt };
  }
  await refuseSealed(db, w);
  await write(db, actor, w, {
    within: async (tx) => {
      const at = clock.now();
      const [marked] = await tx
        .update(organizationEntries)
        .set({ state: "published", enteredById: actor.id, submittedAt: at, decidedAt: at, updatedAt: at })
        .where(and(eq(organizationEntries.id, entry.id), eq(organizationEntries.state, "draft")))
        .returning({ id: organizationEntries.id });
      if (!marked) throw conflict("This draft was submitted or discarded meanwhile.");
    },
  });
  return { entryId: entry.id, state: "published" as const, lapsesAt: null };
}

// ---------------------------------------------------------------------------------------------
// Reading: for the organisation's representatives only

const enteredBy = alias(users, "entered_by");
const decidedBy = alias(users, "decided_by");
const itemNorm = alias(norms, "item_norm");

/** An entry with its target and people named, as the clearance page and the PDF show it. */
function entryQuery(db: DbOrTx) {
  return db
    .select({
      id: organizationEntries.id,
      organizationId: organizationEntries.organizationId,
      kind: organizationEntries.kind,
      state: organizationEntries.state,
      content: organizationEntries.content,
      normId: organizationEntries.normId,
      stocktakeItemId: organizationEntries.stocktakeItemId,
      observationId: organizationEntries.observationId,
      submittedAt: organizationEntries.submittedAt,
      decidedAt: organizationEntries.decidedAt,
      createdAt: organizationEntries.createdAt,
      updatedAt: organizationEntries.updatedAt,
      enteredById: organizationEntries.enteredById,
      enteredBy: personName(enteredBy, true),
      decidedBy: personName(decidedBy, true),
      decidedById: organizationEntries.decidedById,
      norm: { slug: norms.slug, title: norms.title, currentVersion: norms.currentVersion },
      stocktakeYear: stocktakes.year,
      itemTitle: itemNorm.title,
      itemReference: referenceNorms.display,
      observationTitle: observations.title,
      organization: { name: organizations.name, slug: organizations.slug },
    })
    .from(organizationEntries)
    .innerJoin(organizations, eq(organizations.id, organizationEntries.organizationId))
    .innerJoin(enteredBy, eq(enteredBy.id, organizationEntries.enteredById))
    .leftJoin(decidedBy, eq(decidedBy.id, organizationEntries.decidedById))
    .leftJoin(norms, eq(norms.id, organizationEntries.normId))
    .leftJoin(stocktakeItems, eq(stocktakeItems.id, organizationEntries.stocktakeItemId))
    .leftJoin(stocktakes, eq(stocktakes.id, stocktakeItems.stocktakeId))
    .leftJoin(itemNorm, eq(itemNorm.id, stocktakeItems.normId))
    .leftJoin(referenceNorms, eq(referenceNorms.id, stocktakeItems.referenceNormId))
    .leftJoin(observations, eq(observations.id, organizationEntries.observationId))
    .$dynamic();
}

type Row = Awaited<ReturnType<ReturnType<typeof entryQuery>["execute"]>>[number];

function shape(row: Row, actor: Actor, now: Date) {
  const state = shownState(row, now);
  const title =
    row.kind === "position" ? (row.norm?.title ?? "") : row.kind === "statement" ? (row.itemTitle ?? row.itemReference ?? "") : (row.observationTitle ?? "");
  return {
    id: row.id,
    organizationId: row.organizationId,
    organization: row.organization,
    kind: row.kind,
    state,
    content: row.content as EntryContent,
    target: {
      title,
      normId: row.normId,
      normSlug: row.norm?.slug ?? null,
      currentVersion: row.norm?.currentVersion ?? null,
      stocktakeItemId: row.stocktakeItemId,
      year: row.stocktakeYear,
      observationId: row.observationId,
    },
    enteredBy: row.enteredBy,
    decidedBy: row.decidedById ? row.decidedBy : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    lapsesAt: row.submittedAt && row.state === "pending" ? lapsesAt(row.submittedAt) : null,
    viewer: {
      enteredIt: row.enteredById === actor.id,
      canCountersign: state === "pending" && row.enteredById !== actor.id,
      canWithdraw: state === "draft" || ((state === "pending" || state === "lapsed") && row.enteredById === actor.id),
      canEdit: state === "draft",
    },
  };
}
export type ClearanceEntry = ReturnType<typeof shape>;

/** Decided entries shown below the open ones: the most recent, for the organisation's own record. */
const RECENT_DECIDED = 20;

/** The organisation's drafts and pending entries, and the most recently decided ones. */
export async function entriesForOrganization(db: Db, actor: Actor, organizationId: string) {
  const organization = await requireRepresentativeOf(db, "clearance.entries", actor, organizationId);
  const now = clock.now();
  const [open, decided] = await Promise.all([
    entryQuery(db)
      .where(and(eq(organizationEntries.organizationId, organizationId), inArray(organizationEntries.state, ["draft", "pending"])))
      .orderBy(desc(organizationEntries.updatedAt)),
    entryQuery(db)
      .where(and(eq(organizationEntries.organizationId, organizationId), inArray(organizationEntries.state, ["published", "declined", "withdrawn", "lapsed"])))
      .orderBy(desc(organizationEntries.updatedAt))
      .limit(RECENT_DECIDED),
  ]);
  const shaped = open.map((r) => shape(r, actor, now));
  return {
    organization: { id: organization.id, name: organization.name, slug: organization.slug, requiresCountersignature: organization.requiresCountersignature },
    pending: shaped.filter((e) => e.state === "pending" || e.state === "lapsed"),
    drafts: shaped.filter((e) => e.state === "draft"),
    decided: decided.map((r) => shape(r, actor, now)),
  };
}

/** One entry, for a representative of its organisation (its edit form and its PDF). */
export async function entryDetail(db: Db, actor: Actor, entryId: string) {
  await entryForRepresentative(db, "clearance.entry", actor, entryId);
  const [row] = await entryQuery(db).where(eq(organizationEntries.id, entryId));
  if (!row) throw notFound("The entry");
  return shape(row, actor, clock.now());
}

export { hasLapsed };
