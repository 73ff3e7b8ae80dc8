import { refreshMeasuresForOrganization } from "./positions";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "~/db/connect";
import { organizations, users } from "~/db/schema";
import type { VerificationStatus } from "~/server/schemas/vocabulary";
import { invalidState, notFound } from "../errors";
import type { Actor } from "../policy";
import { recordAudit } from "./audit";
import { duplicateFinder } from "./duplicates";
import { personName } from "./person-name";
import { stateConflict } from "./organizations";

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
      createdAt: organizations.createdAt,
      createdByName: personName(),
      createdByEmail: users.email,
    })
    .from(organizations)
    .innerJoin(users, eq(users.id, organizations.createdById))
    .where(ne(organizations.verificationStatus, "rejected"))
    .orderBy(asc(organizations.createdAt));
  const duplicatesOf = duplicateFinder(all);
  return all
    .filter((o) => o.verificationStatus === "pending")
    .map((o) => ({
      ...o,
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
) {
  try {
    return await db.transaction(async (tx) => {
      const current = await tx.query.organizations.findFirst({
        columns: { verificationStatus: true, name: true },
        where: eq(organizations.id, organizationId),
      });
      if (!current) throw notFound("The organisation");
      const [updated] = await tx
        .update(organizations)
        .set({ verificationStatus: to, statusReason: reason, statusChangedAt: new Date(), statusChangedById: actor.id, updatedAt: new Date() })
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
        details: { name: current.name, from: current.verificationStatus, ...(reason ? { reason } : {}) },
      });
      return updated;
    });
  } catch (error) {
    throw stateConflict(error) ?? error;
  }
}

export const verifyOrganization = (db: Db, actor: Actor, organizationId: string) =>
  transition(db, actor, organizationId, ["pending", "revoked", "rejected"], "verified", null, () =>
    "This organisation is already verified.",
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
