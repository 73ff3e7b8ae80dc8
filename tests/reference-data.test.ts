import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { auditLog, referenceNormCorrections, referenceNorms } from "~/db/schema";
import { seed, seedReference } from "~/db/seed";
import { forumList, forumsResponse, referenceDocumentList, referenceDocumentsResponse, referenceNormList, referenceNormsResponse } from "~/server/open-data/reference";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, fieldErrorsOf, zodPaths } from "./support/errors";

let database: Database;
let draftSlug: string;
beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { demo: true });
  // A private draft citing UN GGE 13(f): it must never appear in the open data.
  const author = await createUser(database.db);
  const draft = await (await callerAs(database.db, author)).norms.create({
    title: "A private draft citing the GGE",
    summary: "A summary long enough to pass the validation rules.",
    clauses: ["States should do the first thing."],
    categories: ["II"],
    kind: "mutual_restraint",
    bindingness: "political",
    citations: ["ungge-f"],
  });
  draftSlug = draft.slug;
});
afterAll(() => database.close());

function expectOpenDataHeaders(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  expect(res.headers.get("cache-control")).toBe("public, max-age=60");
  expect(res.headers.get("link")).toContain('rel="license"');
}

describe("reference open data", () => {
  it("lists the 5 documents", async () => {
    const res = await referenceDocumentsResponse(database.db);
    expectOpenDataHeaders(res);
    const body = referenceDocumentList.parse(await res.json());
    expect(body.items.map((d) => d.key).sort()).toEqual(["CoC", "MSFT", "Tallinn", "UNGGE", "USG"]);
    expect(body.items[0]).toEqual(expect.objectContaining({ title: expect.any(String), status: expect.any(String), authorKind: expect.any(String) }));
  });

  it("lists the 33 norms with categories and citing proposals, never drafts", async () => {
    const res = await referenceNormsResponse(database.db);
    expectOpenDataHeaders(res);
    const body = referenceNormList.parse(await res.json());
    expect(body.items).toHaveLength(33);
    expect(body.items.reduce((n, norm) => n + norm.categories.length, 0)).toBe(35);
    const gge = body.items.find((n) => n.id === "ungge-f");
    expect(gge).toMatchObject({ display: expect.any(String), document: "UNGGE", url: expect.stringContaining("/reference/norms/ungge-f") });
    const citing = body.items.flatMap((n) => n.citingProposals);
    expect(citing.length).toBeGreaterThan(0);
    expect(citing.map((p) => p.slug)).not.toContain(draftSlug);
    expect(citing.every((p) => p.url.endsWith(`/norms/${p.slug}`))).toBe(true);
  });

  it("lists the 28 forums and filters them by kind", async () => {
    const res = await forumsResponse(database.db, new URLSearchParams());
    expectOpenDataHeaders(res);
    expect(forumList.parse(await res.json()).items).toHaveLength(28);
    const global = forumList.parse(await (await forumsResponse(database.db, new URLSearchParams("kind=global"))).json());
    expect(global.items.length).toBeGreaterThan(0);
    expect(global.items.every((f) => f.kind === "global")).toBe(true);
    expect((await forumsResponse(database.db, new URLSearchParams("colour=red"))).status).toBe(400);
  });
});

describe("corrections of the reference library", () => {
  it("lets an admin correct a text and its categories, keeps the history and the audit entry, and survives re-seeding", async () => {
    const admin = await createUser(database.db, { role: "admin" });
    const api = await callerAs(database.db, admin);
    const corrected = "States should not conduct or knowingly support ICT activity that damages critical infrastructure (corrected).";
    const result = await api.references.correct({ id: "ungge-f", text: corrected, categories: ["II", "III"], reason: "A typo in the quotation." });
    expect(result.fields).toEqual(["text", "categories"]);

    const norm = await api.references.norm({ id: "ungge-f" });
    expect(norm.text).toBe(corrected);
    expect(norm.categories.map((c) => c.code)).toEqual(["II", "III"]);

    const history = await (await callerAs(database.db, null)).references.history({ id: "ungge-f" });
    expect(history.map((h) => h.field).sort()).toEqual(["categories", "text"]);
    expect(history.find((h) => h.field === "text")).toMatchObject({ after: corrected, reason: "A typo in the quotation." });
    expect(history[0]).not.toHaveProperty("actorId");

    const entry = await database.db.query.auditLog.findFirst({
      where: and(eq(auditLog.action, "reference.corrected"), eq(auditLog.targetId, "ungge-f")),
    });
    expect(entry).toMatchObject({ actorId: admin.id, targetType: "reference_norm" });

    await seedReference(database.db);
    const [row] = await database.db.select({ text: referenceNorms.text }).from(referenceNorms).where(eq(referenceNorms.id, "ungge-f"));
    expect(row?.text).toBe(corrected);
    const rows = await database.db.select().from(referenceNormCorrections).where(eq(referenceNormCorrections.normId, "ungge-f"));
    expect(rows).toHaveLength(2);
    // The open data carries the correction too.
    const body = referenceNormList.parse(await (await referenceNormsResponse(database.db)).json());
    expect(body.items.find((n) => n.id === "ungge-f")?.text).toBe(corrected);
  });

  it("refuses anyone but an admin", async () => {
    const secretariat = await createUser(database.db, { role: "secretariat" });
    const error = await failure((await callerAs(database.db, secretariat)).references.correct({ id: "coc-2", text: "Changed.", reason: "Because." }));
    expect(error.code).toBe("FORBIDDEN");
    expect((await failure((await callerAs(database.db, null)).references.correct({ id: "coc-2", text: "Changed.", reason: "Because." }))).code).toBe(
      "UNAUTHORIZED",
    );
  });

  it("needs a reason, known categories and a change", async () => {
    const api = await callerAs(database.db, await createUser(database.db, { role: "admin" }));
    const noReason = await failure(api.references.correct({ id: "coc-2", text: "Changed.", reason: " " }));
    expect(noReason.code).toBe("BAD_REQUEST");
    expect(zodPaths(noReason)).toContain("reason");
    const unknown = await failure(api.references.correct({ id: "coc-2", categories: ["VI" as "I"], reason: "Misplaced." }));
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(zodPaths(unknown)).toContain("categories.0");
    const norm = await api.references.norm({ id: "coc-2" });
    const unchanged = await failure(api.references.correct({ id: "coc-2", text: norm.text, reason: "Nothing really." }));
    expect(unchanged.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(unchanged)).toEqual({});
    expect((await failure(api.references.correct({ id: "no-such-norm", text: "x", reason: "y" }))).code).toBe("NOT_FOUND");
  });
});
