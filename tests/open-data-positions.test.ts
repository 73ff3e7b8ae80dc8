import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { computeMeasures } from "~/server/domain/measures";
import { listNormsResponse, normsCsvResponse } from "~/server/open-data/norms";
import { buildOpenApiDocument } from "~/server/open-data/openapi";
import { listOrganizationsResponse, organizationPositionsResponse } from "~/server/open-data/organizations";
import {
  normMeasuresResponse,
  normPositionHistoryResponse,
  normPositionsCsvResponse,
  normPositionsResponse,
} from "~/server/open-data/positions";
import {
  apiError,
  normList,
  normMeasures,
  normPositionHistory,
  normPositionList,
  organizationList,
  organizationPositions,
} from "~/server/open-data/schemas";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";

const FORMULA_STATEMENT = '=HYPERLINK("http://evil.example") is how the second clause could be abused.';
const RESERVATION = "The second clause goes further than we can accept today.";

const normFields = {
  title: "Keeping positions open for everyone",
  summary: "A summary long enough to pass the validation rules.",
  clauses: ["States should do the first thing.", "States should do the second thing."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: ["ungge-f"],
};

async function arrange(db: Database["db"]) {
  const author = await createUser(db, { displayName: "Norm Author" });
  const stateRep = await createUser(db, { displayName: "Kenyan Delegate" });
  const ngoRep = await createUser(db, { displayName: "NGO Representative" });
  const academicRep = await createUser(db, { displayName: "Academic Representative" });
  const secretariat = await createUser(db, { role: "secretariat" });
  const state = await createOrganization(db, {
    name: "Ministry of Foreign Affairs of Kenya",
    stakeholderType: "state",
    region: "african",
    country: "KE",
    status: "verified",
    createdById: stateRep.id,
  });
  const ngo = await createOrganization(db, {
    name: "Digital Rights Collective",
    stakeholderType: "civil_society",
    region: "latin_american_caribbean",
    country: "AR",
    website: "https://drc.example",
    status: "verified",
    createdById: ngoRep.id,
  });
  const academy = await createOrganization(db, {
    name: "Institute of Network Studies",
    stakeholderType: "academia",
    region: "weog",
    status: "verified",
    createdById: academicRep.id,
  });
  const pending = await createOrganization(db, { name: "Pending Partners", createdById: author.id });
  const rejected = await createOrganization(db, { name: "Rejected Registrations Ltd", status: "rejected", createdById: author.id });

  const asAuthor = await callerAs(db, author);
  const publicNorm = await asAuthor.norms.create(normFields);
  const draftNorm = await asAuthor.norms.create({ ...normFields, title: "A draft nobody may see" });
  const quietNorm = await asAuthor.norms.create({ ...normFields, title: "A norm nobody has spoken on" });
  const normRow = async (slug: string) => (await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.slug, slug) }))!;
  const norm = await normRow(publicNorm.slug);
  await asAuthor.norms.submit({ normId: norm.id });
  await asAuthor.norms.submit({ normId: (await normRow(quietNorm.slug)).id });

  const asState = await callerAs(db, stateRep);
  const asNgo = await callerAs(db, ngoRep);
  const asAcademic = await callerAs(db, academicRep);
  await asState.positions.record({ normId: norm.id, organizationId: state.id, stance: "endorse" });
  await asNgo.positions.record({ normId: norm.id, organizationId: ngo.id, stance: "abstain" });
  await asAcademic.positions.record({ normId: norm.id, organizationId: academy.id, stance: "endorse_with_reservations", statement: RESERVATION });
  await asNgo.positions.record({ normId: norm.id, organizationId: ngo.id, stance: "object", statement: FORMULA_STATEMENT });
  await asAuthor.norms.revise({ ...normFields, normId: norm.id, baseVersion: 1, clauses: ["States should do the first thing, and say so."], changeSummary: "Clarified." });
  await asState.positions.reaffirm({ normId: norm.id, organizationId: state.id });
  await (await callerAs(db, secretariat)).verification.revoke({ organizationId: academy.id, reason: "Its registration turned out to be a duplicate." });

  return { norm, draftSlug: draftNorm.slug, quietSlug: quietNorm.slug, state, ngo, academy, pending, rejected };
}

