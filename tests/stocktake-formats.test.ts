// A published stock-take never changes, and every reader takes every snapshot format ever
// published. tests/fixtures/stocktake-2026-format-1.json is a format-1 snapshot exactly as the
// builder wrote it before format 2 added each position's clauses (server/stocktake-pdf/fixture.ts's
// sample, built by the code of commit 0092ba3): stored as a published revision, it still verifies,
// downloads, renders to PDF and CSV, and a format-2 report published after it compares against it.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { norms, stocktakeRevisions, stocktakes } from "~/db/schema";
import { computeMeasures } from "~/server/domain/measures";
import { canonicalJson, SNAPSHOT_FORMAT, SNAPSHOT_FORMATS, type Snapshot, sha256, snapshotCsv, yearOverYear } from "~/server/domain/stocktake-snapshot";
import { stocktakeCsvResponse, stocktakeResponse, stocktakeSnapshotResponse } from "~/server/open-data/stocktakes";
import { stocktakeMetadata } from "~/server/open-data/schemas";
import { renderReportPdf } from "~/server/stocktake-pdf/render";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { overriding } from "./support/moves";

const FORMAT_1_TEXT = readFileSync(new URL("./fixtures/stocktake-2026-format-1.json", import.meta.url), "utf8");
// The hash it was published with: it must never change.
const FORMAT_1_SHA256 = "78670c07da1c9cc499557def251f5d540d9f56cf9731799316866c304ad248c2";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** Recomputes each forum item's counts from the positions the snapshot holds, as the methodology page tells readers to. */
function expectFiguresRecompute(snapshot: Snapshot) {
  const orgs = new Map(snapshot.organizations.map((o) => [o.slug, o]));
  for (const item of snapshot.items.filter((i) => i.kind === "forum")) {
    const recomputed = computeMeasures(
      item.positions.map((p) => {
        const o = orgs.get(p.organization)!;
        return { stance: p.stance, stakeholderType: o.stakeholderType, region: o.region, verified: o.verified, current: p.current };
      }),
    );
    expect(item.measures!.counts).toEqual(recomputed.counts);
  }
  // Every item's observation counts, from the observations the snapshot holds ("unclear" from format 3 on).
  for (const item of snapshot.items) {
    const assessed = snapshot.observations.flatMap((o) => o.assessments.filter((a) => a.item === item.key));
    const count = (a: string) => assessed.filter((x) => x.assessment === a).length;
    expect(item.observations).toEqual(
      item.observations.unclear === undefined
        ? { consistent: count("consistent"), inconsistent: count("inconsistent") }
        : { consistent: count("consistent"), inconsistent: count("inconsistent"), unclear: count("unclear") },
    );
  }
}

