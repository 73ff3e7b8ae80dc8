import { refreshMeasuresForOrganization } from "./positions";
import { and, asc, count, eq, ilike, ne, or } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "~/db/connect";
import { identityFields, type IdentityField, joinRequests, organizationMembers, organizations, type ReviewChanges, users } from "~/db/schema";
import { conflict, invalidState, notFound, pgConstraint, pgErrorCode } from "../errors";
import { type Actor, isStaff, requireRepresentative } from "../policy";
import type {
  createOrganizationInput,
  decideJoinRequestInput,
  listOrganizationsInput,
  requestJoinInput,
  setMemberRoleInput,
  updateOrganizationInput,
} from "../schemas/organizations";
import { recordAudit } from "./audit";
import { confirmedDomains, insertDomains, requireRepresentationAddress } from "./representation";
import { closeTerm, needsApproval, nominateIn, openTerm, reconfirmDate, termsOf } from "./nominations";
import { firstFreeSlug, slugify } from "./slug";
import { clock } from "../clock";
import { emitEvent } from "../notifications/events";
import { representativeIds } from "../notifications/people";

type CreateInput = z.output<typeof createOrganizationInput>;

const publicColumns = {
  id: organizations.id,
  slug: organizations.slug,
  name: organizations.name,
  stakeholderType: organizations.stakeholderType,
  region: organizations.region,
  country: organizations.country,
  website: organizations.website,
  description: organizations.description,
  verificationStatus: organizations.verificationStatus,
  participation: organizations.participation,
  statusChangedAt: organizations.statusChangedAt,
  createdAt: organizations.createdAt,
};

async function uniqueSlug(db: DbOrTx, name: string) {
  const base = slugify(name);
  const taken = await db
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(or(eq(organizations.slug, base), ilike(organizations.slug, `${base}-%`)));
  return firstFreeSlug(base, taken.map((r) => r.slug));
}