let database: Database;
let f: Awaited<ReturnType<typeof arrange>>;
beforeAll(async () => {
  database = await createTestDatabase();
  f = await arrange(database.db);
});
afterAll(() => database.close());

const query = (params: Record<string, string> = {}) => new URLSearchParams(params);
const csvLines = (text: string) => text.split("\r\n").filter(Boolean);

async function positions() {
  const res = await normPositionsResponse(database.db, f.norm.slug);
  expect(res.status).toBe(200);
  return normPositionList.strict().parse(await res.json());
}

describe("GET /api/v1/norms/{slug}/positions", () => {
  it("lists every current position, counted ones first, with the standard headers", async () => {
    const res = await normPositionsResponse(database.db, f.norm.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("link")).toContain("creativecommons.org/licenses/by/4.0");
    const body = normPositionList.strict().parse(await res.json());
    expect(body.norm).toEqual({
      slug: f.norm.slug,
      title: normFields.title,
      status: "consultation",
      currentVersion: 2,
      url: expect.stringMatching(new RegExp(`/norms/${f.norm.slug}$`)),
      apiUrl: expect.stringMatching(new RegExp(`/api/v1/norms/${f.norm.slug}$`)),
    });
    expect(body.positions.map((p) => [p.organization.slug, p.organization.verified, p.stance])).toEqual([
      [f.ngo.slug, true, "object"],
      [f.state.slug, true, "endorse"],
      [f.academy.slug, false, "endorse_with_reservations"],
    ]);
    const [ngo, state, academy] = body.positions;
    expect(state).toMatchObject({ statement: null, version: 2, current: true, recordedBy: "Kenyan Delegate" });
    expect(state?.organization).toEqual({
      slug: f.state.slug,
      name: "Ministry of Foreign Affairs of Kenya",
      stakeholderType: "state",
      region: "african",
      country: "KE",
      verified: true,
      url: expect.stringMatching(new RegExp(`/organizations/${f.state.slug}$`)),
    });
    expect(ngo).toMatchObject({ statement: FORMULA_STATEMENT, version: 1, current: false, recordedBy: "NGO Representative" });
    expect(academy).toMatchObject({ statement: RESERVATION, organization: { country: null, verified: false } });
    // No internal identifiers reach the open data.
    const text = JSON.stringify(body);
    for (const id of [f.norm.id, f.state.id, f.ngo.id, f.academy.id]) expect(text).not.toContain(id);
  });

  it("has an empty list for a published norm nobody has spoken on", async () => {
    const body = normPositionList.parse(await (await normPositionsResponse(database.db, f.quietSlug)).json());
    expect(body.positions).toEqual([]);
  });

  it("answers a draft's slug exactly like an unknown one, on every norm endpoint", async () => {
    for (const respond of [normPositionsResponse, normPositionsCsvResponse, normPositionHistoryResponse, normMeasuresResponse]) {
      const unknown = await respond(database.db, "no-such-norm");
      expect(unknown.status, respond.name).toBe(404);
      expect(unknown.headers.get("content-type")).toMatch(/^application\/json/);
      const unknownBody = apiError.parse(await unknown.json());
      const draft = await respond(database.db, f.draftSlug);
      expect(draft.status, respond.name).toBe(404);
      expect(await draft.json()).toEqual(unknownBody);
    }
  });
});

