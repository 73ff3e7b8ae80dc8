// An actor's record across years (issue 19): a state's profile (every UN member and observer
// state, whether or not it takes part) and the same record on every forum organisation's page.
// A state's record is the record of its forum organisations (stakeholder type `state` with its
// country), plus the observations that name the state itself. Everything here is what the public
// already sees elsewhere: positions on public norms (sealed entries wait apart in sealed_positions
// and entries waiting for countersignature in organization_entries, so neither is ever read
// here), statements in published reports, accepted observations and their replies. Each section
// is read a page at a time (keyset), so the cost does not grow with the record.
import "server-only";
import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/connect";
import {
  implementationStatements,
  normPositionHistory,
  normPositions,
  norms,
  observationActors,
  observationAssessments,
  observationOrganizations,
  observationReplies,
  observations,
  organizationMembers,
  organizations,
  referenceNorms,
  stocktakeItems,
  stocktakes,
} from "~/db/schema";
import type { NormStatus } from "~/db/schema";
import type { z } from "zod";
import { badInput, notFound } from "../errors";
import { type Actor, isStaff } from "../policy";
import {
  type ActorRef,
  actorId,
  type actorRecordInput,
  COMPARE_ACTORS_MAX,
  COMPARE_ACTORS_MIN,
  type compareActorsInput,
  encodeCompareCursor,
  encodeRecordCursor,
  type ObservationCursor,
  parseActorId,
  type PositionCursor,
  RECORD_PAGE,
  type StatementCursor,
} from "../schemas/actors";
import { findUnState, stateName, stateSlug, unStatesByName } from "../schemas/un-states";
import { isoMicros } from "./norm-queries";
import { stocktakePublished } from "./stocktake-record";

/** Statuses of norms whose positions are public (never a draft). */
const publicStatuses: NormStatus[] = ["consultation", "endorsement", "concluded", "withdrawn", "merged"];

const organizationColumns = {
  id: organizations.id,
  slug: organizations.slug,
  name: organizations.name,
  country: organizations.country,
  verificationStatus: organizations.verificationStatus,
  participation: organizations.participation,
};

export type RecordOrganization = Awaited<ReturnType<typeof stateOrganizations>>[number];

/** A state's forum organisations as the public sees them: every one but rejected registrations, verified first. */
function stateOrganizations(db: Db, isos: string[]) {
  return db
    .select(organizationColumns)
    .from(organizations)
    .where(and(eq(organizations.stakeholderType, "state"), inArray(organizations.country, isos), ne(organizations.verificationStatus, "rejected")))
    .orderBy(sql`${organizations.verificationStatus} = 'verified' desc`, asc(organizations.name));
}

export interface ResolvedActor {
  id: string;
  ref: ActorRef;
  name: string;
  /** For a state: its code, UN membership and regional group. */
  state: { iso: string; slug: string; membership: "member" | "observer"; region: string | null } | null;
  /** The forum organisations whose record this is: a state's organisations, or the organisation itself. */
  organizations: RecordOrganization[];
  /** Where its profile is. */
  href: string;
}

/** The actor an id names, as the reader may see it; "not found" for a code that is not a UN state or an unknown organisation. */
export async function resolveActor(db: Db, actor: Actor | null, ref: ActorRef): Promise<ResolvedActor> {
  if (ref.kind === "state") {
    const state = findUnState(ref.iso);
    if (!state) throw notFound(`The state “${ref.iso}”`);
    return {
      id: actorId({ kind: "state", iso: state.iso }),
      ref: { kind: "state", iso: state.iso },
      name: stateName(state.iso),
      state: { iso: state.iso, slug: stateSlug(state.iso), membership: state.membership, region: state.region },
      organizations: await stateOrganizations(db, [state.iso]),
      href: `/states/${stateSlug(state.iso)}`,
    };
  }
  const [organization] = await db.select(organizationColumns).from(organizations).where(eq(organizations.slug, ref.slug));
  if (!organization) throw notFound(`The organisation “${ref.slug}”`);
  // A rejected registration is seen only by its own members and the secretariat, as on its page.
  if (organization.verificationStatus === "rejected") {
    const member = actor
      ? await db.query.organizationMembers.findFirst({ columns: { role: true }, where: and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.userId, actor.id)) })
      : undefined;
    if (!isStaff(actor) && !member) throw notFound(`The organisation “${ref.slug}”`);
  }
  return { id: actorId(ref), ref, name: organization.name, state: null, organizations: [organization], href: `/organizations/${organization.slug}` };
}

