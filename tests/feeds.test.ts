// The Atom feeds (issue 18): each is generated from a real database, parsed with a real feed
// parser, and checked for what it must carry, what it must never carry (drafts, hidden text,
// moderation notes), and ids that stay the same when the record is edited afterwards.
import { parseFeed } from "@rowanmanning/feed-parser";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { createUser } from "~/db/factories";
import { norms, stocktakeRevisions, stocktakes } from "~/db/schema";
import { atomDate, renderAtom, xmlEscape } from "~/server/feeds/atom";
import { namedId, urnOf, uuidV5 } from "~/server/feeds/ids";
import { emptyNarrative } from "~/server/domain/stocktakes";
import { feedIds, moderationLogFeedResponse, normFeedResponse, normsFeedResponse, stocktakesFeedResponse } from "~/server/open-data/feeds";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { overriding, responseTeamNormFields as normFields } from "./support/moves";

type Feed = ReturnType<typeof parseFeed>;

const DRAFT_TITLE = "A draft proposal nobody else may see";
const HIDDEN_TEXT = "A remark about a named delegate that breaks the house rules.";
const MODERATION_NOTE = "Internal note: criticise the argument, not the delegate.";
const DECLINE_REASON = "The clause already covers the teams this amendment names.";
const STATEMENT = overriding.statement;
const SHA = "a".repeat(64);
const SHA2 = "b".repeat(64);

async function arrange(db: Db) {
  const proposer = await createUser(db, { displayName: "Norm Proposer" });
  const member = await createUser(db, { displayName: "Amending Member" });
  const staffUser = await createUser(db, { role: "secretariat", displayName: "Secretariat Staff Member" });
  const as = { proposer: await callerAs(db, proposer), member: await callerAs(db, member), staff: await callerAs(db, staffUser) };
  const row = async (slug: string) => (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;

  // A norm revised while still a draft, then submitted, revised, amended and moved to endorsement.
  const norm = await row((await as.proposer.norms.create({ ...normFields, title: "Protecting response teams" })).slug);
  await as.proposer.norms.revise({ ...normFields, title: norm.title, normId: norm.id, baseVersion: 1, changeSummary: "Tightened the wording before submission." });
  await as.proposer.norms.submit({ normId: norm.id });
  await as.proposer.norms.revise({
    ...normFields,
    clauses: [...normFields.clauses, "States should publish how they protect response teams."],
    title: norm.title,
    normId: norm.id,
    baseVersion: 2,
    changeSummary: "Added clause 3 on publishing protections.",
  });
  const amendment = await as.member.amendments.propose({
    normId: norm.id,
    baseVersion: 3,
    clause: 1,
    kind: "replace",
    text: "States should not harm or obstruct CSIRTs.",
    rationale: "Obstruction is as harmful as damage and should be named.",
  });
  await as.proposer.amendments.decline({ amendmentId: amendment.id, reason: DECLINE_REASON });
  // A comment hidden by the secretariat with a note: the log shows the decision, never the text or note.
  const hidden = await as.member.comments.create({ normId: norm.id, body: HIDDEN_TEXT });
  await as.staff.moderation.hide({ commentId: hidden.id, rule: "HR-2", note: MODERATION_NOTE });
  await as.staff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });

  // A draft that is never submitted, and a second public norm.
  const draft = await as.proposer.norms.create({ ...normFields, title: DRAFT_TITLE });
  const other = await row((await as.proposer.norms.create({ ...normFields, title: "Cooperating with response teams" })).slug);
  await as.proposer.norms.submit({ normId: other.id });

  // Stock-takes: a past year published twice (the second with an erratum), and a year not yet open.
  const [past] = await db
    .insert(stocktakes)
    .values({ year: 2025, opensOn: "2025-01-01", closesOn: "2025-02-28", narrative: emptyNarrative(), createdById: staffUser.id, createdAt: new Date("2024-12-01T09:00:00Z") })
    .returning();
  const revision = (n: number, sha256: string, publishedAt: string, erratum: string | null) => ({
    stocktakeId: past!.id,
    revision: n,
    publishedAt: new Date(publishedAt),
    erratum,
    snapshot: "{}",
    sha256,
    pdf: Buffer.from("%PDF-1.7"),
    csv: "",
    publishedById: staffUser.id,
  });
  const revisions = await db
    .insert(stocktakeRevisions)
    .values([revision(1, SHA, "2025-03-15T10:00:00Z", null), revision(2, SHA2, "2025-04-02T10:00:00Z", "Table 2 named the wrong region for one organisation.")])
    .returning({ id: stocktakeRevisions.id, revision: stocktakeRevisions.revision });
  const [future] = await db
    .insert(stocktakes)
    .values({ year: 2099, opensOn: "2099-01-01", closesOn: "2099-02-28", narrative: emptyNarrative(), createdById: staffUser.id })
    .returning();

  return { as, norm, other, draftSlug: draft.slug, amendment, past: past!, future: future!, revisions };
}

