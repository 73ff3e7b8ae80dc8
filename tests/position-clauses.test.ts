// A reservation or objection can name the clauses it concerns (issue 16): checked against the
// version it is recorded on, kept through a reaffirmation only while those clauses read the same,
// and grouped by clause in the norm page's catalogue.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { normPositionHistory, norms, type Region, type StakeholderType } from "~/db/schema";
import { setClock } from "~/server/clock";
import { clausesCarriedForward } from "~/server/domain/positions";
import { normPositionHistoryResponse, normPositionsCsvResponse, normPositionsResponse } from "~/server/open-data/positions";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, fieldErrorsOf, zodMessageAt, zodPaths } from "./support/errors";
import { overriding } from "./support/moves";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());
afterEach(() => setClock(null));

const clauses = [
  "States should not conduct or knowingly support activity to harm CSIRTs.",
  "States should not use CSIRTs for malicious activity.",
  "States should give CSIRTs the means to do their work.",
];
const fields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses,
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: [],
};
const RESERVATION = "We read the second clause as applying in peacetime only.";
const OBJECTION = "The second and third clauses go further than existing law allows.";

let titles = 0;
async function publicNorm() {
  const proposer = await callerAs(db, await createUser(db));
  const { slug } = await proposer.norms.create({ ...fields, title: `Naming clauses ${titles++}` });
  const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await proposer.norms.submit({ normId: norm.id });
  return { norm, slug, proposer };
}

async function speaker(stakeholderType: StakeholderType = "civil_society", region: Region = "global") {
  const user = await createUser(db);
  const organization = await createOrganization(db, { createdById: user.id, status: "verified", stakeholderType, region });
  return { user, organization, api: await callerAs(db, user) };
}

const historyOf = (normId: string) => db.select().from(normPositionHistory).where(eq(normPositionHistory.normId, normId));

describe("recording the clauses a position concerns", () => {
  it("stores them in ascending order on the position and its history; naming other clauses is a new entry, the same ones again none", async () => {
    const { norm, slug } = await publicNorm();
    const s = await speaker();
    const base = { normId: norm.id, organizationId: s.organization.id, stance: "endorse_with_reservations" as const, statement: RESERVATION };
    expect(await s.api.positions.record({ ...base, clauses: [3, 2] })).toMatchObject({ changed: true, sequence: 1 });
    expect(await s.api.positions.record({ ...base, clauses: [2, 3] })).toMatchObject({ changed: false });
    expect(await s.api.positions.record({ ...base, clauses: [2] })).toMatchObject({ changed: true, sequence: 2 });

    const visitor = await callerAs(db, null);
    const view = await visitor.positions.forNorm({ slug });
    expect(view.positions[0]).toMatchObject({ clauses: [2], version: 1 });
    expect(view.norm.clauses).toEqual(clauses);
    expect((await s.api.positions.forNorm({ slug })).viewer.organizations[0]!.position).toMatchObject({ clauses: [2] });
    const history = await visitor.positions.history({ slug });
    expect(history.entries.map((e) => [e.sequence, e.clauses])).toEqual([
      [2, [2]],
      [1, [2, 3]],
    ]);
    expect((await visitor.positions.forOrganization({ slug: s.organization.slug })).positions[0]).toMatchObject({ clauses: [2] });
    // Without clauses: none named, and that is a change too.
    expect(await s.api.positions.record(base)).toMatchObject({ changed: true, sequence: 3 });
    expect((await visitor.positions.forNorm({ slug })).positions[0]!.clauses).toEqual([]);
  });

  it("refuses clause 0, a clause beyond the current text, a clause named twice, a fraction, and clauses with an endorsement or abstention, writing nothing", async () => {
    const { norm } = await publicNorm();
    const s = await speaker();
    const base = { normId: norm.id, organizationId: s.organization.id, stance: "object" as const, statement: OBJECTION };
    const zero = await failure(s.api.positions.record({ ...base, clauses: [0] }));
    expect(zero.code).toBe("BAD_REQUEST");
    expect(zodMessageAt(zero, "clauses.0")).toBe("Clauses are numbered from 1.");
    const twice = await failure(s.api.positions.record({ ...base, clauses: [2, 2] }));
    expect(zodMessageAt(twice, "clauses")).toBe("Name each clause once.");
    expect(zodPaths(await failure(s.api.positions.record({ ...base, clauses: [1.5] })))).toEqual(["clauses.0"]);
    for (const stance of ["endorse", "abstain"] as const) {
      const refused = await failure(s.api.positions.record({ ...base, stance, clauses: [1] }));
      expect(zodMessageAt(refused, "clauses")).toBe("Only a reservation or an objection can name the clauses it concerns.");
    }
    const beyond = await failure(s.api.positions.record({ ...base, clauses: [2, 4] }));
    expect(beyond.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(beyond).clauses).toBe("This norm's current text (version 1) has 3 clauses: name only clauses it has.");
    expect(await historyOf(norm.id)).toHaveLength(0);
    expect((await db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!.positionCount).toBe(0);
    // The last clause is fine.
    expect(await s.api.positions.record({ ...base, clauses: [3] })).toMatchObject({ changed: true });
  });

  it("checks the count against the version recorded on: after a revision to one clause, clause 2 is beyond it", async () => {
    const { norm, proposer } = await publicNorm();
    const s = await speaker();
    await proposer.norms.revise({ ...fields, title: norm.title, normId: norm.id, baseVersion: 1, clauses: ["One clause only."], changeSummary: "Shortened." });
    const beyond = await failure(
      s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "object", statement: OBJECTION, clauses: [2] }),
    );
    expect(fieldErrorsOf(beyond).clauses).toMatch(/version 2\) has 1 clause:/);
  });

  it("takes clauses with a reservation given as adherence after conclusion, by the same path", async () => {
    const { norm, slug } = await publicNorm();
    const staff = await callerAs(db, await createUser(db, { role: "secretariat" }));
    await staff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
    await staff.norms.transition({ normId: norm.id, transition: "conclude", ...overriding });
    const s = await speaker();
    const base = { normId: norm.id, organizationId: s.organization.id };
    expect(fieldErrorsOf(await failure(s.api.positions.record({ ...base, stance: "endorse_with_reservations", statement: RESERVATION, clauses: [9] }))).clauses).toMatch(
      /has 3 clauses/,
    );
    await s.api.positions.record({ ...base, stance: "endorse_with_reservations", statement: RESERVATION, clauses: [1] });
    expect((await s.api.positions.forNorm({ slug })).positions[0]).toMatchObject({ stance: "endorse_with_reservations", clauses: [1] });
    // Withdrawing keeps the clauses on the entry, as it keeps the stance.
    await s.api.positions.withdraw({ ...base, reason: "" });
    const [withdrawn] = (await s.api.positions.history({ slug })).entries;
    expect(withdrawn).toMatchObject({ kind: "withdrawn", clauses: [1] });
  });
});