/** Parses an actor id and resolves it; a malformed id is bad input with a plain message. */
export async function resolveActorId(db: Db, actor: Actor | null, id: string) {
  const ref = parseActorId(id);
  if (!ref) throw badInput(`“${id.slice(0, 60)}” is not an actor: give state: followed by an ISO code (for example state:KE), or org: followed by an organisation’s address name.`, { ids: "Give state: followed by an ISO code (for example state:KE), or org: followed by an organisation’s address name." });
  return resolveActor(db, actor, ref);
}

// ---------------------------------------------------------------------------------------------
// The sections

const idsOf = (organizationIds: string[]) => (organizationIds.length ? organizationIds : ["00000000-0000-0000-0000-000000000000"]);

/** Current positions of the actor's organisations, newest first, with each one's history. */
async function positionsSection(db: Db, organizationIds: string[], after: PositionCursor | undefined) {
  if (organizationIds.length === 0) return { items: [], total: 0, next: null };
  const where = and(inArray(normPositions.organizationId, organizationIds), inArray(norms.status, publicStatuses));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: normPositions.id,
        at: isoMicros(normPositions.recordedAt),
        organizationId: normPositions.organizationId,
        norm: { id: norms.id, slug: norms.slug, title: norms.title, status: norms.status, currentVersion: norms.currentVersion },
        organization: { slug: organizations.slug, name: organizations.name, verificationStatus: organizations.verificationStatus },
        stance: normPositions.stance,
        statement: normPositions.statement,
        version: normPositions.version,
        clauses: normPositions.clauses,
        recordedAt: normPositions.recordedAt,
      })
      .from(normPositions)
      .innerJoin(norms, eq(norms.id, normPositions.normId))
      .innerJoin(organizations, eq(organizations.id, normPositions.organizationId))
      .where(and(where, after ? sql`(${normPositions.recordedAt}, ${normPositions.id}) < (${after.t}::timestamptz, ${after.id}::uuid)` : undefined))
      .orderBy(desc(normPositions.recordedAt), desc(normPositions.id))
      .limit(RECORD_PAGE + 1),
    // Positions are only ever recorded on public norms (a norm never goes back to draft), so the
    // count reads the organisation index alone: 26 ms rather than 139 ms for 92,000 positions.
    db.select({ n: count() }).from(normPositions).where(inArray(normPositions.organizationId, organizationIds)),
  ]);
  const page = rows.slice(0, RECORD_PAGE);
  // The history of just the positions on this page: one read, by (norm, organisation).
  const history = page.length
    ? await db
        .select({
          normId: normPositionHistory.normId,
          organizationId: normPositionHistory.organizationId,
          sequence: normPositionHistory.sequence,
          kind: normPositionHistory.kind,
          stance: normPositionHistory.stance,
          version: normPositionHistory.version,
          recordedAt: normPositionHistory.recordedAt,
          revealedAt: normPositionHistory.revealedAt,
        })
        .from(normPositionHistory)
        .where(or(...page.map((p) => and(eq(normPositionHistory.normId, p.norm.id), eq(normPositionHistory.organizationId, p.organizationId)))))
        .orderBy(desc(normPositionHistory.recordedAt), desc(normPositionHistory.sequence))
    : [];
  const last = page.at(-1);
  return {
    items: page.map(({ id: _id, at: _at, organizationId, norm: { id: normId, ...norm }, ...p }) => ({
      ...p,
      norm,
      current: p.version === norm.currentVersion,
      counted: p.organization.verificationStatus === "verified",
      history: history.filter((h) => h.normId === normId && h.organizationId === organizationId).map(({ normId: _n, organizationId: _o, ...h }) => h),
    })),
    total: total?.n ?? 0,
    next: rows.length > RECORD_PAGE && last ? encodeRecordCursor({ t: last.at, id: last.id }) : null,
  };
}

