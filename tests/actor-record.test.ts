// Profiles across years (issue 19, server/domain/actor-record.ts): every UN state has a profile,
// participating or not; a code that is no UN state is not found; the record shows only what the
// public sees elsewhere (no sealed position, no statement before its report is published, no
// observation before it is accepted); a comparison takes two or three actors, and says so plainly.
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { norms, observationActors, observationReplies, observations, stocktakes } from "~/db/schema";
import { setClock } from "~/server/clock";
import { stateCounts } from "~/server/domain/actor-record";
import { parseActorId } from "~/server/schemas/actors";
import { findUnState, unStates } from "~/server/schemas/un-states";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { overriding, responseTeamNormFields } from "./support/moves";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());
afterEach(() => setClock(null));

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2032-03-02T10:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("The call succeeded.");
}

type Caller = Awaited<ReturnType<typeof callerAs>>;
async function submitted(proposer: Caller, title: string) {
  const { slug } = await proposer.norms.create({ ...responseTeamNormFields, title });
  const row = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await proposer.norms.submit({ normId: row.id });
  return { id: row.id, slug };
}

async function arrange() {
  setClock(T0, { stopped: true });
  const repUser = await createUser(db, { displayName: "Kenyan Delegate" });
  const ngoUser = await createUser(db);
  const staffUser = await createUser(db, { role: "secretariat" });
  const kenya = await createOrganization(db, { name: "Ministry of Foreign Affairs of Kenya", createdById: repUser.id, status: "verified", stakeholderType: "state", region: "african", country: "KE" });
  const ngo = await createOrganization(db, { name: "Open Wires Collective", createdById: ngoUser.id, status: "verified", stakeholderType: "civil_society", region: "african", country: "KE" });
  const rep = await callerAs(db, repUser);
  const ngoRep = await callerAs(db, ngoUser);
  const staff = await callerAs(db, staffUser);
  const visitor = await callerAs(db, null);
  const open = await submitted(rep, "Restraint toward response teams in the open");
  const sealed = await submitted(rep, "Restraint toward response teams under seal");
  await rep.positions.record({ normId: open.id, organizationId: kenya.id, stance: "endorse" });
  setClock(at(1), { stopped: true });
  await rep.positions.record({ normId: open.id, organizationId: kenya.id, stance: "abstain" });
  await ngoRep.positions.record({ normId: open.id, organizationId: ngo.id, stance: "object", statement: "It reaches beyond what existing law asks of states." });
  // A sealed endorsement stage: what the state records during it stays sealed until the close.
  await staff.norms.transition({ normId: sealed.id, transition: "openEndorsement", ...overriding, lastDay: isoDay(at(30)), sealed: true });
  await rep.positions.record({ normId: sealed.id, organizationId: kenya.id, stance: "object", statement: "Sealed until the stage closes." });
  return { kenya, ngo, rep, staff, visitor, open, sealed };
}

let f: Awaited<ReturnType<typeof arrange>>;
beforeAll(async () => {
  f = await arrange();
  setClock(null);
});

describe("the list of states", () => {
  it("holds the 193 members and 2 observer states, once each, every one a known ISO code", async () => {
    expect(unStates.filter((s) => s.membership === "member")).toHaveLength(193);
    expect(unStates.filter((s) => s.membership === "observer").map((s) => s.iso).sort()).toEqual(["PS", "VA"]);
    expect(new Set(unStates.map((s) => s.iso)).size).toBe(195);
    expect(findUnState("ke")?.iso).toBe("KE");
    expect(findUnState("XK")).toBeNull();
    const states = await f.visitor.actors.states();
    expect(states).toHaveLength(195);
    const kenya = states.find((s) => s.iso === "KE")!;
    expect(kenya).toMatchObject({ name: "Kenya", slug: "ke", takesPart: true });
    // An organisation of another stakeholder type from Kenya is not the state.
    expect(kenya.organizations.map((o) => o.slug)).toEqual([f.kenya.slug]);
    expect(states.find((s) => s.iso === "TV")).toMatchObject({ takesPart: false, organizations: [] });
  });
});

