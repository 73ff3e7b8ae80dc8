// Demo amendments (server/domain/amendments.ts) on the electoral infrastructure proposal, which is
// in consultation: one accepted into a third version that credits its proposer, one declined with
// the authors' reason, and one open with support from two stakeholder types and a comment. Dated
// a few days before the seed runs, so the demo reads the same whenever it is loaded.
import { and, eq } from "drizzle-orm";
import type { Tx } from "./connect";
import { amendments, amendmentSupports, comments, normEvents, norms, normVersions, organizations } from "./schema";
import { clock } from "~/server/clock";
import { applyAmendment } from "~/server/domain/amendments";
import { saveNormSearch, searchColumns } from "~/server/domain/norms";

export const AMENDED_NORM = "protecting-electoral-infrastructure";

const DAY = 24 * 60 * 60 * 1000;

export async function seedDemoAmendments(tx: Tx, people: { member: string; representative: string; otherRepresentative: string }) {
  const [norm] = await tx.select().from(norms).where(eq(norms.slug, AMENDED_NORM));
  if (!norm) throw new Error(`The demo norm ${AMENDED_NORM} is missing.`);
  const orgId = async (slug: string) => (await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug)))[0]!.id;
  const [company, kenya] = [await orgId("open-networks-ltd"), await orgId("ministry-of-foreign-affairs-of-kenya")];
  const now = clock.nowMs();
  const daysAgo = (days: number) => new Date(now - days * DAY);
  const version = async (number: number) =>
    (await tx.select().from(normVersions).where(and(eq(normVersions.normId, norm.id), eq(normVersions.number, number))))[0]!;
  const v2 = await version(norm.currentVersion);

  // 1. Accepted: the company's new words for clause 2, made in version 3.
  const acceptedChange = {
    kind: "replace" as const,
    clause: 2,
    original: v2.clauses[1]!,
    text: "States should treat their own electoral infrastructure, including the systems candidates and parties use to campaign, as critical infrastructure and protect it accordingly.",
  };
  const [accepted] = await tx
    .insert(amendments)
    .values({
      normId: norm.id,
      number: 1,
      baseVersion: v2.number,
      ...acceptedChange,
      rationale: "Campaign systems are attacked more often than counting systems, and a breach of them shakes public confidence just as much.",
      authorId: people.otherRepresentative,
      organizationId: company,
      state: "accepted",
      decidedById: people.representative,
      decidedAt: daysAgo(4),
      acceptedVersion: v2.number + 1,
      createdAt: daysAgo(9),
    })
    .returning({ id: amendments.id });
  await tx.insert(amendmentSupports).values({ amendmentId: accepted!.id, userId: people.member, createdAt: daysAgo(8) });
  const applied = applyAmendment(v2.clauses, acceptedChange);
  if (!applied.applies) throw new Error("The demo amendment no longer applies to the demo text.");
  const v3 = v2.number + 1;
  const changeSummary = "Accepted amendment 1 by Rin Representative (Open Networks Ltd): campaign systems are covered.";
  await tx.insert(normVersions).values({
    normId: norm.id,
    number: v3,
    title: v2.title,
    summary: v2.summary,
    clauses: applied.clauses,
    changeSummary,
    amendmentId: accepted!.id,
    authorId: people.representative,
    createdAt: daysAgo(4),
  });
  await tx
    .update(norms)
    .set({
      currentVersion: v3,
      updatedAt: daysAgo(4),
      lastActivityAt: daysAgo(2),
    })
    .where(eq(norms.id, norm.id));
  await saveNormSearch(tx, norm.id, v2.title, searchColumns(norm.language, v2.title, v2.summary, applied.clauses));
  await tx.insert(normEvents).values({ normId: norm.id, type: "amendmentAccepted", version: v3, actorId: people.representative, amendmentId: accepted!.id, note: changeSummary, createdAt: daysAgo(4) });

  // 2. Declined: deleting the human rights clause.
  const [declined] = await tx
    .insert(amendments)
    .values({
      normId: norm.id,
      number: 2,
      baseVersion: v2.number,
      kind: "delete",
      clause: 4,
      original: v2.clauses[3]!,
      rationale: "Human rights obligations already bind states under international law; repeating them here invites argument about which rights are left out.",
      authorId: people.member,
      state: "declined",
      decidedById: people.representative,
      decidedAt: daysAgo(3),
      reason: "The clause answers a concern many organisations raised in the discussion: that protecting elections could be used to justify restrictions on expression. We keep it.",
      createdAt: daysAgo(7),
    })
    .returning({ id: amendments.id });
  await tx.insert(normEvents).values({
    normId: norm.id,
    type: "amendmentDeclined",
    version: v3,
    actorId: people.representative,
    amendmentId: declined!.id,
    note: "The clause answers a concern many organisations raised in the discussion: that protecting elections could be used to justify restrictions on expression. We keep it.",
    createdAt: daysAgo(3),
  });

  // 3. Open: a deadline for publishing audits, supported in a person's name and by a state.
  const audits = applied.clauses[2]!;
  const [open] = await tx
    .insert(amendments)
    .values({
      normId: norm.id,
      number: 3,
      baseVersion: v3,
      kind: "replace",
      clause: 3,
      original: audits,
      text: "States should enable independent audits of electoral technology, and publish their results within six months of each election, so that the public can have confidence in the outcome.",
      rationale: "Without a time frame, audit results can be held back until they no longer matter to anyone.",
      authorId: people.otherRepresentative,
      createdAt: daysAgo(2),
    })
    .returning({ id: amendments.id });
  await tx.insert(amendmentSupports).values([
    { amendmentId: open!.id, userId: people.member, createdAt: daysAgo(2) },
    { amendmentId: open!.id, userId: people.representative, organizationId: kenya, createdAt: daysAgo(1) },
  ]);
  const commentId = crypto.randomUUID();
  await tx.insert(comments).values({
    id: commentId,
    normId: norm.id,
    threadId: commentId,
    version: v3,
    clause: 3,
    amendmentId: open!.id,
    authorId: people.member,
    body: "Six months seems right for national elections; local elections may need longer where audits are done by hand.",
    createdAt: daysAgo(1),
  });
}