/** Implementation statements in published reports, by year (newest first) and the report's order. */
async function statementsSection(db: Db, organizationIds: string[], after: StatementCursor | undefined) {
  if (organizationIds.length === 0) return { items: [], total: 0, next: null };
  const where = and(inArray(implementationStatements.organizationId, organizationIds), stocktakePublished(db));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: implementationStatements.id,
        year: stocktakes.year,
        position: stocktakeItems.position,
        norm: { slug: norms.slug, title: norms.title },
        reference: { id: referenceNorms.id, display: referenceNorms.display },
        organization: { slug: organizations.slug, name: organizations.name },
        status: implementationStatements.status,
        text: implementationStatements.text,
        links: implementationStatements.links,
        updatedAt: implementationStatements.updatedAt,
      })
      .from(implementationStatements)
      .innerJoin(stocktakeItems, eq(stocktakeItems.id, implementationStatements.itemId))
      .innerJoin(stocktakes, eq(stocktakes.id, stocktakeItems.stocktakeId))
      .innerJoin(organizations, eq(organizations.id, implementationStatements.organizationId))
      .leftJoin(norms, eq(norms.id, stocktakeItems.normId))
      .leftJoin(referenceNorms, eq(referenceNorms.id, stocktakeItems.referenceNormId))
      .where(
        and(
          where,
          after
            ? sql`(${stocktakes.year} < ${after.y} or (${stocktakes.year} = ${after.y} and (${stocktakeItems.position}, ${implementationStatements.id}) > (${after.p}, ${after.id}::uuid)))`
            : undefined,
        ),
      )
      .orderBy(desc(stocktakes.year), asc(stocktakeItems.position), asc(implementationStatements.id))
      .limit(RECORD_PAGE + 1),
    db
      .select({ n: count() })
      .from(implementationStatements)
      .innerJoin(stocktakeItems, eq(stocktakeItems.id, implementationStatements.itemId))
      .innerJoin(stocktakes, eq(stocktakes.id, stocktakeItems.stocktakeId))
      .where(where),
  ]);
  const page = rows.slice(0, RECORD_PAGE);
  const last = page.at(-1);
  return {
    items: page.map(({ id: _id, position: _p, norm, reference, ...s }) => ({
      ...s,
      title: norm?.title ?? reference?.display ?? "",
      normSlug: norm?.slug ?? null,
      referenceId: reference?.id ?? null,
    })),
    total: total?.n ?? 0,
    next: rows.length > RECORD_PAGE && last ? encodeRecordCursor({ y: last.year, p: last.position, id: last.id }) : null,
  };
}

/**
 * Whether an observation names the actor: one of its actors (codebook v1, observation_actors) is the
 * state by its ISO code or one of the actor's forum organisations. observation_organizations, kept
 * in step with the organisation actors, is read too, so an organisation named either way counts.
 * Observations are public once accepted; the callers add that condition.
 */
function namesActor(resolved: Pick<ResolvedActor, "organizations" | "state">): SQL {
  const organizationIds = idsOf(resolved.organizations.map((o) => o.id));
  const iso = resolved.state?.iso;
  // Driven from the actors' indexes (country, organization_id), so the read starts from the few
  // observations naming this actor rather than from every accepted observation.
  return sql`${observations.id} in (select ${observationActors.observationId} from ${observationActors} where ${inArray(observationActors.organizationId, organizationIds)}${
    iso ? sql` or ${observationActors.country} = ${iso}` : sql``
  } union select ${observationOrganizations.observationId} from ${observationOrganizations} where ${inArray(observationOrganizations.organizationId, organizationIds)})`;
}