describe("a state's record", () => {
  it("exists for a state that does not take part, and is empty", async () => {
    const record = await f.visitor.actors.record({ id: "state:TV" });
    expect(record.actor).toMatchObject({ id: "state:TV", name: "Tuvalu", state: { iso: "TV", membership: "member", region: "asia_pacific" }, organizations: [] });
    expect(record.positions).toEqual({ items: [], total: 0, next: null });
    expect(record.statements).toEqual({ items: [], total: 0, next: null });
    expect(record.observations).toEqual({ items: [], total: 0, next: null });
    const observer = await f.visitor.actors.record({ id: "state:va" });
    expect(observer.actor).toMatchObject({ id: "state:VA", name: "Holy See", state: { membership: "observer", region: null } });
  });

  it("is not found for a code that is no UN member or observer state, and bad input for text that is no actor", async () => {
    for (const id of ["state:XK", "state:ZZ", "state:TW", "org:no-such-organisation"]) expect((await failure(f.visitor.actors.record({ id }))).code, id).toBe("NOT_FOUND");
    for (const id of ["kenya", "state:KEN", "org:Not A Slug", "state:"]) expect((await failure(f.visitor.actors.record({ id }))).code, id).toBe("BAD_REQUEST");
    expect(parseActorId("STATE:ke")).toBeNull();
    expect(parseActorId("state:ke")).toEqual({ kind: "state", iso: "KE" });
  });

  it("shows its organisations' positions with dates, versions and history, and never a sealed one", async () => {
    for (const reader of [f.visitor, f.rep, f.staff]) {
      const record = await reader.actors.record({ id: "state:ke" });
      expect(record.actor.organizations.map((o) => o.slug)).toEqual([f.kenya.slug]);
      expect(record.positions.total).toBe(1);
      const [position] = record.positions.items;
      expect(position).toMatchObject({ norm: { slug: f.open.slug }, stance: "abstain", version: 1, current: true, counted: true, recordedAt: at(1) });
      expect(position!.history.map((h) => [h.sequence, h.stance, h.version])).toEqual([
        [2, "abstain", 1],
        [1, "endorse", 1],
      ]);
      // The sealed objection is nowhere: not as a position, not in any history.
      expect(JSON.stringify(record)).not.toContain("Sealed until the stage closes");
      expect(record.positions.items.some((p) => p.norm.slug === f.sealed.slug)).toBe(false);
    }
  });

  it("is the same record on the organisation's own page", async () => {
    const record = await f.visitor.actors.record({ id: `org:${f.ngo.slug}` });
    expect(record.actor).toMatchObject({ id: `org:${f.ngo.slug}`, state: null, href: `/organizations/${f.ngo.slug}` });
    expect(record.positions.items.map((p) => [p.norm.slug, p.stance])).toEqual([[f.open.slug, "object"]]);
  });

  it("shows implementation statements only once their year's report is published", async () => {
    setClock(at(2), { stopped: true });
    const year = 2032;
    await f.staff.norms.transition({ normId: f.open.id, transition: "openEndorsement", ...overriding });
    await f.staff.stocktakes.open({ year, opensOn: isoDay(at(0)), closesOn: isoDay(at(10)), normIds: [f.open.id], referenceNormIds: ["ungge-f"] });
    const items = (await f.staff.stocktakes.get({ year })).items;
    const forum = items.find((i) => i.kind === "forum")!;
    await f.rep.stocktakes.fileStatement({ year, itemId: forum.id, organizationId: f.kenya.id, status: "partially", text: "A national response team was set up." });
    expect((await f.visitor.actors.record({ id: "state:KE" })).statements.total).toBe(0);
    await f.staff.stocktakes.close({ year });
    await f.staff.stocktakes.publish({ year });
    const record = await f.visitor.actors.record({ id: "state:KE" });
    expect(record.statements.items).toEqual([expect.objectContaining({ year, status: "partially", title: forum.title, normSlug: f.open.slug, text: "A national response team was set up." })]);
  });
});

