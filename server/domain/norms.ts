// Proposing and revising norms, and moving them through their life. Reads are in norm-queries.ts.
import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "~/db/connect";
import {
  normCitations,
  normCoauthorInvitations,
  normCoauthors,
  normEvents,
  normPlacements,
  norms,
  normSearch,
  normVersions,
  organizations,
  referenceNorms,
  users,
} from "~/db/schema";
import { badInput, conflict, forbidden, invalidState, notFound, pgErrorCode } from "../errors";
import { accountMail, mailLocale, paragraphs } from "../i18n/mail";
import { logger } from "../logger";
import type { Mailer } from "../mail";
import { type Actor, isRepresentative } from "../policy";
import { consume } from "../rate-limit";
import type { createNormInput, reviseNormInput } from "../schemas/norms";
import { diffWords } from "./diff";
import { type NormStatus, type Transition, transitionRefusal, transitions } from "./lifecycle";
import { firstFreeSlug, slugify } from "./slug";
import { nameForMail } from "./mail-name";
import { isPublicNorm } from "./norm-visibility";
import { personName } from "./person-name";
import { clock } from "../clock";
import { forumLocale } from "../i18n/paths";
import type { extendStageInput } from "../schemas/process";
import type { TimedStage } from "../schemas/vocabulary";
import { evaluate, factsOf, publishedCriteria, unmetWords } from "./criteria";
import { stageRule } from "./process";
import { recordCloseIfDue } from "./stage-close";
import { writeNormSearch } from "./translations";
import { revealSealedPositions, sealedMoveRefusal } from "./sealed";
import { freezeFigures } from "./adherence";
import { supersedeOpenAmendments } from "./amendments";
import { autoFollow, followTarget } from "./notifications";
import { emitEvent } from "../notifications/events";
import { normRevised, normStageChanged, normSubmitted } from "../notifications/norm-events";
import { closesAtAfter, closesAtEndOf, closingDayRefusal, isTimedStage, lastOpenDay, stageClosedRefusal, stageHasClosed } from "./stage-clock";

type CreateInput = z.output<typeof createNormInput>;
type ReviseInput = z.output<typeof reviseNormInput>;

export const textOf = (clauses: string[]) => clauses.join("\n\n");

// Text-search configuration for the text's language; `simple` where PostgreSQL has no stemmer.
const configs: Record<string, string> = {
  en: "english", fr: "french", es: "spanish", ru: "russian", de: "german", pt: "portuguese", it: "italian", ar: "arabic",
};
export const searchConfig = (language: string) => configs[language.split("-")[0]!.toLowerCase()] ?? "simple";

/**
 * Words joined by slashes ("CERTs/CSIRTs") would be indexed as one file-path-like token; split
 * them so each word can be found. Used for documents and queries alike.
 */
export const searchable = (text: string) => text.replace(/[/\\]/g, " ");

const HAN_RUN = /[\p{Script=Han}]+/gu;

/**
 * Text as a search document or query reads it in `language`. Chinese is written without spaces and
 * PostgreSQL does not segment it, so each run of Han characters becomes its overlapping character
 * pairs ("网络安全" → "网络 络安 安全"), indexed with the 'simple' configuration: a query made the same
 * way matches wherever its characters occur together, from the same GIN index as every other
 * language (docs/performance.md, "Search").
 */
export function searchableIn(language: string, text: string): string {
  const plain = searchable(text);
  if (forumLocale(language) !== "zh") return plain;
  return plain.replace(HAN_RUN, (run) => {
    const chars = [...run];
    if (chars.length < 3) return ` ${run} `;
    return ` ${chars.slice(0, -1).map((c, i) => c + chars[i + 1]).join(" ")} `;
  });
}

/** Title over summary over text, weighted A, B, C: what a search matches. */
export function searchVector(language: string, title: string, summary: string, clauses: string[]) {
  const cfg = searchConfig(language);
  const [t, s, x] = [title, summary, textOf(clauses)].map((v) => searchableIn(language, v));
  return sql`setweight(to_tsvector(${cfg}::regconfig, ${t}), 'A') || setweight(to_tsvector(${cfg}::regconfig, ${s}), 'B') || setweight(to_tsvector(${cfg}::regconfig, ${x}), 'C')`;
}

