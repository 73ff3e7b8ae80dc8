import { readdirSync, readFileSync } from "node:fs";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { normSearch, normVersions, norms } from "~/db/schema";
import { searchHead, searchVector } from "~/server/domain/norms";
import { HIGHLIGHT_START } from "~/server/domain/norm-queries";
import { normCommentsResponse } from "~/server/open-data/comments";
import { listNormsResponse, normResponse, normsCsvResponse, normVersionResponse } from "~/server/open-data/norms";
import { normMeasuresResponse, normPositionsResponse } from "~/server/open-data/positions";
import { appRouter } from "~/server/root";
import { listNorms, SEARCH_CANDIDATES, type SearchWindows } from "~/server/domain/norm-queries";
import { encodeCursor, listNormsPageInput } from "~/server/schemas/norms";
import { callerAs } from "./support/context";
import { type MailSink, startMailSink } from "./support/mail-sink";
import { createTestDatabase } from "./support/db";
import { failure, fieldErrorsOf, zodPaths } from "./support/errors";
import { overriding, mergeStatement } from "./support/moves";

let database: Database;
let mail: MailSink;
beforeAll(async () => {
  database = await createTestDatabase();
  mail = await startMailSink();
});
afterAll(async () => {
  await mail.close();
  await database.close();
});