export async function listOrganizations(db: Db, input: z.output<typeof listOrganizationsInput>) {
  const filters = [
    // Rejected registrations never appear in the public directory.
    ne(organizations.verificationStatus, "rejected"),
    input.stakeholderType ? eq(organizations.stakeholderType, input.stakeholderType) : undefined,
    input.region ? eq(organizations.region, input.region) : undefined,
    input.verifiedOnly ? eq(organizations.verificationStatus, "verified") : undefined,
    input.participation ? eq(organizations.participation, input.participation) : undefined,
    input.q ? ilike(organizations.name, `%${input.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
  ];
  const where = and(...filters);
  const offset = input.cursor ?? 0;
  const [rows, [total]] = await Promise.all([
    db.select(publicColumns).from(organizations).where(where).orderBy(asc(organizations.name), asc(organizations.id)).limit(input.limit + 1).offset(offset),
    db.select({ n: count() }).from(organizations).where(where),
  ]);
  return {
    items: rows.slice(0, input.limit),
    total: total?.n ?? 0,
    nextCursor: rows.length > input.limit ? offset + input.limit : null,
  };
}

export async function getOrganization(db: Db, actor: Actor | null, slug: string) {
  const [organization] = await db
    .select({
      ...publicColumns,
      statusReason: organizations.statusReason,
      reviewChanges: organizations.reviewChanges,
      participationRequestedAt: organizations.participationRequestedAt,
    })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!organization) throw notFound("The organisation");
  const membership = actor
    ? await db.query.organizationMembers.findFirst({
        columns: { role: true, listed: true },
        where: and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.userId, actor.id)),
      })
    : undefined;
  const insider = Boolean(membership) || isStaff(actor);
  if (organization.verificationStatus === "rejected" && !insider) throw notFound("The organisation");
  const members = await db
    .select({ userId: users.id, displayName: users.displayName, role: organizationMembers.role })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.listed, true)))
    .orderBy(asc(organizationMembers.role), asc(users.displayName));
  const pendingRequest = actor
    ? await db.query.joinRequests.findFirst({
        columns: { id: true, createdAt: true },
        where: and(eq(joinRequests.organizationId, organization.id), eq(joinRequests.userId, actor.id), eq(joinRequests.status, "pending")),
      })
    : undefined;
  // Issue 17: a verified organisation's representatives speak for it, so they are public, each by
  // name and since when; plain members stay listed only if they chose to be. And which of its
  // email domains the secretariat confirmed.
  const verified = organization.verificationStatus === "verified";
  const terms = verified ? await termsOf(db, organization.id) : [];
  const representatives = terms.filter((t) => t.endedAt === null).map((t) => ({ userId: t.userId, displayName: t.name, since: t.startedAt, approved: t.approved }));
  // Who represented it before, newest first: the public history.
  const formerRepresentatives = terms.filter((t) => t.endedAt !== null);
  const { reviewChanges, participationRequestedAt, ...shown } = organization;
  return {
    ...shown,
    // An observer's request to take part fully: for its own members and the secretariat.
    participationRequestedAt: insider ? participationRequestedAt : null,
    representatives,
    formerRepresentatives,
    confirmedDomains: await confirmedDomains(db, organization.id),
    // Verified before, now back in review because who it is changed (what changed is for the secretariat).
    backInReview: organization.verificationStatus === "pending" && reviewChanges !== null,
    // Why it was rejected or revoked is shown to its own members and the secretariat.
    statusReason: insider || organization.verificationStatus === "revoked" ? organization.statusReason : null,
    listedMembers: members,
    myMembership: membership ?? null,
    myPendingRequest: pendingRequest ?? null,
  };
}

export async function myOrganizations(db: Db, actor: Actor) {
  const memberships = await db
    .select({ ...publicColumns, statusReason: organizations.statusReason, role: organizationMembers.role, listed: organizationMembers.listed })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(eq(organizationMembers.userId, actor.id))
    .orderBy(asc(organizations.name));
  const requests = await db
    .select({ id: joinRequests.id, createdAt: joinRequests.createdAt, organizationName: organizations.name, organizationSlug: organizations.slug })
    .from(joinRequests)
    .innerJoin(organizations, eq(organizations.id, joinRequests.organizationId))
    .where(and(eq(joinRequests.userId, actor.id), eq(joinRequests.status, "pending")))
    .orderBy(asc(joinRequests.createdAt));
  return { memberships, pendingRequests: requests };
}

export function stateConflict(error: unknown) {
  if (pgErrorCode(error) === "23505" && pgConstraint(error) === "organizations_verified_state_country_key") {
    return conflict("This country already has a verified state organisation. A state speaks through one verified organisation.", {
      country: "This country already has a verified state organisation.",
    });
  }
  return null;
}

export async function createOrganization(db: Db, actor: Actor, { domains, ...input }: CreateInput) {
  return db.transaction(async (tx) => {
    const [organization] = await tx
      .insert(organizations)
      .values({ ...input, slug: await uniqueSlug(tx, input.name), createdById: actor.id })
      .returning({ id: organizations.id, slug: organizations.slug });
    // The creator is a provisional representative (no address, no exception yet): the secretariat
    // checks their address at the registered domains when it verifies the organisation.
    await tx.insert(organizationMembers).values({ organizationId: organization!.id, userId: actor.id, role: "representative", listed: true });
    await openTerm(tx, organization!.id, actor.id, clock.now());
    await insertDomains(tx, organization!.id, domains);
    return organization!;
  });
}

/**
 * The identity changes since the organisation was verified: `previous` (changes already pending
 * review, or none) merged with this edit, each field keeping its verified value as `from`; a field
 * changed back to its verified value drops out.
 */
export function mergeReviewChanges(
  previous: ReviewChanges | null,
  current: Record<IdentityField, string | null>,
  next: Record<IdentityField, string | null>,
): ReviewChanges {
  const merged: ReviewChanges = {};
  for (const field of identityFields) {
    const from = previous?.[field] ? previous[field].from : current[field];
    if (from !== next[field]) merged[field] = { from, to: next[field] };
  }
  return merged;
}

const identityOf = (o: Record<IdentityField, string | null>) =>
  Object.fromEntries(identityFields.map((f) => [f, o[f] ?? null])) as Record<IdentityField, string | null>;

export async function updateOrganization(db: Db, actor: Actor, input: z.output<typeof updateOrganizationInput>) {
  const { organizationId, ...fields } = input;
  await requireRepresentative(db, "organization.update", actor, organizationId);
  return db.transaction(async (tx) => {
    // Locked, so a verification decided meanwhile cannot pass over this change.
    const [current] = await tx.select().from(organizations).where(eq(organizations.id, organizationId)).for("update");
    if (!current) throw notFound("The organisation");
    const before = identityOf(current);
    const after = identityOf({ ...fields, country: fields.country ?? null, website: fields.website ?? null });
    const changed = identityFields.some((f) => before[f] !== after[f]);
    // Changing who the organisation is (its name, type, region, country or website) sends a
    // verified organisation back to review: its positions are listed apart, uncounted, until the
    // secretariat verifies it again. Changes made while in review add to what the queue shows.
    const backToQueue = changed && current.verificationStatus === "verified";
    const inReview = current.verificationStatus === "pending" && current.reviewChanges !== null;
    const now = clock.now();
    await tx
      .update(organizations)
      .set({
        ...fields,
        updatedAt: now,
        ...(backToQueue
          ? { verificationStatus: "pending" as const, statusReason: null, statusChangedAt: now, statusChangedById: actor.id, reviewChanges: mergeReviewChanges(null, before, after) }
          : inReview && changed
            ? { reviewChanges: mergeReviewChanges(current.reviewChanges, before, after) }
            : {}),
      })
      .where(eq(organizations.id, organizationId));
    if (backToQueue) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "organization.returned_to_review",
        targetType: "organization",
        targetId: organizationId,
        details: { name: current.name, changes: mergeReviewChanges(null, before, after) },
      });
    }
    // Its type, region and verification decide where its positions count.
    if (backToQueue || current.region !== fields.region || current.stakeholderType !== fields.stakeholderType) {
      await refreshMeasuresForOrganization(tx, organizationId);
    }
    return { slug: current.slug, returnedToQueue: backToQueue };
  });
}

export async function requestJoin(db: Db, actor: Actor, input: z.output<typeof requestJoinInput>) {
  const organization = await db.query.organizations.findFirst({
    columns: { id: true, slug: true, name: true, verificationStatus: true },
    where: eq(organizations.id, input.organizationId),
  });
  if (!organization || organization.verificationStatus === "rejected") throw notFound("The organisation");
  const member = await db.query.organizationMembers.findFirst({
    columns: { role: true },
    where: and(eq(organizationMembers.organizationId, input.organizationId), eq(organizationMembers.userId, actor.id)),
  });
  if (member) throw conflict("You are already a member of this organisation.");
  try {
    return await db.transaction(async (tx) => {
      const [request] = await tx
        .insert(joinRequests)
        .values({ organizationId: input.organizationId, userId: actor.id, message: input.message })
        .returning({ id: joinRequests.id });
      // The representatives decide it (issue 18).
      await emitEvent(tx, {
        kind: "organization.join_request",
        recipientIds: await representativeIds(tx, organization.id),
        actorId: actor.id,
        link: `/organizations/${organization.slug}/manage#requests`,
        details: { person: actor.displayName, organization: organization.name },
      });
      return request!;
    });
  } catch (error) {
    if (pgErrorCode(error) === "23505") {
      throw conflict("You have already asked to join this organisation. A representative will answer your request.");
    }
    throw error;
  }
}

