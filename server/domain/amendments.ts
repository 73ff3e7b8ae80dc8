// Amendments: during consultation anyone active may propose a change to one clause of the current
// text (new words, a new clause after it, or its removal) with a rationale, in their own name or an
// organisation's; others support it and discuss it; the norm's authors accept it into a new version
// that credits the amender, or decline it with a published reason. An amendment is written against
// the clause as it then stood: it is accepted only where those words are still in the latest text,
// and is otherwise reported as a conflict, never merged silently.
import { and, asc, count, eq, isNotNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "~/db/connect";
import { amendments, amendmentSupports, comments, normEvents, norms, normVersions, organizations, users } from "~/db/schema";
import type { AmendmentKind, AmendmentState, NormStatus, StakeholderType } from "~/server/schemas/vocabulary";
import { amendmentStates, stakeholderTypes } from "~/server/schemas/vocabulary";
import { clock } from "../clock";
import { reaffirmNeeded } from "../notifications/norm-events";
import { emitEvent } from "../notifications/events";
import { badInput, conflict, forbidden, invalidState, notFound } from "../errors";
import { type Actor, isRepresentative } from "../policy";
import { consume } from "../rate-limit";
import type { acceptAmendmentInput, declineAmendmentInput, proposeAmendmentInput, supportAmendmentInput } from "../schemas/amendments";
import { type DiffPart, diffWords } from "./diff";
import { visibleNorm } from "./norm-queries";
import { authorRole } from "./norms";
import { writeNormSearch } from "./translations";
import { followTarget } from "./notifications";
import { personName } from "./person-name";
import { stageClosedRefusal, stageHasClosed } from "./stage-clock";

// ---------------------------------------------------------------------------------------------
// Applying an amendment to a text (pure)

export interface AmendmentChange {
  kind: AmendmentKind;
  /** The clause (from 1) of the version it was written on. */
  clause: number;
  /** That clause's words then. */
  original: string;
  text: string;
}

/**
 * Where the clause an amendment was written on stands in `clauses` (from 0): the clause with the
 * same words, the nearest to its old place when several have them; null when none has them any
 * more (it was reworded or removed).
 */
export function locateClause(clauses: readonly string[], change: Pick<AmendmentChange, "clause" | "original">): number | null {
  let best: number | null = null;
  clauses.forEach((words, i) => {
    if (words !== change.original) return;
    if (best === null || Math.abs(i - (change.clause - 1)) < Math.abs(best - (change.clause - 1))) best = i;
  });
  return best;
}

export type Application = { applies: true; clauses: string[]; clause: number } | { applies: false; reason: "changed" | "lastClause" };

/** The text with the amendment made, and the clause (from 1) it changed or added; or why it cannot be. */
export function applyAmendment(clauses: readonly string[], change: AmendmentChange): Application {
  const at = locateClause(clauses, change);
  if (at === null) return { applies: false, reason: "changed" };
  const next = [...clauses];
  switch (change.kind) {
    case "replace":
      next[at] = change.text;
      return { applies: true, clauses: next, clause: at + 1 };
    case "insert":
      next.splice(at + 1, 0, change.text);
      return { applies: true, clauses: next, clause: at + 2 };
    case "delete":
      if (clauses.length === 1) return { applies: false, reason: "lastClause" };
      next.splice(at, 1);
      return { applies: true, clauses: next, clause: at + 1 };
  }
}

/** The amendment as a word redline against the clause it concerns. */
export function amendmentRedline(change: Pick<AmendmentChange, "kind" | "original" | "text">): DiffPart[] {
  switch (change.kind) {
    case "replace":
      return diffWords(change.original, change.text);
    case "insert":
      return [{ type: "insert", text: change.text }];
    case "delete":
      return [{ type: "delete", text: change.original }];
  }
}

const conflictMessage = (number: number, clause: number, version: number) =>
  `Amendment ${number} no longer applies: clause ${clause} of version ${version}, which it changes, has since been reworded or removed. ` +
  "Decline it with a reason, or its proposer may withdraw it and propose it again on the latest text.";

// ---------------------------------------------------------------------------------------------
// Writes

type ProposeInput = z.output<typeof proposeAmendmentInput>;

function openForAmendments(norm: { status: NormStatus; stageClosesAt: Date | null }, now: Date, what: "amendments" | "support") {
  if (norm.status !== "consultation") {
    throw invalidState(
      what === "amendments"
        ? "Amendments can be proposed only while the norm is in consultation."
        : "Amendments can be supported only while the norm is in consultation.",
    );
  }
  if (stageHasClosed(norm, now)) throw invalidState(stageClosedRefusal("consultation", "amendments"));
}

/** The verified organisation the person speaks for, checked; null in their own name. */
async function speakingFor(db: DbOrTx, actor: Actor, organizationId: string | null | undefined) {
  if (!organizationId) return null;
  const organization = await db.query.organizations.findFirst({ columns: { id: true, verificationStatus: true }, where: eq(organizations.id, organizationId) });
  if (!organization || organization.verificationStatus !== "verified" || !(await isRepresentative(db, actor.id, organizationId))) {
    const message = "You can act for an organisation only if it is verified and you represent it.";
    throw forbidden(message);
  }
  return organization.id;
}

/**
 * Locks the norm row against the clock's close and other amendments' numbering (FOR NO KEY UPDATE,
 * as comments and positions take it); a norm never submitted is not found.
 */
/** Tells the norm's followers (and, for a decision, the amendment's proposer) of an amendment (issue 18), in its transaction. */
async function amendmentEvent(
  tx: Tx,
  actor: Actor,
  kind: "amendment.proposed" | "amendment.accepted" | "amendment.declined",
  norm: { id: string; slug: string; title: string },
  amendment: { number: number; clause: number; authorId: string },
) {
  await emitEvent(tx, {
    kind,
    targets: [followTarget("norm", norm.id)],
    recipientIds: kind === "amendment.proposed" ? [] : [amendment.authorId],
    actorId: actor.id,
    link: `/norms/${norm.slug}/amendments/${amendment.number}`,
    details: { norm: norm.title, slug: norm.slug, clause: amendment.clause },
  });
}

async function lockPublicNorm(tx: Tx, normId: string) {
  const [norm] = await tx
    .select({ id: norms.id, slug: norms.slug, title: norms.title, status: norms.status, stageClosesAt: norms.stageClosesAt, currentVersion: norms.currentVersion, submittedAt: norms.submittedAt, proposerId: norms.proposerId })
    .from(norms)
    .where(eq(norms.id, normId))
    .for("no key update");
  if (!norm || norm.submittedAt === null) throw notFound("The norm");
  return norm;
}

export async function proposeAmendment(db: Db, actor: Actor, input: ProposeInput) {
  const organizationId = await speakingFor(db, actor, input.organizationId);
  await consume(db, "amendment", actor.id, (wait) => `You have proposed several amendments in a short time. You can propose again in ${wait}.`);
  return db.transaction(async (tx) => {
    const norm = await lockPublicNorm(tx, input.normId);
    const now = clock.now();
    openForAmendments(norm, now, "amendments");
    if (input.baseVersion !== norm.currentVersion) {
      const message = `Version ${norm.currentVersion} was saved after the version ${input.baseVersion} you were reading. Propose your amendment on the latest text.`;
      throw conflict(message, { clause: message });
    }
    const [version] = await tx
      .select({ clauses: normVersions.clauses })
      .from(normVersions)
      .where(and(eq(normVersions.normId, norm.id), eq(normVersions.number, norm.currentVersion)));
    const clauses = version!.clauses;
    if (input.clause > clauses.length) {
      const message = clauses.length === 1 ? `Version ${norm.currentVersion} has one clause: choose clause 1.` : `Version ${norm.currentVersion} has clauses 1 to ${clauses.length}; choose one of them.`;
      throw badInput(message, { clause: message });
    }
    const original = clauses[input.clause - 1]!;
    if (input.kind === "replace" && input.text === original) {
      throw badInput("The new words are the same as the clause's: change them, or choose another kind of amendment.", { text: "The new words are the same as the clause's." });
    }
    if (input.kind === "delete" && clauses.length === 1) {
      throw badInput("The text has only this clause, so it cannot be deleted; propose new words for it instead.", { kind: "The only clause cannot be deleted." });
    }
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${amendments.number}), 0)::int + 1` })
      .from(amendments)
      .where(eq(amendments.normId, norm.id))) as [{ next: number }];
    const [row] = await tx
      .insert(amendments)
      .values({
        normId: norm.id,
        number: next,
        baseVersion: norm.currentVersion,
        clause: input.clause,
        kind: input.kind,
        original,
        text: input.text,
        rationale: input.rationale,
        authorId: actor.id,
        organizationId,
        createdAt: now,
      })
      .returning({ id: amendments.id, number: amendments.number });
    await tx.update(norms).set({ lastActivityAt: now }).where(eq(norms.id, norm.id));
    await amendmentEvent(tx, actor, "amendment.proposed", norm, { number: row!.number, clause: input.clause, authorId: actor.id });
    return { id: row!.id, number: row!.number, slug: norm.slug };
  });
}

/** The amendment locked for a decision, with its norm locked first (the order every write takes). */
async function lockAmendment(tx: Tx, amendmentId: string) {
  const found = await tx.query.amendments.findFirst({ columns: { normId: true }, where: eq(amendments.id, amendmentId) });
  if (!found) throw notFound("The amendment");
  const norm = await lockPublicNorm(tx, found.normId);
  const [amendment] = await tx.select().from(amendments).where(eq(amendments.id, amendmentId)).for("update");
  return { norm, amendment: amendment! };
}

function refuseUnlessOpen(amendment: { number: number; state: AmendmentState }) {
  if (amendment.state !== "open") throw invalidState(`Amendment ${amendment.number} is ${amendment.state}: it can no longer be changed.`);
}

/** Support in one's own name or an organisation's, or (support false) that support taken back. */
export async function supportAmendment(db: Db, actor: Actor, input: z.output<typeof supportAmendmentInput>) {
  const organizationId = await speakingFor(db, actor, input.organizationId);
  return db.transaction(async (tx) => {
    const { norm, amendment } = await lockAmendment(tx, input.amendmentId);
    const now = clock.now();
    refuseUnlessOpen(amendment);
    openForAmendments(norm, now, "support");
    const who = organizationId ? eq(amendmentSupports.organizationId, organizationId) : and(eq(amendmentSupports.userId, actor.id), sql`${amendmentSupports.organizationId} is null`);
    if (!input.support) {
      await tx.delete(amendmentSupports).where(and(eq(amendmentSupports.amendmentId, amendment.id), who));
      return { slug: norm.slug, number: amendment.number, supported: false };
    }
    if (organizationId ? amendment.organizationId === organizationId : amendment.authorId === actor.id && !amendment.organizationId) {
      throw invalidState("An amendment cannot be supported by the one who proposed it.");
    }
    // Supporting twice is supporting once (either partial unique index holds it to one row).
    await tx.insert(amendmentSupports).values({ amendmentId: amendment.id, userId: actor.id, organizationId, createdAt: now }).onConflictDoNothing();
    return { slug: norm.slug, number: amendment.number, supported: true };
  });
}

/** Its proposer takes it back while it is open. */
export async function withdrawAmendment(db: Db, actor: Actor, amendmentId: string) {
  return db.transaction(async (tx) => {
    const { norm, amendment } = await lockAmendment(tx, amendmentId);
    if (amendment.authorId !== actor.id) throw forbidden("Only the amendment's proposer can withdraw it.");
    refuseUnlessOpen(amendment);
    const now = clock.now();
    await tx.update(amendments).set({ state: "withdrawn", decidedById: actor.id, decidedAt: now }).where(eq(amendments.id, amendment.id));
    return { slug: norm.slug, number: amendment.number, state: "withdrawn" as const };
  });
}

async function asAuthor(tx: Tx, actor: Actor, norm: { id: string; proposerId: string }, what: string) {
  if (!(await authorRole(tx, actor.id, norm))) throw forbidden(`Only the norm's authors can ${what} an amendment.`);
}

/**
 * The authors accept an amendment: a new version of the text with it made, crediting the amender
 * on the version and the timeline. Refused as a conflict when the clause it changes is no longer
 * in the latest text word for word, and after the consultation has closed (it is a revision).
 */
export async function acceptAmendment(db: Db, actor: Actor, input: z.output<typeof acceptAmendmentInput>) {
  return db.transaction(async (tx) => {
    const { norm, amendment } = await lockAmendment(tx, input.amendmentId);
    await asAuthor(tx, actor, norm, "accept");
    refuseUnlessOpen(amendment);
    const now = clock.now();
    if (norm.status !== "consultation") throw invalidState("Amendments can be accepted only while the norm is in consultation.");
    if (stageHasClosed(norm, now)) throw invalidState(stageClosedRefusal("consultation", "revisions"));
    // The row again (already locked), with what a new version copies.
    const [locked] = await tx.select().from(norms).where(eq(norms.id, norm.id));
    const current = (await tx.query.normVersions.findFirst({ where: and(eq(normVersions.normId, norm.id), eq(normVersions.number, locked!.currentVersion)) }))!;
    const application = applyAmendment(current.clauses, amendment);
    if (!application.applies) {
      throw conflict(
        application.reason === "lastClause"
          ? `Amendment ${amendment.number} would delete the text's only clause, so it cannot be accepted.`
          : conflictMessage(amendment.number, amendment.clause, amendment.baseVersion),
      );
    }
    const [amender] = await tx.select({ name: personName() }).from(users).where(eq(users.id, amendment.authorId));
    const number = locked!.currentVersion + 1;
    const changeSummary = input.note || `Accepted amendment ${amendment.number} by ${amender?.name ?? "a member"}.`;
    await tx.insert(normVersions).values({
      normId: norm.id,
      number,
      title: current.title,
      summary: current.summary,
      clauses: application.clauses,
      changeSummary,
      amendmentId: amendment.id,
      authorId: actor.id,
      createdAt: now,
    });
    await tx
      .update(norms)
      .set({
        currentVersion: number,
        updatedAt: now,
        lastActivityAt: now,
      })
      .where(eq(norms.id, norm.id));
    await writeNormSearch(tx, locked!.id, locked!.language, current.title, current.summary, application.clauses);
    await tx.update(amendments).set({ state: "accepted", decidedById: actor.id, decidedAt: now, acceptedVersion: number, reason: input.note || null }).where(eq(amendments.id, amendment.id));
    await tx.insert(normEvents).values({ normId: norm.id, type: "amendmentAccepted", version: number, actorId: actor.id, amendmentId: amendment.id, note: changeSummary, createdAt: now });
    await amendmentEvent(tx, actor, "amendment.accepted", norm, amendment);
    // Positions on the text before it need reaffirming (followers heard of the acceptance itself).
    await reaffirmNeeded(tx, { id: norm.id, slug: norm.slug, title: current.title }, actor.id, number);
    return { slug: norm.slug, number: amendment.number, version: number };
  });
}

/** The authors decline an amendment with a reason, published with it and on the timeline. */
export async function declineAmendment(db: Db, actor: Actor, input: z.output<typeof declineAmendmentInput>) {
  return db.transaction(async (tx) => {
    const { norm, amendment } = await lockAmendment(tx, input.amendmentId);
    await asAuthor(tx, actor, norm, "decline");
    refuseUnlessOpen(amendment);
    // Declining changes no text, so the authors may still answer amendments after the close.
    if (norm.status !== "consultation") throw invalidState("Amendments can be declined only while the norm is in consultation.");
    const now = clock.now();
    await tx.update(amendments).set({ state: "declined", decidedById: actor.id, decidedAt: now, reason: input.reason }).where(eq(amendments.id, amendment.id));
    await tx.insert(normEvents).values({ normId: norm.id, type: "amendmentDeclined", version: norm.currentVersion, actorId: actor.id, amendmentId: amendment.id, note: input.reason, createdAt: now });
    await amendmentEvent(tx, actor, "amendment.declined", norm, amendment);
    return { slug: norm.slug, number: amendment.number, state: "declined" as const };
  });
}

/** Open amendments are superseded when the norm leaves consultation (called in that move's transaction). */
export async function supersedeOpenAmendments(tx: Tx, normId: string, now: Date) {
  await tx.update(amendments).set({ state: "superseded", decidedAt: now }).where(and(eq(amendments.normId, normId), eq(amendments.state, "open")));
}

// ---------------------------------------------------------------------------------------------
// Reads

export type SupportByType = Record<StakeholderType | "individual", number>;

const noSupport = (): SupportByType => Object.fromEntries([...stakeholderTypes, "individual"].map((k) => [k, 0])) as SupportByType;

/**
 * A norm's amendments as everyone sees them, newest first within each state: who proposed them,
 * the redline against their clause, support counted by stakeholder type (and in people's own
 * names), the number of visible comments, and whether an open one still applies to the latest text.
 */
async function amendmentRows(db: DbOrTx, normId: string, currentClauses: readonly string[], only?: number) {
  const where = and(eq(amendments.normId, normId), only === undefined ? undefined : eq(amendments.number, only));
  const [rows, supports, discussed] = await Promise.all([
    db
      .select({
        id: amendments.id,
        number: amendments.number,
        baseVersion: amendments.baseVersion,
        clause: amendments.clause,
        kind: amendments.kind,
        original: amendments.original,
        text: amendments.text,
        rationale: amendments.rationale,
        state: amendments.state,
        reason: amendments.reason,
        acceptedVersion: amendments.acceptedVersion,
        createdAt: amendments.createdAt,
        decidedAt: amendments.decidedAt,
        authorId: amendments.authorId,
        authorName: personName(users, amendments.organizationId),
        organization: { id: organizations.id, slug: organizations.slug, name: organizations.name, stakeholderType: organizations.stakeholderType, region: organizations.region },
      })
      .from(amendments)
      .innerJoin(users, eq(users.id, amendments.authorId))
      .leftJoin(organizations, eq(organizations.id, amendments.organizationId))
      .where(where)
      .orderBy(asc(amendments.number)),
    db
      .select({ amendmentId: amendmentSupports.amendmentId, type: organizations.stakeholderType, n: count() })
      .from(amendmentSupports)
      .innerJoin(amendments, eq(amendments.id, amendmentSupports.amendmentId))
      .leftJoin(organizations, eq(organizations.id, amendmentSupports.organizationId))
      .where(where)
      .groupBy(amendmentSupports.amendmentId, organizations.stakeholderType),
    db
      .select({ amendmentId: comments.amendmentId, n: count() })
      .from(comments)
      .where(and(eq(comments.normId, normId), isNotNull(comments.amendmentId), eq(comments.status, "visible")))
      .groupBy(comments.amendmentId),
  ]);
  const support = new Map<string, SupportByType>();
  for (const s of supports) {
    const counts = support.get(s.amendmentId) ?? noSupport();
    counts[s.type ?? "individual"] += s.n;
    support.set(s.amendmentId, counts);
  }
  const commentCounts = new Map(discussed.map((d) => [d.amendmentId!, d.n]));
  return rows.map((r) => {
    const counts = support.get(r.id) ?? noSupport();
    const at = r.state === "open" ? locateClause(currentClauses, r) : null;
    return {
      ...r,
      organization: r.organization?.id ? r.organization : null,
      redline: amendmentRedline(r),
      support: { total: Object.values(counts).reduce((a, b) => a + b, 0), byType: counts },
      comments: commentCounts.get(r.id) ?? 0,
      // For an open amendment: the clause (from 1) of the latest text it concerns, or null when it no longer applies.
      currentClause: at === null ? null : at + 1,
      conflict: r.state === "open" && (at === null || (r.kind === "delete" && currentClauses.length === 1)),
    };
  });
}

export type AmendmentView = Awaited<ReturnType<typeof amendmentRows>>[number];

async function currentClauses(db: DbOrTx, norm: { id: string; currentVersion: number }) {
  const [version] = await db
    .select({ clauses: normVersions.clauses })
    .from(normVersions)
    .where(and(eq(normVersions.normId, norm.id), eq(normVersions.number, norm.currentVersion)));
  return version?.clauses ?? [];
}

/** Whether amendments can be proposed and supported now. */
const amendable = (norm: { status: NormStatus; stageClosesAt: Date | null }, now: Date) => norm.status === "consultation" && !stageHasClosed(norm, now);

/** Every amendment of a norm, grouped by state, with counts. */
export async function amendmentsForNorm(db: Db, actor: Actor | null, slug: string) {
  const { norm } = await visibleNorm(db, actor, slug);
  const rows = await amendmentRows(db, norm.id, await currentClauses(db, norm));
  const counts = Object.fromEntries(amendmentStates.map((s) => [s, rows.filter((r) => r.state === s).length])) as Record<AmendmentState, number>;
  return {
    norm: { id: norm.id, slug: norm.slug, title: norm.title, status: norm.status, currentVersion: norm.currentVersion },
    open: amendable(norm, clock.now()),
    counts,
    amendments: rows,
  };
}

/** One amendment, with its supporters and what this reader may do with it. */
export async function amendmentDetail(db: Db, actor: Actor | null, slug: string, number: number) {
  const { norm, role } = await visibleNorm(db, actor, slug);
  const clauses = await currentClauses(db, norm);
  const [amendment] = await amendmentRows(db, norm.id, clauses, number);
  if (!amendment) throw notFound(`Amendment ${number}`);
  const supporters = await db
    .select({
      name: personName(users, amendmentSupports.organizationId),
      userId: amendmentSupports.userId,
      organization: { id: organizations.id, slug: organizations.slug, name: organizations.name, stakeholderType: organizations.stakeholderType },
      createdAt: amendmentSupports.createdAt,
    })
    .from(amendmentSupports)
    .innerJoin(users, eq(users.id, amendmentSupports.userId))
    .leftJoin(organizations, eq(organizations.id, amendmentSupports.organizationId))
    .where(eq(amendmentSupports.amendmentId, amendment.id))
    .orderBy(asc(amendmentSupports.createdAt));
  const [decidedBy] = amendment.decidedAt
    ? await db
        .select({ name: personName() })
        .from(amendments)
        .innerJoin(users, eq(users.id, amendments.decidedById))
        .where(eq(amendments.id, amendment.id))
    : [];
  const now = clock.now();
  const active = Boolean(actor && !actor.suspension);
  const isOpen = amendment.state === "open";
  const inConsultation = norm.status === "consultation";
  const { authorId, ...shown } = amendment;
  const mine = (s: (typeof supporters)[number]) => s.userId === actor?.id && !s.organization?.id;
  return {
    norm: { id: norm.id, slug: norm.slug, title: norm.title, status: norm.status, currentVersion: norm.currentVersion, language: norm.language },
    amendment: { ...shown, decidedBy: decidedBy?.name ?? null },
    supporters: supporters.map(({ userId: _userId, ...s }) => ({ ...s, organization: s.organization?.id ? s.organization : null })),
    /** The latest text's clause this amendment concerns, for reading it beside the redline. */
    currentText: amendment.currentClause ? clauses[amendment.currentClause - 1]! : null,
    open: isOpen && amendable(norm, now),
    viewer: {
      isProposer: actor?.id === authorId,
      isAuthor: role !== null,
      /** In their own name: whether they support it now. */
      supports: supporters.some(mine),
      /** The organisations they represent that support it now. */
      supportingOrganizations: supporters.filter((s) => s.organization?.id && actor && s.userId === actor.id).map((s) => s.organization!.id),
      canSupport: active && isOpen && amendable(norm, now),
      canWithdraw: active && isOpen && actor?.id === authorId,
      canAccept: active && isOpen && role !== null && amendable(norm, now) && !amendment.conflict,
      canDecline: active && isOpen && role !== null && inConsultation,
    },
  };
}
