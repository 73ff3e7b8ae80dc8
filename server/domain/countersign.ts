// Countersignature (issue 17): an organisation may require that its positions, implementation
// statements and replies be countersigned by a second representative before they are published.
// An entry then waits apart, in organization_entries, seen only by the organisation's
// representatives and touching nothing public; countersigning writes it through the direct
// write's own code (recordPosition, fileStatement, replyToObservation), with the countersigner as
// the actor and the representative who entered it named as well, and marks the entry published in
// the same transaction. Every refusal of the direct write applies at entry and at countersignature.
// A pending entry lapses COUNTERSIGN_DAYS after it was submitted, on the forum's clock: computed
// when it is read or countersigned, so no sweep is needed.
import "server-only";
import { and, eq, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "~/db/connect";
import { norms, organizationEntries, organizations, stocktakeItems, stocktakes, type EntryContent } from "~/db/schema";
import type { recordPositionInput } from "~/server/schemas/positions";
import type { replyInput, statementInput } from "~/server/schemas/stocktakes";
import { COUNTERSIGN_DAYS, type EntryKind } from "~/server/schemas/clearance";
import { clock } from "../clock";
import { conflict, forbidden, invalidState, notFound, pgConstraint, pgErrorCode } from "../errors";
import { type Action, type Actor, authorize, isRepresentative } from "../policy";
import { CountersignatureRequired, recordPosition } from "./positions";
import { fileStatement, replyToObservation } from "./stocktakes";

const DAY = 24 * 60 * 60 * 1000;
type PositionInput = z.output<typeof recordPositionInput>;
type StatementInput = z.output<typeof statementInput>;
type ReplyInput = z.output<typeof replyInput>;
export type Entry = typeof organizationEntries.$inferSelect;

/** When a pending entry submitted at `submittedAt` lapses. */
export const lapsesAt = (submittedAt: Date) => new Date(submittedAt.getTime() + COUNTERSIGN_DAYS * DAY);
/** A pending entry past its countersignature period: shown as lapsed, no longer countersigned. */
export const hasLapsed = (entry: Pick<Entry, "state" | "submittedAt">, now = clock.now()) =>
  entry.state === "pending" && entry.submittedAt !== null && lapsesAt(entry.submittedAt) <= now;
/** The state a reader sees: a pending entry past its period is lapsed. */
export const shownState = (entry: Pick<Entry, "state" | "submittedAt">, now = clock.now()) => (hasLapsed(entry, now) ? "lapsed" : entry.state);

const longDate = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** Whether the organisation requires countersignature (false for an organisation not found: the write refuses it). */
export async function requiresCountersignature(db: DbOrTx, organizationId: string) {
  const row = await db.query.organizations.findFirst({ columns: { requiresCountersignature: true }, where: eq(organizations.id, organizationId) });
  return row?.requiresCountersignature ?? false;
}

/** The direct write's input an entry stands for. */
export type WriteInput = { kind: "position"; input: PositionInput } | { kind: "statement"; input: StatementInput } | { kind: "reply"; input: ReplyInput };

/** The entry's target and content columns for a write input. */
export function entryColumns(write: WriteInput): Pick<Entry, "kind" | "organizationId" | "normId" | "stocktakeItemId" | "observationId" | "content"> {
  const none = { normId: null, stocktakeItemId: null, observationId: null };
  switch (write.kind) {
    case "position": {
      const { normId, organizationId, stance, statement, clauses } = write.input;
      return { ...none, kind: "position", organizationId, normId, content: { stance, statement, clauses: [...clauses].sort((a, b) => a - b) } };
    }
    case "statement": {
      const { itemId, organizationId, status, text, links } = write.input;
      return { ...none, kind: "statement", organizationId, stocktakeItemId: itemId, content: { status, text, links } };
    }
    case "reply": {
      const { observationId, organizationId, text } = write.input;
      return { ...none, kind: "reply", organizationId, observationId, content: { text } };
    }
  }
}

/** The direct write's input an entry stands for (a statement's year read from its item). */
export async function writeInputOf(db: DbOrTx, entry: Entry): Promise<WriteInput> {
  const content = entry.content as EntryContent & Record<string, unknown>;
  switch (entry.kind) {
    case "position": {
      const c = content as Extract<EntryContent, { stance: unknown }>;
      return { kind: "position", input: { normId: entry.normId!, organizationId: entry.organizationId, stance: c.stance, statement: c.statement, clauses: c.clauses } };
    }
    case "statement": {
      const c = content as Extract<EntryContent, { status: unknown }>;
      const [item] = await db
        .select({ year: stocktakes.year })
        .from(stocktakeItems)
        .innerJoin(stocktakes, eq(stocktakes.id, stocktakeItems.stocktakeId))
        .where(eq(stocktakeItems.id, entry.stocktakeItemId!));
      if (!item) throw notFound("The stock-take item");
      return { kind: "statement", input: { year: item.year, itemId: entry.stocktakeItemId!, organizationId: entry.organizationId, status: c.status, text: c.text, links: c.links } };
    }
    case "reply":
      return { kind: "reply", input: { observationId: entry.observationId!, organizationId: entry.organizationId, text: (content as { text: string }).text } };
  }
}

interface WriteOptions {
  enteredById?: string;
  countersignedById?: string;
  /** Runs in the write's transaction after it; `changed` is false when the write said nothing new. */
  within?: (tx: Tx, changed: boolean) => Promise<void>;
}

/**
 * Why a countersigned position cannot be written now, or null: while a norm's endorsement stage is
 * sealed (server/domain/sealed.ts) positions wait apart until it reveals, and an entry waiting for
 * countersignature is not one of them yet.
 */
const sealedRefusal =
  "This norm's endorsement stage is sealed. A position from clearance or for countersignature cannot be recorded while the stage is sealed: record it on the norm's page, or enter it again once the stage has revealed its positions.";
export async function refuseSealed(db: DbOrTx, w: WriteInput) {
  if (w.kind !== "position") return;
  const norm = await db.query.norms.findFirst({ columns: { status: true, stageSealed: true, stageClosedAt: true }, where: eq(norms.id, w.input.normId) });
  if (norm && norm.status === "endorsement" && norm.stageSealed && !norm.stageClosedAt) throw invalidState(sealedRefusal);
}

/** Writes an entry to the public record through the direct write's own code. */
export async function write(db: Db, actor: Actor, w: WriteInput, options: WriteOptions = {}) {
  try {
    return await writeOnce(db, actor, w, options);
  } catch (error) {
    // The database's guard against a public write in a sealed stage (migration 0034).
    if (pgErrorCode(error) === "NFSEA") throw invalidState(sealedRefusal);
    throw error;
  }
}

async function writeOnce(db: Db, actor: Actor, w: WriteInput, options: WriteOptions) {
  const within = options.within;
  const opts = { enteredById: options.enteredById, countersignedById: options.countersignedById };
  switch (w.kind) {
    case "position":
      return { kind: w.kind, ...(await recordPosition(db, actor, w.input, { ...opts, throughClearance: true, within: within && ((tx, written) => within(tx, written.changed)) })) };
    case "statement":
      return { kind: w.kind, ...(await fileStatement(db, actor, w.input, { ...opts, within: within && ((tx) => within(tx, true)) })) };
    case "reply":
      return { kind: w.kind, ...(await replyToObservation(db, actor, w.input, { ...opts, within: within && ((tx) => within(tx, true)) })) };
  }
}

class Rehearsed extends Error {
  constructor(readonly unchanged: boolean) {
    super("rehearsed");
  }
}

/**
 * Runs the direct write and rolls it back: every refusal it would give now (the norm's state and
 * clock, the stage, the window, verification, observers, clauses, representation) is given, and
 * nothing is written. Answers whether the write would have changed nothing.
 */
export async function rehearse(db: Db, actor: Actor, w: WriteInput): Promise<{ unchanged: boolean }> {
  try {
    await write(db, actor, w, {
      within: async (_tx, changed) => {
        throw new Rehearsed(!changed);
      },
    });
  } catch (error) {
    if (error instanceof Rehearsed) return { unchanged: error.unchanged };
    throw error;
  }
  // A write that returned without running `within` did not happen (cannot: every write runs it).
  throw new Error("A rehearsed write was committed.");
}

async function organizationName(db: DbOrTx, organizationId: string) {
  const row = await db.query.organizations.findFirst({ columns: { name: true }, where: eq(organizations.id, organizationId) });
  return row?.name ?? "The organisation";
}

const targetWords: Record<EntryKind, string> = { position: "position on this norm", statement: "statement on this norm", reply: "reply to this observation" };

/** A pending entry for this organisation and target exists already (the partial unique index). */
const isPendingClash = (error: unknown) => pgErrorCode(error) === "23505" && pgConstraint(error) === "organization_entries_pending_key";

/**
 * Sends an entry for countersignature: checked by rehearsing the direct write, then stored as
 * pending (a new row, or the draft `draftId` moved on). A pending entry for the same target that
 * has lapsed is marked lapsed first; one still waiting is a conflict.
 */
export async function submitForCountersignature(db: Db, actor: Actor, w: WriteInput, draftId?: string) {
  const columns = entryColumns(w);
  const name = await organizationName(db, columns.organizationId);
  await refuseSealed(db, w);
  const { unchanged } = await rehearse(db, actor, w);
  if (unchanged) throw invalidState(`${name}'s ${targetWords[w.kind]} already says this, so there is nothing to countersign.`);
  const now = clock.now();
  try {
    return await db.transaction(async (tx) => {
      const target =
        columns.kind === "position"
          ? eq(organizationEntries.normId, columns.normId!)
          : columns.kind === "statement"
            ? eq(organizationEntries.stocktakeItemId, columns.stocktakeItemId!)
            : eq(organizationEntries.observationId, columns.observationId!);
      await tx
        .update(organizationEntries)
        .set({ state: "lapsed", updatedAt: now })
        .where(
          and(
            eq(organizationEntries.organizationId, columns.organizationId),
            eq(organizationEntries.kind, columns.kind),
            target,
            eq(organizationEntries.state, "pending"),
            lte(organizationEntries.submittedAt, new Date(now.getTime() - COUNTERSIGN_DAYS * DAY)),
          ),
        );
      const values = { ...columns, state: "pending" as const, enteredById: actor.id, submittedAt: now, updatedAt: now };
      const [row] = draftId
        ? await tx
            .update(organizationEntries)
            .set(values)
            .where(and(eq(organizationEntries.id, draftId), eq(organizationEntries.state, "draft")))
            .returning({ id: organizationEntries.id })
        : await tx.insert(organizationEntries).values(values).returning({ id: organizationEntries.id });
      if (!row) throw conflict("This draft was submitted or discarded meanwhile.");
      return { entryId: row.id, lapsesAt: lapsesAt(now) };
    });
  } catch (error) {
    if (isPendingClash(error)) {
      throw conflict(`A ${targetWords[w.kind]} of ${name} is already waiting for countersignature. Countersign, decline or withdraw it first.`);
    }
    throw error;
  }
}

/**
 * The direct writes as their procedures call them: written at once by `direct` (for positions,
 * the sealed-stage aware write the procedure uses), or, where the organisation requires
 * countersignature, sent for it (`pendingEntryId`).
 */
export async function enterPosition<R extends object>(db: Db, actor: Actor, input: PositionInput, direct: (db: Db, actor: Actor, input: PositionInput) => Promise<R>) {
  // The direct write asks itself, in its one statement, whether the organisation requires
  // countersignature (positions.ts): if it does, nothing was written, and the entry is submitted.
  try {
    return { ...(await direct(db, actor, input)), pendingEntryId: null };
  } catch (error) {
    if (!(error instanceof CountersignatureRequired)) throw error;
  }
  const { entryId } = await submitForCountersignature(db, actor, { kind: "position", input });
  const norm = await db.query.norms.findFirst({ columns: { slug: true }, where: eq(norms.id, input.normId) });
  // Nothing public changed, and it has no place in the public sequence until it is countersigned.
  return { slug: norm!.slug, changed: false, sequence: null, pendingEntryId: entryId };
}

export async function enterStatement(db: Db, actor: Actor, input: StatementInput) {
  if (!(await requiresCountersignature(db, input.organizationId))) return { ...(await fileStatement(db, actor, input)), pendingEntryId: null };
  const { entryId } = await submitForCountersignature(db, actor, { kind: "statement", input });
  return { id: null, pendingEntryId: entryId };
}

export async function enterReply(db: Db, actor: Actor, input: ReplyInput) {
  if (!(await requiresCountersignature(db, input.organizationId))) return { ...(await replyToObservation(db, actor, input)), pendingEntryId: null };
  const { entryId } = await submitForCountersignature(db, actor, { kind: "reply", input });
  return { id: null, pendingEntryId: entryId };
}

/**
 * The entry, for a representative of its organisation: "not found" for anyone else, the
 * secretariat included, so that nobody outside learns that it exists.
 */
export async function entryForRepresentative(db: DbOrTx, action: Action, actor: Actor, entryId: string) {
  authorize(action, actor);
  const entry = await db.query.organizationEntries.findFirst({ where: eq(organizationEntries.id, entryId) });
  if (!entry || !(await isRepresentative(db, actor.id, entry.organizationId))) throw notFound("The entry");
  return entry;
}

const stateWords: Record<Entry["state"], string> = {
  draft: "is a draft that has not been submitted",
  pending: "is waiting for countersignature",
  published: "was published already",
  declined: "was declined",
  withdrawn: "was withdrawn",
  lapsed: "lapsed",
};

/** Refuses unless the entry is pending and within its countersignature period. */
function requirePending(entry: Entry, now: Date) {
  if (entry.state !== "pending") throw invalidState(`This entry ${stateWords[entry.state]}, so it cannot be countersigned or declined.`);
  if (hasLapsed(entry, now)) {
    throw invalidState(
      `This entry lapsed on ${longDate(lapsesAt(entry.submittedAt!))}, ${COUNTERSIGN_DAYS} days after it was submitted, and can no longer be countersigned. Its author can submit it again.`,
    );
  }
}

/**
 * A second representative countersigns a pending entry: it is written through the direct write
 * (every refusal applies), naming who entered it and who countersigned it, and the entry is
 * marked published in the same transaction. Whoever entered it cannot countersign it.
 */
export async function countersignEntry(db: Db, actor: Actor, entryId: string) {
  const entry = await entryForRepresentative(db, "clearance.countersign", actor, entryId);
  const now = clock.now();
  requirePending(entry, now);
  const name = await organizationName(db, entry.organizationId);
  if (entry.enteredById === actor.id) {
    throw forbidden(`You entered this entry, so you cannot countersign it yourself: another representative of ${name} must.`);
  }
  const w = await writeInputOf(db, entry);
  await refuseSealed(db, w);
  const written = await write(db, actor, w, {
    enteredById: entry.enteredById,
    countersignedById: actor.id,
    within: async (tx) => {
      const at = clock.now();
      const [marked] = await tx
        .update(organizationEntries)
        .set({ state: "published", decidedById: actor.id, decidedAt: at, updatedAt: at })
        .where(and(eq(organizationEntries.id, entry.id), eq(organizationEntries.state, "pending"), sql`${organizationEntries.submittedAt} > ${new Date(at.getTime() - COUNTERSIGN_DAYS * DAY).toISOString()}::timestamptz`))
        .returning({ id: organizationEntries.id });
      if (!marked) throw conflict("This entry was countersigned, declined, withdrawn or lapsed meanwhile.");
      if (!(await isRepresentative(tx, entry.enteredById, entry.organizationId))) {
        throw invalidState(`The representative who entered this entry no longer represents ${name}, so it cannot be published. Decline it, and enter it again yourself if it should stand.`);
      }
    },
  });
  return { entryId: entry.id, kind: entry.kind, organizationId: entry.organizationId, written };
}

/** A second representative declines a pending entry: it is never published. */
export async function declineEntry(db: Db, actor: Actor, entryId: string) {
  const entry = await entryForRepresentative(db, "clearance.decline", actor, entryId);
  requirePending(entry, clock.now());
  if (entry.enteredById === actor.id) throw forbidden("You entered this entry: withdraw it instead of declining it.");
  return decide(db, entry, actor, "pending", "declined");
}

/**
 * Its author withdraws a pending (or lapsed) entry; any representative discards a draft. Either
 * way it is never published.
 */
export async function withdrawEntry(db: Db, actor: Actor, entryId: string) {
  const entry = await entryForRepresentative(db, "clearance.withdraw", actor, entryId);
  if (entry.state === "draft") return decide(db, entry, actor, "draft", "withdrawn");
  if (entry.state !== "pending") throw invalidState(`This entry ${stateWords[entry.state]}, so it cannot be withdrawn.`);
  if (entry.enteredById !== actor.id) {
    throw forbidden("Only the representative who entered this entry can withdraw it. You can countersign or decline it.");
  }
  return decide(db, entry, actor, "pending", "withdrawn");
}

async function decide(db: Db, entry: Entry, actor: Actor, from: "draft" | "pending", to: "declined" | "withdrawn") {
  const at = clock.now();
  const [row] = await db
    .update(organizationEntries)
    .set({ state: to, decidedById: actor.id, decidedAt: at, updatedAt: at })
    .where(and(eq(organizationEntries.id, entry.id), eq(organizationEntries.state, from)))
    .returning({ id: organizationEntries.id });
  if (!row) throw conflict("This entry was countersigned, declined or withdrawn meanwhile.");
  return { entryId: row.id, state: to };
}

/** Its representatives require, or stop requiring, countersignature. Entries already pending stay pending. */
export async function setCountersignature(db: Db, actor: Actor, input: { organizationId: string; required: boolean }) {
  authorize("clearance.setRequirement", actor);
  const name = await organizationName(db, input.organizationId);
  if (!(await isRepresentative(db, actor.id, input.organizationId))) throw forbidden(`Only a representative of ${name} can change this.`);
  await db
    .update(organizations)
    .set({ requiresCountersignature: input.required, updatedAt: clock.now() })
    .where(eq(organizations.id, input.organizationId));
  return { required: input.required };
}
