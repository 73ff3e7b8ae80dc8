import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { norms } from "~/db/schema";
import { computeMeasures } from "~/server/domain/measures";
import type { Snapshot } from "~/server/domain/stocktake-snapshot";
import { buildOpenApiDocument } from "~/server/open-data/openapi";
import { apiError, stocktakeList, stocktakeMetadata } from "~/server/open-data/schemas";
import {
  listStocktakesResponse,
  stocktakeCsvResponse,
  stocktakePdfResponse,
  stocktakeResponse,
  stocktakeSnapshotResponse,
} from "~/server/open-data/stocktakes";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { overriding } from "./support/moves";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const sha256 = (bytes: ArrayBuffer | Uint8Array) => createHash("sha256").update(new Uint8Array(bytes)).digest("hex");

/** A secretariat, a verified organisation with a norm in endorsement and its position, and an open stock-take covering the norm and one reference norm. */
async function openCycle(year: number) {
  const staff = await callerAs(database.db, await createUser(database.db, { role: "secretariat" }));
  const repUser = await createUser(database.db, { displayName: "A Representative" });
  const organization = await createOrganization(database.db, { createdById: repUser.id, status: "verified", stakeholderType: "state", region: "african", country: null });
  const rep = await callerAs(database.db, repUser);
  const { slug } = await rep.norms.create({
    title: `Protecting response teams in ${year}`,
    summary: "States should not harm the work of authorised emergency response teams.",
    clauses: ["States should not harm CSIRTs.", "States should cooperate with CSIRTs."],
    categories: ["II"],
    kind: "mutual_restraint",
    bindingness: "political",
    citations: [],
  });
  const norm = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await rep.norms.submit({ normId: norm.id });
  await rep.positions.record({ normId: norm.id, organizationId: organization.id, stance: "endorse" });
  await staff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
  await staff.stocktakes.open({ year, opensOn: day(-5), closesOn: day(5), normIds: [norm.id], referenceNormIds: ["ungge-f"] });
  const item = (await staff.stocktakes.get({ year })).items.find((i) => i.kind === "forum")!;
  await rep.stocktakes.fileStatement({ year, itemId: item.id, organizationId: organization.id, status: "partially", text: "We set up a national team." });
  return { staff, rep, organization };
}

const PUBLISHED = 2031;
const CORRECTED_SUMMARY = "A calm year, with one correction.";
let firstSha: string;
let firstSnapshot: string;

beforeAll(async () => {
  const { staff } = await openCycle(PUBLISHED);
  await staff.stocktakes.close({ year: PUBLISHED });
  await staff.stocktakes.saveNarrative({ year: PUBLISHED, summary: "A calm year.", categories: { I: "", II: "Progress on response teams.", III: "", IV: "", V: "" } });
  const first = await staff.stocktakes.publish({ year: PUBLISHED });
  firstSha = first.sha256;
  firstSnapshot = (await staff.stocktakes.revision({ year: PUBLISHED, revision: 1 })).snapshot;
  // The next year stays open, so unpublished.
  await openCycle(PUBLISHED + 1);
});

describe("GET /api/v1/stocktakes", () => {
  it("lists every year, newest first, the published ones with their current revision", async () => {
    const res = await listStocktakesResponse(database.db);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = stocktakeList.parse(await res.json());
    expect(body.items.map((i) => i.year)).toEqual([PUBLISHED + 1, PUBLISHED]);
    expect(body.items[0]).toMatchObject({ window: "open", published: null, apiUrl: null, closedAt: null });
    expect(body.items[1]).toMatchObject({
      window: "closed",
      published: { revision: 1 },
      url: expect.stringMatching(new RegExp(`/stocktakes/${PUBLISHED}$`)),
      apiUrl: expect.stringMatching(new RegExp(`/api/v1/stocktakes/${PUBLISHED}$`)),
    });
  });
});

