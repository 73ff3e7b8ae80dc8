// Co-sponsors of a norm (issue 17): organisations that champion a proposal beside its proposer,
// as the EastWest paper's "champions". A representative of a verified organisation asks for it;
// the norm's authors (its proposer and co-authors, as for amendments) or a representative of the
// organisation that proposed it accept or decline; the organisation may withdraw its request or
// its sponsorship at any time. Accepted sponsors are public, on the norm's page and in open data,
// and the timeline records when each joined and left; requests are seen only by the authors and
// the requesting organisation's representatives.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "~/db/connect";
import { normEvents, norms, normSponsors, organizationMembers, organizations, users } from "~/db/schema";
import type { NormStatus } from "~/server/schemas/vocabulary";
import { clock } from "../clock";
import { badInput, conflict, forbidden, invalidState, notFound } from "../errors";
import { type Actor, isRepresentative, isStaff } from "../policy";
import { consume } from "../rate-limit";
import type { requestSponsorshipInput } from "../schemas/sponsors";
import { visibleNorm } from "./norm-queries";
import { isPublicNorm, publicNorm } from "./norm-visibility";
import { authorRole } from "./norms";
import { personName } from "./person-name";
import { organizationColumns } from "./positions";

/** An observer takes no positions, and championing a norm is more than a position. */
const observerRefusal = (name: string) => `${name} takes part as an observer: observers do not co-sponsor norms.`;

/** Whether organisations may ask to co-sponsor a norm in this state, and be accepted. */
export const sponsorable = (status: NormStatus) => status === "consultation" || status === "endorsement" || status === "concluded";

const closedRefusal = (status: NormStatus) =>
  status === "withdrawn"
    ? "This norm was withdrawn by its proposer: organisations can no longer co-sponsor it."
    : status === "merged"
      ? "This norm was merged into another: co-sponsor the norm it was merged into instead."
      : "Organisations can co-sponsor a norm once it is submitted to consultation.";

/**
 * Locks the norm row for the rest of the transaction (FOR NO KEY UPDATE, as amendments, comments
 * and positions take it), so a request, a decision and a withdrawal on one norm happen one after
 * another and never across the norm's move to withdrawn or merged. A norm never submitted is not found.
 */
async function lockPublicNorm(tx: Tx, normId: string) {
  const [norm] = await tx
    .select({ id: norms.id, slug: norms.slug, status: norms.status, submittedAt: norms.submittedAt, proposerId: norms.proposerId, organizationId: norms.organizationId, currentVersion: norms.currentVersion })
    .from(norms)
    .where(eq(norms.id, normId))
    .for("no key update");
  if (!norm || !isPublicNorm(norm)) throw notFound("The norm");
  return norm;
}

/**
 * Who decides requests: the norm's authors (as they decide amendments), and, for a norm proposed
 * on behalf of an organisation, that organisation's representatives, since the norm is its proposal.
 */
async function decidesFor(db: DbOrTx, actorId: string, norm: { id: string; proposerId: string; organizationId: string | null }) {
  if (await authorRole(db, actorId, norm)) return true;
  return norm.organizationId !== null && (await isRepresentative(db, actorId, norm.organizationId));
}

/** The request or sponsorship locked for a change, with its norm locked first (the order every write takes). */
async function lockSponsor(tx: Tx, sponsorId: string) {
  const found = await tx.query.normSponsors.findFirst({ columns: { normId: true }, where: eq(normSponsors.id, sponsorId) });
  if (!found) throw notFound("The request");
  const norm = await lockPublicNorm(tx, found.normId);
  const [sponsor] = await tx
    .select({
      id: normSponsors.id,
      state: normSponsors.state,
      organizationId: normSponsors.organizationId,
      organizationName: organizations.name,
      verificationStatus: organizations.verificationStatus,
      participation: organizations.participation,
    })
    .from(normSponsors)
    .innerJoin(organizations, eq(organizations.id, normSponsors.organizationId))
    .where(eq(normSponsors.id, sponsorId))
    .for("update", { of: normSponsors });
  return { norm, sponsor: sponsor! };
}

