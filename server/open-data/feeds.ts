import "server-only";
// The Atom feeds (issue 18): all norms, one norm, the stock-takes and the moderation log, each a
// function of the database (and the request, for conditional GETs), so the route handlers are one
// line and the tests need no server. They read through the same procedures as the pages, as a
// visitor (server/domain/feeds.ts; the log through moderation.log, as its page does), so drafts,
// hidden text and sealed positions cannot reach them. Entry ids come from database ids only
// (server/feeds/ids.ts) and stay the same whatever is edited later.
//
// Public reads are cached by the page cache (server/page-cache): the feeds live under public page
// prefixes (/norms, /stocktakes, /moderation-log), so a cached feed ends with the same public
// generation and the same time rules as the pages it follows.
import type { inferRouterOutputs } from "@trpc/server";
import { createTranslator } from "next-intl";
import type { Db } from "~/db/connect";
import { FEED_ENTRIES } from "../domain/feeds";
import { messages } from "../i18n/messages";
import type { AppRouter } from "../root";
import { ATOM_CONTENT_TYPE, type AtomEntry, type AtomFeed, renderAtom } from "../feeds/atom";
import { namedId, urnOf } from "../feeds/ids";
import { clock } from "../clock";
import { visitorCaller } from "./caller";
import { openDataHeaders, respond } from "./http";
import { stocktakePageUrl } from "./stocktakes";
import { absoluteUrl, LICENSE, normPageUrl, versionPageUrl } from "./urls";

type Outputs = inferRouterOutputs<AppRouter>;
type ForumEvent = Outputs["feeds"]["norms"]["items"][number];
type NormFeed = Outputs["feeds"]["norm"];
type NormEvent = NormFeed["events"][number];

const s = encodeURIComponent;

/** Where each feed is, relative to the site (the pages link to these). */
export const feedPaths = {
  norms: "/norms/feed.atom",
  norm: (slug: string) => `/norms/${s(slug)}/feed.atom`,
  stocktakes: "/stocktakes/feed.atom",
  moderationLog: "/moderation-log/feed.atom",
} as const;

/** The feeds' own ids: fixed names, never a title or the site's address. */
export const feedIds = {
  norms: namedId("feed", "norms"),
  norm: (normId: string) => namedId("feed", "norm", normId),
  stocktakes: namedId("feed", "stocktakes"),
  moderationLog: namedId("feed", "moderation-log"),
} as const;

const translator = () => createTranslator({ locale: "en-GB", messages: messages.en, timeZone: "UTC" });

const longDay = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
/** A stage closes at 12:00 UTC the day after its last day (server/domain/stage-clock.ts); the timeline names that last day. */
const lastDayOf = (closesAt: Date) => longDay(new Date(closesAt.getTime() - 12 * 60 * 60 * 1000));
const dayOf = (isoDate: string) => longDay(new Date(`${isoDate}T00:00:00Z`));

/** Moves whose note is the secretariat's public outcome statement. */
const statementMoves = new Set<string>(["openEndorsement", "returnToConsultation", "conclude", "merge"]);

type EventFields = Pick<
  NormEvent,
  "id" | "type" | "fromStatus" | "version" | "note" | "closesAt" | "override" | "overrideReason" | "sealed" | "createdAt" | "actorName" | "actorRole" | "amendmentNumber"
> & { sponsor?: { name: string | null; slug: string | null } | null };

/** One timeline event in the words the norm's page uses (app/norms/[slug]/_components/timeline.tsx). */
function describeEvent(e: EventFields, slug: string, mergedInto: { title: string } | null) {
  const t = translator();
  const tl = (key: string, values?: Record<string, string | number>) => t(`norms.timeline.${key}` as "norms.timeline.created", values as never);
  const stage = e.fromStatus === "endorsement" ? "endorsement" : "consultation";
  const closingDay = e.closesAt ? lastDayOf(e.closesAt) : "";
  const sponsor = e.sponsor?.name ?? null;
  const what =
    e.type === "revised"
      ? tl("revised", { version: e.version ?? 0 })
      : e.type === "merge" && mergedInto
        ? t("openData.feeds.entry.mergeInto", { title: mergedInto.title })
        : e.type === "stageClosed" || e.type === "extended"
          ? tl(e.type, { stage, date: closingDay })
          : e.type === "amendmentAccepted"
            ? t("openData.feeds.entry.amendmentAccepted", { number: e.amendmentNumber ?? 0, version: e.version ?? 0 })
            : e.type === "amendmentDeclined"
              ? t("openData.feeds.entry.amendmentDeclined", { number: e.amendmentNumber ?? 0 })
              : (e.type === "sponsorAccepted" || e.type === "sponsorWithdrawn") && sponsor
                ? t(`openData.feeds.entry.${e.type}`, { organization: sponsor })
                : tl(e.type);
  const staff = e.actorRole === "secretariat" || e.actorRole === "admin";
  const lines = [e.actorName === null ? tl("byClock") : staff ? tl("byStaff", { name: e.actorName }) : tl("by", { name: e.actorName })];
  if (e.closesAt && e.type !== "stageClosed" && e.type !== "extended") lines.push(tl("closesOn", { stage: e.type === "openEndorsement" ? "endorsement" : "consultation", date: closingDay }));
  if (e.sealed) lines.push(tl(e.type === "openEndorsement" ? "openedSealed" : "revealed"));
  if (e.note) {
    lines.push(
      e.type === "revised" || e.type === "amendmentAccepted"
        ? tl("changeSummary", { summary: e.note })
        : e.type === "amendmentDeclined" || e.type === "extended"
          ? tl("reason", { reason: e.note })
          : statementMoves.has(e.type)
            ? tl("statement", { statement: e.note })
            : tl("note", { note: e.note }),
    );
  }
  if (e.override) {
    lines.push(tl("override"));
    if (e.overrideReason) lines.push(tl("overrideReason", { reason: e.overrideReason }));
  }
  // The exact place: a version's permanent page, the amendment's page, or the entry on the timeline.
  const link =
    (e.type === "revised" || e.type === "created") && e.version
      ? versionPageUrl(slug, e.version)
      : (e.type === "amendmentAccepted" || e.type === "amendmentDeclined") && e.amendmentNumber
        ? absoluteUrl(`/norms/${s(slug)}/amendments/${e.amendmentNumber}`)
        : `${normPageUrl(slug)}#event-${e.id}`;
  return { what, content: lines.join("\n"), link };
}