const fields = {
  title: "Protecting emergency response teams",
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses: ["States should not conduct or knowingly support activity to harm CSIRTs.", "States should not use CSIRTs for malicious activity."],
  categories: ["II" as const, "IV" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: ["ungge-k"],
};

async function setup() {
  const proposer = await createUser(database.db, { displayName: "Proposer" });
  const staff = await createUser(database.db, { role: "secretariat" });
  const api = await callerAs(database.db, proposer, mail.mailer);
  const created = await api.norms.create({ ...fields, title: `${fields.title} ${Math.random().toString(36).slice(2, 7)}` });
  const norm = (await database.db.query.norms.findFirst({ where: eq(norms.slug, created.slug) }))!;
  return { proposer, staff, api, norm, slug: created.slug, asStaff: await callerAs(database.db, staff) };
}

type Caller = Awaited<ReturnType<typeof callerAs>>;

/** Invites the user as a co-author and has them accept; their caller. */
async function joinAsCoauthor(proposer: Caller, normId: string, user: { id: string; email: string }) {
  const { invitationId } = await proposer.norms.inviteCoauthor({ normId, email: user.email });
  const invitee = await callerAs(database.db, user, mail.mailer);
  await invitee.norms.respondToInvitation({ invitationId, accept: true });
  return invitee;
}

describe("proposing", () => {
  it("creates a private draft that only its authors can see", async () => {
    const { api, slug, norm } = await setup();
    const visitor = await callerAs(database.db, null);
    expect((await failure(visitor.norms.get({ slug }))).code).toBe("NOT_FOUND");
    expect((await failure(visitor.norms.version({ slug, number: 1 }))).code).toBe("NOT_FOUND");
    expect((await visitor.norms.list({})).items.map((n) => n.slug)).not.toContain(slug);
    const own = await api.norms.get({ slug });
    expect(own).toMatchObject({ status: "draft", currentVersion: 1, clauses: fields.clauses, viewer: { role: "proposer", canSubmit: true } });
    expect(own.categories.map((c) => c.code)).toEqual(["II", "IV"]);
    expect(own.citations.map((c) => c.id)).toEqual(["ungge-k"]);
    expect((await api.norms.mine()).map((n) => n.id)).toContain(norm.id);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const user = await createUser(database.db);
    const api = await callerAs(database.db, user);
    const before = await database.db.$count(norms);
    const invalid = await failure(
      api.norms.create({ ...fields, title: "x".repeat(201), categories: ["VI" as never], kind: "other" as never, clauses: Array(41).fill("A clause.") }),
    );
    expect(zodPaths(invalid)).toEqual(expect.arrayContaining(["title", "categories.0", "kind", "clauses"]));
    const unknownRef = await failure(api.norms.create({ ...fields, citations: ["ungge-zz"] }));
    expect(fieldErrorsOf(unknownRef).citations).toMatch(/Not in the reference library: ungge-zz/);
    const org = await createOrganization(database.db, { createdById: (await createUser(database.db)).id, status: "verified" });
    const notMine = await failure(api.norms.create({ ...fields, organizationId: org.id }));
    expect(fieldErrorsOf(notMine).organizationId).toMatch(/verified organisation you represent/);
    expect(await database.db.$count(norms)).toBe(before);
  });

  it("proposes on behalf of a verified organisation the person represents", async () => {
    const rep = await createUser(database.db);
    const org = await createOrganization(database.db, { createdById: rep.id, status: "verified", name: "Proposing Org" });
    const api = await callerAs(database.db, rep);
    const { slug } = await api.norms.create({ ...fields, organizationId: org.id });
    expect((await api.norms.get({ slug })).proposer.organization?.name).toBe("Proposing Org");
    const pending = await createOrganization(database.db, { createdById: rep.id, name: "Pending Org" });
    expect((await failure(api.norms.create({ ...fields, organizationId: pending.id }))).code).toBe("BAD_REQUEST");
  });
});

describe("versions and redlines", () => {
  it("keeps every version immutable, with a redline between any two, and a stable slug", async () => {
    const { api, norm, slug } = await setup();
    await api.norms.submit({ normId: norm.id });
    await api.norms.revise({ ...fields, title: "A new title", normId: norm.id, baseVersion: 1, changeSummary: "Sharper first clause.", clauses: ["States should not conduct or intentionally support activity to harm CSIRTs.", fields.clauses[1]!] });
    await api.norms.revise({ ...fields, title: "A new title", normId: norm.id, baseVersion: 2, changeSummary: "Adds a third clause.", clauses: ["States should not conduct or intentionally support activity to harm CSIRTs.", fields.clauses[1]!, "States should help CSIRTs under attack."] });

    const visitor = await callerAs(database.db, null);
    const current = await visitor.norms.get({ slug });
    expect(current).toMatchObject({ slug, title: "A new title", currentVersion: 3 });
    expect(current.versions.map((v) => v.number)).toEqual([3, 2, 1]);
    expect((await visitor.norms.version({ slug, number: 1 })).clauses).toEqual(fields.clauses);

    const redline = await visitor.norms.redline({ slug, from: 1, to: 3 });
    expect(redline.text).toContainEqual({ type: "delete", text: "knowingly" });
    expect(redline.text).toContainEqual({ type: "insert", text: "intentionally" });
    expect(redline.text.some((p) => p.type === "insert" && p.text.includes("help CSIRTs under attack"))).toBe(true);
    expect(redline.stats.inserted).toBeGreaterThan(5);
    // Clause by clause, numbered in each version: the small edit keeps word marks, the new clause is whole.
    expect(redline.clauses.map((c) => c.kind)).toEqual(["edited", "unchanged", "added"]);
    expect(redline.clauses[0]).toMatchObject({ from: 1, to: 1, parts: expect.arrayContaining([{ type: "delete", text: "knowingly" }]) });
    expect(redline.clauses[2]).toEqual({ kind: "added", to: 3, text: "States should help CSIRTs under attack." });
    expect((await failure(visitor.norms.redline({ slug, from: 1, to: 9 }))).code).toBe("NOT_FOUND");
    expect(current.timeline.map((e) => e.type)).toEqual(["created", "submit", "revised", "revised"]);
  });

  it("refuses a revision from an out-of-date version, shows what changed, and overwrites nothing", async () => {
    const { api, norm } = await setup();
    const coauthor = await createUser(database.db, { email: `co-${Date.now()}@example.org` });
    const asCoauthor = await joinAsCoauthor(api, norm.id, coauthor);
    await asCoauthor.norms.revise({ ...fields, normId: norm.id, baseVersion: 1, changeSummary: "Co-author's edit.", clauses: ["A co-author rewrote this clause.", fields.clauses[1]!] });

    const stale = await failure(api.norms.revise({ ...fields, normId: norm.id, baseVersion: 1, changeSummary: "My edit.", clauses: ["My own wording."] }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/Version 2 was saved while you were editing version 1/);
    const details = (stale.cause as unknown as { details: { currentVersion: number; savedBy: string; changes: { type: string; text: string }[] } }).details;
    expect(details).toMatchObject({ currentVersion: 2, savedBy: coauthor.displayName });
    expect(details.changes.some((p) => p.type === "insert" && p.text.includes("co-author"))).toBe(true);
    const versions = await database.db.select().from(normVersions).where(eq(normVersions.normId, norm.id));
    expect(versions.map((v) => v.number).sort()).toEqual([1, 2]);
  });

  it("lets two simultaneous saves from one version produce exactly one new version", async () => {
    const { api, norm } = await setup();
    const results = await Promise.allSettled(
      [1, 2].map((n) => api.norms.revise({ ...fields, normId: norm.id, baseVersion: 1, changeSummary: `Edit ${n}.`, clauses: [`Edit number ${n}.`] })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const versions = await database.db.select().from(normVersions).where(eq(normVersions.normId, norm.id));
    expect(versions).toHaveLength(2);
  });
});

describe("the lifecycle", () => {
  it("moves through consultation, endorsement (text frozen) and conclusion, recording each step", async () => {
    const { api, norm, slug, asStaff } = await setup();
    expect((await failure(asStaff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding }))).code).toBe("NOT_FOUND");
    await api.norms.submit({ normId: norm.id });
    const early = await failure(asStaff.norms.transition({ normId: norm.id, transition: "conclude", ...overriding }));
    expect(early.message).toBe("This norm is in consultation; it can only be concluded when it is in endorsement.");
    await asStaff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding, statement: "Consultation closed after 60 days." });

    const frozen = await failure(api.norms.revise({ ...fields, normId: norm.id, baseVersion: 1, changeSummary: "Too late." }));
    expect(frozen.code).toBe("PRECONDITION_FAILED");
    expect(frozen.message).toMatch(/frozen/);
    expect((await api.norms.get({ slug })).viewer.canRevise).toBe(false);

    await asStaff.norms.transition({ normId: norm.id, transition: "conclude", ...overriding });
    const done = await api.norms.get({ slug });
    expect(done.status).toBe("concluded");
    expect(done.timeline.map((e) => [e.type, e.toStatus])).toEqual([
      ["created", "draft"],
      ["submit", "consultation"],
      ["openEndorsement", "endorsement"],
      ["conclude", "concluded"],
    ]);
    expect(done.timeline[2]?.note).toBe("Consultation closed after 60 days.");
  });

  it("lets only the proposer submit and withdraw; co-authors revise", async () => {
    const { api, norm } = await setup();
    const coauthor = await createUser(database.db, { email: `co2-${Date.now()}@example.org` });
    const asCoauthor = await joinAsCoauthor(api, norm.id, coauthor);
    expect((await failure(asCoauthor.norms.submit({ normId: norm.id }))).code).toBe("FORBIDDEN");
    await api.norms.submit({ normId: norm.id });
    expect((await failure(asCoauthor.norms.withdraw({ normId: norm.id }))).code).toBe("FORBIDDEN");
    await api.norms.withdraw({ normId: norm.id, note: "Overtaken by events." });
    expect((await failure(api.norms.withdraw({ normId: norm.id }))).code).toBe("PRECONDITION_FAILED");
  });

  it("merges a duplicate into another norm, which shows where it came from", async () => {
    const a = await setup();
    const b = await setup();
    await a.api.norms.submit({ normId: a.norm.id });
    await b.api.norms.submit({ normId: b.norm.id });
    expect(fieldErrorsOf(await failure(a.asStaff.norms.merge({ normId: a.norm.id, intoSlug: a.slug, statement: mergeStatement }))).intoSlug).toMatch(/itself/);
    await a.asStaff.norms.merge({ normId: b.norm.id, intoSlug: a.slug, statement: mergeStatement });
    const visitor = await callerAs(database.db, null);
    expect((await visitor.norms.get({ slug: b.slug })).mergedInto?.slug).toBe(a.slug);
    expect((await visitor.norms.get({ slug: a.slug })).mergedFrom.map((m) => m.slug)).toEqual([b.slug]);
  });
});

