// Verified representation (issue 17): an organisation's official email domains, and what each
// representation rests on. A person becomes a representative only with a confirmed address at one
// of the organisation's confirmed domains (organization_members.address), or by an exception the
// secretariat records with a reason. The creator of an organisation not yet verified is a
// provisional representative (neither), checked when the secretariat verifies it.
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "~/db/connect";
import { organizationDomains, organizationMembers, organizations, users } from "~/db/schema";
import { clock } from "../clock";
import { AppError, conflict, forbidden, invalidState, notFound } from "../errors";
import { type Actor, requireRepresentative } from "../policy";
import { type addDomainInput, type confirmDomainsInput, domainOf, type recordExceptionInput } from "../schemas/representation";
import { confirmedAddresses } from "./addresses";
import { openTerm, reconfirmDate } from "./nominations";
import { recordAudit } from "./audit";

/** At most this many domains per organisation. */
export const MAX_DOMAINS = 20;

/** "a", "a or b", "a, b or c". */
export const orList = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`);

export async function confirmedDomains(db: DbOrTx, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ domain: organizationDomains.domain })
    .from(organizationDomains)
    .where(and(eq(organizationDomains.organizationId, organizationId), isNotNull(organizationDomains.confirmedAt)))
    .orderBy(asc(organizationDomains.domain));
  return rows.map((r) => r.domain);
}

/** The person's first confirmed address at one of these domains, or null. */
export async function addressAt(db: DbOrTx, userId: string, domains: string[]): Promise<string | null> {
  if (domains.length === 0) return null;
  return (await confirmedAddresses(db, userId)).find((a) => domains.includes(domainOf(a))) ?? null;
}

/**
 * The address a member's representation of this organisation would rest on, or a refusal naming
 * the organisation's confirmed domains.
 */
export async function requireRepresentationAddress(db: DbOrTx, organizationId: string, userId: string): Promise<string> {
  const [person] = await db
    .select({ name: users.displayName })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
  if (!person) throw notFound("That member");
  const [organization] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
  const domains = await confirmedDomains(db, organizationId);
  if (domains.length === 0) {
    throw invalidState(
      `${organization?.name ?? "This organisation"} has no confirmed email domains yet, so nobody can become its representative by address. Register its domains on the organisation's page; the secretariat confirms them, or records an exception with a reason.`,
    );
  }
  const address = await addressAt(db, userId, domains);
  if (!address) {
    throw new AppError(
      "INVALID_STATE",
      `${person.name} needs a confirmed address at ${orList(domains)} to represent ${organization?.name ?? "this organisation"}; they can add one on their account page.`,
      undefined,
      undefined,
      { domains },
    );
  }
  return address;
}

/** An organisation's domains, for its representatives (the manage page). */
export async function listDomains(db: Db, actor: Actor, organizationId: string) {
  await requireRepresentative(db, "organization.domains", actor, organizationId);
  return db
    .select({ id: organizationDomains.id, domain: organizationDomains.domain, confirmedAt: organizationDomains.confirmedAt, createdAt: organizationDomains.createdAt })
    .from(organizationDomains)
    .where(eq(organizationDomains.organizationId, organizationId))
    .orderBy(asc(organizationDomains.domain));
}

/** Registers domains (the registration form, inside its transaction); duplicates are kept once. */
export async function insertDomains(tx: DbOrTx, organizationId: string, domains: string[]) {
  if (domains.length === 0) return;
  await tx
    .insert(organizationDomains)
    .values(domains.map((domain) => ({ organizationId, domain, createdAt: clock.now() })))
    .onConflictDoNothing();
}

/**
 * A representative registers a domain. It waits for the secretariat's confirmation (when it
 * verifies the organisation, or from the queue once verified); it does not send a verified
 * organisation back to review.
 */