/** Accepted observations naming the actor, newest first, each with its replies and the norms it bears on. */
async function observationsSection(db: Db, resolved: ResolvedActor, after: ObservationCursor | undefined) {
  const where = and(eq(observations.status, "accepted"), namesActor(resolved));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: observations.id,
        year: stocktakes.year,
        title: observations.title,
        description: observations.description,
        occurredOn: observations.occurredOn,
        occurredUntil: observations.occurredUntil,
        sources: observations.sources,
        // The codebook's coded fields (null on codebook v0 rows).
        codebookVersion: observations.codebookVersion,
        attributionStatus: observations.attributionStatus,
        attributedBy: observations.attributedBy,
        confidence: observations.confidence,
      })
      .from(observations)
      .innerJoin(stocktakes, eq(stocktakes.id, observations.stocktakeId))
      .where(and(where, after ? sql`(${observations.occurredOn}, ${observations.id}) < (${after.d}::date, ${after.id}::uuid)` : undefined))
      .orderBy(desc(observations.occurredOn), desc(observations.id))
      .limit(RECORD_PAGE + 1),
    db.select({ n: count() }).from(observations).where(where),
  ]);
  const page = rows.slice(0, RECORD_PAGE);
  const ids = page.map((o) => o.id);
  const [replies, assessed] = ids.length
    ? await Promise.all([
        db
          .select({
            observationId: observationReplies.observationId,
            organization: { slug: organizations.slug, name: organizations.name },
            text: observationReplies.text,
            updatedAt: observationReplies.updatedAt,
          })
          .from(observationReplies)
          .innerJoin(organizations, eq(organizations.id, observationReplies.organizationId))
          .where(inArray(observationReplies.observationId, ids))
          .orderBy(asc(observationReplies.createdAt)),
        db
          .select({
            observationId: observationAssessments.observationId,
            assessment: observationAssessments.assessment,
            normSlug: norms.slug,
            normTitle: norms.title,
            reference: referenceNorms.display,
          })
          .from(observationAssessments)
          .innerJoin(stocktakeItems, eq(stocktakeItems.id, observationAssessments.itemId))
          .leftJoin(norms, eq(norms.id, stocktakeItems.normId))
          .leftJoin(referenceNorms, eq(referenceNorms.id, stocktakeItems.referenceNormId))
          .where(inArray(observationAssessments.observationId, ids))
          .orderBy(asc(stocktakeItems.position)),
      ])
    : [[], []];
  const last = page.at(-1);
  return {
    items: page.map((o) => ({
      ...o,
      replies: replies.filter((r) => r.observationId === o.id).map(({ observationId: _o, ...r }) => r),
      norms: assessed.filter((a) => a.observationId === o.id).map((a) => ({ title: a.normTitle ?? a.reference ?? "", normSlug: a.normSlug, assessment: a.assessment })),
    })),
    total: total?.n ?? 0,
    next: rows.length > RECORD_PAGE && last ? encodeRecordCursor({ d: last.occurredOn, id: last.id }) : null,
  };
}

/** An actor's record across years: who it is, then the first page (or the page asked for) of each section. */
export async function actorRecord(db: Db, actor: Actor | null, input: z.output<typeof actorRecordInput>) {
  const resolved = await resolveActorId(db, actor, input.id);
  const organizationIds = resolved.organizations.map((o) => o.id);
  const [positions, statements, observationPage] = await Promise.all([
    positionsSection(db, organizationIds, input.positionsAfter),
    statementsSection(db, organizationIds, input.statementsAfter),
    observationsSection(db, resolved, input.observationsAfter),
  ]);
  return {
    actor: resolved,
    positions,
    statements,
    observations: observationPage,
    // Which sections show a later page rather than their newest entries.
    paged: { positions: Boolean(input.positionsAfter), statements: Boolean(input.statementsAfter), observations: Boolean(input.observationsAfter) },
  };
}

// ---------------------------------------------------------------------------------------------
// Every state

