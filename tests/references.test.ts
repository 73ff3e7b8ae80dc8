import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { norms } from "~/db/schema";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure } from "./support/errors";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const fields = {
  summary: "States should not knowingly harm critical infrastructure that serves the public.",
  clauses: ["States should not conduct or knowingly support activity that damages critical infrastructure."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: ["ungge-f"],
};

describe("the reference matrix", () => {
  it("matches the data files: 5 categories, 5 documents, 33 norms, 35 placements", async () => {
    const visitor = await callerAs(database.db, null);
    const matrix = await visitor.references.matrix();
    expect(matrix.categories.map((c) => c.code)).toEqual(["I", "II", "III", "IV", "V"]);
    expect(matrix.categories.every((c) => c.analysis.length > 0)).toBe(true);
    expect(matrix.documents.map((d) => d.key).sort()).toEqual(["CoC", "MSFT", "Tallinn", "UNGGE", "USG"]);
    expect(matrix.norms).toHaveLength(33);
    expect(matrix.norms.reduce((n, norm) => n + norm.categories.length, 0)).toBe(35);
  });

  it("places a norm of two categories in both", async () => {
    const matrix = await (await callerAs(database.db, null)).references.matrix();
    const twice = matrix.norms.filter((n) => n.categories.length === 2);
    expect(twice.length).toBeGreaterThan(0);
    expect(matrix.norms.find((n) => n.id === "coc-2")?.categories).toEqual(expect.arrayContaining(["II", "V"]));
  });
});

describe("a reference norm", () => {
  it("shows its document and categories, and is not found for an unknown id", async () => {
    const visitor = await callerAs(database.db, null);
    const norm = await visitor.references.norm({ id: "ungge-f" });
    expect(norm).toMatchObject({ id: "ungge-f", document: { key: "UNGGE", status: "political" } });
    expect(norm.categories.length).toBeGreaterThan(0);
    expect((await failure(visitor.references.norm({ id: "ungge-zz" }))).code).toBe("NOT_FOUND");
  });

  it("lists the public proposals that cite it, never drafts", async () => {
    const proposer = await createUser(database.db);
    const api = await callerAs(database.db, proposer);
    const draft = await api.norms.create({ ...fields, title: "A draft citing 13(f)" });
    const submitted = await api.norms.create({ ...fields, title: "A proposal citing 13(f)" });
    const row = await database.db.query.norms.findFirst({ where: eq(norms.slug, submitted.slug) });
    await api.norms.submit({ normId: row!.id });

    // Not even its own author sees the draft in the reference library.
    for (const viewer of [null, proposer]) {
      const caller = await callerAs(database.db, viewer);
      const cited = (await caller.references.norm({ id: "ungge-f" })).citedBy.map((p) => p.slug);
      expect(cited).toContain(submitted.slug);
      expect(cited).not.toContain(draft.slug);
      const inCategory = (await caller.references.matrix()).categories.find((c) => c.code === "II")!.proposals;
      // With its published support, which has no figure before any position.
      expect(inCategory).toContainEqual({ slug: submitted.slug, title: "A proposal citing 13(f)", status: "consultation", support: null, positionCount: 0 });
      expect(inCategory.map((p) => p.slug)).not.toContain(draft.slug);
    }
  });
});

describe("the forums timeline", () => {
  it("lists the forums oldest first and filters by kind and by party", async () => {
    const visitor = await callerAs(database.db, null);
    const all = await visitor.references.forums({});
    expect(all.items).toHaveLength(28);
    const years = all.items.map((f) => f.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(all.kinds).toContain("bilateral");
    expect(all.parties).toContain("China");

    const bilateral = await visitor.references.forums({ kind: "bilateral" });
    expect(bilateral.items.length).toBeGreaterThan(0);
    expect(bilateral.items.every((f) => f.kind === "bilateral")).toBe(true);
    expect(bilateral.items.length).toBeLessThan(all.items.length);

    const china = await visitor.references.forums({ party: "China" });
    expect(china.items.length).toBeGreaterThan(0);
    expect(china.items.every((f) => f.parties.includes("China"))).toBe(true);

    const both = await visitor.references.forums({ kind: "bilateral", party: "China" });
    expect(both.items.every((f) => f.kind === "bilateral" && f.parties.includes("China"))).toBe(true);
    expect((await visitor.references.forums({ party: "Nobody at all" })).items).toEqual([]);
  });
});