/** A representative asks, for a verified organisation they represent, to co-sponsor a public norm. */
export async function requestSponsorship(db: Db, actor: Actor, input: z.output<typeof requestSponsorshipInput>) {
  // Staff accounts are refused by the policy ("participant"): they represent no organisation.
  await consume(db, "sponsorRequest", actor.id, (wait) => `You have asked to co-sponsor several norms in a short time. You can ask again in ${wait}.`);
  return db.transaction(async (tx) => {
    const norm = await lockPublicNorm(tx, input.normId);
    if (!sponsorable(norm.status)) throw invalidState(closedRefusal(norm.status));
    // Shared lock: a verification cannot be revoked while this request is written on its strength.
    const [organization] = await tx
      .select({ id: organizations.id, name: organizations.name, verificationStatus: organizations.verificationStatus, participation: organizations.participation })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId))
      .for("share");
    if (!organization || !(await isRepresentative(tx, actor.id, organization.id))) {
      const message = "You can ask to co-sponsor a norm only for an organisation you represent.";
      throw forbidden(message);
    }
    if (organization.verificationStatus !== "verified") {
      throw forbidden(`${organization.name} is not verified: only verified organisations co-sponsor norms.`);
    }
    if (organization.participation === "observer") throw forbidden(observerRefusal(organization.name));
    if (norm.organizationId === organization.id) {
      const message = `${organization.name} proposed this norm, so it is already its proposer; it cannot co-sponsor it too.`;
      throw badInput(message, { organizationId: message });
    }
    const open = await tx.query.normSponsors.findFirst({
      columns: { state: true },
      where: and(eq(normSponsors.normId, norm.id), eq(normSponsors.organizationId, organization.id), inArray(normSponsors.state, ["requested", "accepted"])),
    });
    if (open) {
      const message =
        open.state === "accepted"
          ? `${organization.name} already co-sponsors this norm.`
          : `${organization.name} has already asked to co-sponsor this norm; the authors have not answered yet.`;
      throw conflict(message, { organizationId: message });
    }
    const now = clock.now();
    const [row] = await tx
      .insert(normSponsors)
      .values({ normId: norm.id, organizationId: organization.id, requestedById: actor.id, message: input.message, requestedAt: now })
      .returning({ id: normSponsors.id });
    return { id: row!.id, slug: norm.slug, state: "requested" as const };
  });
}

/**
 * The organisation takes back its open request, or ends its sponsorship (which the timeline
 * records). Only its representatives may; to anyone who may not see an open request, it is not there.
 */
export async function withdrawSponsorship(db: Db, actor: Actor, sponsorId: string) {
  return db.transaction(async (tx) => {
    const { norm, sponsor } = await lockSponsor(tx, sponsorId);
    if (!(await isRepresentative(tx, actor.id, sponsor.organizationId))) {
      if (sponsor.state !== "accepted" && !(await decidesFor(tx, actor.id, norm))) throw notFound("The request");
      throw forbidden(`Only a representative of ${sponsor.organizationName} can withdraw its request or its sponsorship.`);
    }
    if (sponsor.state !== "requested" && sponsor.state !== "accepted") {
      throw invalidState(`This request was ${sponsor.state}: there is nothing to withdraw. ${sponsor.organizationName} may ask again.`);
    }
    const now = clock.now();
    await tx.update(normSponsors).set({ state: "withdrawn", withdrawnById: actor.id, withdrawnAt: now }).where(eq(normSponsors.id, sponsor.id));
    if (sponsor.state === "accepted") {
      await tx.insert(normEvents).values({ normId: norm.id, type: "sponsorWithdrawn", version: norm.currentVersion, actorId: actor.id, sponsorId: sponsor.id, createdAt: now });
    }
    return { slug: norm.slug, state: "withdrawn" as const, wasSponsor: sponsor.state === "accepted" };
  });
}

/** The authors (or the proposing organisation's representatives) accept or decline a request. */
async function decide(db: Db, actor: Actor, sponsorId: string, decision: "accepted" | "declined") {
  return db.transaction(async (tx) => {
    const { norm, sponsor } = await lockSponsor(tx, sponsorId);
    if (!(await decidesFor(tx, actor.id, norm))) {
      if (sponsor.state !== "accepted" && !(await isRepresentative(tx, actor.id, sponsor.organizationId))) throw notFound("The request");
      throw forbidden("Only the norm's authors, or a representative of the organisation that proposed it, can accept or decline a request to co-sponsor it.");
    }
    if (sponsor.state !== "requested") throw invalidState(`This request was already ${sponsor.state}: it can no longer be answered.`);
    if (decision === "accepted") {
      if (!sponsorable(norm.status)) throw invalidState(closedRefusal(norm.status));
      if (sponsor.verificationStatus !== "verified") {
        throw invalidState(`${sponsor.organizationName} is no longer verified, so it cannot co-sponsor the norm. Decline the request instead.`);
      }
      if (sponsor.participation === "observer") throw invalidState(`${observerRefusal(sponsor.organizationName)} Decline the request instead.`);
    }
    const now = clock.now();
    await tx.update(normSponsors).set({ state: decision, decidedById: actor.id, decidedAt: now }).where(eq(normSponsors.id, sponsor.id));
    if (decision === "accepted") {
      await tx.insert(normEvents).values({ normId: norm.id, type: "sponsorAccepted", version: norm.currentVersion, actorId: actor.id, sponsorId: sponsor.id, createdAt: now });
    }
    return { slug: norm.slug, state: decision };
  });
}

export const acceptSponsorship = (db: Db, actor: Actor, sponsorId: string) => decide(db, actor, sponsorId, "accepted");
export const declineSponsorship = (db: Db, actor: Actor, sponsorId: string) => decide(db, actor, sponsorId, "declined");

// ---------------------------------------------------------------------------------------------
// Reads