/** Title over summary, weighted A and B: what ranks a search's matches (migration 0016 backfills it). */
export function searchHead(language: string, title: string, summary: string) {
  const cfg = searchConfig(language);
  const [t, s] = [title, summary].map((v) => searchableIn(language, v));
  return sql`setweight(to_tsvector(${cfg}::regconfig, ${t}), 'A') || setweight(to_tsvector(${cfg}::regconfig, ${s}), 'B')`;
}

/** The two search documents of a text, as norm_search stores them (set with every version). */
export const searchColumns = (language: string, title: string, summary: string, clauses: string[]) => ({
  search: searchVector(language, title, summary, clauses),
  searchHead: searchHead(language, title, summary),
});

/** Writes a norm's search documents and the title they were made from (norm_search), replacing any before. */
export async function saveNormSearch(db: DbOrTx, normId: string, title: string, columns: ReturnType<typeof searchColumns>) {
  const row = { title, ...columns };
  await db.insert(normSearch).values({ normId, ...row }).onConflictDoUpdate({ target: normSearch.normId, set: row });
}

async function checkReferences(db: DbOrTx, citations: string[]) {
  if (citations.length === 0) return;
  const found = await db.select({ id: referenceNorms.id }).from(referenceNorms).where(inArray(referenceNorms.id, citations));
  const unknown = citations.filter((c) => !found.some((f) => f.id === c));
  if (unknown.length) {
    const message = `Not in the reference library: ${unknown.join(", ")}. Choose reference norms from the library.`;
    throw badInput(message, { citations: message });
  }
}

async function checkOrganization(db: DbOrTx, actor: Actor, organizationId: string | null) {
  if (!organizationId) return;
  const organization = await db.query.organizations.findFirst({
    columns: { verificationStatus: true },
    where: eq(organizations.id, organizationId),
  });
  if (!organization || organization.verificationStatus !== "verified" || !(await isRepresentative(db, actor.id, organizationId))) {
    const message = "You can propose on behalf of a verified organisation you represent, or in your own name.";
    throw badInput(message, { organizationId: message });
  }
}

async function uniqueNormSlug(db: DbOrTx, title: string) {
  const base = slugify(title).replace(/^organisation$/, "norm");
  const taken = await db
    .select({ slug: norms.slug })
    .from(norms)
    .where(sql`${norms.slug} = ${base} or ${norms.slug} like ${`${base}-%`}`);
  return firstFreeSlug(base, taken.map((r) => r.slug));
}

async function replaceLinks(tx: Tx, normId: string, categories: string[], citations: string[]) {
  await tx.delete(normPlacements).where(eq(normPlacements.normId, normId));
  await tx.insert(normPlacements).values(categories.map((categoryCode) => ({ normId, categoryCode })));
  await tx.delete(normCitations).where(eq(normCitations.normId, normId));
  if (citations.length) await tx.insert(normCitations).values(citations.map((referenceNormId) => ({ normId, referenceNormId })));
}

export async function createNorm(db: Db, actor: Actor, input: CreateInput) {
  await checkReferences(db, input.citations);
  await checkOrganization(db, actor, input.organizationId);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const [norm] = await tx
      .insert(norms)
      .values({
        slug: await uniqueNormSlug(tx, input.title),
        createdAt: now,
        updatedAt: now,
        lastActivityAt: now,
        kind: input.kind,
        bindingness: input.bindingness,
        language: input.language,
        rationale: input.rationale,
        proposerId: actor.id,
        organizationId: input.organizationId,
        title: input.title,
        summary: input.summary,
      })
      .returning({ id: norms.id, slug: norms.slug });
    await saveNormSearch(tx, norm!.id, input.title, searchColumns(input.language, input.title, input.summary, input.clauses));
    await tx.insert(normVersions).values({
      normId: norm!.id,
      number: 1,
      title: input.title,
      summary: input.summary,
      clauses: input.clauses,
      changeSummary: "First version",
      authorId: actor.id,
      createdAt: now,
    });
    await replaceLinks(tx, norm!.id, input.categories, input.citations);
    await tx.insert(normEvents).values({ normId: norm!.id, type: "created", toStatus: "draft", version: 1, actorId: actor.id, createdAt: now });
    await autoFollow(tx, actor.id, followTarget("norm", norm!.id), "proposer");
    return norm!;
  });
}