function eventEntry(e: EventFields, norm: { slug: string; title: string }, mergedInto: { title: string } | null, withTitle: boolean): AtomEntry {
  const { what, content, link } = describeEvent(e, norm.slug, mergedInto);
  const t = translator();
  return {
    id: urnOf(e.id),
    title: withTitle ? t("openData.feeds.entry.normEvent", { title: norm.title, what }) : what,
    published: e.createdAt,
    link,
    content,
    category: { term: e.type },
  };
}

/** The newest first; for equal times, a fixed order so the document does not change between reads. */
const newestFirst = (a: AtomEntry, b: AtomEntry) => b.published.getTime() - a.published.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

function baseFeed(entries: AtomEntry[]): Pick<AtomFeed, "updated" | "author" | "language" | "rights" | "license" | "icon"> {
  const t = translator();
  return {
    // The newest entry's time; an empty feed has none, so it says "now".
    updated: entries[0]?.published ?? clock.now(),
    author: { name: t("openData.feeds.author"), uri: absoluteUrl("/") },
    language: "en",
    rights: t("openData.feeds.rights"),
    license: LICENSE.url,
    icon: absoluteUrl("/icon.svg"),
  };
}

/**
 * The document with the open-data headers, or 304 when the reader's copy is as new (the feed's
 * `updated` is its Last-Modified; an empty feed has none).
 */
function atomResponse(feed: AtomFeed, request?: Request): Response {
  const lastModified = feed.entries.length ? new Date(Math.floor(feed.updated.getTime() / 1000) * 1000) : null;
  const headers = openDataHeaders(200, {
    "Content-Type": ATOM_CONTENT_TYPE,
    ...(lastModified ? { "Last-Modified": lastModified.toUTCString() } : {}),
  });
  const since = request?.headers.get("if-modified-since");
  if (lastModified && since) {
    const sinceTime = Date.parse(since);
    if (!Number.isNaN(sinceTime) && lastModified.getTime() <= sinceTime) return new Response(null, { status: 304, headers });
  }
  return new Response(renderAtom(feed), { status: 200, headers });
}

/** `GET /norms/feed.atom`: new proposals, new versions and stage changes of every public norm. */
export function normsFeedResponse(db: Db, request?: Request) {
  return respond(async () => {
    const { items } = await visitorCaller(db).feeds.norms();
    const t = translator();
    const entries = items.map((e: ForumEvent) => eventEntry(e, e.norm, null, true)).sort(newestFirst);
    return atomResponse(
      {
        id: feedIds.norms,
        title: t("openData.feeds.norms.title"),
        subtitle: t("openData.feeds.norms.subtitle"),
        self: absoluteUrl(feedPaths.norms),
        alternate: absoluteUrl("/norms"),
        ...baseFeed(entries),
        entries,
      },
      request,
    );
  });
}

