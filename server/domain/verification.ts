import { refreshMeasuresForOrganization } from "./positions";
import { and, asc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "~/db/connect";
import { organizationMembers, organizations, users } from "~/db/schema";
import type { VerificationStatus } from "~/server/schemas/vocabulary";
import { AppError, badInput, forbidden, invalidState, notFound } from "../errors";
import type { Actor } from "../policy";
import { recordAudit } from "./audit";
import type { decideParticipationInput, verifyInput } from "../schemas/organizations";
import { duplicateFinder, likelyDuplicates } from "./duplicates";
import { stateConflict } from "./organizations";
import { personName } from "./person-name";
import { representationForQueue, settleRepresentationAtVerification } from "./representation";
import { clock } from "../clock";
import { emitEvent } from "../notifications/events";
import { representativeIds } from "../notifications/people";
import { followTarget } from "./notifications";

/** Organisations awaiting verification, oldest first, each with its likely duplicates. */
export async function verificationQueue(db: Db) {
  const all = await db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      stakeholderType: organizations.stakeholderType,
      region: organizations.region,
      country: organizations.country,
      website: organizations.website,
      description: organizations.description,
      verificationStatus: organizations.verificationStatus,
      reviewChanges: organizations.reviewChanges,
      createdAt: organizations.createdAt,
      createdByName: personName(),
      createdByEmail: users.email,
    })
    .from(organizations)
    .innerJoin(users, eq(users.id, organizations.createdById))
    .where(ne(organizations.verificationStatus, "rejected"))
    .orderBy(asc(organizations.createdAt));
  const duplicatesOf = duplicateFinder(all);
  const pending = all.filter((o) => o.verificationStatus === "pending");
  const representation = await representationForQueue(db, pending.map((o) => o.id));
  return pending
    .map((o) => ({
      ...o,
      // Its registered email domains, and its representatives with what each rests on (issue 17).
      domains: representation.domains.filter((d) => d.organizationId === o.id),
      representatives: representation.representatives.filter((r) => r.organizationId === o.id),
      duplicates: duplicatesOf(o).map((d) => ({
        id: d.organization.id,
        slug: d.organization.slug,
        name: d.organization.name,
        verificationStatus: d.organization.verificationStatus,
        country: d.organization.country,
        website: d.organization.website,
        reasons: d.reasons,
      })),
    }));
}

async function transition(
  db: Db,
  actor: Actor,
  organizationId: string,
  from: VerificationStatus[],
  to: VerificationStatus,
  reason: string | null,
  refusal: (status: VerificationStatus) => string,
  /** Checks made on the locked row before the change; returns extra details for the audit log. */
  confirm?: (tx: Tx, current: typeof organizations.$inferSelect) => Promise<Record<string, unknown>>,
) {
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(organizations).where(eq(organizations.id, organizationId)).for("update");
      if (!current) throw notFound("The organisation");
      // Nobody decides on an organisation they belong to (as for observations naming one's own).
      const [member] = await tx
        .select({ userId: organizationMembers.userId })
        .from(organizationMembers)
        .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, actor.id)));
      if (member) {
        throw forbidden("You belong to this organisation, so another member of the secretariat decides on its verification.");
      }
      const confirmed = from.includes(current.verificationStatus) && confirm ? await confirm(tx, current) : {};
      const [updated] = await tx
        .update(organizations)
        .set({ verificationStatus: to, statusReason: reason, statusChangedAt: clock.now(), statusChangedById: actor.id, updatedAt: clock.now(), reviewChanges: null })
        .where(and(eq(organizations.id, organizationId), inArray(organizations.verificationStatus, from)))
        .returning({ id: organizations.id, slug: organizations.slug });
      if (!updated) throw invalidState(refusal(current.verificationStatus));
      // Only verified organisations count: the norms it has positions on get new figures at once.
      await refreshMeasuresForOrganization(tx, organizationId);
      await recordAudit(tx, {
        actorId: actor.id,
        action: to === "verified" ? "organization.verified" : to === "rejected" ? "organization.rejected" : "organization.verification_revoked",
        targetType: "organization",
        targetId: organizationId,
        details: {
          name: current.name,
          from: current.verificationStatus,
          ...(reason ? { reason } : {}),
          ...(current.reviewChanges ? { changes: current.reviewChanges } : {}),
          ...confirmed,
        },
      });
      // Its representatives hear of the decision, and its followers of a verification given or
      // revoked (a rejected organisation's page is for its members only).
      await emitEvent(tx, {
        kind: "organization.verification",
        targets: to === "rejected" ? [] : [followTarget("organization", organizationId)],
        recipientIds: await representativeIds(tx, organizationId),
        actorId: actor.id,
        link: `/organizations/${updated.slug}`,
        details: { organization: current.name, outcome: to },
      });
      return updated;
    });
  } catch (error) {
    throw stateConflict(error) ?? error;
  }
}