describe("GET /api/v1/norms/{slug}/positions.csv", () => {
  it("has a row per position, named after the norm, with formulas defused", async () => {
    const res = await normPositionsCsvResponse(database.db, f.norm.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${f.norm.slug}-positions.csv"`);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const lines = csvLines(await res.text());
    expect(lines[0]).toBe(
      "organization_slug,organization_name,stakeholder_type,region,country,verified,stance,statement,version,current,recorded_at,recorded_by,clauses",
    );
    expect(lines).toHaveLength(4);
    const ngo = lines.find((l) => l.startsWith(`${f.ngo.slug},`));
    expect(ngo).toContain(`,civil_society,latin_american_caribbean,AR,true,object,"'=HYPERLINK(""http://evil.example"") is how the second clause could be abused.",1,false,`);
    expect(lines.find((l) => l.startsWith(`${f.state.slug},`))).toMatch(/,state,african,KE,true,endorse,,2,true,\d{4}-\d\d-\d\dT[^,]+Z,Kenyan Delegate,$/);
    expect(lines.find((l) => l.startsWith(`${f.academy.slug},`))).toContain(",academia,weog,,false,endorse_with_reservations,");
  });
});

describe("GET /api/v1/norms/{slug}/positions/history", () => {
  it("has every entry, newest first, recorded and reaffirmed", async () => {
    const res = await normPositionHistoryResponse(database.db, f.norm.slug);
    expect(res.status).toBe(200);
    const body = normPositionHistory.strict().parse(await res.json());
    expect(body.norm.slug).toBe(f.norm.slug);
    expect(body.entries.map((e) => [e.organization.slug, e.kind, e.sequence, e.stance, e.version])).toEqual([
      [f.state.slug, "reaffirmed", 2, "endorse", 2],
      [f.ngo.slug, "recorded", 2, "object", 1],
      [f.academy.slug, "recorded", 1, "endorse_with_reservations", 1],
      [f.ngo.slug, "recorded", 1, "abstain", 1],
      [f.state.slug, "recorded", 1, "endorse", 1],
    ]);
    const times = body.entries.map((e) => Date.parse(e.recordedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.entries[3]).toMatchObject({ statement: null, recordedBy: "NGO Representative" });
    // The revoked organisation's entries stay, marked.
    expect(body.entries[2]?.organization.verified).toBe(false);
  });
});

describe("GET /api/v1/norms/{slug}/measures", () => {
  it("publishes what computeMeasures gives for the positions, counting only verified organisations", async () => {
    const res = await normMeasuresResponse(database.db, f.norm.slug);
    expect(res.status).toBe(200);
    const { norm, methodology, ...figures } = normMeasures.strict().parse(await res.json());
    expect(norm.slug).toBe(f.norm.slug);
    expect(methodology).toMatch(/\/about\/methodology$/);
    const current = await positions();
    const expected = computeMeasures(
      current.positions.map((p) => ({
        stance: p.stance,
        stakeholderType: p.organization.stakeholderType,
        region: p.organization.region,
        verified: p.organization.verified,
        current: p.current,
      })),
    );
    expect(figures).toEqual(JSON.parse(JSON.stringify(expected)));
    // The revoked academic institute's reservations are listed above but not counted here.
    expect(figures.counts).toEqual({ endorse: 1, endorse_with_reservations: 0, object: 1, abstain: 0, total: 2 });
    expect(figures.uncounted).toBe(1);
    expect(figures.onCurrentText).toBe(1);
    expect(figures.support).toBe(0.5);
    expect(figures.contestation).toBe(0.5);
    expect(figures.byStakeholderType.find((g) => g.group === "academia")?.counts.total).toBe(0);
    expect(figures.breadth).toEqual({ stakeholderTypes: 1, regions: 1, ofStakeholderTypes: 6, ofRegions: 6 });
  });

  it("has zeros and nulls for a norm nobody has spoken on", async () => {
    const body = normMeasures.parse(await (await normMeasuresResponse(database.db, f.quietSlug)).json());
    expect(body).toMatchObject({ support: null, contestation: null, bridging: 0, uncounted: 0, counts: { total: 0 } });
  });
});

describe("the norms list's measures", () => {
  it("are in the JSON list and the CSV, and the list sorts by them", async () => {
    const body = normList.strict().parse(await (await listNormsResponse(database.db, query())).json());
    const item = body.items.find((i) => i.slug === f.norm.slug);
    const measures = normMeasures.parse(await (await normMeasuresResponse(database.db, f.norm.slug)).json());
    expect(item).toMatchObject({ positionCount: 2, support: 0.5, contestation: 0.5 });
    expect(item?.bridging).toBeCloseTo(measures.bridging, 6);
    expect(body.items.find((i) => i.slug === f.quietSlug)).toMatchObject({ positionCount: 0, support: null, bridging: 0, contestation: null });

    for (const sort of ["support", "bridging", "contested"]) {
      const sorted = await listNormsResponse(database.db, query({ sort }));
      expect(sorted.status, sort).toBe(200);
      expect(normList.parse(await sorted.json()).items.map((i) => i.slug), sort).toEqual([f.norm.slug, f.quietSlug]);
    }

    const lines = csvLines(await (await normsCsvResponse(database.db, query())).text());
    expect(lines[0]).toMatch(/,url,position_count,support,bridging,contestation,stage_last_open_day,stage_closed,stage_sealed$/);
    expect(lines.find((l) => l.startsWith(`${f.norm.slug},`))).toMatch(/,2,0\.5,[\d.]+,0\.5,\d{4}-\d{2}-\d{2},false,false$/);
    expect(lines.find((l) => l.startsWith(`${f.quietSlug},`))).toMatch(/,0,,0,,\d{4}-\d{2}-\d{2},false,false$/);
  });
});

describe("GET /api/v1/organizations", () => {
  const list = async (params: Record<string, string> = {}) => {
    const res = await listOrganizationsResponse(database.db, query(params));
    expect(res.status, JSON.stringify(params)).toBe(200);
    return organizationList.strict().parse(await res.json());
  };

  it("lists the public directory by name, never a rejected registration", async () => {
    const body = await list();
    expect(body.items.map((o) => o.name)).toEqual([
      "Digital Rights Collective",
      "Institute of Network Studies",
      "Ministry of Foreign Affairs of Kenya",
      "Pending Partners",
    ]);
    expect(body.total).toBe(4);
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).toEqual({
      slug: f.ngo.slug,
      name: "Digital Rights Collective",
      stakeholderType: "civil_society",
      region: "latin_american_caribbean",
      country: "AR",
      website: "https://drc.example",
      verificationStatus: "verified",
      verified: true,
      participation: "participant",
      url: expect.stringMatching(new RegExp(`/organizations/${f.ngo.slug}$`)),
      positionsApiUrl: expect.stringMatching(new RegExp(`/api/v1/organizations/${f.ngo.slug}/positions$`)),
    });
    expect(body.items[1]).toMatchObject({ verificationStatus: "revoked", verified: false });
    expect(body.items[3]).toMatchObject({ verificationStatus: "pending", verified: false });
  });

  it("filters, searches and pages like the directory", async () => {
    expect((await list({ verifiedOnly: "true" })).items.map((o) => o.slug)).toEqual([f.ngo.slug, f.state.slug]);
    expect((await list({ verifiedOnly: "false" })).total).toBe(4);
    expect((await list({ stakeholderType: "state" })).items.map((o) => o.slug)).toEqual([f.state.slug]);
    expect((await list({ region: "weog" })).items.map((o) => o.slug)).toEqual([f.academy.slug]);
    expect((await list({ q: "rights" })).items.map((o) => o.slug)).toEqual([f.ngo.slug]);
    const first = await list({ limit: "2" });
    expect(first.nextCursor).toBe("2");
    expect(first.total).toBe(4);
    const second = await list({ limit: "2", cursor: first.nextCursor ?? "" });
    expect([...first.items, ...second.items].map((o) => o.slug)).toEqual((await list()).items.map((o) => o.slug));
    expect(second.nextCursor).toBeNull();
  });

  it("refuses unknown and bad parameters with 400 and per-parameter messages", async () => {
    for (const [params, field] of [
      [{ verified: "true" }, "verified"],
      [{ verifiedOnly: "yes" }, "verifiedOnly"],
      [{ stakeholderType: "government" }, "stakeholderType"],
      [{ limit: "500" }, "limit"],
      [{ cursor: "next" }, "cursor"],
    ] as const) {
      const res = await listOrganizationsResponse(database.db, query(params));
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(apiError.parse(await res.json()).error.fieldErrors[field], JSON.stringify(params)).toEqual(expect.any(String));
    }
  });
});

describe("GET /api/v1/organizations/{slug}/positions", () => {
  it("has the organisation, its current positions and its history", async () => {
    const res = await organizationPositionsResponse(database.db, f.ngo.slug);
    expect(res.status).toBe(200);
    const body = organizationPositions.strict().parse(await res.json());
    expect(body.organization).toMatchObject({ slug: f.ngo.slug, stakeholderType: "civil_society", region: "latin_american_caribbean", verified: true });
    expect(body.positions).toEqual([
      {
        norm: expect.objectContaining({ slug: f.norm.slug, status: "consultation", currentVersion: 2 }),
        stance: "object",
        statement: FORMULA_STATEMENT,
        version: 1,
        clauses: [],
        current: false,
        recordedAt: expect.any(String),
        recordedBy: "NGO Representative",
      },
    ]);
    expect(body.history.map((e) => [e.norm.slug, e.kind, e.sequence, e.stance])).toEqual([
      [f.norm.slug, "recorded", 2, "object"],
      [f.norm.slug, "recorded", 1, "abstain"],
    ]);
  });

  it("keeps a revoked organisation's positions, marked as not verified", async () => {
    const body = organizationPositions.parse(await (await organizationPositionsResponse(database.db, f.academy.slug)).json());
    expect(body.organization).toMatchObject({ verificationStatus: "revoked", verified: false });
    expect(body.positions.map((p) => p.stance)).toEqual(["endorse_with_reservations"]);
  });

  it("404s for an unknown organisation and for a rejected registration", async () => {
    const unknown = await organizationPositionsResponse(database.db, "no-such-organisation");
    expect(unknown.status).toBe(404);
    const unknownBody = apiError.parse(await unknown.json());
    const rejected = await organizationPositionsResponse(database.db, f.rejected.slug);
    expect(rejected.status).toBe(404);
    expect(await rejected.json()).toEqual(unknownBody);
  });
});

/** Every route.ts under app/api/v1, as the path Next.js serves it (`[slug]` → `{slug}`). */
async function routePaths(dir: string, prefix: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.isFile() && entry.name === "route.ts") found.push(prefix);
    if (entry.isDirectory()) found.push(...(await routePaths(path.join(dir, entry.name), `${prefix}/${entry.name.replace(/^\[(\w+)\]$/, "{$1}")}`)));
  }
  return found;
}