/** The proposer and co-authors may see a draft and revise; only the proposer submits or withdraws. */
export async function authorRole(db: DbOrTx, actorId: string, norm: { id: string; proposerId: string }) {
  if (norm.proposerId === actorId) return "proposer" as const;
  const coauthor = await db.query.normCoauthors.findFirst({
    columns: { userId: true },
    where: and(eq(normCoauthors.normId, norm.id), eq(normCoauthors.userId, actorId)),
  });
  return coauthor ? ("coauthor" as const) : null;
}

/** Locks the norm row for the rest of the transaction; a norm never submitted is not found for non-authors. */
async function lockNorm(tx: Tx, actor: Actor, normId: string) {
  const [norm] = await tx.select().from(norms).where(eq(norms.id, normId)).for("update");
  if (!norm) throw notFound("The norm");
  const role = await authorRole(tx, actor.id, norm);
  if (!isPublicNorm(norm) && !role) throw notFound("The norm");
  return { norm, role };
}

export async function reviseNorm(db: Db, actor: Actor, input: ReviseInput) {
  await checkReferences(db, input.citations);
  return db.transaction(async (tx) => {
    const { norm, role } = await lockNorm(tx, actor, input.normId);
    if (!role) throw forbidden("Only the norm's authors can revise it.");
    if (norm.status !== "draft" && norm.status !== "consultation") {
      throw invalidState(`This norm is ${norm.status === "endorsement" ? "in endorsement: its text is frozen" : norm.status}; it can no longer be revised.`);
    }
    // Checked under the norm's lock, which the tick's close also takes: nothing lands after the close.
    const now = clock.now();
    if (norm.status === "consultation" && stageHasClosed(norm, now)) throw invalidState(stageClosedRefusal("consultation", "revisions"));
    if (norm.currentVersion !== input.baseVersion) {
      // Someone saved a newer version meanwhile: refuse, and show what changed since the base.
      const [base, current] = await Promise.all([
        tx.query.normVersions.findFirst({ where: and(eq(normVersions.normId, norm.id), eq(normVersions.number, input.baseVersion)) }),
        tx.query.normVersions.findFirst({ where: and(eq(normVersions.normId, norm.id), eq(normVersions.number, norm.currentVersion)) }),
      ]);
      const author = current ? (await tx.select({ displayName: personName() }).from(users).where(eq(users.id, current.authorId)))[0] : undefined;
      throw conflict(
        `Version ${norm.currentVersion} was saved while you were editing version ${input.baseVersion}, so your changes were not saved. Review what changed, then make your edits again on the latest version.`,
        undefined,
        {
          baseVersion: input.baseVersion,
          currentVersion: norm.currentVersion,
          savedBy: author?.displayName ?? null,
          savedAt: current?.createdAt ?? null,
          changeSummary: current?.changeSummary ?? null,
          changes: base && current ? diffWords(textOf(base.clauses), textOf(current.clauses)) : [],
        },
      );
    }
    const number = norm.currentVersion + 1;
    await tx.insert(normVersions).values({
      normId: norm.id,
      number,
      title: input.title,
      summary: input.summary,
      clauses: input.clauses,
      changeSummary: input.changeSummary,
      authorId: actor.id,
      createdAt: now,
    });
    await tx
      .update(norms)
      .set({
        currentVersion: number,
        title: input.title,
        summary: input.summary,
        rationale: input.rationale,
        language: input.language,
        kind: input.kind,
        bindingness: input.bindingness,
        updatedAt: now,
        lastActivityAt: now,
      })
      .where(eq(norms.id, norm.id));
    // With the latest translation in each language (server/domain/translations.ts).
    await writeNormSearch(tx, norm.id, input.language, input.title, input.summary, input.clauses);
    await replaceLinks(tx, norm.id, input.categories, input.citations);
    await tx.insert(normEvents).values({ normId: norm.id, type: "revised", version: number, actorId: actor.id, note: input.changeSummary, createdAt: now });
    // A draft's versions concern its authors only; once public, followers hear of each.
    if (isPublicNorm(norm)) await normRevised(tx, { id: norm.id, slug: norm.slug, title: input.title }, actor.id, number);
    return { slug: norm.slug, version: number };
  });
}