describe("the list", () => {
  it("finds a norm by a word of its text, ranked and highlighted, with filters", async () => {
    const rep = await createUser(database.db);
    const org = await createOrganization(database.db, { createdById: rep.id, status: "verified", stakeholderType: "academia" });
    await addMember(database.db, org.id, rep.id, "representative");
    const api = await callerAs(database.db, rep);
    const { slug } = await api.norms.create({
      ...fields,
      title: "Supply chain integrity",
      summary: "Vendors and states keep software updates trustworthy.",
      clauses: ["Nobody should tamper with firmware during shipment."],
      categories: ["III"],
      citations: ["ungge-i"],
      organizationId: org.id,
    });
    const norm = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
    await api.norms.submit({ normId: norm.id });

    const visitor = await callerAs(database.db, null);
    const found = await visitor.norms.list({ q: "firmware" });
    expect(found.items.map((n) => n.slug)).toEqual([slug]);
    expect(found.items[0]!.headline).toContain(`${HIGHLIGHT_START}firmware`);
    expect((await visitor.norms.list({ category: "III", stakeholderType: "academia", document: "UNGGE" })).items.map((n) => n.slug)).toContain(slug);
    expect((await visitor.norms.list({ category: "I" })).items.map((n) => n.slug)).not.toContain(slug);
    expect((await visitor.norms.list({ document: "CoC" })).items.map((n) => n.slug)).not.toContain(slug);
  });

  it("pages by keyset without repeating or skipping", async () => {
    const proposer = await createUser(database.db);
    const api = await callerAs(database.db, proposer);
    for (let i = 0; i < 5; i++) {
      const { slug } = await api.norms.create({ ...fields, title: `Paging norm number ${i}` });
      const row = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
      await api.norms.submit({ normId: row.id });
    }
    const visitor = await callerAs(database.db, null);
    const all = (await visitor.norms.list({ limit: 100 })).items.map((n) => n.slug);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await visitor.norms.list({ limit: 2, cursor });
      seen.push(...page.items.map((n) => n.slug));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await failure(visitor.norms.list({ cursor: "garbage" }))).code).toBe("BAD_REQUEST");
  });

  it("pages every sort, and a search by relevance, by keyset without repeating or skipping", async () => {
    const visitor = await callerAs(database.db, null);
    const cases = [
      ...(["newest", "active", "support", "bridging", "contested"] as const).map((sort) => ({ sort })),
      { q: "norm" },
      { q: "states", sort: "relevance" as const },
    ];
    for (const input of cases) {
      const all = (await visitor.norms.list({ ...input, limit: 100 })).items.map((n) => n.slug);
      expect(all.length, JSON.stringify(input)).toBeGreaterThan(3);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await visitor.norms.list({ ...input, limit: 3, cursor });
        seen.push(...page.items.map((n) => n.slug));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen, JSON.stringify(input)).toEqual(all);
    }
  });

  it("ranks a title match above a summary match above a match in the text only, and equal ranks newest first", async () => {
    const proposer = await createUser(database.db);
    const api = await callerAs(database.db, proposer);
    const word = "Zanzibarian";
    const make = async (title: string, summary: string, clause: string) => {
      const { slug } = await api.norms.create({ ...fields, title, summary, clauses: [clause] });
      const row = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
      await api.norms.submit({ normId: row.id });
      return slug;
    };
    const textOnlyOld = await make("A first norm on cables", "Cables are protected in peacetime and in conflict.", `States consult ${word} operators first.`);
    const summary = await make("A norm on cables", `${word} cables are protected in peacetime and in conflict.`, "States consult operators first.");
    const title = await make(`The ${word} cables norm`, "Cables are protected in peacetime and in conflict.", "States consult operators first.");
    const textOnlyNew = await make("A later norm on cables", "Cables are protected in peacetime and in conflict.", `States consult ${word} operators again.`);
    const visitor = await callerAs(database.db, null);
    const ranked = (await visitor.norms.list({ q: word.toLowerCase() })).items.map((n) => n.slug);
    expect(ranked).toEqual([title, summary, textOnlyNew, textOnlyOld]);
    // Sorted by date, the same matches newest first.
    expect((await visitor.norms.list({ q: word, sort: "newest" })).items.map((n) => n.slug)).toEqual([textOnlyNew, title, summary, textOnlyOld]);
  });
});