describe("a format-1 snapshot published before format 2", () => {
  const old = JSON.parse(FORMAT_1_TEXT) as Snapshot;

  it("is still the canonical text of what it says, with its published hash, and its figures recompute", () => {
    expect(sha256(FORMAT_1_TEXT)).toBe(FORMAT_1_SHA256);
    expect(canonicalJson(old)).toBe(FORMAT_1_TEXT);
    expect(old.format).toBe("normsforum-stocktake/1");
    expect(SNAPSHOT_FORMATS).toContain(old.format);
    expect(old.items.flatMap((i) => i.positions).every((p) => p.clauses === undefined)).toBe(true);
    expectFiguresRecompute(old);
  });

  it("stored as a published revision: verifies, downloads as the same bytes, renders as PDF and CSV, and a format-2 report compares against it", async () => {
    const db = database.db;
    const staffUser = await createUser(db, { role: "secretariat" });
    const staff = await callerAs(db, staffUser);
    const pdf = await renderReportPdf(old, FORMAT_1_SHA256);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const csv = snapshotCsv(old, FORMAT_1_SHA256);
    expect(csv).toContain(FORMAT_1_SHA256);
    const [st] = await db
      .insert(stocktakes)
      .values({
        year: old.year,
        opensOn: old.window.opensOn,
        closesOn: old.window.closesOn,
        closedAt: new Date(old.window.closedAt),
        narrative: old.narrative,
        createdById: staffUser.id,
      })
      .returning({ id: stocktakes.id });
    await db.insert(stocktakeRevisions).values({
      stocktakeId: st!.id,
      revision: old.revision,
      publishedAt: new Date(old.publishedAt),
      erratum: old.erratum,
      snapshot: FORMAT_1_TEXT,
      sha256: FORMAT_1_SHA256,
      pdf,
      csv,
      publishedById: staffUser.id,
    });

    // The open data: the metadata's hash, the snapshot's exact bytes, the CSV.
    const meta = stocktakeMetadata.parse(await (await stocktakeResponse(db, String(old.year))).json());
    expect(meta).toMatchObject({ revision: old.revision, sha256: FORMAT_1_SHA256 });
    const bytes = new Uint8Array(await (await stocktakeSnapshotResponse(db, String(old.year))).arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(FORMAT_1_SHA256);
    expect(await (await stocktakeCsvResponse(db, String(old.year))).text()).toBe(csv);
    // What the report page reads (app/stocktakes/_components/load.ts parses this text).
    const visitor = await callerAs(db, null);
    expect((await visitor.stocktakes.revision({ year: old.year })).snapshot).toBe(FORMAT_1_TEXT);

    // The next year, a reservation naming clause 2, published in format 2.
    const repUser = await createUser(db);
    const organization = await createOrganization(db, { createdById: repUser.id, status: "verified", stakeholderType: "state", region: "african" });
    const rep = await callerAs(db, repUser);
    const { slug } = await rep.norms.create({
      title: "Protecting computer emergency response teams",
      summary: "States should not harm the work of authorised emergency response teams.",
      clauses: ["States should not harm CSIRTs.", "States should cooperate with CSIRTs."],
      categories: ["II"],
      kind: "mutual_restraint",
      bindingness: "political",
      citations: [],
    });
    const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
    await rep.norms.submit({ normId: norm.id });
    await staff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
    await rep.positions.record({
      normId: norm.id,
      organizationId: organization.id,
      stance: "endorse_with_reservations",
      statement: "We read the second clause as applying in peacetime only.",
      clauses: [2],
    });
    const year = old.year + 1;
    await staff.stocktakes.open({ year, opensOn: day(-5), closesOn: day(5), normIds: [norm.id], referenceNormIds: ["ungge-f"] });
    // A format-3 observation coded to codebook v1, assessed "unclear", accepted by two reviewers.
    const items = (await staff.stocktakes.get({ year })).items;
    const member = await callerAs(db, await createUser(db));
    const { id: observationId } = await member.stocktakes.logObservation({
      year,
      title: "Outage of a regional payment network",
      description: "A regional payment network was unavailable for a day; its operator reported an attack.",
      occurredOn: day(-2),
      actors: [{ kind: "state", country: "TZ" }, { kind: "unattributed", label: "a criminal group" }],
      attributionStatus: "none",
      confidence: "low",
      evidenceType: "media-report",
      assessments: [{ itemId: items[0]!.id, assessment: "unclear" }, { itemId: items[1]!.id, assessment: "inconsistent" }],
      sources: [{ url: "https://example.org/outage", archiveUrl: "https://web.archive.org/web/2026/https://example.org/outage" }],
    });
    await staff.stocktakes.reviewObservation({ observationId, decision: "accept" });
    await (await callerAs(db, await createUser(db, { role: "secretariat" }))).stocktakes.reviewObservation({ observationId, decision: "accept" });
    await staff.stocktakes.close({ year });
    const published = await staff.stocktakes.publish({ year });
    const text = (await visitor.stocktakes.revision({ year, revision: 1 })).snapshot;
    expect(sha256(text)).toBe(published.sha256);
    const current = JSON.parse(text) as Snapshot;
    expect(current.format).toBe(SNAPSHOT_FORMAT);
    expect(SNAPSHOT_FORMAT).toBe("normsforum-stocktake/3");
    expect(current.items.find((i) => i.kind === "forum")!.positions).toEqual([
      expect.objectContaining({ organization: organization.slug, stance: "endorse_with_reservations", clauses: [2], version: 1, current: true }),
    ]);
    expectFiguresRecompute(current);
    expect(current.observations.map((o) => [o.codebookVersion, o.actors, o.review])).toEqual([
      ["v1", [{ kind: "state", country: "TZ" }, { kind: "unattributed", label: "a criminal group" }], { reviewers: 2 }],
    ]);
    expect(current.items.map((i) => i.observations.unclear)).toEqual([1, 0]);
    expect((await renderReportPdf(current, published.sha256)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(snapshotCsv(current, published.sha256).split("\r\n")[0]).toContain("observations_unclear");
    expect(csv.split("\r\n")[0]).not.toContain("observations_unclear");
    // The comparison names the format-1 revision by its hash and compares with its figures.
    expect(current.changes).toMatchObject({ previousYear: old.year, previousRevision: old.revision, previousSha256: FORMAT_1_SHA256 });
    expect(current.changes).toEqual(yearOverYear(old, FORMAT_1_SHA256, current));
    // Neither the stored format-1 revision nor its hash moved.
    const [stored] = await db.select().from(stocktakeRevisions).where(eq(stocktakeRevisions.stocktakeId, st!.id));
    expect(stored).toMatchObject({ snapshot: FORMAT_1_TEXT, sha256: FORMAT_1_SHA256 });
  });
});