describe("reaffirming on a newer version", () => {
  it("keeps the clauses named only where each reads the same in the new text, else names none", async () => {
    const { norm, slug, proposer } = await publicNorm();
    const kept = await speaker("state", "african");
    const cleared = await speaker("academia", "weog");
    await kept.api.positions.record({ normId: norm.id, organizationId: kept.organization.id, stance: "object", statement: OBJECTION, clauses: [1, 3] });
    await cleared.api.positions.record({ normId: norm.id, organizationId: cleared.organization.id, stance: "endorse_with_reservations", statement: RESERVATION, clauses: [1, 2] });
    // Version 2 rewords clause 2 only.
    await proposer.norms.revise({
      ...fields,
      title: norm.title,
      normId: norm.id,
      baseVersion: 1,
      clauses: [clauses[0]!, "States should not use CSIRTs for any offensive activity.", clauses[2]!],
      changeSummary: "Reworded clause 2.",
    });
    expect(await kept.api.positions.reaffirm({ normId: norm.id, organizationId: kept.organization.id })).toMatchObject({ version: 2, clauses: [1, 3] });
    expect(await cleared.api.positions.reaffirm({ normId: norm.id, organizationId: cleared.organization.id })).toMatchObject({ version: 2, clauses: [] });
    const history = await kept.api.positions.history({ slug });
    expect(history.entries.filter((e) => e.kind === "reaffirmed").map((e) => [e.organization.id, e.clauses])).toEqual(
      expect.arrayContaining([
        [kept.organization.id, [1, 3]],
        [cleared.organization.id, []],
      ]),
    );
  });

  it("clausesCarriedForward: unchanged words at the same number, or nothing", () => {
    expect(clausesCarriedForward([2], ["a", "b"], ["a", "b", "c"])).toEqual([2]);
    expect(clausesCarriedForward([2], ["a", "b"], ["x", "a", "b"])).toEqual([]);
    expect(clausesCarriedForward([1, 2], ["a", "b"], ["a"])).toEqual([]);
    expect(clausesCarriedForward([], ["a"], ["b"])).toEqual([]);
  });
});