describe("observations naming a state", () => {
  // Written as the codebook stores them (observation_actors), whatever the form that logs them.
  async function observation(stocktakeId: string, reporterId: string, title: string, status: "pending" | "accepted" | "rejected", actors: ({ organizationId: string } | { country: string } | { label: string })[]) {
    const [row] = await db
      .insert(observations)
      .values({
        stocktakeId,
        reporterId,
        title,
        description: `What happened: ${title}.`,
        occurredOn: "2032-02-01",
        sources: [{ url: "https://example.org/report", archiveUrl: "https://web.archive.org/example" }],
        codebookVersion: "v1",
        attributionStatus: "government",
        confidence: "medium",
        evidenceType: "government-statement",
        status,
      })
      .returning({ id: observations.id });
    await db.insert(observationActors).values(
      actors.map((a, i) =>
        "organizationId" in a
          ? { observationId: row!.id, position: i + 1, kind: "organization" as const, organizationId: a.organizationId }
          : "country" in a
            ? { observationId: row!.id, position: i + 1, kind: "state" as const, country: a.country }
            : { observationId: row!.id, position: i + 1, kind: "unattributed" as const, label: a.label },
      ),
    );
    return row!.id;
  }

  it("shows accepted observations naming the state by code or through its organisation, with replies, and never a pending or rejected one", async () => {
    const stocktake = (await db.query.stocktakes.findFirst({ where: eq(stocktakes.year, 2032) }))!;
    const reporter = await createUser(db);
    const byCode = await observation(stocktake.id, reporter.id, "A ministry's site defaced", "accepted", [{ country: "KE" }, { label: "a criminal group" }]);
    const byOrganization = await observation(stocktake.id, reporter.id, "A response team's network disrupted", "accepted", [{ organizationId: f.kenya.id }]);
    await observation(stocktake.id, reporter.id, "Still being reviewed", "pending", [{ country: "KE" }]);
    await observation(stocktake.id, reporter.id, "Turned down", "rejected", [{ organizationId: f.kenya.id }]);
    await observation(stocktake.id, reporter.id, "About another state", "accepted", [{ country: "TV" }]);
    const repUser = (await db.query.users.findFirst({ where: (u, { eq: is }) => is(u.displayName, "Kenyan Delegate") }))!;
    await db.insert(observationReplies).values({ observationId: byOrganization, organizationId: f.kenya.id, text: "The network was restored within a day.", authorId: repUser.id });

    const record = await f.visitor.actors.record({ id: "state:KE" });
    expect(record.observations.total).toBe(2);
    expect(record.observations.items.map((o) => o.id).sort()).toEqual([byCode, byOrganization].sort());
    const answered = record.observations.items.find((o) => o.id === byOrganization)!;
    expect(answered.replies).toEqual([expect.objectContaining({ organization: { slug: f.kenya.slug, name: f.kenya.name }, text: "The network was restored within a day." })]);
    expect(JSON.stringify(record)).not.toMatch(/Still being reviewed|Turned down|About another state/);
    // The organisation's own record names only what names the organisation.
    const own = await f.visitor.actors.record({ id: `org:${f.kenya.slug}` });
    expect(own.observations.items.map((o) => o.id)).toEqual([byOrganization]);
    // Tuvalu takes no part, yet an accepted observation naming it is on its profile.
    expect((await f.visitor.actors.record({ id: "state:TV" })).observations.items.map((o) => o.title)).toEqual(["About another state"]);
    const compared = await f.visitor.actors.compare({ ids: ["state:KE", "state:TV"] });
    expect(compared.years.find((y) => y.year === 2032)?.observations).toEqual([2, 1]);
    // The open data's counts agree: each observation once per state it names.
    const counts = await stateCounts(db);
    expect([counts.observations.get("KE"), counts.observations.get("TV"), counts.statements.get("KE"), counts.positions.get("KE")]).toEqual([2, 1, 1, 1]);
  });
});

