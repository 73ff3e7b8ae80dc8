// Reading norms: the public list with search and keyset pagination, one norm, its versions,
// redlines, and an author's own proposals. Drafts are visible to their authors only.
import { type AnyColumn, and, asc, desc, eq, exists, inArray, isNotNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db } from "~/db/connect";
import type { Locale } from "../i18n/locales";
import {
  amendments,
  normCategories,
  normCitations,
  normCoauthorInvitations,
  normCoauthors,
  normEvents,
  normPlacements,
  norms,
  normSearch,
  normVersions,
  organizationMembers,
  organizations,
  referenceNorms,
  users,
} from "~/db/schema";
import { uptakeForNorm } from "./uptake";
import { clock } from "../clock";
import { badInput, notFound } from "../errors";
import { type Actor, can } from "../policy";
import { encodeCursor, type listNormsPageInput } from "../schemas/norms";
import { diffClauses, diffStats, diffWords } from "./diff";
import { canRevise, transitionRefusal } from "./lifecycle";
import { authorRole, textOf } from "./norms";
import { isPublicNorm, publicNorm } from "./norm-visibility";
import { personName } from "./person-name";
import { evaluate, factsOf, nextMove, publishedCriteria } from "./criteria";
import { acceptedSponsors, sponsorCredits } from "./sponsors";
import { stageClock, withStage } from "./stage-clock";
import { matchedLanguages, mayTranslate, multilingualQuery, translationForList, translationsIn, translationsOf } from "./translations";

type ListInput = z.output<typeof listNormsPageInput>;

// Markers around matched words in highlights; the page turns them into <mark> without parsing HTML.
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";

/**
 * A search ranks at most this many matches, the most recent ones (docs/performance.md, "Search"):
 * ranking every match of a common word would cost as much as reading the whole table. Sorting by
 * newest reaches every match.
 */
export const SEARCH_CANDIDATES = 500;

/**
 * A search first tests the words against at most this many norms, those its sort reads first
 * (listNorms); only when they hold too few matches does it look further.
 */
export const SEARCH_WINDOW = 1000;
/** The widest window a search reads in its sort's order before it asks the text index instead. */
export const SEARCH_WINDOW_MAX = 10_000;

/** A time as ISO 8601 with its microseconds, so a page link continues exactly after its last row. */
export const isoMicros = (column: SQL | AnyColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * A timeline event as the norm's page and its Atom feeds show it (joined to its actor in `users`,
 * left join): the id is the entry's anchor on the page (#event-…), which the feeds link to; the
 * actor is null for what the forum's clock did (a stage closing on its date).
 */
export const timelineEventColumns = {
  id: normEvents.id,
  type: normEvents.type,
  fromStatus: normEvents.fromStatus,
  toStatus: normEvents.toStatus,
  version: normEvents.version,
  note: normEvents.note,
  closesAt: normEvents.closesAt,
  override: normEvents.override,
  overrideReason: normEvents.overrideReason,
  sealed: normEvents.sealed,
  createdAt: normEvents.createdAt,
  actorName: sql<string | null>`case when ${users.id} is null then null else ${personName()} end`,
  actorRole: users.role,
};

/** The search's windows (docs/performance.md): the defaults, or smaller ones in tests. */
export interface SearchWindows {
  first: number;
  max: number;
}
const DEFAULT_WINDOWS: SearchWindows = { first: SEARCH_WINDOW, max: SEARCH_WINDOW_MAX };