describe("search tokens", () => {
  it("finds words joined by a slash", async () => {
    const proposer = await createUser(database.db);
    const api = await callerAs(database.db, proposer);
    const { slug } = await api.norms.create({ ...fields, title: "Sparing CERTs/CSIRTs in peacetime" });
    const row = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
    await api.norms.submit({ normId: row.id });
    const visitor = await callerAs(database.db, null);
    expect((await visitor.norms.list({ q: "CERT" })).items.map((n) => n.slug)).toContain(slug);
    expect((await visitor.norms.list({ q: "CSIRTs" })).items.map((n) => n.slug)).toContain(slug);
  });
});

describe("withdrawing (issue 13, hole 2)", () => {
  /** Everything a visitor or another member can reach about a norm, through every public door. */
  async function publicTraces(slug: string, title: string) {
    const visitor = await callerAs(database.db, null);
    const member = await callerAs(database.db, await createUser(database.db));
    const traces: string[] = [];
    for (const [who, api] of [["visitor", visitor], ["member", member]] as const) {
      const reach = async (what: string, call: Promise<unknown>) => {
        try {
          await call;
          traces.push(`${who}: ${what}`);
        } catch {
          // not found: nothing to see
        }
      };
      await reach("norms.get", api.norms.get({ slug }));
      await reach("norms.version 1", api.norms.version({ slug, number: 1 }));
      await reach("norms.redline", api.norms.redline({ slug, from: 1, to: 1 }));
      await reach("comments.list", api.comments.list({ slug }));
      await reach("positions.forNorm", api.positions.forNorm({ slug }));
      await reach("compare", api.references.compare({ items: [`norm:${slug}`, "ref:ungge-k"] }));
      for (const status of [undefined, "withdrawn" as const]) {
        if ((await api.norms.list({ status, limit: 100 })).items.some((n) => n.slug === slug)) traces.push(`${who}: norms.list ${status ?? ""}`);
      }
      if ((await api.norms.list({ q: title })).items.some((n) => n.slug === slug)) traces.push(`${who}: norms.list search`);
      const found = await api.search.all({ q: title });
      if (found.proposals.items.some((n) => n.slug === slug) || found.proposals.count > 0) traces.push(`${who}: search.all`);
      const reference = await api.references.norm({ id: "ungge-k" });
      if (JSON.stringify(reference).includes(slug)) traces.push(`${who}: references.norm`);
      if (JSON.stringify(await api.references.matrix()).includes(slug)) traces.push(`${who}: references.matrix`);
    }
    const openData = [
      ["GET /api/v1/norms/{slug}", await normResponse(database.db, slug)],
      ["GET /api/v1/norms/{slug}/versions/1", await normVersionResponse(database.db, slug, "1")],
      ["GET /api/v1/norms/{slug}/positions", await normPositionsResponse(database.db, slug)],
      ["GET /api/v1/norms/{slug}/measures", await normMeasuresResponse(database.db, slug)],
      ["GET /api/v1/norms/{slug}/comments", await normCommentsResponse(database.db, slug, new URLSearchParams())],
    ] as const;
    for (const [what, res] of openData) if (res.status !== 404) traces.push(`open data: ${what} answered ${res.status}`);
    const listed = await (await listNormsResponse(database.db, new URLSearchParams({ limit: "100" }))).text();
    if (listed.includes(slug)) traces.push("open data: GET /api/v1/norms");
    const csv = await (await normsCsvResponse(database.db, new URLSearchParams())).text();
    if (csv.includes(slug)) traces.push("open data: GET /api/v1/norms.csv");
    return traces;
  }

  it("keeps a draft that was never submitted private to its authors: pages, lists, search and open data", async () => {
    const { api, norm, slug } = await setup();
    await api.norms.withdraw({ normId: norm.id, note: "Not ready." });
    expect(await publicTraces(slug, norm.title)).toEqual([]);
    const own = await api.norms.get({ slug });
    expect(own).toMatchObject({ status: "withdrawn", isPublic: false, viewer: { role: "proposer", canSubmit: false } });
    expect((await api.norms.version({ slug, number: 1 })).number).toBe(1);
    expect((await api.norms.mine()).map((n) => n.slug)).toContain(slug);
  });

  it("keeps a norm that was submitted public when it is withdrawn", async () => {
    const { api, norm, slug } = await setup();
    await api.norms.submit({ normId: norm.id });
    await api.norms.withdraw({ normId: norm.id, note: "Overtaken by events." });
    const traces = await publicTraces(slug, norm.title);
    expect(traces).toEqual(expect.arrayContaining(["visitor: norms.get", "visitor: norms.version 1", "open data: GET /api/v1/norms"]));
    expect((await (await callerAs(database.db, null)).norms.get({ slug })).isPublic).toBe(true);
  });

  it("makes drafts withdrawn without a submission event private again (the migration)", async () => {
    const before = await setup();
    const after = await setup();
    // As the old code left them: withdrawn straight from draft, and withdrawn after a submission.
    await before.api.norms.withdraw({ normId: before.norm.id });
    await after.api.norms.submit({ normId: after.norm.id });
    await after.api.norms.withdraw({ normId: after.norm.id });
    await database.db.update(norms).set({ submittedAt: null }).where(inArray(norms.id, [before.norm.id, after.norm.id]));
    const file = readdirSync("db/migrations").find((f) => f.endsWith("_private_unsubmitted_withdrawn.sql"))!;
    for (const statement of readFileSync(`db/migrations/${file}`, "utf8").split("--> statement-breakpoint")) {
      await database.db.execute(sql.raw(statement));
    }
    const rows = await database.db.select({ id: norms.id, submittedAt: norms.submittedAt }).from(norms).where(inArray(norms.id, [before.norm.id, after.norm.id]));
    expect(rows.find((r) => r.id === before.norm.id)?.submittedAt).toBeNull();
    expect(rows.find((r) => r.id === after.norm.id)?.submittedAt).toBeInstanceOf(Date);
    expect(await publicTraces(before.slug, before.norm.title)).toEqual([]);
  });
});