export async function addDomain(db: Db, actor: Actor, input: z.output<typeof addDomainInput>) {
  await requireRepresentative(db, "organization.addDomain", actor, input.organizationId);
  return db.transaction(async (tx) => {
    // Locked, so two additions at once cannot pass the limit.
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.organizationId)).for("update");
    const existing = await tx
      .select({ domain: organizationDomains.domain })
      .from(organizationDomains)
      .where(eq(organizationDomains.organizationId, input.organizationId));
    if (existing.some((d) => d.domain === input.domain)) {
      throw conflict(`${input.domain} is already registered for this organisation.`, { domain: `${input.domain} is already registered.` });
    }
    if (existing.length >= MAX_DOMAINS) {
      throw invalidState(`An organisation can register at most ${MAX_DOMAINS} domains. Remove one it no longer uses first.`);
    }
    const [row] = await tx
      .insert(organizationDomains)
      .values({ organizationId: input.organizationId, domain: input.domain, createdAt: clock.now() })
      .returning({ id: organizationDomains.id, domain: organizationDomains.domain });
    return row!;
  });
}

/** A representative removes a domain, unless a representation rests on an address at it. */
export async function removeDomain(db: Db, actor: Actor, input: { organizationId: string; domainId: string }) {
  await requireRepresentative(db, "organization.removeDomain", actor, input.organizationId);
  return db.transaction(async (tx) => {
    const [domain] = await tx
      .select({ id: organizationDomains.id, domain: organizationDomains.domain })
      .from(organizationDomains)
      .where(and(eq(organizationDomains.id, input.domainId), eq(organizationDomains.organizationId, input.organizationId)))
      .for("update");
    if (!domain) throw notFound("The domain");
    const resting = await tx
      .select({ address: organizationMembers.address, name: users.displayName })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(and(eq(organizationMembers.organizationId, input.organizationId), isNotNull(organizationMembers.address)))
      .for("update", { of: organizationMembers });
    const onIt = resting.filter((r) => r.address && domainOf(r.address) === domain.domain);
    if (onIt.length > 0) {
      throw invalidState(
        `The representation of ${onIt.map((r) => r.name).join(" and ")} rests on an address at ${domain.domain}, so the domain stays while they represent the organisation.`,
      );
    }
    await tx.delete(organizationDomains).where(and(eq(organizationDomains.id, domain.id), eq(organizationDomains.organizationId, input.organizationId)));
    return { removed: domain.domain };
  });
}

/** Nobody decides for an organisation they belong to (as for verification). */
async function refuseOwnOrganization(tx: DbOrTx, actor: Actor, organizationId: string) {
  const [member] = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, actor.id)));
  if (member) throw forbidden("You belong to this organisation, so another member of the secretariat decides this.");
}

/** Confirms registered domains; returns those confirmed now. Inside the caller's transaction. */
export async function confirmDomainsIn(tx: Tx, actor: Actor, organizationId: string, domainIds: string[]) {
  if (domainIds.length === 0) return [];
  const confirmed = await tx
    .update(organizationDomains)
    .set({ confirmedAt: clock.now(), confirmedById: actor.id })
    .where(and(eq(organizationDomains.organizationId, organizationId), inArray(organizationDomains.id, domainIds), isNull(organizationDomains.confirmedAt)))
    .returning({ domain: organizationDomains.domain });
  return confirmed.map((d) => d.domain).sort();
}

/**
 * At verification: the ticked domains are confirmed, then every provisional representative (no
 * address, no exception) rests on a confirmed address at a confirmed domain, or on the exception
 * given for them in the same decision; otherwise the verification is refused, naming them.
 * Returns what the audit entry records.
 */