export async function withdrawJoinRequest(db: Db, actor: Actor, requestId: string) {
  const updated = await db
    .update(joinRequests)
    .set({ status: "withdrawn", decidedAt: clock.now() })
    .where(and(eq(joinRequests.id, requestId), eq(joinRequests.userId, actor.id), eq(joinRequests.status, "pending")))
    .returning({ id: joinRequests.id });
  if (updated.length === 0) throw notFound("Your pending request");
  return { withdrawn: true };
}

export async function listJoinRequests(db: Db, actor: Actor, organizationId: string) {
  await requireRepresentative(db, "organization.joinRequests", actor, organizationId);
  return db
    .select({
      id: joinRequests.id,
      message: joinRequests.message,
      createdAt: joinRequests.createdAt,
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
    })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(and(eq(joinRequests.organizationId, organizationId), eq(joinRequests.status, "pending")))
    .orderBy(asc(joinRequests.createdAt));
}

export async function decideJoinRequest(db: Db, actor: Actor, input: z.output<typeof decideJoinRequestInput>) {
  await requireRepresentative(db, "organization.decideJoinRequest", actor, input.organizationId);
  return db.transaction(async (tx) => {
    const [request] = await tx
      .update(joinRequests)
      .set({ status: input.decision === "approve" ? "approved" : "declined", decidedById: actor.id, decidedAt: clock.now() })
      .where(
        and(
          eq(joinRequests.id, input.requestId),
          eq(joinRequests.organizationId, input.organizationId),
          eq(joinRequests.status, "pending"),
        ),
      )
      .returning({ userId: joinRequests.userId });
    if (!request) throw invalidState("This request has already been answered or withdrawn.");
    if (input.decision === "approve") {
      try {
        await tx
          .insert(organizationMembers)
          .values({ organizationId: input.organizationId, userId: request.userId, role: "member" })
          .onConflictDoNothing();
      } catch (error) {
        // The person took a secretariat or admin role after asking: the database refuses (migration 0029).
        if (pgConstraint(error) === "organization_members_no_staff") {
          throw invalidState("This person now works for the secretariat, whose accounts belong to no organisation. Decline the request instead.");
        }
        throw error;
      }
    }
    return { decision: input.decision };
  });
}

export async function listMembers(db: Db, actor: Actor, organizationId: string) {
  await requireRepresentative(db, "organization.members", actor, organizationId);
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      role: organizationMembers.role,
      listed: organizationMembers.listed,
      since: organizationMembers.createdAt,
      // What a representation rests on (issue 17).
      address: organizationMembers.address,
      exceptionReason: organizationMembers.exceptionReason,
      reconfirmBy: organizationMembers.reconfirmBy,
    })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, organizationId))
    .orderBy(asc(organizationMembers.role), asc(users.displayName));
}