/** `GET /norms/{slug}/feed.atom`: one public norm's versions, stage changes, amendments and co-sponsors. */
export function normFeedResponse(db: Db, slug: string, request?: Request) {
  return respond(async () => {
    const feed = await visitorCaller(db).feeds.norm({ slug });
    const t = translator();
    const { norm } = feed;
    const proposed: AtomEntry[] = feed.amendments.map((a) => {
      const kind = t(`amendments.kind.${a.kind}`, { clause: a.clause });
      const by = a.organizationName
        ? t("openData.feeds.entry.amendmentByFor", { name: a.authorName, organization: a.organizationName, version: a.baseVersion })
        : t("openData.feeds.entry.amendmentBy", { name: a.authorName, version: a.baseVersion });
      return {
        id: urnOf(a.id),
        title: t("openData.feeds.entry.amendmentProposed", { number: a.number, kind }),
        published: a.createdAt,
        link: absoluteUrl(`/norms/${s(norm.slug)}/amendments/${a.number}`),
        content: [by, t("openData.feeds.entry.rationale", { rationale: a.rationale })].join("\n"),
        category: { term: "amendmentProposed" },
      };
    });
    const entries = [...feed.events.map((e) => eventEntry(e, norm, feed.mergedInto, false)), ...proposed].sort(newestFirst).slice(0, FEED_ENTRIES);
    return atomResponse(
      {
        id: feedIds.norm(norm.id),
        title: t("openData.feeds.norm.title", { title: norm.title }),
        subtitle: t("openData.feeds.norm.subtitle"),
        self: absoluteUrl(feedPaths.norm(norm.slug)),
        alternate: normPageUrl(norm.slug),
        ...baseFeed(entries),
        entries,
      },
      request,
    );
  });
}

/** `GET /stocktakes/feed.atom`: each year's window and each published revision with its hash and erratum. */
export function stocktakesFeedResponse(db: Db, request?: Request) {
  return respond(async () => {
    const { items } = await visitorCaller(db).feeds.stocktakes();
    const t = translator();
    const entries: AtomEntry[] = items.map((item) => {
      const page = stocktakePageUrl(item.year);
      if (item.kind === "published") {
        const first = item.revision === 1;
        return {
          id: urnOf(item.id),
          title: first ? t("openData.feeds.stocktakes.published", { year: item.year }) : t("openData.feeds.stocktakes.corrected", { year: item.year, revision: item.revision }),
          published: item.at,
          link: page,
          content: [t("openData.feeds.stocktakes.hash", { revision: item.revision, sha256: item.sha256 }), ...(item.erratum ? [t("openData.feeds.stocktakes.erratum", { erratum: item.erratum })] : [])].join("\n"),
          category: { term: first ? "published" : "corrected" },
        };
      }
      const content =
        item.kind === "announced"
          ? t("openData.feeds.stocktakes.announcedText", { opens: dayOf(item.opensOn), closes: dayOf(item.closesOn) })
          : item.kind === "opened"
            ? t("openData.feeds.stocktakes.openedText", { closes: dayOf(item.closesOn) })
            : t("openData.feeds.stocktakes.closedText");
      return {
        id: namedId("stocktake", item.stocktakeId, item.kind),
        title: t(`openData.feeds.stocktakes.${item.kind}`, { year: item.year }),
        published: item.at,
        link: page,
        content,
        category: { term: item.kind },
      };
    });
    entries.sort(newestFirst);
    return atomResponse(
      {
        id: feedIds.stocktakes,
        title: t("openData.feeds.stocktakes.title"),
        subtitle: t("openData.feeds.stocktakes.subtitle"),
        self: absoluteUrl(feedPaths.stocktakes),
        alternate: absoluteUrl("/stocktakes"),
        ...baseFeed(entries),
        entries,
      },
      request,
    );
  });
}

/** Entries in the moderation log's feed: the log page's first page. */
const LOG_ENTRIES = 50;

/** `GET /moderation-log/feed.atom`: the public moderation log, exactly as its page shows it. */
export function moderationLogFeedResponse(db: Db, request?: Request) {
  return respond(async () => {
    const log = await visitorCaller(db).moderation.log({ limit: LOG_ENTRIES });
    const t = translator();
    const entries: AtomEntry[] = log.items.map((entry) => {
      const { norm, clause, version } = entry.content;
      const what = !norm
        ? t("moderation.log.contentUnknown")
        : clause !== null && version !== null
          ? t.markup("moderation.log.contentClause", { clause, version, title: norm.title, link: (chunks) => chunks })
          : t.markup("moderation.log.contentNorm", { title: norm.title, link: (chunks) => chunks });
      const rule = entry.rule;
      return {
        id: namedId("moderation-log", entry.id),
        title: `${t(`moderation.log.action.${entry.action}`)} ${t("moderation.log.bySecretariat")}`,
        published: entry.createdAt,
        // The log page that starts at this entry, at the entry itself.
        link: absoluteUrl(`/moderation-log?cursor=${entry.id + 1}#entry-${entry.id}`),
        content: [what, rule ? t.markup("moderation.log.rule", { id: rule.id, title: rule.title, link: (chunks) => chunks }) : t("moderation.log.noRule")].join("\n"),
        category: { term: entry.action },
      };
    });
    entries.sort(newestFirst);
    return atomResponse(
      {
        id: feedIds.moderationLog,
        title: t("openData.feeds.moderationLog.title"),
        subtitle: t("openData.feeds.moderationLog.subtitle"),
        self: absoluteUrl(feedPaths.moderationLog),
        alternate: absoluteUrl("/moderation-log"),
        ...baseFeed(entries),
        entries,
      },
      request,
    );
  });
}
