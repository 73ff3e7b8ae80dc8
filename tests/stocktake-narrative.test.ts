// Stock-take narratives that cannot contradict their figures (issue 19): placeholders are checked
// when the narrative is saved, resolved from the report's own figures when it is built (the
// preview and the published snapshot), and the demo's first report, whose narrative contradicted
// its figures, is corrected on existing databases by an erratum revision, never by a change.
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { CONTRADICTED_DEMO_SUMMARY, correctDemoNarratives, DEMO_NARRATIVE_ERRATUM } from "~/db/demo-corrections";
import { stocktakeRevisions, stocktakes, users } from "~/db/schema";
import { demoAccounts, seed } from "~/db/seed";
import { clock, setClock } from "~/server/clock";
import { resolveNarrative } from "~/server/domain/narrative-figures";
import { canonicalJson, type Snapshot, sha256 } from "~/server/domain/stocktake-snapshot";
import { renderReportPdf } from "~/server/stocktake-pdf/render";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { demo: true });
}, 120_000);
afterAll(() => database.close());

const lastYear = () => clock.now().getUTCFullYear() - 1;
const thisYear = () => clock.now().getUTCFullYear();
const user = async (email: string) => (await database.db.query.users.findFirst({ where: eq(users.email, email) }))!;

async function revisionsOf(year: number) {
  return database.db
    .select({ revision: stocktakeRevisions.revision, snapshot: stocktakeRevisions.snapshot, sha256: stocktakeRevisions.sha256, erratum: stocktakeRevisions.erratum })
    .from(stocktakeRevisions)
    .innerJoin(stocktakes, eq(stocktakes.id, stocktakeRevisions.stocktakeId))
    .where(eq(stocktakes.year, year))
    .orderBy(asc(stocktakeRevisions.revision));
}

/** The published narrative is its source resolved against the snapshot's own figures. */
function expectNarrativeResolves(snapshot: Snapshot) {
  expect(snapshot.narrativeSource).toBeDefined();
  expect(resolveNarrative(snapshot.narrativeSource!, snapshot)).toEqual(snapshot.narrative);
  expect(JSON.stringify(snapshot.narrative)).not.toContain("{{");
}

describe("the demo's first report", () => {
  it("cites its figures by placeholder, and every revision's narrative is what its own figures say", async () => {
    const revisions = await revisionsOf(lastYear());
    expect(revisions.length).toBeGreaterThanOrEqual(2);
    for (const r of revisions) {
      expect(sha256(r.snapshot)).toBe(r.sha256);
      const snapshot = JSON.parse(r.snapshot) as Snapshot;
      expectNarrativeResolves(snapshot);
      expect(snapshot.narrativeSource!.summary).toContain("{{statements:count}}");
      expect(snapshot.narrative.summary).toContain(`${snapshot.totals.organizationsFiled} organisations filed ${snapshot.totals.statements} implementation statements`);
      expect(snapshot.narrative.summary).not.toBe(CONTRADICTED_DEMO_SUMMARY);
    }
    // The erratum says what revision 2 added, and it did add it.
    const [first, second] = revisions.map((r) => JSON.parse(r.snapshot) as Snapshot);
    expect(revisions[1]!.erratum).toMatch(/coordinated vulnerability disclosure/);
    expect(second!.narrative.categories.III).toMatch(/Implementation statements filed on it: \d+\./);
    expect(first!.narrative.categories.III).not.toMatch(/Implementation statements filed on it/);
  });

  it("is left alone on a database seeded after the fix", async () => {
    expect(await correctDemoNarratives(database.db, demoAccounts.secretariat)).toEqual([]);
  });

  it("on a database still showing the contradicted narrative, is corrected by an erratum revision, once; earlier revisions keep their bytes", async () => {
    const { db } = database;
    const year = lastYear();
    const before = await revisionsOf(year);
    const latest = before.at(-1)!;
    // What a database seeded before the fix holds: the current revision carrying the old narrative.
    const secretariat = await user(demoAccounts.secretariat);
    const [st] = await db.select().from(stocktakes).where(eq(stocktakes.year, year));
    const old = JSON.parse(latest.snapshot) as Snapshot;
    const stale = { ...old, format: "normsforum-stocktake/2" as const, revision: latest.revision + 1, narrative: { ...old.narrative, summary: CONTRADICTED_DEMO_SUMMARY }, narrativeSource: undefined };
    const staleJson = canonicalJson(stale);
    await db.insert(stocktakeRevisions).values({
      stocktakeId: st!.id,
      revision: stale.revision,
      publishedAt: new Date(clock.nowMs() - 1000),
      erratum: "An earlier correction.",
      snapshot: staleJson,
      sha256: sha256(staleJson),
      pdf: await renderReportPdf(stale, sha256(staleJson)),
      csv: "",
      publishedById: secretariat.id,
    });

    const corrected = await correctDemoNarratives(db, demoAccounts.secretariat);
    expect(corrected).toEqual([{ year, revision: stale.revision + 1 }]);
    const after = await revisionsOf(year);
    expect(after).toHaveLength(before.length + 2);
    // Nothing published before changed.
    for (const [i, r] of before.entries()) expect(after[i]).toEqual(r);
    expect(after.at(-2)!.snapshot).toBe(staleJson);
    const fixed = after.at(-1)!;
    expect(fixed.erratum).toBe(DEMO_NARRATIVE_ERRATUM);
    expect(sha256(fixed.snapshot)).toBe(fixed.sha256);
    const snapshot = JSON.parse(fixed.snapshot) as Snapshot;
    expectNarrativeResolves(snapshot);
    expect(snapshot.narrative.summary).not.toBe(CONTRADICTED_DEMO_SUMMARY);
    // Once corrected, never again.
    expect(await correctDemoNarratives(db, demoAccounts.secretariat)).toEqual([]);
    expect(await revisionsOf(year)).toHaveLength(after.length);
  }, 120_000);
});