const lastRepresentative = () =>
  invalidState("An organisation needs at least one representative. Make another member a representative first.");

/** Locks the organisation's representative rows, so two simultaneous removals cannot leave none. */
async function otherRepresentatives(tx: DbOrTx, organizationId: string, userId: string) {
  const rows = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.role, "representative")))
    .for("update");
  return rows.filter((r) => r.userId !== userId).length;
}

export async function setMemberRole(db: Db, actor: Actor, input: z.output<typeof setMemberRoleInput>) {
  await requireRepresentative(db, "organization.setMemberRole", actor, input.organizationId);
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ role: organizationMembers.role, type: organizations.stakeholderType })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(and(eq(organizationMembers.organizationId, input.organizationId), eq(organizationMembers.userId, input.userId)))
      .for("update", { of: organizationMembers });
    if (!member) throw notFound("That member");
    if (input.role === "member" && (await otherRepresentatives(tx, input.organizationId, input.userId)) === 0) {
      throw lastRepresentative();
    }
    // A new representative of a state or intergovernmental organisation is nominated: the
    // secretariat approves (issue 17). Its address is checked now, and again at approval.
    if (input.role === "representative" && member.role === "member" && needsApproval(member.type)) {
      return nominateIn(tx, actor, input.organizationId, input.userId);
    }
    const now = clock.now();
    // A representative rests on a confirmed address at one of the organisation's confirmed domains
    // (issue 17); setting it again ties an existing representation (e.g. one kept by the migration)
    // to one, and for a state or intergovernmental organisation reconfirms it for twelve months.
    const basis =
      input.role === "representative"
        ? { address: await requireRepresentationAddress(tx, input.organizationId, input.userId), exceptionReason: null, exceptionById: null, exceptionAt: null, reconfirmBy: reconfirmDate(member.type, now) }
        : { address: null, exceptionReason: null, exceptionById: null, exceptionAt: null, reconfirmBy: null };
    await tx
      .update(organizationMembers)
      .set({ role: input.role, ...basis })
      .where(and(eq(organizationMembers.organizationId, input.organizationId), eq(organizationMembers.userId, input.userId)));
    // The public history of who represented the organisation when.
    if (input.role === "representative" && member.role === "member") await openTerm(tx, input.organizationId, input.userId, now);
    if (input.role === "member" && member.role === "representative") await closeTerm(tx, input.organizationId, input.userId, now, "stepped_down");
    return { role: input.role, nominated: false as const };
  });
}

async function removeMembership(db: Db, organizationId: string, userId: string) {
  return db.transaction(async (tx) => {
    const member = await tx.query.organizationMembers.findFirst({
      columns: { role: true },
      where: and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
    });
    if (!member) throw notFound("That member");
    if (member.role === "representative" && (await otherRepresentatives(tx, organizationId, userId)) === 0) {
      throw lastRepresentative();
    }
    await tx
      .delete(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
    if (member.role === "representative") await closeTerm(tx, organizationId, userId, clock.now(), "left");
    return { removed: true };
  });
}

export async function removeMember(db: Db, actor: Actor, input: { organizationId: string; userId: string }) {
  await requireRepresentative(db, "organization.removeMember", actor, input.organizationId);
  return removeMembership(db, input.organizationId, input.userId);
}

export function leaveOrganization(db: Db, actor: Actor, organizationId: string) {
  return removeMembership(db, organizationId, actor.id);
}

export async function setListed(db: Db, actor: Actor, input: { organizationId: string; listed: boolean }) {
  const updated = await db
    .update(organizationMembers)
    .set({ listed: input.listed })
    .where(and(eq(organizationMembers.organizationId, input.organizationId), eq(organizationMembers.userId, actor.id)))
    .returning({ listed: organizationMembers.listed });
  if (updated.length === 0) throw notFound("Your membership");
  return { listed: input.listed };
}


/**
 * An observer's representative asks the secretariat to make it a full participant (issue 17): the
 * request waits in the secretariat's queue (server/domain/verification.ts, decideParticipation).
 */
export async function requestFullParticipation(db: Db, actor: Actor, organizationId: string) {
  await requireRepresentative(db, "organization.requestParticipation", actor, organizationId);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ name: organizations.name, participation: organizations.participation, requestedAt: organizations.participationRequestedAt })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for("update");
    if (!current) throw notFound("The organisation");
    if (current.participation !== "observer") throw invalidState(`${current.name} already takes part fully.`);
    if (current.requestedAt) throw invalidState(`${current.name} has already asked to take part fully. The secretariat will answer.`);
    const now = clock.now();
    await tx.update(organizations).set({ participationRequestedAt: now, participationRequestedById: actor.id, updatedAt: now }).where(eq(organizations.id, organizationId));
    return { requestedAt: now };
  });
}