export async function listNorms(db: Db, input: ListInput, windows: SearchWindows = DEFAULT_WINDOWS) {
  const sort = input.sort ?? (input.q ? "relevance" : "newest");
  // In every language the norm has (its text and its translations): server/domain/translations.ts.
  const query = input.q ? await multilingualQuery(db, input.q) : null;
  // The words are matched apart from the other filters: see `source` below. The documents are in
  // norm_search, joined to the norms only where words are asked for (fromNorms).
  const words = query ? sql`${normSearch.search} @@ ${query}` : undefined;
  const filters: (SQL | undefined)[] = [
    publicNorm(),
    input.status ? eq(norms.status, input.status) : undefined,
    input.kind ? eq(norms.kind, input.kind) : undefined,
    input.bindingness ? eq(norms.bindingness, input.bindingness) : undefined,
    input.category
      ? exists(db.select({ one: sql`1` }).from(normPlacements).where(and(eq(normPlacements.normId, norms.id), eq(normPlacements.categoryCode, input.category))))
      : undefined,
    input.stakeholderType
      ? exists(
          db
            .select({ one: sql`1` })
            .from(organizations)
            .where(and(eq(organizations.id, norms.organizationId), eq(organizations.stakeholderType, input.stakeholderType))),
        )
      : undefined,
    input.document
      ? exists(
          db
            .select({ one: sql`1` })
            .from(normCitations)
            .innerJoin(referenceNorms, eq(referenceNorms.id, normCitations.referenceNormId))
            .where(and(eq(normCitations.normId, norms.id), eq(referenceNorms.documentKey, input.document))),
        )
      : undefined,
  ];
  // Support and contestation sort by the lower bound of their Wilson interval, which weighs the
  // number of positions (methodology page); these expressions match the indexes in db/schema/norms.ts.
  // A concluded norm sorts by its live figures, adherence since its conclusion included, like every
  // other norm: the list ranks where norms stand now, on one scale. Its figures at the close of
  // endorsement are the record of the decision, on its page and in open data (docs/adherence.md).
  const measureKeys = {
    support: sql<number>`coalesce(${norms.supportLowerBound}, -1)`,
    bridging: sql<number>`${norms.bridging}`,
    contested: sql<number>`coalesce(${norms.contestationLowerBound}, -1)`,
  } as const;
  const relevance = sort === "relevance" && query !== null;
  const numericSort = relevance || sort in measureKeys;
  const c = input.cursor;
  // The schema checked the cursor's shape; its key must also be of this sort's kind.
  if (c && (typeof c.v !== (numericSort ? "number" : "string") || (relevance && !c.t))) {
    throw badInput("This page link is not valid; start from the first page.", { cursor: "Not a valid page link." });
  }

  // First the page's ids and sort keys, from the narrowest rows an index can give in order; the
  // norm's other columns, its current version and its names are joined to those rows only.
  //
  // With words, where the matches come from (docs/performance.md, "Searches that match little"):
  // first the norms the sort reads first, at most SEARCH_WINDOW of them, tested for the words one by
  // one ("window": a common word fills the page long before the end); if that gives less than the
  // page (or the candidates) asks for, the search runs again over every norm: in the sort's order
  // when the window found enough for that to end soon, otherwise by first finding every match in
  // the text index ("index"), then sorting them. PostgreSQL's own choice between the two, made from
  // an estimate of how many norms hold all the words, read all 100,000 norms' documents for two
  // words that are each common but never together.
  // What the page is sorted by (a ranking's candidates: the most recent).
  const key = relevance ? norms.createdAt : sort in measureKeys ? measureKeys[sort as keyof typeof measureKeys] : sort === "active" ? norms.lastActivityAt : norms.createdAt;
  const cursorOnKey = () => {
    if (!c || relevance) return undefined;
    const value = numericSort ? sql`${c.v}::double precision` : sql`${c.v}::timestamptz`;
    return sql`(${key}, ${norms.id}) < (${value}, ${c.id}::uuid)`;
  };
  type Reach = "ordered" | "index" | { window: number };
  // The norms, with their search documents where there are words to match.
  const fromNorms = <T extends SelectedFields>(fields: T) => {
    const rows = db.select(fields).from(norms).$dynamic();
    return words ? rows.innerJoin(normSearch, eq(normSearch.normId, norms.id)) : rows;
  };
  const source = (reach: Reach, wanted: number) => {
    // The title and summary's small vector only for a ranking.
    const columns = { id: norms.id, key: sql`${key}`.as("k"), createdAt: norms.createdAt, head: (relevance ? sql`${normSearch.searchHead}` : sql`null::tsvector`).as("head") };
    const where = [...filters, cursorOnKey()];
    if (!words || reach === "ordered") {
      return fromNorms(columns).where(and(...where, words)).orderBy(desc(key), desc(norms.id)).limit(wanted).as("source");
    }
    if (typeof reach === "object") {
      const recent = fromNorms({ ...columns, search: normSearch.search })
        .where(and(...where))
        .orderBy(desc(key), desc(norms.id))
        .limit(reach.window)
        .as("recent");
      return db
        .select({ id: recent.id, key: recent.key, createdAt: recent.createdAt, head: recent.head })
        .from(recent)
        .where(sql`${recent.search} @@ ${query}`)
        .orderBy(desc(recent.key), desc(recent.id))
        .limit(wanted)
        .as("source");
    }
    // OFFSET 0 keeps PostgreSQL from reading the sort's index here: every match, then sorted
    // (written as SQL: Drizzle leaves out an offset of the number 0).
    const matches = fromNorms(columns).where(and(...where, words)).offset(sql`0` as unknown as number).as("matches");
    return db
      .select({ id: matches.id, key: matches.key, createdAt: matches.createdAt, head: matches.head })
      .from(matches)
      .orderBy(desc(matches.key), desc(matches.id))
      .limit(wanted)
      .as("source");
  };

  // The norms the filters (words aside) and the page link leave, up to `most`: counted, they say
  // whether a window of that size read them all.
  const normsUpTo = (most: number) => db.select({ one: sql`1` }).from(norms).where(and(...filters, cursorOnKey())).limit(most);
  // For a window, that count, in the same statement.
  const reachable = (reach: Reach) =>
    typeof reach === "object" ? sql<number>`(select count(*)::int from (${normsUpTo(reach.window)}) as up_to)`.as("reachable") : sql<number>`0`.as("reachable");
  const pageOf = (reach: Reach) => {
    if (relevance) {
      // The most recent matches, ranked by how well their title and summary match.
      const candidates = db.$with("candidates").as(db.select().from(source(reach, SEARCH_CANDIDATES)));
      const rank = sql<number>`ts_rank_cd(${candidates.head}, ${query})`;
      const page = db
        .select({
          id: candidates.id,
          sortKey: sql<number>`${rank}`.as("sort_key"),
          createdAt: isoMicros(candidates.createdAt).as("created_at_key"),
          // How many candidates there were, to know whether the window held them all.
          found: sql<number>`(select count(*) from ${candidates})::int`.as("found"),
          reachable: reachable(reach),
        })
        .from(candidates)
        .where(c ? sql`(${rank}, ${candidates.createdAt}, ${candidates.id}) < (${c.v}::real, ${c.t}::timestamptz, ${c.id}::uuid)` : undefined)
        .orderBy(desc(rank), desc(candidates.createdAt), desc(candidates.id))
        .limit(input.limit + 1)
        .as("page");
      return { page, withs: [candidates], wanted: SEARCH_CANDIDATES };
    }
    const rowsFrom = source(reach, input.limit + 1);
    const page = db
      .select({
        id: rowsFrom.id,
        sortKey: (numericSort ? sql<number>`${rowsFrom.key}` : isoMicros(sql`${rowsFrom.key}`)).as("sort_key"),
        createdAt: isoMicros(rowsFrom.createdAt).as("created_at_key"),
        found: sql<number>`0`.as("found"),
        reachable: reachable(reach),
      })
      .from(rowsFrom)
      .as("page");
    return { page, withs: [], wanted: input.limit + 1 };
  };
  type Page = ReturnType<typeof pageOf>["page"];
  type WithSubquery = ReturnType<typeof pageOf>["withs"][number];

  const rowsOf = (page: Page, withs: WithSubquery[]) =>
    db
    .with(...withs)
    .select({
      id: norms.id,
      slug: norms.slug,
      title: norms.title,
      summary: norms.summary,
      status: norms.status,
      kind: norms.kind,
      bindingness: norms.bindingness,
      language: norms.language,
      currentVersion: norms.currentVersion,
      createdAt: norms.createdAt,
      updatedAt: norms.updatedAt,
      lastActivityAt: norms.lastActivityAt,
      stageClosesAt: norms.stageClosesAt,
      stageSealed: norms.stageSealed,
      proposerName: personName(),
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
      organizationType: organizations.stakeholderType,
      headline: query
        ? sql<string>`ts_headline('english', ${norms.summary} || ' … ' || (select string_agg(value, ' ') from jsonb_array_elements_text(${normVersions.clauses})), ${query}, ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxFragments=2, MaxWords=25, MinWords=8`})`
        : sql<null>`null`,
      // Which translations the words were found in (none: the authoritative text only).
      matchedLanguages: query ? matchedLanguages(norms.id, query) : sql<Locale[]>`'{}'::text[]`,
      inReaderLanguage: input.language ? translationForList(norms.id, input.language) : sql<null>`null`,
      categories: sql<string[]>`array(select ${normPlacements.categoryCode} from ${normPlacements} where ${normPlacements.normId} = ${norms.id} order by 1)`,
      positionCount: norms.positionCount,
      support: norms.support,
      bridging: norms.bridging,
      contestation: norms.contestation,
      sortKey: page.sortKey,
      createdKey: page.createdAt,
      found: page.found,
      reachable: page.reachable,
    })
    .from(page)
    .innerJoin(norms, eq(norms.id, page.id))
    .innerJoin(users, eq(users.id, norms.proposerId))
    .innerJoin(normVersions, and(eq(normVersions.normId, norms.id), eq(normVersions.number, norms.currentVersion)))
    .leftJoin(organizations, eq(organizations.id, norms.organizationId))
    .orderBy(desc(page.sortKey), ...(relevance ? [desc(page.createdAt)] : []), desc(page.id));

  // The same count on its own, when the window's page came back empty.
  const countUpTo = async (most: number) => {
    const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(normsUpTo(most).as("up_to"));
    return counted?.n ?? 0;
  };
  // How many matches a window gave: for a page, its rows; for a ranking, its candidates (unknown
  // when a later page of the ranking is empty).
  const foundIn = (found: typeof rows) => (!relevance ? found.length : (found[0]?.found ?? (c ? null : 0)));
  let reach: Reach = words ? { window: windows.first } : "ordered";
  let { page, withs, wanted } = pageOf(reach);
  let rows = await rowsOf(page, withs);
  while (typeof reach === "object") {
    const found = foundIn(rows);
    // Enough, or the window held every norm there is to read (the other filters leave fewer).
    if ((found !== null && found >= wanted) || (rows[0]?.reachable ?? (await countUpTo(reach.window))) < reach.window) break;
    if (found === null) {
      // A later page of a ranking came back empty, so how many candidates there were is not known:
      // PostgreSQL chooses, as it did before the windows.
      reach = "ordered";
    } else {
      // A wider window, sized by the share of matches this one held (half as wide again), if it
      // need not read more than SEARCH_WINDOW_MAX norms; otherwise every match is found in the text
      // index first, then sorted (the matches are then few enough for that to be quicker).
      const wider = Math.ceil((wanted * reach.window * 1.5) / Math.max(found, 1));
      reach = reach.window < windows.max && wider <= windows.max ? { window: wider } : "index";
    }
    ({ page, withs, wanted } = pageOf(reach));
    rows = await rowsOf(page, withs);
  }
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor({
          v: numericSort ? Number(last.sortKey) : String(last.sortKey),
          ...(relevance ? { t: last.createdKey } : {}),
          id: last.id,
        })
      : null;
  const now = clock.now();
  return {
    items: items.map(({ sortKey: _key, createdKey: _created, found: _found, reachable: _reachable, ...item }) => withStage(item, now)),
    nextCursor,
    sort,
  };
}

/** A norm as its reader may see it: one never submitted only for its authors; not found otherwise. */
export async function visibleNorm(db: Db, actor: Actor | null, slug: string) {
  // Each of the norm page's procedures starts here (its search documents are in norm_search).
  const norm = await db.query.norms.findFirst({ where: eq(norms.slug, slug) });
  if (!norm) throw notFound("The norm");
  const role = actor ? await authorRole(db, actor.id, norm) : null;
  if (!isPublicNorm(norm) && !role) throw notFound("The norm");
  return { norm, role };
}

/** Each amendment's number and its proposer (and organisation), by id: what a version or a timeline entry credits. */
async function amendmentCredits(db: Db, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map<string, { number: number; authorName: string; organizationName: string | null }>();
  const rows = await db
    .select({ id: amendments.id, number: amendments.number, authorName: personName(users, amendments.organizationId), organizationName: organizations.name })
    .from(amendments)
    .innerJoin(users, eq(users.id, amendments.authorId))
    .leftJoin(organizations, eq(organizations.id, amendments.organizationId))
    .where(inArray(amendments.id, wanted));
  return new Map(rows.map(({ id, ...r }) => [id, r]));
}

export async function getNorm(db: Db, actor: Actor | null, slug: string) {
  const { norm, role } = await visibleNorm(db, actor, slug);
  const move = isPublicNorm(norm) ? nextMove(norm.status) : null;
  const [current, versions, categories, citations, events, coauthors, mergedFrom, mergedInto, proposer, organization, criteria, sponsors, uptake, translations] = await Promise.all([
    db.query.normVersions.findFirst({ where: and(eq(normVersions.normId, norm.id), eq(normVersions.number, norm.currentVersion)) }),
    db
      .select({ number: normVersions.number, changeSummary: normVersions.changeSummary, createdAt: normVersions.createdAt, authorName: personName(), amendmentId: normVersions.amendmentId })
      .from(normVersions)
      .innerJoin(users, eq(users.id, normVersions.authorId))
      .where(eq(normVersions.normId, norm.id))
      .orderBy(desc(normVersions.number)),
    db
      .select({ code: normCategories.code, title: normCategories.title })
      .from(normPlacements)
      .innerJoin(normCategories, eq(normCategories.code, normPlacements.categoryCode))
      .where(eq(normPlacements.normId, norm.id))
      .orderBy(asc(normCategories.position)),
    db
      .select({ id: referenceNorms.id, display: referenceNorms.display, text: referenceNorms.text, documentKey: referenceNorms.documentKey })
      .from(normCitations)
      .innerJoin(referenceNorms, eq(referenceNorms.id, normCitations.referenceNormId))
      .where(eq(normCitations.normId, norm.id))
      .orderBy(asc(referenceNorms.position)),
    db
      .select({ ...timelineEventColumns, criteria: normEvents.criteria, amendmentId: normEvents.amendmentId, sponsorId: normEvents.sponsorId })
      .from(normEvents)
      .leftJoin(users, eq(users.id, normEvents.actorId))
      .where(eq(normEvents.normId, norm.id))
      .orderBy(asc(normEvents.createdAt)),
    db
      .select({ userId: users.id, displayName: users.displayName })
      .from(normCoauthors)
      .innerJoin(users, eq(users.id, normCoauthors.userId))
      .where(eq(normCoauthors.normId, norm.id))
      .orderBy(asc(users.displayName)),
    db.select({ slug: norms.slug, title: norms.title }).from(norms).where(eq(norms.mergedIntoId, norm.id)),
    norm.mergedIntoId ? db.query.norms.findFirst({ columns: { slug: true, title: true }, where: eq(norms.id, norm.mergedIntoId) }) : undefined,
    db.select({ displayName: personName() }).from(users).where(eq(users.id, norm.proposerId)).then((rows) => rows[0]),
    norm.organizationId
      ? db.query.organizations.findFirst({
          columns: { slug: true, name: true, stakeholderType: true, region: true, verificationStatus: true },
          where: eq(organizations.id, norm.organizationId),
        })
      : undefined,
    move ? publishedCriteria(db) : undefined,
    // Its co-sponsors (server/domain/sponsors.ts); a norm never submitted has none.
    isPublicNorm(norm) ? acceptedSponsors(db, norm.id) : [],
    // Where it was taken up (server/domain/uptake.ts); only public norms are recorded.
    isPublicNorm(norm) ? uptakeForNorm(db, { normId: norm.id }) : [],
    // Which versions are translated into which languages, by whom and when (server/domain/translations.ts).
    translationsOf(db, norm.id),
  ]);
  // The amenders the versions and the timeline credit, and the sponsors the timeline names.
  const [credits, sponsorships] = await Promise.all([
    amendmentCredits(db, [...versions.map((v) => v.amendmentId), ...events.map((e) => e.amendmentId)]),
    sponsorCredits(db, events.map((e) => e.sponsorId)),
  ]);
  const credit = (id: string | null) => (id ? (credits.get(id) ?? null) : null);
  // Pending invitations, by the address typed, for the proposer only.
  const pendingInvitations =
    role === "proposer"
      ? await db
          .select({ id: normCoauthorInvitations.id, email: normCoauthorInvitations.email, createdAt: normCoauthorInvitations.createdAt })
          .from(normCoauthorInvitations)
          .where(and(eq(normCoauthorInvitations.normId, norm.id), eq(normCoauthorInvitations.status, "pending")))
          .orderBy(asc(normCoauthorInvitations.createdAt))
      : [];
  const active = Boolean(actor && !actor.suspension);
  const stage = stageClock(norm, clock.now());
  return {
    id: norm.id,
    slug: norm.slug,
    status: norm.status,
    // The consultation clock: the timed stage, its closing date and whether it has passed; null outside one.
    stage,
    // A sealed stage past its date whose positions the tick has not yet published (sealed.ts).
    sealedPending: Boolean(stage?.sealed && stage.closed && !norm.stageClosedAt),
    // The published criteria of the secretariat's next move, met or not, with the live figures.
    nextStep: move && criteria ? { move, criteria: evaluate(criteria[move], factsOf(norm, stage?.closed ?? false)) } : null,
    // False for a draft and for a draft withdrawn unsubmitted: only its authors see it.
    isPublic: isPublicNorm(norm),
    kind: norm.kind,
    bindingness: norm.bindingness,
    language: norm.language,
    rationale: norm.rationale,
    title: norm.title,
    summary: norm.summary,
    currentVersion: norm.currentVersion,
    clauses: current?.clauses ?? [],
    createdAt: norm.createdAt,
    updatedAt: norm.updatedAt,
    proposer: { name: proposer?.displayName ?? "", organization: organization ?? null },
    coauthors,
    pendingInvitations,
    categories,
    citations,
    versions: versions.map(({ amendmentId, ...v }) => ({ ...v, amendment: credit(amendmentId) })),
    timeline: events.map(({ amendmentId, sponsorId, ...e }) => ({ ...e, amendment: credit(amendmentId), sponsor: sponsorId ? (sponsorships.get(sponsorId) ?? null) : null })),
    sponsors,
    uptake,
    translations,
    mergedFrom,
    mergedInto: mergedInto ?? null,
    // What this reader may do now, decided here so the page only shows what the server would allow.
    viewer: {
      role,
      canRevise: active && role !== null && canRevise(norm.status) && !(stage?.stage === "consultation" && stage.closed),
      canSubmit: active && role === "proposer" && transitionRefusal("submit", norm.status) === null,
      canWithdraw: active && role === "proposer" && transitionRefusal("withdraw", norm.status) === null,
      canManageCoauthors: active && role === "proposer",
      canTranslate: mayTranslate(actor, role),
      transitions: can("norm.transition", actor)
        ? (["openEndorsement", "returnToConsultation", "conclude"] as const).filter((t) => transitionRefusal(t, norm.status) === null)
        : [],
      canMerge: can("norm.merge", actor) && transitionRefusal("merge", norm.status) === null,
      canExtend: can("norm.extendStage", actor) && stage !== null,
    },
  };
}

export async function getVersion(db: Db, actor: Actor | null, slug: string, number: number) {
  const { norm } = await visibleNorm(db, actor, slug);
  const version = await db
    .select({
      number: normVersions.number,
      title: normVersions.title,
      summary: normVersions.summary,
      clauses: normVersions.clauses,
      changeSummary: normVersions.changeSummary,
      createdAt: normVersions.createdAt,
      authorName: personName(),
    })
    .from(normVersions)
    .innerJoin(users, eq(users.id, normVersions.authorId))
    .where(and(eq(normVersions.normId, norm.id), eq(normVersions.number, number)));
  if (!version[0]) throw notFound(`Version ${number} of this norm`);
  return { slug: norm.slug, status: norm.status, isPublic: isPublicNorm(norm), currentVersion: norm.currentVersion, language: norm.language, ...version[0] };
}

/**
 * What changed from one version to another. The redline works within one language: asked for a
 * language other than the authoritative one, it compares the two versions' translations into it
 * when both exist, and otherwise the authoritative texts; `language` says which it compared.
 */
export async function redline(db: Db, actor: Actor | null, slug: string, from: number, to: number, language?: string) {
  const { norm } = await visibleNorm(db, actor, slug);
  const [versions, translated] = await Promise.all([
    db
      .select()
      .from(normVersions)
      .where(and(eq(normVersions.normId, norm.id), inArray(normVersions.number, [from, to]))),
    language ? translationsIn(db, norm.id, [from, to], language) : [],
  ]);
  const own = { a: versions.find((v) => v.number === from), b: versions.find((v) => v.number === to) };
  if (!own.a || !own.b) throw notFound(`Version ${!own.a ? from : to} of this norm`);
  const ta = translated.find((t) => t.version === from);
  const tb = translated.find((t) => t.version === to);
  const both = ta && tb ? { a: ta, b: tb } : null;
  const a = both ? { ...own.a, title: both.a.title, summary: both.a.summary, clauses: both.a.clauses } : own.a;
  const b = both ? { ...own.b, title: both.b.title, summary: both.b.summary, clauses: both.b.clauses } : own.b;
  const text = diffWords(textOf(a.clauses), textOf(b.clauses));
  return {
    slug: norm.slug,
    title: norm.title,
    currentVersion: norm.currentVersion,
    // The language the texts compared are in: the translations' when both versions have one, else the norm's.
    language: both ? both.a.language : norm.language,
    translated: both ? { from: { providedBy: both.a.providedBy, providedAt: both.a.providedAt }, to: { providedBy: both.b.providedBy, providedAt: both.b.providedAt } } : null,
    authoritativeLanguage: norm.language,
    from: { number: a.number, createdAt: a.createdAt, changeSummary: a.changeSummary },
    to: { number: b.number, createdAt: b.createdAt, changeSummary: b.changeSummary },
    title_: diffWords(a.title, b.title),
    summary: diffWords(a.summary, b.summary),
    text,
    // The same change clause by clause, for the redline page.
    clauses: diffClauses(a.clauses, b.clauses),
    stats: diffStats(text),
  };
}

/** The actor's proposals and co-authored norms, drafts included. */
export async function myNorms(db: Db, actor: Actor) {
  return db
    .select({
      id: norms.id,
      slug: norms.slug,
      title: norms.title,
      status: norms.status,
      currentVersion: norms.currentVersion,
      updatedAt: norms.updatedAt,
      role: sql<"proposer" | "coauthor">`case when ${norms.proposerId} = ${actor.id} then 'proposer' else 'coauthor' end`,
      organizationName: organizations.name,
      stageClosesAt: norms.stageClosesAt,
      stageSealed: norms.stageSealed,
    })
    .from(norms)
    .leftJoin(organizations, eq(organizations.id, norms.organizationId))
    .where(
      or(
        eq(norms.proposerId, actor.id),
        exists(db.select({ one: sql`1` }).from(normCoauthors).where(and(eq(normCoauthors.normId, norms.id), eq(normCoauthors.userId, actor.id)))),
      ),
    )
    .orderBy(desc(norms.updatedAt))
    .then((rows) => {
      const now = clock.now();
      return rows.map((n) => withStage(n, now));
    });
}

/** What the proposal form offers: categories, reference norms, and the organisations one may speak for. */
export async function normFormOptions(db: Db, actor: Actor | null) {
  const [categories, references, represented] = await Promise.all([
    db.select({ code: normCategories.code, title: normCategories.title }).from(normCategories).orderBy(asc(normCategories.position)),
    db
      .select({ id: referenceNorms.id, display: referenceNorms.display, documentKey: referenceNorms.documentKey, text: referenceNorms.text })
      .from(referenceNorms)
      .orderBy(asc(referenceNorms.position)),
    actor
      ? db
          .select({ id: organizations.id, name: organizations.name })
          .from(organizationMembers)
          .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
          .where(
            and(
              eq(organizationMembers.userId, actor.id),
              eq(organizationMembers.role, "representative"),
              eq(organizations.verificationStatus, "verified"),
            ),
          )
          .orderBy(asc(organizations.name))
      : [],
  ]);
  return { categories, references, organizations: represented };
}



/** How many norms the desk shows at most; the count says how many are waiting in all. */
export const DESK_LIMIT = 200;

/**
 * The secretariat's desk: every norm whose timed stage has reached its closing date and awaits a
 * decision, the longest waiting first (norms_stage_closes_idx: only norms in a timed stage have a date).
 */
export async function awaitingDecision(db: Db) {
  const now = clock.now();
  const due = and(isNotNull(norms.stageClosesAt), lte(norms.stageClosesAt, now));
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: norms.id,
        slug: norms.slug,
        title: norms.title,
        status: norms.status,
        currentVersion: norms.currentVersion,
        stageClosesAt: norms.stageClosesAt,
        stageSealed: norms.stageSealed,
        positionCount: norms.positionCount,
        countedByGroup: norms.countedByGroup,
        bridging: norms.bridging,
      })
      .from(norms)
      .where(due)
      .orderBy(asc(norms.stageClosesAt), asc(norms.id))
      .limit(DESK_LIMIT),
    db.select({ count: sql<number>`count(*)::int` }).from(norms).where(due),
  ]);
  const criteria = await publishedCriteria(db);
  return {
    total: total?.count ?? 0,
    items: items.map(({ stageClosesAt, stageSealed, countedByGroup, bridging, ...item }) => {
      const stage = stageClock({ status: item.status, stageClosesAt, stageSealed }, now)!;
      const move = nextMove(item.status)!;
      return { ...item, stage, nextStep: { move, criteria: evaluate(criteria[move], factsOf({ countedByGroup, bridging, positionCount: item.positionCount }, stage.closed)) } };
    }),
  };
}
