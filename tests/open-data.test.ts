import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { norms } from "~/db/schema";
import { seed } from "~/db/seed";
import { formatCitation } from "~/server/open-data/citation";
import { csvCell, toCsv } from "~/server/open-data/csv";
import { listNormsResponse, normResponse, normsCsvResponse, normVersionResponse } from "~/server/open-data/norms";
import { buildOpenApiDocument, openApiResponse } from "~/server/open-data/openapi";
import { apiError, normDetail, normList, normVersion } from "~/server/open-data/schemas";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";

let database: Database;
let draftSlugs: string[];
beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { demo: true });
  draftSlugs = (await database.db.select({ slug: norms.slug }).from(norms).where(eq(norms.status, "draft"))).map((n) => n.slug);
});
afterAll(() => database.close());

const query = (params: Record<string, string> = {}) => new URLSearchParams(params);
const list = async (params: Record<string, string> = {}) => {
  const res = await listNormsResponse(database.db, query(params));
  expect(res.status).toBe(200);
  return normList.parse(await res.json());
};
const csvLines = (text: string) => text.split("\r\n").filter(Boolean);

const PUBLIC_CORE = "protecting-the-public-core-of-the-internet";

describe("GET /api/v1/norms", () => {
  it("lists every published norm and never a draft, with the documented shape and headers", async () => {
    expect(draftSlugs).toHaveLength(2);
    const res = await listNormsResponse(database.db, query({ limit: "100" }));
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("link")).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    const body = normList.strict().parse(await res.json());
    const total = await database.db.$count(norms);
    expect(body.items).toHaveLength(total - 2);
    expect(body.nextCursor).toBeNull();
    for (const slug of draftSlugs) expect(body.items.map((i) => i.slug)).not.toContain(slug);
    expect(body.items.some((i) => i.status === ("draft" as string))).toBe(false);
    const item = body.items.find((i) => i.slug === PUBLIC_CORE);
    expect(item).toMatchObject({ status: "consultation", currentVersion: 3, url: expect.stringMatching(new RegExp(`^https?://.+/norms/${PUBLIC_CORE}$`)) });
    // No internal ids or viewer data leak.
    expect(Object.keys(item ?? {})).not.toContain("id");
  });

  it("asking for drafts by status finds none", async () => {
    expect((await list({ status: "draft" })).items).toEqual([]);
  });

  it("filters and searches like the list page", async () => {
    const consultation = await list({ status: "consultation", limit: "100" });
    expect(consultation.items.length).toBeGreaterThan(0);
    expect(consultation.items.every((i) => i.status === "consultation")).toBe(true);

    const categoryII = await list({ category: "II", limit: "100" });
    expect(categoryII.items.every((i) => i.categories.includes("II"))).toBe(true);

    const political = await list({ bindingness: "political", kind: "mutual_restraint", limit: "100" });
    expect(political.items.every((i) => i.bindingness === "political" && i.kind === "mutual_restraint")).toBe(true);

    const states = await list({ stakeholderType: "state", limit: "100" });
    expect(states.items.every((i) => i.proposer.organization?.stakeholderType === "state")).toBe(true);

    const found = await list({ q: "emergency response teams" });
    expect(found.items[0]?.slug).toBe("protecting-the-work-of-emergency-response-teams");
  });

  it("pages with nextCursor without repeating or skipping", async () => {
    const all = await list({ limit: "100" });
    const first = await list({ limit: "4" });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list({ limit: "4", cursor: first.nextCursor ?? "" });
    expect([...first.items, ...second.items].map((i) => i.slug)).toEqual(all.items.slice(0, 8).map((i) => i.slug));
  });

  it("refuses bad parameters with 400 and per-parameter messages", async () => {
    for (const [params, field] of [
      [{ status: "nonsense" }, "status"],
      [{ limit: "1000" }, "limit"],
      [{ limit: "ten" }, "limit"],
      [{ cursor: "not-a-cursor" }, "cursor"],
      [{ stauts: "consultation" }, "stauts"],
    ] as const) {
      const res = await listNormsResponse(database.db, query(params));
      expect(res.status, JSON.stringify(params)).toBe(400);
      const body = apiError.parse(await res.json());
      expect(body.error.fieldErrors[field], JSON.stringify(params)).toEqual(expect.any(String));
    }
    const repeated = await listNormsResponse(database.db, new URLSearchParams("status=consultation&status=concluded"));
    expect(repeated.status).toBe(400);
  });
});

