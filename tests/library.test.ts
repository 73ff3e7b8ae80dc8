// The growing library and uptake (issue 19): only administrators add documents, norms and forums;
// only the secretariat records uptake; links are http(s) only; an uptake names exactly one norm;
// the seed never overwrites what was added; a state sees the uptake it is party to through a group.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { auditLog, normUptakes, referenceDocuments, referenceNormCategories } from "~/db/schema";
import { seed, seedReference } from "~/db/seed";
import { uptakeForState } from "~/server/domain/uptake";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, zodPaths } from "./support/errors";

let database: Database;
let admin: Awaited<ReturnType<typeof callerAs>>;
let secretariat: Awaited<ReturnType<typeof callerAs>>;
let member: Awaited<ReturnType<typeof callerAs>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { demo: false });
  admin = await callerAs(database.db, await createUser(database.db, { role: "admin" }));
  secretariat = await callerAs(database.db, await createUser(database.db, { role: "secretariat" }));
  member = await callerAs(database.db, await createUser(database.db));
});
afterAll(() => database.close());

const document = {
  key: "oewg-2021",
  title: "Final substantive report of the Open-ended Working Group",
  issuer: "Open-ended Working Group (2019–2021)",
  date: "2021-03-12",
  reference: "A/75/816",
  status: "political" as const,
  authorKind: "intergovernmental" as const,
  url: "https://undocs.org/A/75/816",
};