describe("a word matching more norms than a search ranks", () => {
  it("ranks the most recent 1,000 matches, and the site search counts them as more than 1,000", async () => {
    const proposer = await createUser(database.db);
    // 1,001 public norms with the word, written straight to the tables (their texts are not read here).
    await database.db.execute(sql`
      insert into norms (slug, kind, bindingness, proposer_id, title, summary, status, submitted_at, created_at)
      select 'bulk-quokka-' || g, 'mutual_restraint', 'political', ${proposer.id}, 'Quokka norm ' || g, 'On quokkas.',
        'consultation', now(), now() - (g || ' seconds')::interval
      from generate_series(1, ${SEARCH_CANDIDATES + 1}) as g`);
    await database.db.execute(sql`
      insert into norm_search (norm_id, title, search, search_head)
      select id, title, to_tsvector('english', 'quokka norm'), to_tsvector('english', 'quokka norm') from norms where slug like 'bulk-quokka-%'`);
    const visitor = await callerAs(database.db, null);
    const found = await visitor.search.all({ q: "quokka" });
    expect(found.proposals.count).toBe(SEARCH_CANDIDATES);
    expect(found.proposals.countCapped).toBe(true);
    const fewer = await visitor.search.all({ q: "CSIRTs" });
    expect(fewer.proposals.countCapped).toBe(false);
  });
});