describe("writing the narrative", () => {
  it("refuses an unknown placeholder with a field error naming the section, and saves known ones", async () => {
    const secretariat = await user(demoAccounts.secretariat);
    const caller = await callerAs(database.db, secretariat);
    const year = thisYear();
    const empty = { I: "", II: "", III: "", IV: "", V: "" };
    const refused = await caller.stocktakes.saveNarrative({ year, summary: "Filed: {{statements:count}}.", categories: { ...empty, III: "{{support:no-such-norm}}" } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });
    expect(JSON.stringify((refused as { cause?: unknown }).cause ?? refused)).toContain("categories.III");
    const typo = await caller.stocktakes.saveNarrative({ year, summary: "{{statments:count}}", categories: empty }).catch((e: unknown) => e);
    expect(typo).toMatchObject({ code: "BAD_REQUEST" });

    await caller.stocktakes.saveNarrative({ year, summary: "Filed: {{statements:count}} by {{organizations:filed}}.", categories: empty });
    const [st] = await database.db.select({ narrative: stocktakes.narrative }).from(stocktakes).where(eq(stocktakes.year, year));
    expect(st!.narrative.summary).toBe("Filed: {{statements:count}} by {{organizations:filed}}.");
  });

  it("is not the business of a member", async () => {
    const member = await user(demoAccounts.member);
    const caller = await callerAs(database.db, member);
    const empty = { I: "", II: "", III: "", IV: "", V: "" };
    await expect(caller.stocktakes.saveNarrative({ year: thisYear(), summary: "{{statements:count}}", categories: empty })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows in the preview with every figure resolved as of the window's close", async () => {
    const { db } = database;
    const secretariat = await user(demoAccounts.secretariat);
    const caller = await callerAs(database.db, secretariat);
    const year = thisYear();
    const [st] = await db.select().from(stocktakes).where(eq(stocktakes.year, year));
    // Close this year's window by the forum clock, then preview.
    setClock(new Date(new Date(`${st!.closesOn}T00:00:00Z`).getTime() + 26 * 60 * 60 * 1000));
    try {
      const preview = await caller.stocktakes.preview({ year });
      const snapshot = preview.snapshot as Snapshot;
      expectNarrativeResolves(snapshot);
      expect(snapshot.narrative.summary).toBe(`Filed: ${snapshot.totals.statements} by ${snapshot.totals.organizationsFiled}.`);
    } finally {
      setClock(null);
    }
  });
});