describe("the growing library", () => {
  it("lets only administrators add a document; the secretariat and members are refused", async () => {
    expect((await failure(member.library.addDocument(document))).code).toBe("FORBIDDEN");
    expect((await failure(secretariat.library.addDocument(document))).code).toBe("FORBIDDEN");
    await admin.library.addDocument(document);
    const [row] = await database.db.select().from(referenceDocuments).where(eq(referenceDocuments.key, "oewg-2021"));
    expect(row).toMatchObject({ source: "added", url: "https://undocs.org/A/75/816" });
    expect(row!.addedAt).toBeInstanceOf(Date);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, "library.document_added"));
    expect(entry).toMatchObject({ targetType: "reference_document", targetId: "oewg-2021" });
  });

  it("refuses a link that is not http(s), and a key already taken in any case", async () => {
    for (const url of ["javascript:alert(1)", "ftp://example.org/x", "data:text/html,hi", "example.org"]) {
      const error = await failure(admin.library.addDocument({ ...document, key: "bad-link", url }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(zodPaths(error)).toContain("url");
    }
    const taken = await failure(admin.library.addDocument({ ...document, key: "ungge" }));
    expect(taken.code).toBe("BAD_REQUEST");
  });

  it("adds a norm placed in categories to an added document, and the matrix grows with it", async () => {
    const before = await member.references.matrix();
    const { id } = await admin.library.addNorm({ documentKey: "oewg-2021", label: "34(a)", display: "OEWG 2021 34(a)", text: "States should protect critical infrastructure.", categories: ["III", "IV"] });
    expect(id).toBe("oewg-2021-34-a");
    const after = await member.references.matrix();
    expect(after.norms).toHaveLength(before.norms.length + 1);
    expect(after.norms.at(-1)).toMatchObject({ id, documentKey: "oewg-2021", categories: ["III", "IV"] });
    expect(after.documents.at(-1)).toMatchObject({ key: "oewg-2021", source: "added" });
    expect(after.documents.filter((d) => d.source === "paper-2015")).toHaveLength(5);
    // The comparison reads it like any reference norm.
    const compared = await member.references.compare({ items: [`ref:${id}`, "ref:ungge-g"] });
    expect(JSON.stringify(compared)).toContain("OEWG 2021 34(a)");
  });

  it("keeps the paper's documents as the paper stated them: no new norms for them", async () => {
    const error = await failure(admin.library.addNorm({ documentKey: "UNGGE", label: "13(l)", display: "UN GGE 13(l)", text: "Invented.", categories: ["I"] }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await failure(member.library.addNorm({ documentKey: "oewg-2021", label: "1", display: "x", text: "x", categories: ["I"] }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("adds a forums-timeline entry with its source, for administrators only", async () => {
    const entry = { id: "osce-cbms-2016", name: "OSCE Permanent Council Decision No. 1202", kind: "regional" as const, date: "2016-03-10", parties: "Organization for Security and Co-operation in Europe", normType: "political" as const, summary: "A second set of confidence-building measures.", reference: "PC.DEC/1202", url: "https://www.osce.org/pc/227281" };
    expect((await failure(secretariat.library.addForum(entry))).code).toBe("FORBIDDEN");
    await admin.library.addForum(entry);
    const { items } = await member.references.forums({});
    expect(items.find((f) => f.id === "osce-cbms-2016")).toMatchObject({ source: "added", year: 2016, url: "https://www.osce.org/pc/227281" });
  });

  it("is not overwritten by the seed, which also leaves a corrected placement alone", async () => {
    await database.db.delete(referenceNormCategories).where(sql`${referenceNormCategories.normId} = 'ungge-f' and ${referenceNormCategories.categoryCode} = 'II'`);
    await database.db.insert(referenceNormCategories).values({ normId: "ungge-f", categoryCode: "III" });
    await seedReference(database.db);
    const [row] = await database.db.select().from(referenceDocuments).where(eq(referenceDocuments.key, "oewg-2021"));
    expect(row).toMatchObject({ source: "added", title: document.title });
    const placed = await database.db.select().from(referenceNormCategories).where(eq(referenceNormCategories.normId, "ungge-f"));
    expect(placed.map((p) => p.categoryCode)).toEqual(["III"]);
    expect((await member.references.matrix()).norms.some((n) => n.id === "oewg-2021-34-a")).toBe(true);
  });
});

describe("uptake", () => {
  it("is recorded by the secretariat alone, with an audit entry, and shows on the reference norm", async () => {
    const input = { referenceNormId: "oewg-2021-34-a", document: "A later resolution", paragraph: "2", takenUpOn: "2021-12-06", url: "https://undocs.org/A/RES/76/19", parties: ["group:un"] };
    expect((await failure(member.uptake.record(input))).code).toBe("FORBIDDEN");
    const { id } = await secretariat.uptake.record(input);
    const norm = await member.references.norm({ id: "oewg-2021-34-a" });
    expect(norm.uptake).toEqual([expect.objectContaining({ id, document: "A later resolution", paragraph: "2", takenUpOn: "2021-12-06", parties: ["group:un"] })]);
    await secretariat.uptake.update({ id, document: "A/RES/76/19", paragraph: "", takenUpOn: "2021-12-06", parties: ["group:un"] });
    await secretariat.uptake.delete({ id });
    const actions = (await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, id))).map((a) => a.action);
    expect(actions.sort()).toEqual(["uptake.deleted", "uptake.recorded", "uptake.updated"]);
  });

  it("names exactly one norm, and refuses a link that is not http(s) and an unknown party", async () => {
    const base = { document: "A report", takenUpOn: "2021-03-12", parties: ["KE"] };
    expect(zodPaths(await failure(secretariat.uptake.record(base)))).toContain("normId");
    expect(zodPaths(await failure(secretariat.uptake.record({ ...base, referenceNormId: "ungge-f", normId: "00000000-0000-4000-8000-000000000000" })))).toContain("normId");
    expect(zodPaths(await failure(secretariat.uptake.record({ ...base, referenceNormId: "ungge-f", url: "javascript:alert(1)" })))).toContain("url");
    expect(zodPaths(await failure(secretariat.uptake.record({ ...base, referenceNormId: "ungge-f", parties: ["XX"] })))).toContain("parties.0");
    // The table holds the rule too.
    await expect(database.db.insert(normUptakes).values({ document: "Neither", takenUpOn: "2021-01-01" })).rejects.toThrow();
    await expect(database.db.insert(normUptakes).values({ referenceNormId: "ungge-f", document: "Bad link", takenUpOn: "2021-01-01", url: "javascript:x" })).rejects.toThrow();
  });

  it("reaches a state directly and through its groups (the seeded public record)", async () => {
    const kenya = await uptakeForState(database.db, "ke");
    // Kenya sat on the 2019–2021 GGE and is a UN member: A/76/135 directly, A/RES/70/237 through group:un.
    expect(kenya.some((u) => u.document.includes("A/76/135") && u.via.includes("KE"))).toBe(true);
    expect(kenya.some((u) => u.document.includes("A/RES/70/237") && u.via.includes("group:un"))).toBe(true);
    // Not a G20 member: the Antalya communiqué is not Kenya's.
    expect(kenya.some((u) => u.document.includes("Antalya"))).toBe(false);
    const us = await member.uptake.forState({ iso: "US" });
    expect(us.some((u) => u.document.includes("Antalya") && u.via.includes("group:g20"))).toBe(true);
    // The query the function runs can use the GIN index on parties (a small table may still be scanned).
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute(sql`explain select id from norm_uptakes where parties && array['KE','group:un']::text[]`);
    });
    expect(JSON.stringify(plan)).toContain("norm_uptakes_parties_idx");
  });
});

describe("the glossary", () => {
  it("lists terms alphabetically with quoted, sourced definitions, and where the library uses undefined ones", async () => {
    const glossary = await member.glossary.list();
    const terms = glossary.map((t) => t.term.toLowerCase());
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b)));
    const ci = glossary.find((t) => t.slug === "critical-infrastructure")!;
    expect(ci.definitions[0]).toMatchObject({ document: { key: "Tallinn" }, locator: "Glossary" });
    expect(ci.usedIn.map((n) => n.id)).toEqual(expect.arrayContaining(["ungge-f", "ungge-g", "usg-2"]));
    const supply = glossary.find((t) => t.slug === "supply-chain")!;
    expect(supply.definitions).toEqual([]);
    expect(supply.usedIn.map((n) => n.id)).toContain("ungge-i");
  });
});