describe("a long record", () => {
  /** Counts the statements `run` sends through the database's session (drizzle's query logger), as tests/query-counts.test.ts. */
  async function statements(run: () => Promise<unknown>) {
    const session = (db as unknown as { session: { logger: { logQuery: (sql: string, params: unknown[]) => void } } }).session;
    const original = session.logger;
    let n = 0;
    session.logger = { logQuery: () => void n++ };
    try {
      await run();
    } finally {
      session.logger = original;
    }
    return n;
  }

  it("is read 50 entries at a time with a keyset link, in the same number of statements however long it is", async () => {
    const small = await createUser(db);
    const large = await createUser(db);
    const fiji = await createOrganization(db, { name: "Ministry of Foreign Affairs of Fiji", createdById: small.id, status: "verified", stakeholderType: "state", region: "asia_pacific", country: "FJ" });
    const norway = await createOrganization(db, { name: "Ministry of Foreign Affairs of Norway", createdById: large.id, status: "verified", stakeholderType: "state", region: "weog", country: "NO" });
    const smallRep = await callerAs(db, small);
    const largeRep = await callerAs(db, large);
    const first = await submitted(smallRep, "A norm with one state's position");
    await smallRep.positions.record({ normId: first.id, organizationId: fiji.id, stance: "endorse" });
    for (let i = 0; i < 53; i++) {
      const norm = await submitted(largeRep, `Long record norm number ${i}`);
      await largeRep.positions.record({ normId: norm.id, organizationId: norway.id, stance: i % 2 ? "endorse" : "abstain" });
    }
    const page1 = await f.visitor.actors.record({ id: "state:NO" });
    expect(page1.positions.total).toBe(53);
    expect(page1.positions.items).toHaveLength(50);
    expect(page1.positions.next).toEqual(expect.any(String));
    const page2 = await f.visitor.actors.record({ id: "state:NO", positionsAfter: page1.positions.next! });
    expect(page2.positions.items).toHaveLength(3);
    expect(page2.positions.next).toBeNull();
    expect(new Set([...page1.positions.items, ...page2.positions.items].map((p) => p.norm.slug)).size).toBe(53);
    expect(page2.paged).toEqual({ positions: true, statements: false, observations: false });
    // A link that does not decode is bad input, never a 500.
    expect((await failure(f.visitor.actors.record({ id: "state:NO", positionsAfter: "bm90IGEgY3Vyc29y" }))).code).toBe("BAD_REQUEST");

    const fewer = await statements(() => f.visitor.actors.record({ id: "state:FJ" }));
    const more = await statements(() => f.visitor.actors.record({ id: "state:NO" }));
    expect(more).toBe(fewer);
    const compareFew = await statements(() => f.visitor.actors.compare({ ids: ["state:FJ", "state:TV"] }));
    const compareMany = await statements(() => f.visitor.actors.compare({ ids: ["state:NO", "state:FJ"] }));
    expect(compareMany).toBe(compareFew);
    const compared = await f.visitor.actors.compare({ ids: ["state:NO", "state:FJ"] });
    expect(compared.norms).toHaveLength(50);
    const rest = await f.visitor.actors.compare({ ids: ["state:NO", "state:FJ"], after: compared.next! });
    expect(rest.norms).toHaveLength(4);
    expect(rest.next).toBeNull();
  });
});

describe("comparing actors", () => {
  it("takes two or three actors, and refuses one or four with a plain message", async () => {
    const one = await failure(f.visitor.actors.compare({ ids: ["state:KE"] }));
    expect(one.code).toBe("BAD_REQUEST");
    expect(one.message).toMatch(/at least 2/);
    const four = await failure(f.visitor.actors.compare({ ids: ["state:KE", "state:TV", "state:FR", `org:${f.ngo.slug}`] }));
    expect(four.code).toBe("BAD_REQUEST");
    expect(four.message).toMatch(/at most 3/);
    expect((await failure(f.visitor.actors.compare({ ids: ["state:KE", "state:ke"] }))).message).toMatch(/only once/);
    expect((await failure(f.visitor.actors.compare({ ids: ["state:KE", "state:XK"] }))).code).toBe("NOT_FOUND");
  });

  it("puts positions on the same norms side by side, a column per actor", async () => {
    const result = await f.visitor.actors.compare({ ids: ["state:KE", `org:${f.ngo.slug}`, "state:TV"] });
    expect(result.actors.map((a) => a.id)).toEqual(["state:KE", `org:${f.ngo.slug}`, "state:TV"]);
    const row = result.norms.find((n) => n.slug === f.open.slug)!;
    expect(row.cells.map((c) => c.map((p) => p.stance))).toEqual([["abstain"], ["object"], []]);
    // The sealed norm has no public position of any of them, so it has no row.
    expect(result.norms.some((n) => n.slug === f.sealed.slug)).toBe(false);
    expect(result.years.find((y) => y.year === 2032)?.statements.map((s) => s.total)).toEqual([1, 0, 0]);
    // A state beside its own ministry: both columns show the ministry's record.
    const same = await f.visitor.actors.compare({ ids: ["state:KE", `org:${f.kenya.slug}`] });
    expect(same.norms.find((n) => n.slug === f.open.slug)!.cells.map((c) => c.map((p) => p.stance))).toEqual([["abstain"], ["abstain"]]);
    expect(same.years.find((y) => y.year === 2032)?.statements.map((s) => s.total)).toEqual([1, 1]);
  });
});