describe("GET /api/v1/norms.csv", () => {
  it("has one row per published norm, with the filters, as a downloadable UTF-8 file", async () => {
    const res = await normsCsvResponse(database.db, query());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="norms.csv"');
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await res.text();
    const published = (await list({ limit: "100" })).items;
    expect(text.startsWith("slug,title,summary,status,categories,")).toBe(true);
    // Summaries have no line breaks in the demo, so each row is one line.
    expect(csvLines(text)).toHaveLength(published.length + 1);
    for (const slug of draftSlugs) expect(text).not.toContain(slug);

    const filtered = csvLines(await (await normsCsvResponse(database.db, query({ status: "concluded" }))).text());
    expect(filtered.length - 1).toBe(published.filter((n) => n.status === "concluded").length);
    expect(filtered.slice(1).every((line) => line.includes(",concluded,"))).toBe(true);
  });

  it("does not take paging parameters", async () => {
    const res = await normsCsvResponse(database.db, query({ limit: "5" }));
    expect(res.status).toBe(400);
    expect(apiError.parse(await res.json()).error.fieldErrors.limit).toMatch(/Unknown parameter/);
  });

  it("quotes cells and defuses formulas", async () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    expect(csvCell("=HYPERLINK(\"http://evil.example\")")).toBe("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(null)).toBe("");
    expect(toCsv([{ header: "a", value: (r: { a: string }) => r.a }], [{ a: "x,y" }])).toBe('a\r\n"x,y"\r\n');
  });

  it("defuses a formula in a real norm's title", async () => {
    const author = await createUser(database.db);
    const api = await callerAs(database.db, author);
    const { id } = await api.norms.create({
      title: "=cmd|' /C calc'!A0 restraint",
      summary: 'A summary with "quotes", commas\nand a line break, to test quoting.',
      clauses: ["States should not do harm."],
      categories: ["I"],
      kind: "mutual_restraint",
      bindingness: "political",
    });
    const draftCsv = await (await normsCsvResponse(database.db, query())).text();
    expect(draftCsv).not.toContain("calc");
    await api.norms.submit({ normId: id, note: "" });
    const text = await (await normsCsvResponse(database.db, query())).text();
    expect(text).toContain(",'=cmd|' /C calc'!A0 restraint,");
    expect(text).toContain('"A summary with ""quotes"", commas\nand a line break, to test quoting."');
  });
});