/**
 * Moves the norm to its next state. Entering a timed stage (consultation on submission, endorsement,
 * or back to consultation) starts its clock: it closes on `lastDay` when the secretariat chose one
 * (no sooner than the stage's minimum), otherwise after the stage's default; leaving one stops it.
 */
export async function transitionNorm(
  db: Db,
  actor: Actor,
  normId: string,
  transition: Exclude<Transition, "merge">,
  note: string,
  options: { lastDay?: string; override?: string | null; sealed?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    const { norm, role } = await lockNorm(tx, actor, normId);
    if (transitions[transition].by === "proposer" && role !== "proposer") {
      throw forbidden("Only the norm's proposer can submit or withdraw it.");
    }
    const refusal = transitionRefusal(transition, norm.status);
    if (refusal) throw invalidState(refusal);
    const to: NormStatus = transitions[transition].to;
    const now = clock.now();
    // A stage that reached its date before the tick recorded it: its close comes first on the timeline.
    const closedNow = await recordCloseIfDue(tx, norm, now);
    const decision = await judgeMove(tx, transition, norm, now, options.override ?? null);
    const closesAt = isTimedStage(to) ? await startingClose(tx, to, now, options.lastDay) : null;
    if (!closesAt && options.lastDay) throw badInput("Only a move into consultation or endorsement has a closing date.", { lastDay: "Leave the date empty for this move." });
    const sealedRefusal = options.sealed ? sealedMoveRefusal(transition, closesAt) : null;
    if (sealedRefusal) throw badInput(sealedRefusal, { sealed: sealedRefusal });
    // Leaving a sealed endorsement stage before its date closes it: its positions are revealed now, first.
    const reveals = norm.status === "endorsement" && norm.stageSealed && !norm.stageClosedAt && !closedNow;
    if (reveals) await revealSealedPositions(tx, norm.id, now);
    // Submitting is what makes a norm public, for good; withdrawing never does (norm-visibility.ts).
    const submittedAt = transition === "submit" ? (norm.submittedAt ?? now) : norm.submittedAt;
    // Amendments still open when the consultation ends are superseded: nobody can accept them now.
    if (norm.status === "consultation" && to !== "consultation") await supersedeOpenAmendments(tx, norm.id, now);
    await tx
      .update(norms)
      .set({ status: to, submittedAt, stageClosesAt: closesAt, stageClosedAt: null, stageSealed: to === "endorsement" && Boolean(options.sealed), updatedAt: now, lastActivityAt: now })
      .where(eq(norms.id, norm.id));
    // The figures at the close of endorsement stay the record; the norm's own go on with adherence.
    if (transition === "conclude") await freezeFigures(tx, norm, now);
    await tx.insert(normEvents).values({
      normId: norm.id,
      type: transition,
      fromStatus: norm.status,
      toStatus: to,
      version: norm.currentVersion,
      actorId: actor.id,
      note: note || null,
      closesAt,
      ...decision,
      // Opened sealed; or, leaving a sealed stage, its positions revealed by this move.
      sealed: transition === "openEndorsement" ? Boolean(options.sealed) : reveals,
      createdAt: now,
    });
    const ref = { id: norm.id, slug: norm.slug, title: norm.title };
    if (transition === "submit") await normSubmitted(tx, ref, actor.id);
    else if (submittedAt) await normStageChanged(tx, ref, actor.id, to, note || null);
    return { slug: norm.slug, status: to, closesAt, override: decision.override, sealed: to === "endorsement" && Boolean(options.sealed) };
  });
}

/**
 * A secretariat move against its published criteria, evaluated on the locked row: met, it is
 * recorded with them; unmet, it is refused unless made as an override with its reason, which the
 * timeline and open data then show. Moves without criteria (and the proposer's) record none.
 */