/** Every UN member and observer state, by name, with its forum organisations. */
export async function listStates(db: Db) {
  const organizationsByCountry = await db
    .select(organizationColumns)
    .from(organizations)
    .where(and(eq(organizations.stakeholderType, "state"), ne(organizations.verificationStatus, "rejected")))
    .orderBy(sql`${organizations.verificationStatus} = 'verified' desc`, asc(organizations.name));
  return unStatesByName().map((s) => {
    const own = organizationsByCountry.filter((o) => o.country === s.iso);
    return {
      ...s,
      slug: stateSlug(s.iso),
      organizations: own,
      takesPart: own.some((o) => o.verificationStatus === "verified"),
    };
  });
}

/**
 * Per state: how many current positions, statements in published reports and accepted
 * observations its forum organisations have. Three grouped reads for all states at once.
 */
export async function stateCounts(db: Db) {
  const stateOrgs = and(eq(organizations.stakeholderType, "state"), ne(organizations.verificationStatus, "rejected"));
  const [positions, statements, observed] = await Promise.all([
    db
      .select({ country: organizations.country, n: count() })
      .from(normPositions)
      .innerJoin(organizations, eq(organizations.id, normPositions.organizationId))
      .where(stateOrgs)
      .groupBy(organizations.country),
    db
      .select({ country: organizations.country, n: count() })
      .from(implementationStatements)
      .innerJoin(organizations, eq(organizations.id, implementationStatements.organizationId))
      .innerJoin(stocktakeItems, eq(stocktakeItems.id, implementationStatements.itemId))
      .innerJoin(stocktakes, eq(stocktakes.id, stocktakeItems.stocktakeId))
      .where(and(stateOrgs, stocktakePublished(db)))
      .groupBy(organizations.country),
    // An observation counts once for each state it names, by code or through a state organisation.
    db
      .select({ country: sql<string | null>`named.country`, n: sql<number>`count(distinct named.observation_id)::int` })
      .from(
        sql`(select ${observationActors.observationId} as observation_id, coalesce(${observationActors.country}, ${organizations.country}) as country
              from ${observationActors} left join ${organizations} on ${organizations.id} = ${observationActors.organizationId} and ${stateOrgs}
             union
            select ${observationOrganizations.observationId}, ${organizations.country}
              from ${observationOrganizations} join ${organizations} on ${organizations.id} = ${observationOrganizations.organizationId} and ${stateOrgs}) as named`,
      )
      .innerJoin(observations, sql`${observations.id} = named.observation_id`)
      .where(and(eq(observations.status, "accepted"), sql`named.country is not null`))
      .groupBy(sql`named.country`),
  ]);
  const map = (rows: { country: string | null; n: number }[]) => new Map(rows.map((r) => [r.country ?? "", Number(r.n)]));
  return { positions: map(positions), statements: map(statements), observations: map(observed) };
}

// ---------------------------------------------------------------------------------------------
// Comparing actors