/**
 * Verifying counts the organisation in every figure, so it needs an explicit confirmation: the
 * name as the verifier saw it (refused if it has changed since) and every likely duplicate,
 * acknowledged as checked.
 */
export const verifyOrganization = (db: Db, actor: Actor, input: z.output<typeof verifyInput>) =>
  transition(
    db,
    actor,
    input.organizationId,
    ["pending", "revoked", "rejected"],
    "verified",
    null,
    () => "This organisation is already verified.",
    async (tx, current) => {
      if (input.confirmName !== current.name) {
        throw badInput(`Confirm the organisation by its current name, ${current.name}. Reload the page to see what changed.`, {
          confirmName: `The organisation is now called ${current.name}. Reload the page and check it again.`,
        });
      }
      const others = await tx
        .select({ id: organizations.id, name: organizations.name, website: organizations.website, country: organizations.country, stakeholderType: organizations.stakeholderType })
        .from(organizations)
        .where(ne(organizations.verificationStatus, "rejected"));
      const matches = likelyDuplicates(current, others);
      const missing = matches.filter((d) => !input.acknowledgedDuplicateIds.includes(d.organization.id));
      if (missing.length) {
        const names = missing.map((d) => d.organization.name).join(", ");
        // The duplicates go back with the refusal, so a page that did not list them can ask about them.
        throw new AppError(
          "BAD_INPUT",
          `Check the likely duplicates before verifying: ${names}. Confirm each is a different organisation.`,
          { acknowledgedDuplicateIds: `Confirm you checked ${names}.` },
          undefined,
          { duplicates: missing.map((d) => ({ id: d.organization.id, name: d.organization.name, reasons: d.reasons })) },
        );
      }
      const representation = await settleRepresentationAtVerification(tx, actor, current.id, input);
      return { ...(matches.length ? { acknowledgedDuplicates: matches.map((d) => d.organization.id) } : {}), ...representation };
    },
  );

export const rejectOrganization = (db: Db, actor: Actor, organizationId: string, reason: string) =>
  transition(db, actor, organizationId, ["pending"], "rejected", reason, (status) =>
    status === "verified"
      ? "This organisation is verified. Revoke its verification instead."
      : "Only an organisation awaiting verification can be rejected.",
  );

export const revokeVerification = (db: Db, actor: Actor, organizationId: string, reason: string) =>
  transition(db, actor, organizationId, ["verified"], "revoked", reason, () =>
    "Only a verified organisation can have its verification revoked.",
  );

/** Observers asking to take part fully, oldest request first (issue 17). */
export async function participationRequests(db: Db) {
  return db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      stakeholderType: organizations.stakeholderType,
      region: organizations.region,
      verificationStatus: organizations.verificationStatus,
      requestedAt: organizations.participationRequestedAt,
      requestedBy: personName(),
    })
    .from(organizations)
    .innerJoin(users, eq(users.id, organizations.participationRequestedById))
    .where(isNotNull(organizations.participationRequestedAt))
    .orderBy(asc(organizations.participationRequestedAt), asc(organizations.id));
}

/**
 * The secretariat answers an observer's request: approving makes it a full participant, which may
 * take positions from then on; declining keeps it an observer, with the reason its members see in
 * the audit log's entry and on its manage page. Either way the request is closed.
 */
export async function decideParticipation(db: Db, actor: Actor, input: z.output<typeof decideParticipationInput>) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ name: organizations.name, participation: organizations.participation, requestedAt: organizations.participationRequestedAt })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId))
      .for("update");
    if (!current) throw notFound("The organisation");
    if (current.participation !== "observer" || !current.requestedAt) throw invalidState(`${current.name} has no request to take part fully waiting.`);
    const now = clock.now();
    await tx
      .update(organizations)
      .set({
        participation: input.decision === "approve" ? "participant" : "observer",
        participationRequestedAt: null,
        participationRequestedById: null,
        updatedAt: now,
      })
      .where(eq(organizations.id, input.organizationId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.decision === "approve" ? "organization.participation_approved" : "organization.participation_declined",
      targetType: "organization",
      targetId: input.organizationId,
      details: { name: current.name, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return { participation: input.decision === "approve" ? ("participant" as const) : ("observer" as const) };
  });
}