async function judgeMove(tx: Tx, transition: Exclude<Transition, "merge">, norm: typeof norms.$inferSelect, now: Date, override: string | null) {
  const move = transition === "openEndorsement" || transition === "conclude" ? transition : null;
  if (!move) return { override: false, overrideReason: null, criteria: null };
  const criteria = evaluate((await publishedCriteria(tx))[move], factsOf(norm, stageHasClosed(norm, now)));
  if (criteria.every((c) => c.met)) return { override: false, overrideReason: null, criteria };
  if (!override) {
    const what = move === "conclude" ? "concluding" : "moving to endorsement";
    throw invalidState(`The published criteria for ${what} are not met: ${unmetWords(criteria)}. The move can only be made as an override, with its reason.`);
  }
  return { override: true, overrideReason: override, criteria };
}

/** When a timed stage starting now closes: on the chosen last day, within the rule, or after the default. */
async function startingClose(tx: Tx, stage: TimedStage, now: Date, lastDay: string | undefined) {
  const rule = await stageRule(tx, stage);
  if (lastDay === undefined) return closesAtAfter(now, rule.defaultDays);
  const refusal = closingDayRefusal(lastDay, now, rule.minimumDays);
  if (refusal) throw badInput(refusal, { lastDay: refusal });
  return closesAtEndOf(lastDay);
}

/**
 * The secretariat moves the closing date of the norm's timed stage later, with a reason shown on
 * the timeline. A stage that has closed is reopened until the new date. Takes the norm's lock, as
 * every write the clock governs does, so nothing is decided on a date another request is moving.
 */
export async function extendStage(db: Db, actor: Actor, input: z.output<typeof extendStageInput>) {
  return db.transaction(async (tx) => {
    const { norm } = await lockNorm(tx, actor, input.normId);
    if (!isTimedStage(norm.status) || !norm.stageClosesAt) {
      throw invalidState("Only a norm in consultation or endorsement has a stage to extend.");
    }
    const now = clock.now();
    await recordCloseIfDue(tx, norm, now);
    const closesAt = closesAtEndOf(input.lastDay);
    if (closesAt <= norm.stageClosesAt) {
      const message = `An extension must move the closing date later than ${lastOpenDay(norm.stageClosesAt)}.`;
      throw badInput(message, { lastDay: message });
    }
    if (closesAt <= now) throw badInput("Choose a day that is still to come.", { lastDay: "Choose a day that is still to come." });
    if (closesAt > closesAtAfter(now, 366)) throw badInput("Choose a date within a year.", { lastDay: "Choose a date within a year." });
    await tx.update(norms).set({ stageClosesAt: closesAt, stageClosedAt: null, updatedAt: now, lastActivityAt: now }).where(eq(norms.id, norm.id));
    await tx.insert(normEvents).values({
      normId: norm.id,
      type: "extended",
      fromStatus: norm.status,
      toStatus: norm.status,
      version: norm.currentVersion,
      actorId: actor.id,
      note: input.reason,
      closesAt,
      createdAt: now,
    });
    return { slug: norm.slug, closesAt };
  });
}

/** Merges a duplicate into another norm; positions stay with the duplicate (they were given on its text). */
export async function mergeNorm(db: Db, actor: Actor, normId: string, intoSlug: string, note: string) {
  return db.transaction(async (tx) => {
    const { norm } = await lockNorm(tx, actor, normId);
    const refusal = transitionRefusal("merge", norm.status);
    if (refusal) throw invalidState(refusal);
    const target = await tx.query.norms.findFirst({ where: eq(norms.slug, intoSlug) });
    if (!target || !isPublicNorm(target)) throw badInput("There is no public norm at that address.", { intoSlug: "There is no public norm at that address." });
    if (target.id === norm.id) throw badInput("A norm cannot be merged into itself.", { intoSlug: "A norm cannot be merged into itself." });
    if (target.status === "merged" || target.status === "withdrawn") {
      throw badInput("Merge into a norm that is still open, not one withdrawn or merged.", { intoSlug: "Choose a norm that is still open." });
    }
    const now = clock.now();
    const closedNow = await recordCloseIfDue(tx, norm, now);
    if (norm.status === "consultation") await supersedeOpenAmendments(tx, norm.id, now);
    // A sealed endorsement stage ends with the merge: its positions are revealed (they stay with the duplicate).
    const reveals = norm.status === "endorsement" && norm.stageSealed && !norm.stageClosedAt && !closedNow;
    if (reveals) await revealSealedPositions(tx, norm.id, now);
    await tx
      .update(norms)
      .set({ status: "merged", mergedIntoId: target.id, stageClosesAt: null, stageClosedAt: null, stageSealed: false, updatedAt: now, lastActivityAt: now })
      .where(eq(norms.id, norm.id));
    await tx.update(norms).set({ lastActivityAt: now }).where(eq(norms.id, target.id));
    await tx.insert(normEvents).values({
      normId: norm.id,
      type: "merge",
      fromStatus: norm.status,
      toStatus: "merged",
      version: norm.currentVersion,
      actorId: actor.id,
      note: note || `Merged into “${target.title}”.`,
      sealed: reveals,
      createdAt: now,
    });
    return { slug: norm.slug, intoSlug: target.slug };
  });
}