describe("GET /api/v1/norms/{slug}", () => {
  it("returns a norm with its text, versions and citations", async () => {
    const res = await normResponse(database.db, PUBLIC_CORE);
    expect(res.status).toBe(200);
    const norm = normDetail.strict().parse(await res.json());
    expect(norm.clauses.length).toBeGreaterThan(0);
    expect(norm.versions.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(norm.versions[0]?.url).toMatch(new RegExp(`/norms/${PUBLIC_CORE}/v/3$`));
    expect(norm.citations.length).toBeGreaterThan(0);
    expect(norm.citations[0]).toEqual({ id: expect.any(String), display: expect.any(String), document: expect.any(String) });
    expect(norm.mergedFrom.length).toBe(1);
    expect(norm.citation).toContain(`/norms/${PUBLIC_CORE}/v/3`);
  });

  it("returns a merged norm with where it went", async () => {
    const merged = (await list({ status: "merged" })).items[0];
    expect(merged).toBeDefined();
    const norm = normDetail.parse(await (await normResponse(database.db, merged?.slug ?? "")).json());
    expect(norm.status).toBe("merged");
    expect(norm.mergedInto).toMatchObject({ slug: PUBLIC_CORE, url: expect.stringMatching(new RegExp(`/norms/${PUBLIC_CORE}$`)) });
  });

  it("answers a draft's slug exactly like an unknown one", async () => {
    const unknown = await normResponse(database.db, "no-such-norm");
    expect(unknown.status).toBe(404);
    const unknownBody = await unknown.json();
    expect(apiError.parse(unknownBody).error.message).toMatch(/not found/);
    for (const slug of draftSlugs) {
      const res = await normResponse(database.db, slug);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(unknownBody);
      const version = await normVersionResponse(database.db, slug, "1");
      expect(version.status).toBe(404);
    }
  });
});

describe("GET /api/v1/norms/{slug}/versions/{n}", () => {
  it("returns the version's own text and a citation", async () => {
    const [v1, v3] = await Promise.all([
      normVersionResponse(database.db, PUBLIC_CORE, "1").then(async (r) => normVersion.strict().parse(await r.json())),
      normVersionResponse(database.db, PUBLIC_CORE, "3").then(async (r) => normVersion.strict().parse(await r.json())),
    ]);
    expect(v1).toMatchObject({ number: 1, isCurrent: false, status: "consultation" });
    expect(v3.isCurrent).toBe(true);
    expect(v1.clauses.length).toBeGreaterThan(0);
    expect(v1.clauses).not.toEqual(v3.clauses);
    expect(v1.url).toMatch(new RegExp(`/norms/${PUBLIC_CORE}/v/1$`));
    expect(v1.citation).toContain(v1.url);
    expect(v1.citation).toContain("version 1 of ");
    expect(v1.bibtex).toMatch(new RegExp(`^@misc\\{${PUBLIC_CORE}-v1,`));
  });

  it("404s for a version that does not exist and 400s for one that is not a number", async () => {
    expect((await normVersionResponse(database.db, PUBLIC_CORE, "99")).status).toBe(404);
    const bad = await normVersionResponse(database.db, PUBLIC_CORE, "two");
    expect(bad.status).toBe(400);
    expect(apiError.parse(await bad.json()).error.fieldErrors.n).toEqual(expect.any(String));
    expect((await normVersionResponse(database.db, PUBLIC_CORE, "0")).status).toBe(400);
  });
});

describe("citation format", () => {
  it("names the author, title, version, UTC date, permanent address and licence", () => {
    expect(
      formatCitation({
        author: "Example Organisation",
        title: "Protecting the public core of the Internet",
        number: 2,
        createdAt: new Date("2026-03-12T23:30:00Z"),
        url: "https://forum.example/norms/protecting-the-public-core-of-the-internet/v/2",
      }),
    ).toBe(
      'Example Organisation, "Protecting the public core of the Internet", version 2 of 12 March 2026, Norms Forum, https://forum.example/norms/protecting-the-public-core-of-the-internet/v/2 (CC BY 4.0).',
    );
  });
});

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 document with the licence and every path", async () => {
    const res = openApiResponse();
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const doc = (await res.json()) as ReturnType<typeof buildOpenApiDocument>;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.info.license).toEqual({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" });
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/v1/norms",
        "/api/v1/norms.csv",
        "/api/v1/norms/{slug}",
        "/api/v1/norms/{slug}/versions/{n}",
        "/api/v1/norms/{slug}/positions",
        "/api/v1/norms/{slug}/positions.csv",
        "/api/v1/norms/{slug}/positions/history",
        "/api/v1/norms/{slug}/measures",
        "/api/v1/norms/{slug}/adherence",
        "/api/v1/norms/{slug}/amendments",
        "/api/v1/norms/{slug}/comments",
        "/api/v1/moderation-log",
        "/api/v1/organizations",
        "/api/v1/organizations/{slug}/positions",
        "/api/v1/states",
        "/api/v1/states/{iso}",
        "/api/v1/reference/documents",
        "/api/v1/reference/norms",
        "/api/v1/forums",
        "/api/v1/stocktakes",
        "/api/v1/stocktakes/{year}",
        "/api/v1/stocktakes/{year}/snapshot.json",
        "/api/v1/stocktakes/{year}/report.pdf",
        "/api/v1/stocktakes/{year}/report.csv",
        "/api/v1/stocktakes/{year}/revisions/{n}/snapshot.json",
        "/api/v1/stocktakes/{year}/revisions/{n}/report.pdf",
        "/api/v1/stocktakes/{year}/revisions/{n}/report.csv",
      ].sort(),
    );
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(item.get.responses["200"], path).toBeDefined();
      expect(item.get.operationId, path).toEqual(expect.any(String));
      // Every {name} in the path is a declared path parameter.
      const declared = item.get.parameters.map((p) => ("$ref" in p ? doc.components.parameters[p.$ref.split("/").pop() ?? ""]?.name : p.name));
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) expect(declared, path).toContain(name);
    }
  });

  it("generates its parameters and schemas from the zod schemas, and every $ref resolves", () => {
    const doc = buildOpenApiDocument();
    const params = doc.paths["/api/v1/norms"]?.get.parameters ?? [];
    expect(params.map((p) => ("name" in p ? p.name : ""))).toEqual(
      expect.arrayContaining(["q", "status", "category", "kind", "bindingness", "stakeholderType", "document", "sort", "cursor", "limit"]),
    );
    const status = params.find((p) => "name" in p && p.name === "status");
    expect(status && "schema" in status ? status.schema.enum : null).toContain("consultation");
    const csvParams = (doc.paths["/api/v1/norms.csv"]?.get.parameters ?? []).map((p) => ("name" in p ? p.name : ""));
    expect(csvParams).not.toContain("cursor");
    expect(doc.components.schemas.NormListItem).toMatchObject({ type: "object", required: expect.arrayContaining(["slug", "proposer", "url"]) });
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(5);
    for (const [, kind, name] of refs) {
      expect((doc.components as Record<string, Record<string, unknown>>)[kind ?? ""]?.[name ?? ""], `${kind}/${name}`).toBeDefined();
    }
  });
});