export async function settleRepresentationAtVerification(
  tx: Tx,
  actor: Actor,
  organizationId: string,
  input: { confirmDomainIds: string[]; exceptions: { userId: string; reason: string }[] },
) {
  const confirmedNow = await confirmDomainsIn(tx, actor, organizationId, input.confirmDomainIds);
  const domains = await confirmedDomains(tx, organizationId);
  const provisional = await tx
    .select({ userId: organizationMembers.userId, name: users.displayName })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(
      and(
        eq(organizationMembers.organizationId, organizationId),
        eq(organizationMembers.role, "representative"),
        isNull(organizationMembers.address),
        isNull(organizationMembers.exceptionReason),
      ),
    )
    .orderBy(asc(users.displayName))
    .for("update", { of: organizationMembers });
  const tied: { userId: string; address: string }[] = [];
  const excepted: { userId: string; reason: string }[] = [];
  const missing: { userId: string; name: string }[] = [];
  for (const p of provisional) {
    const address = await addressAt(tx, p.userId, domains);
    const exception = input.exceptions.find((e) => e.userId === p.userId);
    if (address) tied.push({ userId: p.userId, address });
    else if (exception) excepted.push({ userId: p.userId, reason: exception.reason });
    else missing.push({ userId: p.userId, name: p.name });
  }
  if (missing.length > 0) {
    const names = missing.map((m) => m.name).join(" and ");
    throw new AppError(
      "BAD_INPUT",
      domains.length
        ? missing.length === 1
          ? `This representative has no confirmed address at ${orList(domains)}: ${names}. Record an exception with a reason to verify the organisation with this representative, or wait until they confirm one.`
          : `These representatives have no confirmed address at ${orList(domains)}: ${names}. Record an exception with a reason to verify the organisation with these representatives, or wait until they confirm one.`
        : missing.length === 1
          ? `The organisation has no confirmed domain, so this representative cannot represent it by address: ${names}. Tick the domains to confirm, or record an exception with a reason for this representative.`
          : `The organisation has no confirmed domain, so these representatives cannot represent it by address: ${names}. Tick the domains to confirm, or record an exception with a reason for each representative.`,
      { exceptions: `Give a reason for ${names}, or confirm a domain at which they have an address.` },
      undefined,
      { provisional: missing },
    );
  }
  const now = clock.now();
  // Verified, a state's or intergovernmental organisation's representatives run twelve months.
  const [organization] = await tx.select({ type: organizations.stakeholderType }).from(organizations).where(eq(organizations.id, organizationId));
  const reconfirmBy = organization ? reconfirmDate(organization.type, now) : null;
  for (const t of tied) {
    await tx
      .update(organizationMembers)
      .set({ address: t.address, reconfirmBy })
      .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, t.userId)));
  }
  for (const e of excepted) {
    await tx
      .update(organizationMembers)
      .set({ exceptionReason: e.reason, exceptionById: actor.id, exceptionAt: now, reconfirmBy })
      .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, e.userId)));
  }
  return {
    ...(confirmedNow.length ? { confirmedDomains: confirmedNow } : {}),
    ...(tied.length ? { representativesByAddress: tied } : {}),
    ...(excepted.length ? { representationExceptions: excepted } : {}),
  };
}

/**
 * The secretariat confirms domains of an organisation outside a verification (one registered after
 * it was verified). It stays verified meanwhile: a domain is not who the organisation is.
 */
export async function confirmDomains(db: Db, actor: Actor, input: z.output<typeof confirmDomainsInput>) {
  return db.transaction(async (tx) => {
    const [organization] = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, input.organizationId)).for("update");
    if (!organization) throw notFound("The organisation");
    await refuseOwnOrganization(tx, actor, input.organizationId);
    const confirmed = await confirmDomainsIn(tx, actor, input.organizationId, input.domainIds);
    if (confirmed.length === 0) throw invalidState("These domains are already confirmed or were removed. Reload the page.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "organization.domains_confirmed",
      targetType: "organization",
      targetId: input.organizationId,
      details: { name: organization.name, domains: confirmed },
    });
    return { confirmed };
  });
}

/**
 * The secretariat records an exception for a named member: they represent the organisation
 * without an address at its domains, for the reason given (kept on the membership and in the
 * audit log). A member becomes a representative; a representative's basis becomes the exception.
 */
export async function recordException(db: Db, actor: Actor, input: z.output<typeof recordExceptionInput>) {
  return db.transaction(async (tx) => {
    const [organization] = await tx.select({ id: organizations.id, name: organizations.name, type: organizations.stakeholderType }).from(organizations).where(eq(organizations.id, input.organizationId)).for("update");
    if (!organization) throw notFound("The organisation");
    await refuseOwnOrganization(tx, actor, input.organizationId);
    const [member] = await tx
      .select({ role: organizationMembers.role })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, input.organizationId), eq(organizationMembers.userId, input.userId)))
      .for("update");
    if (!member) throw notFound("That member");
    const now = clock.now();
    // The secretariat's exception is its approval; for a state or intergovernmental organisation it
    // runs twelve months like any representation there, and recording it again renews it.
    await tx
      .update(organizationMembers)
      .set({ role: "representative", address: null, exceptionReason: input.reason, exceptionById: actor.id, exceptionAt: now, reconfirmBy: reconfirmDate(organization.type, now) })
      .where(and(eq(organizationMembers.organizationId, input.organizationId), eq(organizationMembers.userId, input.userId)));
    if (member.role === "member") await openTerm(tx, input.organizationId, input.userId, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "organization.representation_exception",
      targetType: "organization",
      targetId: input.organizationId,
      details: { name: organization.name, userId: input.userId, reason: input.reason },
    });
    return { userId: input.userId, role: "representative" as const };
  });
}