describe("the catalogue by clause", () => {
  it("lists each clause of the current text with the reservations and objections naming it, older versions by the number they named, and those naming none", async () => {
    const { norm, slug, proposer } = await publicNorm();
    const a = await speaker("state", "african");
    const b = await speaker("private_sector", "weog");
    const c = await speaker("academia", "asia_pacific");
    const d = await speaker("civil_society", "global");
    await a.api.positions.record({ normId: norm.id, organizationId: a.organization.id, stance: "object", statement: OBJECTION, clauses: [2, 3] });
    await b.api.positions.record({ normId: norm.id, organizationId: b.organization.id, stance: "endorse_with_reservations", statement: RESERVATION, clauses: [2] });
    await c.api.positions.record({ normId: norm.id, organizationId: c.organization.id, stance: "endorse_with_reservations", statement: RESERVATION });
    await d.api.positions.record({ normId: norm.id, organizationId: d.organization.id, stance: "endorse" });
    // Version 2 has two clauses: a's clause 3 is now beyond the text, and stays listed by its number.
    await proposer.norms.revise({ ...fields, title: norm.title, normId: norm.id, baseVersion: 1, clauses: clauses.slice(0, 2), changeSummary: "Dropped clause 3." });
    await b.api.positions.reaffirm({ normId: norm.id, organizationId: b.organization.id });

    const { catalogue } = await (await callerAs(db, null)).positions.forNorm({ slug });
    const summary = catalogue.byClause.map((g) => [g.group, g.total, g.entries.map((e) => [e.organization.id, e.version, e.current, e.clauses])]);
    expect(summary).toEqual([
      [1, 0, []],
      [
        2,
        2,
        [a, b]
          .sort((x, y) => (x.organization.name < y.organization.name ? -1 : 1))
          .map((s) => (s === a ? [a.organization.id, 1, false, [2, 3]] : [b.organization.id, 2, true, [2]])),
      ],
      [3, 1, [[a.organization.id, 1, false, [2, 3]]]],
    ]);
    expect(catalogue.notAboutAClause).toMatchObject({ group: 0, total: 1, entries: [{ organization: { id: c.organization.id }, clauses: [] }] });

    // The list of positions filters by clause (the catalogue's "see all" link) and by none.
    const visitor = await callerAs(db, null);
    expect((await visitor.positions.list({ slug, stance: "reasoned", clause: 2 })).items.map((p) => p.organization.id).sort()).toEqual(
      [a.organization.id, b.organization.id].sort(),
    );
    expect((await visitor.positions.list({ slug, stance: "reasoned", clause: 0 })).items.map((p) => p.organization.id)).toEqual([c.organization.id]);
  });

  it("shows at most five entries a clause, with the clause's total", async () => {
    const { norm, slug } = await publicNorm();
    for (let i = 0; i < 7; i++) {
      const s = await speaker();
      await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "object", statement: OBJECTION, clauses: [1] });
    }
    const { catalogue } = await (await callerAs(db, null)).positions.forNorm({ slug });
    expect(catalogue.byClause[0]).toMatchObject({ group: 1, total: 7 });
    expect(catalogue.byClause[0]!.entries).toHaveLength(5);
    expect(catalogue.notAboutAClause.total).toBe(0);
  });
});

describe("open data", () => {
  it("gives each position's and history entry's clauses in JSON, and as the CSV's last column", async () => {
    const { norm, slug } = await publicNorm();
    const s = await speaker();
    await s.api.positions.record({ normId: norm.id, organizationId: s.organization.id, stance: "object", statement: OBJECTION, clauses: [2, 3] });
    const json = (await (await normPositionsResponse(db, slug)).json()) as { positions: { clauses: number[] }[] };
    expect(json.positions[0]!.clauses).toEqual([2, 3]);
    const history = (await (await normPositionHistoryResponse(db, slug)).json()) as { entries: { clauses: number[] }[] };
    expect(history.entries[0]!.clauses).toEqual([2, 3]);
    const csv = await (await normPositionsCsvResponse(db, slug)).text();
    const [header, row] = csv.trim().split(/\r?\n/);
    expect(header!.split(",").at(-1)).toBe("clauses");
    expect(row!.split(",").at(-1)).toBe("2;3");
  });
});