/** Two or three actors side by side: positions on the same norms (a page of norms), statements and observations by year. */
export async function compareActors(db: Db, actor: Actor | null, input: z.output<typeof compareActorsInput>) {
  const ids = input.ids;
  if (ids.length < COMPARE_ACTORS_MIN) throw badInput(`Choose at least ${COMPARE_ACTORS_MIN} actors to compare.`, { ids: `Choose at least ${COMPARE_ACTORS_MIN} actors.` });
  if (ids.length > COMPARE_ACTORS_MAX) throw badInput(`Compare at most ${COMPARE_ACTORS_MAX} actors at a time.`, { ids: `Choose at most ${COMPARE_ACTORS_MAX} actors.` });
  const actors = await Promise.all(ids.map((id) => resolveActorId(db, actor, id)));
  if (new Set(actors.map((a) => a.id)).size !== actors.length) throw badInput("Each actor can be compared only once.", { ids: "Choose different actors." });

  // An organisation may belong to two of them (a state and its own ministry compared), so each
  // actor has its own set.
  const owns = actors.map((a) => new Set(a.organizations.map((o) => o.id)));
  const organizationIds = [...new Set(actors.flatMap((a) => a.organizations.map((o) => o.id)))];
  const after = input.after;
  const normRows = organizationIds.length
    ? await db
        .select({ id: norms.id, slug: norms.slug, title: norms.title, status: norms.status, currentVersion: norms.currentVersion })
        .from(norms)
        .where(
          and(
            inArray(norms.status, publicStatuses),
            inArray(norms.id, db.selectDistinct({ id: normPositions.normId }).from(normPositions).where(inArray(normPositions.organizationId, organizationIds))),
            after ? sql`(${norms.title}, ${norms.id}) > (${after.title}, ${after.id}::uuid)` : undefined,
          ),
        )
        .orderBy(asc(norms.title), asc(norms.id))
        .limit(RECORD_PAGE + 1)
    : [];
  const normPage = normRows.slice(0, RECORD_PAGE);
  const [positionRows, statementRows, observationRows] = await Promise.all([
    normPage.length
      ? db
          .select({
            normId: normPositions.normId,
            organizationId: normPositions.organizationId,
            organizationName: organizations.name,
            verificationStatus: organizations.verificationStatus,
            stance: normPositions.stance,
            version: normPositions.version,
            recordedAt: normPositions.recordedAt,
          })
          .from(normPositions)
          .innerJoin(organizations, eq(organizations.id, normPositions.organizationId))
          .where(and(inArray(normPositions.normId, normPage.map((n) => n.id)), inArray(normPositions.organizationId, organizationIds)))
      : [],
    organizationIds.length
      ? db
          .select({ organizationId: implementationStatements.organizationId, year: stocktakes.year, status: implementationStatements.status, n: count() })
          .from(implementationStatements)
          .innerJoin(stocktakeItems, eq(stocktakeItems.id, implementationStatements.itemId))
          .innerJoin(stocktakes, eq(stocktakes.id, stocktakeItems.stocktakeId))
          .where(and(inArray(implementationStatements.organizationId, organizationIds), stocktakePublished(db)))
          .groupBy(implementationStatements.organizationId, stocktakes.year, implementationStatements.status)
      : [],
    // One grouped read per actor (at most three): accepted observations naming it, by year.
    Promise.all(
      actors.map((a) =>
        db
          .select({ year: stocktakes.year, n: count() })
          .from(observations)
          .innerJoin(stocktakes, eq(stocktakes.id, observations.stocktakeId))
          .where(and(eq(observations.status, "accepted"), namesActor(a)))
          .groupBy(stocktakes.year),
      ),
    ),
  ]);

  const years = [...new Set([...statementRows.map((r) => r.year), ...observationRows.flat().map((r) => r.year)])].sort((a, b) => b - a);
  const last = normPage.at(-1);
  return {
    actors: actors.map((a) => ({ id: a.id, name: a.name, href: a.href, state: a.state, organizations: a.organizations })),
    norms: normPage.map((n) => ({
      slug: n.slug,
      title: n.title,
      status: n.status,
      currentVersion: n.currentVersion,
      // A cell per actor: its organisations' positions on the norm (a state has usually one).
      cells: actors.map((_, i) =>
        positionRows
          .filter((p) => p.normId === n.id && owns[i]!.has(p.organizationId))
          .map(({ normId: _n, organizationId: _o, ...p }) => ({ ...p, current: p.version === n.currentVersion, counted: p.verificationStatus === "verified" })),
      ),
    })),
    next: normRows.length > RECORD_PAGE && last ? encodeCompareCursor({ title: last.title, id: last.id }) : null,
    years: years.map((year) => ({
      year,
      statements: actors.map((_, i) => {
        const rows = statementRows.filter((r) => r.year === year && owns[i]!.has(r.organizationId));
        const byStatus: Partial<Record<(typeof rows)[number]["status"], number>> = {};
        for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + Number(r.n);
        return { total: rows.reduce((s, r) => s + Number(r.n), 0), byStatus };
      }),
      observations: actors.map((_, i) => Number(observationRows[i]?.find((r) => r.year === year)?.n ?? 0)),
    })),
  };
}