/** What the verification queue shows of an organisation's domains and representatives. */
export async function representationForQueue(db: DbOrTx, organizationIds: string[]) {
  if (organizationIds.length === 0) return { domains: [], representatives: [] };
  const domains = await db
    .select({ id: organizationDomains.id, organizationId: organizationDomains.organizationId, domain: organizationDomains.domain, confirmedAt: organizationDomains.confirmedAt })
    .from(organizationDomains)
    .where(inArray(organizationDomains.organizationId, organizationIds))
    .orderBy(asc(organizationDomains.domain));
  const reps = await db
    .select({
      organizationId: organizationMembers.organizationId,
      userId: organizationMembers.userId,
      name: users.displayName,
      address: organizationMembers.address,
      exceptionReason: organizationMembers.exceptionReason,
      reconfirmBy: organizationMembers.reconfirmBy,
    })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(inArray(organizationMembers.organizationId, organizationIds), eq(organizationMembers.role, "representative")))
    .orderBy(asc(users.displayName));
  const representatives = await Promise.all(reps.map(async (r) => ({ ...r, confirmedAddresses: await confirmedAddresses(db, r.userId) })));
  return { domains, representatives };
}

/** Verified organisations with domains waiting for the secretariat's confirmation. */
export async function domainsAwaitingConfirmation(db: Db) {
  const rows = await db
    .select({
      organizationId: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      domainId: organizationDomains.id,
      domain: organizationDomains.domain,
      registeredAt: organizationDomains.createdAt,
    })
    .from(organizationDomains)
    .innerJoin(organizations, eq(organizations.id, organizationDomains.organizationId))
    .where(and(isNull(organizationDomains.confirmedAt), eq(organizations.verificationStatus, "verified")))
    .orderBy(asc(organizations.name), asc(organizationDomains.domain));
  const byOrganization = new Map<string, { id: string; slug: string; name: string; domains: { id: string; domain: string; registeredAt: Date }[] }>();
  for (const r of rows) {
    const entry = byOrganization.get(r.organizationId) ?? { id: r.organizationId, slug: r.slug, name: r.name, domains: [] };
    entry.domains.push({ id: r.domainId, domain: r.domain, registeredAt: r.registeredAt });
    byOrganization.set(r.organizationId, entry);
  }
  return [...byOrganization.values()];
}

/**
 * An organisation's members with what each representation rests on, its domains, and each
 * member's confirmed addresses: the secretariat's page for recording exceptions.
 */
export async function representationOf(db: Db, slug: string) {
  const [organization] = await db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, verificationStatus: organizations.verificationStatus })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!organization) throw notFound("The organisation");
  const [domains, rows] = await Promise.all([
    db
      .select({ id: organizationDomains.id, domain: organizationDomains.domain, confirmedAt: organizationDomains.confirmedAt })
      .from(organizationDomains)
      .where(eq(organizationDomains.organizationId, organization.id))
      .orderBy(asc(organizationDomains.domain)),
    db
      .select({
        userId: organizationMembers.userId,
        name: users.displayName,
        role: organizationMembers.role,
        address: organizationMembers.address,
        exceptionReason: organizationMembers.exceptionReason,
        exceptionAt: organizationMembers.exceptionAt,
        reconfirmBy: organizationMembers.reconfirmBy,
      })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(eq(organizationMembers.organizationId, organization.id))
      .orderBy(asc(organizationMembers.role), asc(users.displayName)),
  ]);
  const members = await Promise.all(rows.map(async (m) => ({ ...m, confirmedAddresses: await confirmedAddresses(db, m.userId) })));
  return { organization, domains, members };
}