let database: Database;
let f: Awaited<ReturnType<typeof arrange>>;
beforeAll(async () => {
  database = await createTestDatabase();
  f = await arrange(database.db);
});
afterAll(() => database.close());

interface Read {
  res: Response;
  xml: string;
  feed: Feed;
  /** The feed's own id: the parser gives the entries' ids, not the feed's. */
  id: string;
}

async function read(produce: Promise<Response>): Promise<Read> {
  const res = await produce;
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  const xml = await res.text();
  const feed = parseFeed(xml);
  expect(feed.meta.type).toBe("atom");
  expect(feed.meta.version).toBe("1.0");
  return { res, xml, feed, id: /^<feed[^>]*>\s*<id>([^<]+)<\/id>/m.exec(xml.replace(/^<\?xml[^>]*>\s*/, ""))![1]! };
}

/** What RFC 4287 requires of every feed and entry, as the parser reads them. */
function expectValidAtom({ feed, id }: Read, self: string, alternate: string) {
  expect(id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  expect(feed.title).toBeTruthy();
  expect(feed.updated).toBeInstanceOf(Date);
  expect(feed.self).toMatch(new RegExp(`${self.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  expect(feed.url).toMatch(new RegExp(`${alternate.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  expect(feed.authors.map((a) => a.name)).toEqual(["Norms Forum"]);
  expect(feed.language).toBe("en");
  const ids = feed.items.map((i) => i.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const item of feed.items) {
    expect(item.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(item.title).toBeTruthy();
    expect(item.url).toMatch(/^https?:\/\//);
    expect(item.updated).toBeInstanceOf(Date);
    expect(item.published).toBeInstanceOf(Date);
    expect(item.content).toBeTruthy();
  }
  // Newest first, and the feed is as new as its newest entry.
  const times = feed.items.map((i) => i.published!.getTime());
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  if (feed.items.length) expect(feed.updated!.getTime()).toBe(Math.floor(times[0]! / 1000) * 1000);
}

const ids = (r: Read) => r.feed.items.map((i) => i.id!);
const titles = (r: Read) => r.feed.items.map((i) => i.title!);

describe("the all-norms feed, /norms/feed.atom", () => {
  it("is valid Atom with the open-data headers", async () => {
    const r = await read(normsFeedResponse(database.db));
    expectValidAtom(r, "/norms/feed.atom", "/norms");
    expect(r.id).toBe(feedIds.norms);
    expect(r.res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(r.res.headers.get("access-control-allow-origin")).toBe("*");
    expect(r.res.headers.get("last-modified")).toBe(r.feed.updated!.toUTCString());
  });

  it("has submissions, new versions and stage changes of public norms from their submission on, and never a draft", async () => {
    const r = await read(normsFeedResponse(database.db));
    expect(titles(r)).toEqual([
      "Cooperating with response teams: Submitted to consultation",
      "Protecting response teams: Moved to endorsement by the secretariat",
      "Protecting response teams: Version 3 saved",
      "Protecting response teams: Submitted to consultation",
    ]);
    expect(r.xml).not.toContain(DRAFT_TITLE);
    expect(r.xml).not.toContain(f.draftSlug);
    // Drafting before submission is on the norm's page and in its own feed, not news for everyone.
    expect(r.xml).not.toContain("Tightened the wording before submission.");
    const endorsement = r.feed.items[1]!;
    expect(endorsement.content).toContain(`Outcome statement: ${STATEMENT}`);
    expect(endorsement.content).toContain("Made as an override");
    expect(endorsement.url).toMatch(new RegExp(`/norms/${f.norm.slug}#event-[0-9a-f-]{36}$`));
    expect(r.feed.items[2]!.url).toMatch(new RegExp(`/norms/${f.norm.slug}/v/3$`));
    expect(r.feed.items[2]!.content).toContain("Changes: Added clause 3 on publishing protections.");
  });

  it("answers a reader whose copy is as new with 304 Not Modified", async () => {
    const first = await read(normsFeedResponse(database.db));
    const since = first.res.headers.get("last-modified")!;
    const again = await normsFeedResponse(database.db, new Request("http://localhost/norms/feed.atom", { headers: { "if-modified-since": since } }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const older = new Date(Date.parse(since) - 1000).toUTCString();
    const changed = await normsFeedResponse(database.db, new Request("http://localhost/norms/feed.atom", { headers: { "if-modified-since": older } }));
    expect(changed.status).toBe(200);
  });
});

describe("one norm's feed, /norms/{slug}/feed.atom", () => {
  it("has its versions, stage changes with the outcome statement, and amendments proposed and declined", async () => {
    const r = await read(normFeedResponse(database.db, f.norm.slug));
    expectValidAtom(r, `/norms/${f.norm.slug}/feed.atom`, `/norms/${f.norm.slug}`);
    expect(r.id).toBe(feedIds.norm(f.norm.id));
    expect(r.feed.title).toBe("Protecting response teams (Norms Forum)");
    expect(titles(r)).toEqual([
      "Moved to endorsement by the secretariat",
      "Amendment 1 declined",
      "Amendment 1 proposed: New words for clause 1",
      "Version 3 saved",
      "Submitted to consultation",
      "Version 2 saved",
      "Created as a draft",
    ]);
    const byTitle = (title: string) => r.feed.items.find((i) => i.title === title)!;
    expect(byTitle("Amendment 1 proposed: New words for clause 1")).toMatchObject({ id: urnOf(f.amendment.id) });
    expect(byTitle("Amendment 1 proposed: New words for clause 1").content).toContain("Proposed by Amending Member on version 3.");
    expect(byTitle("Amendment 1 proposed: New words for clause 1").url).toMatch(new RegExp(`/norms/${f.norm.slug}/amendments/1$`));
    expect(byTitle("Amendment 1 declined").content).toContain(`Reason: ${DECLINE_REASON}`);
    expect(byTitle("Version 2 saved").content).toContain("Changes: Tightened the wording before submission.");
    expect(byTitle("Moved to endorsement by the secretariat").content).toContain(`Outcome statement: ${STATEMENT}`);
    expect(byTitle("Moved to endorsement by the secretariat").content).toContain("By Secretariat Staff Member (secretariat)");
    // Nothing from the discussion: no comment text, no moderation note.
    expect(r.xml).not.toContain(HIDDEN_TEXT);
    expect(r.xml).not.toContain(MODERATION_NOTE);
  });

  it("is not found for an unknown norm or a draft (not a server error), and refuses a slug no norm can have", async () => {
    for (const slug of ["no-such-norm", f.draftSlug]) {
      const res = await normFeedResponse(database.db, slug);
      expect(res.status, slug).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await res.text()).not.toContain(DRAFT_TITLE);
    }
    expect((await normFeedResponse(database.db, "x".repeat(500))).status).toBe(400);
  });
});

describe("the stock-takes feed, /stocktakes/feed.atom", () => {
  it("has each year's window as the clock has reached it and each published revision with its hash and erratum", async () => {
    const r = await read(stocktakesFeedResponse(database.db));
    expectValidAtom(r, "/stocktakes/feed.atom", "/stocktakes");
    expect(r.id).toBe(feedIds.stocktakes);
    const items = r.feed.items;
    // 2099 is announced but its window has not opened; 2025 has opened, closed and been published twice.
    expect(titles(r).filter((t) => t.startsWith("2099"))).toEqual(["2099 stock-take announced"]);
    expect(titles(r).filter((t) => t.startsWith("2025"))).toEqual([
      "2025 stock-take report corrected (revision 2)",
      "2025 stock-take report published",
      "2025 stock-take: submission window closed",
      "2025 stock-take: submission window opened",
      "2025 stock-take announced",
    ]);
    const published = items.find((i) => i.title === "2025 stock-take report published")!;
    expect(published.id).toBe(urnOf(f.revisions.find((x) => x.revision === 1)!.id));
    expect(published.content).toContain(SHA);
    expect(published.url).toMatch(/\/stocktakes\/2025$/);
    const corrected = items.find((i) => i.title === "2025 stock-take report corrected (revision 2)")!;
    expect(corrected.content).toContain(SHA2);
    expect(corrected.content).toContain("Erratum: Table 2 named the wrong region for one organisation.");
    expect(items.find((i) => i.title === "2025 stock-take: submission window opened")!.published!.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(items.find((i) => i.title === "2025 stock-take: submission window closed")!.published!.toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(items.find((i) => i.title === "2025 stock-take: submission window opened")!.id).toBe(namedId("stocktake", f.past.id, "opened"));
  });
});

describe("the moderation log's feed, /moderation-log/feed.atom", () => {
  it("has what the public log shows, and never the hidden text or the secretariat's note or name", async () => {
    const r = await read(moderationLogFeedResponse(database.db));
    expectValidAtom(r, "/moderation-log/feed.atom", "/moderation-log");
    expect(r.id).toBe(feedIds.moderationLog);
    expect(titles(r)).toEqual(["Comment hidden by the secretariat"]);
    const [entry] = r.feed.items;
    expect(entry!.content).toContain("A comment on Protecting response teams");
    expect(entry!.content).toContain("House rule: HR-2");
    expect(entry!.url).toMatch(/\/moderation-log\?cursor=\d+#entry-\d+$/);
    expect(r.xml).not.toContain(HIDDEN_TEXT);
    expect(r.xml).not.toContain(MODERATION_NOTE);
    expect(r.xml).not.toContain("Secretariat Staff Member");
  });
});

describe("ids stay the same across edits", () => {
  it("keeps every entry's id and the feed's id when the norm gets a new version and a new title", async () => {
    const beforeAll = await read(normsFeedResponse(database.db));
    const beforeNorm = await read(normFeedResponse(database.db, f.other.slug));
    // The other norm is still in consultation: its proposer renames it in a new version.
    await f.as.proposer.norms.revise({ ...normFields, title: "Working with response teams", normId: f.other.id, baseVersion: 1, changeSummary: "A clearer title." });

    const afterAll = await read(normsFeedResponse(database.db));
    const afterNorm = await read(normFeedResponse(database.db, f.other.slug));
    expect(afterAll.id).toBe(beforeAll.id);
    expect(afterNorm.id).toBe(beforeNorm.id);
    // One new entry on top; every earlier entry is still there with its id.
    expect(ids(afterAll).slice(1)).toEqual(ids(beforeAll));
    expect(ids(afterNorm).slice(1)).toEqual(ids(beforeNorm));
    expect(afterAll.feed.items[0]!.title).toBe("Working with response teams: Version 2 saved");
    // The earlier entry now names the norm by its new title, under the same id.
    const submitted = (r: Read) => r.feed.items.find((i) => i.title?.endsWith(": Submitted to consultation") && i.id === beforeAll.feed.items[0]!.id)!;
    expect(submitted(beforeAll).title).toBe("Cooperating with response teams: Submitted to consultation");
    expect(submitted(afterAll).title).toBe("Working with response teams: Submitted to consultation");
    expect(afterNorm.feed.title).toBe("Working with response teams (Norms Forum)");
  });
});

describe("the Atom writer", () => {
  it("writes members' text as plain text, escaped, without characters XML cannot carry", () => {
    const title = 'Limits on <script>alert("x")</script> & \u0001reports\uFFFE';
    const xml = renderAtom({
      id: "urn:uuid:00000000-0000-4000-8000-000000000000",
      title,
      updated: new Date("2026-01-02T03:04:05.678Z"),
      self: "https://forum.example/feed.atom?a=1&b=2",
      alternate: "https://forum.example/",
      author: { name: "Norms Forum" },
      entries: [{ id: "urn:uuid:00000000-0000-4000-8000-000000000001", title, published: new Date(0), link: "https://forum.example/x", content: "]]> <b>not bold</b>" }],
    });
    expect(xml).toContain('<title type="text">Limits on &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; reports</title>');
    expect(xml).toContain('href="https://forum.example/feed.atom?a=1&amp;b=2"');
    expect(xml).toContain("<updated>2026-01-02T03:04:05Z</updated>");
    const feed = parseFeed(xml);
    expect(feed.title).toBe('Limits on <script>alert("x")</script> & reports');
    expect(feed.items[0]!.content).toContain("]]>");
    expect(xmlEscape("a\u0000b\uD800c")).toBe("abc");
    expect(atomDate(new Date("2026-05-06T07:08:09.999Z"))).toBe("2026-05-06T07:08:09Z");
  });

  it("makes name-based ids as RFC 9562 version 5 UUIDs, the same for the same name", () => {
    // The RFC's own example: "www.example.com" in the DNS namespace.
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    expect(namedId("moderation-log", 7)).toBe(namedId("moderation-log", 7));
    expect(namedId("moderation-log", 7)).not.toBe(namedId("moderation-log", 8));
    expect(() => urnOf("not-a-uuid")).toThrow();
  });
});