describe("a search's windows (docs/performance.md, \"Searches that match little\")", () => {
  it("gives the same pages, in every sort, whether the words are first tested in a small window, a wider one or the text index", async () => {
    const proposer = await createUser(database.db);
    // 60 public norms, one a minute: every one says "walrus", every 15th also "narwhal", the oldest "beluga".
    await database.db.execute(sql`
      insert into norms (slug, kind, bindingness, proposer_id, title, summary, status, submitted_at, created_at, last_activity_at)
      select 'window-' || g, 'mutual_restraint', 'political', ${proposer.id}, 'Window norm ' || g, 'On walruses.',
        case when g % 4 = 0 then 'endorsement'::norm_status else 'consultation'::norm_status end,
        now(), now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
      from generate_series(1, 60) as g`);
    await database.db.execute(sql`
      insert into norm_search (norm_id, title, search, search_head)
      select id, title,
        to_tsvector('english', 'walrus' || case when g % 15 = 0 then ' narwhal' else '' end || case when g = 60 then ' beluga' else '' end),
        to_tsvector('english', case when g % 2 = 0 then 'walrus' else 'norm' end)
      from (select id, title, split_part(slug, '-', 2)::int as g from norms where slug like 'window-%') as w`);
    await database.db.execute(sql`
      insert into norm_versions (norm_id, number, title, summary, clauses, change_summary, author_id)
      select id, 1, title, summary, '["On walruses."]'::jsonb, 'First version.', proposer_id from norms where slug like 'window-%'`);
    const pages = async (input: Record<string, unknown>, windows?: SearchWindows) => {
      const slugs: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listNorms(database.db, listNormsPageInput.parse({ ...input, limit: 3, cursor }), windows);
        slugs.push(...page.items.map((n) => n.slug));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return slugs;
    };
    const sorts = ["relevance", "newest", "active", "support"] as const;
    for (const q of ["walrus", "narwhal", "beluga", "walrus narwhal", "narwhal beluga", "walrus orca"]) {
      for (const sort of sorts) {
        for (const status of [undefined, "endorsement"] as const) {
          const input = { q, sort, status };
          const whole = await pages(input, { first: 100_000, max: 100_000 });
          for (const windows of [{ first: 5, max: 20 }, { first: 5, max: 2000 }, { first: 1, max: 3 }]) {
            expect(await pages(input, windows), JSON.stringify({ input, windows })).toEqual(whole);
          }
          if (q === "narwhal beluga" && !status) expect(whole).toEqual(["window-60"]);
          if (q === "walrus orca") expect(whole).toEqual([]);
          if (q === "narwhal" && !status) expect(whole).toHaveLength(4);
        }
      }
    }
    // A ranking's page past its last candidate (its norms changed since the link was made) is empty.
    const past = encodeCursor({ v: -1, t: "2000-01-01T00:00:00.000000Z", id: "00000000-0000-0000-0000-000000000000" });
    const empty = await listNorms(database.db, listNormsPageInput.parse({ q: "walrus", limit: 3, cursor: past }), { first: 5, max: 20 });
    expect(empty.items).toEqual([]);
  });
});

