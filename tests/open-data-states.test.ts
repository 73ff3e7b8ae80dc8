// `GET /api/v1/states` and `GET /api/v1/states/{iso}` (issue 19): every UN state, participating or
// not, with its organisations and counts; one state's record; the shapes match the published
// schemas; a code that is no UN state is 404 and bad parameters are 400, never 500.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { norms } from "~/db/schema";
import { buildOpenApiDocument } from "~/server/open-data/openapi";
import { apiError } from "~/server/open-data/schemas";
import { listStatesResponse, stateList, stateProfile, stateResponse } from "~/server/open-data/states";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { responseTeamNormFields } from "./support/moves";

let database: Database;
let slug: string;
let germany: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const repUser = await createUser(db);
  const organization = await createOrganization(db, { name: "Federal Foreign Office", createdById: repUser.id, status: "verified", stakeholderType: "state", region: "weog", country: "DE" });
  // A rejected registration never appears.
  await createOrganization(db, { name: "Not the Foreign Office", createdById: (await createUser(db)).id, status: "rejected", stakeholderType: "state", region: "weog", country: "DE" });
  germany = organization.slug;
  const rep = await callerAs(db, repUser);
  ({ slug } = await rep.norms.create({ ...responseTeamNormFields, title: "Restraint toward response teams, in open data" }));
  const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await rep.norms.submit({ normId: norm.id });
  await rep.positions.record({ normId: norm.id, organizationId: organization.id, stance: "endorse_with_reservations", statement: "The second clause needs a narrower scope." });
});
afterAll(() => database.close());

const read = async (response: Promise<Response>) => {
  const r = await response;
  return { status: r.status, headers: r.headers, body: (await r.json()) as unknown };
};

describe("GET /api/v1/states", () => {
  it("lists all 195 states with their organisations and counts, in the published shape", async () => {
    const { status, headers, body } = await read(listStatesResponse(database.db, new URLSearchParams()));
    expect(status).toBe(200);
    expect(headers.get("Access-Control-Allow-Origin")).toBe("*");
    const list = stateList.parse(body);
    expect(list.total).toBe(195);
    const de = list.items.find((s) => s.iso === "DE")!;
    expect(de).toMatchObject({ name: "Germany", membership: "member", region: "weog", takesPart: true, counts: { positions: 1, statements: 0, observations: 0 } });
    expect(de.organizations.map((o) => o.slug)).toEqual([germany]);
    expect(de.url).toMatch(/\/states\/de$/);
    expect(list.items.find((s) => s.iso === "PS")).toMatchObject({ membership: "observer", takesPart: false, organizations: [] });
  });

  it("refuses an unknown parameter as bad input", async () => {
    const { status, body } = await read(listStatesResponse(database.db, new URLSearchParams({ region: "weog" })));
    expect(status).toBe(400);
    expect(apiError.parse(body).error.fieldErrors).toHaveProperty("region");
  });
});

describe("GET /api/v1/states/{iso}", () => {
  it("gives a participating state's record, either case", async () => {
    for (const iso of ["de", "DE"]) {
      const { status, body } = await read(stateResponse(database.db, iso, new URLSearchParams()));
      expect(status).toBe(200);
      const profile = stateProfile.parse(body);
      expect(profile).toMatchObject({ iso: "DE", name: "Germany", membership: "member", region: "weog" });
      expect(profile.organizations.map((o) => o.slug)).toEqual([germany]);
      expect(profile.positions.total).toBe(1);
      expect(profile.positions.items[0]).toMatchObject({
        norm: { slug, currentVersion: 1 },
        organization: germany,
        stance: "endorse_with_reservations",
        version: 1,
        current: true,
        counted: true,
        history: [expect.objectContaining({ sequence: 1, kind: "recorded", stance: "endorse_with_reservations", version: 1, revealedAt: null })],
      });
      expect(profile.positions.nextCursor).toBeNull();
    }
  });

  it("gives a non-participating state's empty record", async () => {
    const { status, body } = await read(stateResponse(database.db, "va", new URLSearchParams()));
    expect(status).toBe(200);
    expect(stateProfile.parse(body)).toMatchObject({ iso: "VA", name: "Holy See", membership: "observer", region: null, organizations: [], positions: { items: [], total: 0 }, statements: { total: 0 }, observations: { total: 0 } });
  });

  it("answers 404 for a code that is no UN state, 400 for a malformed code, cursor or parameter", async () => {
    for (const iso of ["xk", "ZZ", "tw"]) expect((await read(stateResponse(database.db, iso, new URLSearchParams()))).status, iso).toBe(404);
    for (const iso of ["kenya", "k", "1a"]) expect((await read(stateResponse(database.db, iso, new URLSearchParams()))).status, iso).toBe(400);
    expect((await read(stateResponse(database.db, "de", new URLSearchParams({ positionsAfter: "not-a-cursor" })))).status).toBe(400);
    expect((await read(stateResponse(database.db, "de", new URLSearchParams({ limit: "5" })))).status).toBe(400);
  });

  it("is in the OpenAPI document", () => {
    const doc = buildOpenApiDocument();
    expect(doc.tags.map((t) => t.name)).toContain("States");
    expect(doc.paths["/api/v1/states"]?.get.operationId).toBe("listStates");
    expect(doc.paths["/api/v1/states/{iso}"]?.get.parameters.map((p) => ("name" in p ? p.name : p.$ref))).toEqual(["iso", "positionsAfter", "statementsAfter", "observationsAfter"]);
    expect(doc.components.schemas.StateProfile).toMatchObject({ required: expect.arrayContaining(["iso", "organizations", "positions", "statements", "observations"]) });
  });
});