const pendingTaken = "That address already has a pending invitation.";

/** The norm as its proposer manages co-authors: not found for those who cannot see it, refused for other readers. */
async function proposersNorm(db: DbOrTx, actor: Actor, normId: string) {
  const norm = await db.query.norms.findFirst({ columns: { id: true, proposerId: true, submittedAt: true }, where: eq(norms.id, normId) });
  if (!norm || (!isPublicNorm(norm) && (await authorRole(db, actor.id, norm)) === null)) throw notFound("The norm");
  if (norm.proposerId !== actor.id) throw forbidden("Only the norm's proposer can invite or remove co-authors.");
  return norm;
}

/**
 * Invites the person using `email` to co-author the norm. The answer, and the pending entry the
 * proposer sees, are the same whether or not an account uses the address, so an invitation reveals
 * nothing about who is registered; only an address with a confirmed account is mailed, and the
 * mail carries no text the proposer wrote. Limited per proposer.
 */
export async function inviteCoauthor(db: Db, mailer: Mailer, actor: Actor, normId: string, email: string) {
  await proposersNorm(db, actor, normId);
  if (email === actor.email.toLowerCase()) throw badInput("You are the proposer of this norm.", { email: "You are the proposer of this norm." });
  await consume(db, "coauthorInvitation", actor.id, (wait) => `You have sent too many co-author invitations. Try again in ${wait}.`);
  let invitation: { id: string; createdAt: Date } | undefined;
  let invitee: { id: string; locale: string } | undefined;
  try {
    await db.transaction(async (tx) => {
      [invitation] = await tx
        .insert(normCoauthorInvitations)
        .values({ normId, email, invitedById: actor.id })
        .returning({ id: normCoauthorInvitations.id, createdAt: normCoauthorInvitations.createdAt });
      invitee = await tx.query.users.findFirst({
        columns: { id: true, locale: true },
        where: and(eq(users.email, email), isNotNull(users.emailVerifiedAt), isNull(users.deletedAt)),
      });
      // In their notification centre too; it names the norm's title and the proposer, never its text.
      const norm = invitee ? await tx.query.norms.findFirst({ columns: { title: true, slug: true }, where: eq(norms.id, normId) }) : undefined;
      if (invitee && norm) {
        await emitEvent(tx, { kind: "coauthor.invitation", recipientIds: [invitee.id], actorId: actor.id, link: "/norms/mine#invitations", details: { norm: norm.title, slug: norm.slug, person: nameForMail(actor.displayName) ?? actor.displayName } });
      }
    });
  } catch (error) {
    if (pgErrorCode(error) === "23505") throw conflict(pendingTaken, { email: pendingTaken });
    throw error;
  }
  if (invitee) {
    // Not awaited: waiting for the mail server would make an address with an account measurably
    // slower to invite than one without. A failed send is logged; the invitation stands either way.
    // In the invitee's language (docs/languages.md, "Mail").
    void accountMail(mailLocale(invitee.locale))
      .then(({ t, greeting, link }) => {
        const inviter = nameForMail(actor.displayName);
        return mailer.send({
          to: email,
          subject: t("coauthor.subject"),
          text: paragraphs(
            greeting(null),
            inviter ? t("coauthor.body", { name: inviter }) : t("coauthor.bodyNoName"),
            t("coauthor.open"),
            link("/norms/mine#invitations"),
            t("coauthor.decline"),
          ),
        });
      })
      .catch((error: unknown) => logger.warn({ err: error }, "co-author invitation mail failed"));
  }
  return { invitationId: invitation!.id, email, createdAt: invitation!.createdAt };
}