describe("the search documents (norm_search, migration 0043)", () => {
  it("are written with each norm's text, in its language, and follow a revision's title", async () => {
    const proposer = await createUser(database.db);
    const api = await callerAs(database.db, proposer);
    const made = [
      await api.norms.create({ ...fields, title: "Protéger les équipes/CERT", summary: "Les États protègent les équipes d'urgence.", language: "fr" }),
      await api.norms.create({ ...fields, title: "Sparing CERTs/CSIRTs", language: "en-GB" }),
      await api.norms.create({ ...fields, title: "Ein Titel", language: "xx" }),
    ];
    const written = async () =>
      database.db
        .select({ slug: norms.slug, language: norms.language, title: norms.title, summary: norms.summary, searchTitle: normSearch.title, search: normSearch.search, head: normSearch.searchHead })
        .from(norms)
        .innerJoin(normSearch, eq(normSearch.normId, norms.id))
        .where(inArray(norms.slug, made.map((m) => m.slug)));
    const rows = await written();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.searchTitle).toBe(row.title);
      const result = await database.db.execute<{ search: boolean; head: boolean }>(
        sql`select ${row.search}::tsvector = (${searchVector(row.language, row.title, row.summary, fields.clauses)}) as search, ${row.head}::tsvector = (${searchHead(row.language, row.title, row.summary)}) as head`,
      );
      const [same] = ((result as unknown as { rows?: typeof result }).rows ?? result) as unknown as { search: boolean; head: boolean }[];
      expect(same, row.title).toEqual({ search: true, head: true });
    }

    const norm = (await database.db.select({ id: norms.id }).from(norms).where(eq(norms.slug, made[1]!.slug)))[0]!;
    await api.norms.revise({ ...fields, title: "Sparing incident responders", language: "en-GB", normId: norm.id, baseVersion: 1, changeSummary: "A plainer title." });
    const revised = (await written()).find((r) => r.slug === made[1]!.slug)!;
    expect(revised.searchTitle).toBe("Sparing incident responders");
    expect(revised.search).toContain("'respond':");
    expect(revised.search).not.toContain("'cert'");
  });
});