/** A norm's sponsors as everyone sees them, in the order they joined (its page and open data). */
export async function acceptedSponsors(db: DbOrTx, normId: string) {
  const rows = await db
    .select({ id: normSponsors.id, organization: organizationColumns, since: normSponsors.decidedAt })
    .from(normSponsors)
    .innerJoin(organizations, eq(organizations.id, normSponsors.organizationId))
    .where(and(eq(normSponsors.normId, normId), eq(normSponsors.state, "accepted")))
    .orderBy(asc(normSponsors.decidedAt), asc(organizations.name));
  // An accepted sponsorship always has its decision's date (norm_sponsors_decided_chk).
  return rows.map((r) => ({ ...r, since: r.since! }));
}

export type Sponsor = Awaited<ReturnType<typeof acceptedSponsors>>[number];

/** The organisations that sponsorship events on a timeline name, by the sponsorship's id. */
export async function sponsorCredits(db: DbOrTx, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map<string, { organizationName: string; organizationSlug: string }>();
  const rows = await db
    .select({ id: normSponsors.id, organizationName: organizations.name, organizationSlug: organizations.slug })
    .from(normSponsors)
    .innerJoin(organizations, eq(organizations.id, normSponsors.organizationId))
    .where(inArray(normSponsors.id, wanted));
  return new Map(rows.map(({ id, ...r }) => [id, r]));
}

/**
 * A norm's sponsors as everyone sees them, in the order they joined; and, for a reader who may see
 * them, the open requests (the authors see every one, a representative their organisations'), with
 * what this reader may do.
 */
export async function sponsorsForNorm(db: Db, actor: Actor | null, slug: string) {
  const { norm, role } = await visibleNorm(db, actor, slug);
  const active = Boolean(actor && !actor.suspension);
  const [accepted, represented, decider] = await Promise.all([
    acceptedSponsors(db, norm.id),
    actor
      ? db
          .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, verificationStatus: organizations.verificationStatus, participation: organizations.participation })
          .from(organizationMembers)
          .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
          .where(and(eq(organizationMembers.userId, actor.id), eq(organizationMembers.role, "representative")))
          .orderBy(asc(organizations.name))
      : [],
    !actor ? false : role !== null ? true : decidesFor(db, actor.id, norm),
  ]);
  const representedIds = represented.map((o) => o.id);
  const canSeeAllRequests = decider;
  const requests =
    canSeeAllRequests || representedIds.length
      ? await db
          .select({
            id: normSponsors.id,
            organization: organizationColumns,
            message: normSponsors.message,
            requestedAt: normSponsors.requestedAt,
            requestedBy: personName(users, true),
          })
          .from(normSponsors)
          .innerJoin(organizations, eq(organizations.id, normSponsors.organizationId))
          .innerJoin(users, eq(users.id, normSponsors.requestedById))
          .where(
            and(
              eq(normSponsors.normId, norm.id),
              eq(normSponsors.state, "requested"),
              canSeeAllRequests ? undefined : inArray(normSponsors.organizationId, representedIds),
            ),
          )
          .orderBy(asc(normSponsors.requestedAt))
      : [];
  const open = isPublicNorm(norm) && sponsorable(norm.status);
  const stateOf = (organizationId: string) =>
    accepted.find((s) => s.organization.id === organizationId) ? ("accepted" as const) : requests.find((r) => r.organization.id === organizationId) ? ("requested" as const) : null;
  const sponsorIdOf = (organizationId: string) => (accepted.find((s) => s.organization.id === organizationId) ?? requests.find((r) => r.organization.id === organizationId))?.id ?? null;
  return {
    norm: { id: norm.id, slug: norm.slug, status: norm.status },
    /** Whether organisations may ask to co-sponsor it now. */
    open,
    sponsors: accepted,
    requests,
    viewer: {
      /** The reader answers requests (an author, or a representative of the proposing organisation). */
      canDecide: active && canSeeAllRequests,
      canAccept: active && canSeeAllRequests && open,
      /** The organisations the reader represents, each with where it stands on this norm. */
      organizations: active && !isStaff(actor)
        ? represented.map((o) => ({
            id: o.id,
            slug: o.slug,
            name: o.name,
            verified: o.verificationStatus === "verified",
            observer: o.participation === "observer",
            proposer: o.id === norm.organizationId,
            state: stateOf(o.id),
            sponsorId: sponsorIdOf(o.id),
          }))
        : [],
    },
  };
}

export type NormSponsors = Awaited<ReturnType<typeof sponsorsForNorm>>;

/** The norms an organisation co-sponsors now, in the order it joined them (its public page). */
export async function sponsorshipsOfOrganization(db: Db, slug: string) {
  const organization = await db.query.organizations.findFirst({ columns: { id: true }, where: eq(organizations.slug, slug) });
  if (!organization) throw notFound("The organisation");
  const rows = await db
    .select({ slug: norms.slug, title: norms.title, status: norms.status, since: normSponsors.decidedAt })
    .from(normSponsors)
    .innerJoin(norms, eq(norms.id, normSponsors.normId))
    .where(and(eq(normSponsors.organizationId, organization.id), eq(normSponsors.state, "accepted"), publicNorm()))
    .orderBy(asc(normSponsors.decidedAt), asc(norms.title));
  return rows.map((r) => ({ ...r, since: r.since! }));
}