describe("the OpenAPI document", () => {
  it("has a path for every route of the API, and a route for every path", async () => {
    const routes = await routePaths(path.join(process.cwd(), "app/api/v1"), "/api/v1");
    const doc = buildOpenApiDocument();
    expect(Object.keys(doc.paths).sort()).toEqual(routes.sort());
  });

  it("documents the positions and organisations endpoints with their parameters, schemas and examples", () => {
    const doc = buildOpenApiDocument();
    expect(doc.tags.map((t) => t.name)).toEqual(expect.arrayContaining(["Positions", "Organisations"]));
    for (const [p, item] of Object.entries(doc.paths)) {
      expect(item.get["x-example-request"], p).toMatch(/^https?:\/\//);
    }
    const organizationParams = (doc.paths["/api/v1/organizations"]?.get.parameters ?? []).map((p) => ("name" in p ? p.name : ""));
    expect(organizationParams.sort()).toEqual(["cursor", "limit", "participation", "q", "region", "stakeholderType", "verifiedOnly"]);
    expect(doc.components.schemas.NormMeasures).toMatchObject({ required: expect.arrayContaining(["support", "bridging", "byRegion", "methodology"]) });
    expect(doc.components.schemas.NormListItem).toMatchObject({ required: expect.arrayContaining(["positionCount", "support", "bridging", "contestation"]) });
    expect(doc.paths["/api/v1/norms/{slug}/positions.csv"]?.get.responses["404"]).toBeDefined();
  });
});