describe("co-author invitations (issue 13, hole 5)", () => {
  const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

  it("answers the same for an address with an account and one without, mailing only the account", async () => {
    const { api, norm, slug } = await setup();
    const invitee = await createUser(database.db, { email: `invitee-${unique()}@example.org`, displayName: "Ines Invitee" });
    const nobody = `nobody-${unique()}@example.org`;
    const mailsBefore = mail.messages.length;
    const known = await api.norms.inviteCoauthor({ normId: norm.id, email: invitee.email.toUpperCase() });
    const unknown = await api.norms.inviteCoauthor({ normId: norm.id, email: nobody });
    // Same shape, no name or user id: the proposer learns nothing about either address.
    expect(Object.keys(known).sort()).toEqual(Object.keys(unknown).sort());
    expect(known).toEqual({ invitationId: expect.any(String), email: invitee.email, createdAt: expect.any(Date) });
    expect(JSON.stringify(known)).not.toContain(invitee.id);
    expect(JSON.stringify(known)).not.toContain("Ines");
    const own = await api.norms.get({ slug });
    expect(own.pendingInvitations.map((i) => i.email).sort()).toEqual([invitee.email, nobody].sort());
    expect(own.coauthors).toEqual([]);
    // Only the address with an account gets a mail (sent after the answer, so both answer as fast),
    // and it carries no user-written text.
    await vi.waitFor(() => expect(mail.messages.slice(mailsBefore).length).toBeGreaterThan(0));
    const sent = mail.messages.slice(mailsBefore);
    expect(sent.map((m) => m.to)).toEqual([[invitee.email]]);
    expect(sent[0]!.text).not.toContain(norm.title);
    // Inviting the same address again while it is pending is refused the same way for both.
    const again = [await failure(api.norms.inviteCoauthor({ normId: norm.id, email: invitee.email })), await failure(api.norms.inviteCoauthor({ normId: norm.id, email: nobody }))];
    expect(again.map((e) => [e.code, e.message])).toEqual([
      ["CONFLICT", "That address already has a pending invitation."],
      ["CONFLICT", "That address already has a pending invitation."],
    ]);
    expect("norms.addCoauthor" in appRouter._def.procedures).toBe(false);
  });

  it("shows the invitee the title only; the draft opens to them once they accept", async () => {
    const { api, norm, slug } = await setup();
    const invitee = await createUser(database.db, { email: `accept-${unique()}@example.org` });
    const { invitationId } = await api.norms.inviteCoauthor({ normId: norm.id, email: invitee.email });
    const asInvitee = await callerAs(database.db, invitee, mail.mailer);
    const pending = await asInvitee.norms.invitations();
    expect(pending).toEqual([{ id: invitationId, normTitle: norm.title, proposerName: "Proposer", createdAt: expect.any(Date) }]);
    expect((await failure(asInvitee.norms.get({ slug }))).code).toBe("NOT_FOUND");
    // Nobody else can see or answer it.
    const stranger = await callerAs(database.db, await createUser(database.db));
    expect(await stranger.norms.invitations()).toEqual([]);
    expect((await failure(stranger.norms.respondToInvitation({ invitationId, accept: true }))).code).toBe("NOT_FOUND");
    // An unconfirmed account with the address cannot claim it either.
    const unconfirmed = await createUser(database.db, { email: `unconfirmed-${unique()}@example.org`, verified: false });
    const second = await api.norms.inviteCoauthor({ normId: norm.id, email: unconfirmed.email });
    const asUnconfirmed = await callerAs(database.db, unconfirmed);
    expect(await asUnconfirmed.norms.invitations()).toEqual([]);
    expect((await failure(asUnconfirmed.norms.respondToInvitation({ invitationId: second.invitationId, accept: true }))).code).toBe("NOT_FOUND");

    await asInvitee.norms.respondToInvitation({ invitationId, accept: true });
    const seen = await asInvitee.norms.get({ slug });
    expect(seen.viewer.role).toBe("coauthor");
    expect((await api.norms.get({ slug })).coauthors.map((c) => c.userId)).toEqual([invitee.id]);
    expect((await api.norms.get({ slug })).pendingInvitations.map((i) => i.email)).toEqual([unconfirmed.email]);
    expect(await asInvitee.norms.invitations()).toEqual([]);
    expect((await failure(asInvitee.norms.respondToInvitation({ invitationId, accept: true }))).code).toBe("NOT_FOUND");
  });

  it("lets the invitee decline and the proposer cancel; only the proposer invites", async () => {
    const { api, norm, slug } = await setup();
    const decliner = await createUser(database.db, { email: `decline-${unique()}@example.org` });
    const declined = await api.norms.inviteCoauthor({ normId: norm.id, email: decliner.email });
    const asDecliner = await callerAs(database.db, decliner);
    await asDecliner.norms.respondToInvitation({ invitationId: declined.invitationId, accept: false });
    expect((await failure(asDecliner.norms.get({ slug }))).code).toBe("NOT_FOUND");
    const cancelled = await api.norms.inviteCoauthor({ normId: norm.id, email: `cancel-${unique()}@example.org` });
    await api.norms.cancelInvitation({ invitationId: cancelled.invitationId });
    const own = await api.norms.get({ slug });
    expect(own.pendingInvitations).toEqual([]);
    expect(own.coauthors).toEqual([]);

    const coauthor = await createUser(database.db, { email: `co3-${unique()}@example.org` });
    const asCoauthor = await joinAsCoauthor(api, norm.id, coauthor);
    expect((await failure(asCoauthor.norms.inviteCoauthor({ normId: norm.id, email: `x-${unique()}@example.org` }))).code).toBe("FORBIDDEN");
    const again = await api.norms.inviteCoauthor({ normId: norm.id, email: `again-${unique()}@example.org` });
    expect((await failure(asCoauthor.norms.cancelInvitation({ invitationId: again.invitationId }))).code).toBe("FORBIDDEN");
    expect((await asCoauthor.norms.get({ slug })).viewer.role).toBe("coauthor");
  });

  it("limits how many invitations a proposer sends", async () => {
    const { api, norm } = await setup();
    for (let i = 0; i < 20; i++) await api.norms.inviteCoauthor({ normId: norm.id, email: `many-${i}-${unique()}@example.org` });
    const limited = await failure(api.norms.inviteCoauthor({ normId: norm.id, email: `one-too-many-${unique()}@example.org` }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/invitations/);
  });
});