describe("GET /api/v1/stocktakes/{year} and its files", () => {
  it("serves exactly the stored snapshot bytes, whose SHA-256 is the published one", async () => {
    const meta = stocktakeMetadata.parse(await (await stocktakeResponse(database.db, String(PUBLISHED))).json());
    expect(meta).toMatchObject({ year: PUBLISHED, revision: 1, latestRevision: 1, erratum: null, sha256: firstSha });
    expect(meta.revisions).toEqual([expect.objectContaining({ revision: 1, current: true, sha256: firstSha })]);
    expect(meta.downloads.snapshot).toMatch(new RegExp(`/api/v1/stocktakes/${PUBLISHED}/revisions/1/snapshot.json$`));

    const res = await stocktakeSnapshotResponse(database.db, String(PUBLISHED));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="stocktake-${PUBLISHED}-r1.json"`);
    expect(res.headers.get("etag")).toBe(`"${firstSha}"`);
    expect(res.headers.get("repr-digest")).toBe(`sha-256=:${Buffer.from(firstSha, "hex").toString("base64")}:`);
    const bytes = await res.arrayBuffer();
    expect(sha256(bytes)).toBe(meta.sha256);
    const visitor = await callerAs(database.db, null);
    const rev = await visitor.stocktakes.revision({ year: PUBLISHED });
    expect(sha256(bytes)).toBe(rev.sha256);
    expect(Buffer.from(bytes).toString("utf8")).toBe(rev.snapshot);
    expect(JSON.parse(Buffer.from(bytes).toString("utf8"))).toMatchObject({ year: PUBLISHED, revision: 1, narrative: { summary: "A calm year." } });
  });

  it("holds everything needed to recompute each norm's figures, as the methodology page explains", async () => {
    const bytes = await (await stocktakeSnapshotResponse(database.db, String(PUBLISHED))).arrayBuffer();
    const snapshot = JSON.parse(Buffer.from(bytes).toString("utf8")) as Snapshot;
    const organizations = new Map(snapshot.organizations.map((o) => [o.slug, o]));
    const forumItems = snapshot.items.filter((i) => i.kind === "forum");
    expect(forumItems.length).toBeGreaterThan(0);
    for (const item of forumItems) {
      const recomputed = computeMeasures(
        item.positions.map((p) => {
          const o = organizations.get(p.organization)!;
          return { stance: p.stance, stakeholderType: o.stakeholderType, region: o.region, verified: o.verified, current: p.current };
        }),
      );
      expect(item.measures!.support).toBeCloseTo(recomputed.support!, 6);
      expect(item.measures!.bridging).toBeCloseTo(recomputed.bridging, 6);
      expect(item.measures!.counts).toEqual(recomputed.counts);
      const statuses = item.statements.map((x) => x.status);
      for (const [status, n] of Object.entries(item.implementation)) expect(statuses.filter((x) => x === status)).toHaveLength(n);
    }
  });

  it("serves the PDF and the CSV as stored", async () => {
    const pdf = await stocktakePdfResponse(database.db, String(PUBLISHED));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="stocktake-${PUBLISHED}-r1.pdf"`);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");

    const csv = await stocktakeCsvResponse(database.db, String(PUBLISHED));
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toMatch(/^year,revision,item,kind,title,/);
    expect(text).toContain(firstSha);
  });

  it("makes a correction the current revision while revision 1 keeps its exact bytes", async () => {
    const staff = await callerAs(database.db, await createUser(database.db, { role: "secretariat" }));
    await staff.stocktakes.saveNarrative({ year: PUBLISHED, summary: CORRECTED_SUMMARY, categories: { I: "", II: "Progress on response teams.", III: "", IV: "", V: "" } });
    const second = await staff.stocktakes.publish({ year: PUBLISHED, erratum: "Corrected the summary." });
    expect(second.revision).toBe(2);

    const meta = stocktakeMetadata.parse(await (await stocktakeResponse(database.db, String(PUBLISHED))).json());
    expect(meta).toMatchObject({ revision: 2, latestRevision: 2, sha256: second.sha256, erratum: "Corrected the summary." });
    expect(meta.revisions.map((r) => [r.revision, r.current, r.sha256])).toEqual([
      [2, true, second.sha256],
      [1, false, firstSha],
    ]);

    const current = await stocktakeSnapshotResponse(database.db, String(PUBLISHED));
    expect(current.headers.get("content-disposition")).toBe(`attachment; filename="stocktake-${PUBLISHED}-r2.json"`);
    expect(sha256(await current.arrayBuffer())).toBe(second.sha256);

    const first = await stocktakeSnapshotResponse(database.db, String(PUBLISHED), "1");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toContain("immutable");
    const firstBytes = await first.arrayBuffer();
    expect(Buffer.from(firstBytes).toString("utf8")).toBe(firstSnapshot);
    expect(sha256(firstBytes)).toBe(firstSha);

    const firstPdf = await stocktakePdfResponse(database.db, String(PUBLISHED), "1");
    expect(firstPdf.headers.get("content-disposition")).toBe(`attachment; filename="stocktake-${PUBLISHED}-r1.pdf"`);
    const firstCsv = await (await stocktakeCsvResponse(database.db, String(PUBLISHED), "1")).text();
    expect(firstCsv).toContain(firstSha);
    expect(firstCsv).not.toContain(second.sha256);
  });

  it("is not found for an unknown year or revision, and for a year not yet published", async () => {
    for (const res of [
      await stocktakeResponse(database.db, "2099"),
      await stocktakeResponse(database.db, "1999"),
      await stocktakeSnapshotResponse(database.db, "2099"),
      await stocktakeSnapshotResponse(database.db, String(PUBLISHED), "9"),
      await stocktakePdfResponse(database.db, String(PUBLISHED), "9"),
      await stocktakeResponse(database.db, String(PUBLISHED + 1)),
      await stocktakeSnapshotResponse(database.db, String(PUBLISHED + 1)),
      await stocktakeCsvResponse(database.db, String(PUBLISHED + 1)),
      await stocktakeSnapshotResponse(database.db, String(PUBLISHED + 1), "1"),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(apiError.parse(await res.json()).error.message).toEqual(expect.any(String));
    }
    const unpublished = apiError.parse(await (await stocktakeResponse(database.db, String(PUBLISHED + 1))).json());
    expect(unpublished.error.message).toMatch(/not been published yet/);
  });

  it("refuses a malformed year or revision with a 400", async () => {
    const year = await stocktakeResponse(database.db, "twenty");
    expect(year.status).toBe(400);
    expect(apiError.parse(await year.json()).error.fieldErrors).toHaveProperty("year");
    const revision = await stocktakeSnapshotResponse(database.db, String(PUBLISHED), "0");
    expect(revision.status).toBe(400);
    expect(apiError.parse(await revision.json()).error.fieldErrors).toHaveProperty("revision");
  });
});

describe("the OpenAPI document", () => {
  it("documents the stock-take endpoints in their own section", () => {
    const doc = buildOpenApiDocument();
    expect(doc.tags.map((t) => t.name)).toContain("Stock-take");
    const stocktakePaths = Object.keys(doc.paths).filter((p) => p.startsWith("/api/v1/stocktakes"));
    expect(stocktakePaths).toHaveLength(8);
    for (const p of stocktakePaths) expect(doc.paths[p]?.get.tags, p).toEqual(["Stock-take"]);
    expect(doc.components.schemas.StocktakeMetadata).toMatchObject({ required: expect.arrayContaining(["year", "revision", "sha256", "revisions", "downloads"]) });
    expect(doc.paths["/api/v1/stocktakes/{year}/revisions/{n}/report.pdf"]?.get.responses["200"]).toMatchObject({ content: { "application/pdf": expect.anything() } });
  });
});