export async function cancelInvitation(db: Db, actor: Actor, invitationId: string) {
  const invitation = await db.query.normCoauthorInvitations.findFirst({
    columns: { normId: true },
    where: and(eq(normCoauthorInvitations.id, invitationId), eq(normCoauthorInvitations.status, "pending")),
  });
  if (!invitation) throw notFound("That invitation");
  await proposersNorm(db, actor, invitation.normId);
  await db
    .update(normCoauthorInvitations)
    .set({ status: "cancelled", respondedAt: clock.now() })
    .where(and(eq(normCoauthorInvitations.id, invitationId), eq(normCoauthorInvitations.status, "pending")));
  return { cancelled: true };
}

/** The actor's confirmed address, or null: invitations are found by it, and only once it is confirmed. */
async function confirmedEmail(db: DbOrTx, actor: Actor) {
  const me = await db.query.users.findFirst({ columns: { email: true, emailVerifiedAt: true }, where: eq(users.id, actor.id) });
  return me?.emailVerifiedAt ? me.email : null;
}

/** Pending invitations to the actor's address: the norm's title and who invited them, not its text. */
export async function myInvitations(db: Db, actor: Actor) {
  const email = await confirmedEmail(db, actor);
  if (!email) return [];
  return db
    .select({ id: normCoauthorInvitations.id, normTitle: norms.title, proposerName: personName(users), createdAt: normCoauthorInvitations.createdAt })
    .from(normCoauthorInvitations)
    .innerJoin(norms, eq(norms.id, normCoauthorInvitations.normId))
    .innerJoin(users, eq(users.id, normCoauthorInvitations.invitedById))
    .where(and(eq(normCoauthorInvitations.email, email), eq(normCoauthorInvitations.status, "pending")))
    .orderBy(desc(normCoauthorInvitations.createdAt));
}

/** Accepting makes the actor a co-author (the draft opens to them); declining just closes it. */
export async function respondToInvitation(db: Db, actor: Actor, invitationId: string, accept: boolean) {
  return db.transaction(async (tx) => {
    const email = await confirmedEmail(tx, actor);
    const [invitation] = email
      ? await tx
          .select({ id: normCoauthorInvitations.id, normId: normCoauthorInvitations.normId })
          .from(normCoauthorInvitations)
          .where(and(eq(normCoauthorInvitations.id, invitationId), eq(normCoauthorInvitations.email, email), eq(normCoauthorInvitations.status, "pending")))
          .for("update")
      : [];
    if (!invitation) throw notFound("That invitation");
    await tx
      .update(normCoauthorInvitations)
      .set({ status: accept ? "accepted" : "declined", respondedAt: clock.now() })
      .where(eq(normCoauthorInvitations.id, invitation.id));
    const norm = await tx.query.norms.findFirst({ columns: { slug: true, proposerId: true }, where: eq(norms.id, invitation.normId) });
    if (accept && norm && norm.proposerId !== actor.id) {
      await tx.insert(normCoauthors).values({ normId: invitation.normId, userId: actor.id }).onConflictDoNothing();
      await autoFollow(tx, actor.id, followTarget("norm", invitation.normId), "coauthor");
    }
    return { accepted: accept, slug: accept ? (norm?.slug ?? null) : null };
  });
}

export async function removeCoauthor(db: Db, actor: Actor, normId: string, userId: string) {
  const norm = await db.query.norms.findFirst({ columns: { id: true, proposerId: true, submittedAt: true }, where: eq(norms.id, normId) });
  if (!norm || (!isPublicNorm(norm) && (await authorRole(db, actor.id, norm)) === null)) throw notFound("The norm");
  if (norm.proposerId !== actor.id) throw forbidden("Only the norm's proposer can invite or remove co-authors.");
  const removed = await db
    .delete(normCoauthors)
    .where(and(eq(normCoauthors.normId, normId), eq(normCoauthors.userId, userId)))
    .returning({ userId: normCoauthors.userId });
  if (removed.length === 0) throw notFound("That co-author");
  return { removed: true };
}
