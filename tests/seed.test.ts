import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import forumsData from "~/db/reference-data/forums.json";
import referenceData from "~/db/reference-data/reference-norms.json";
import {
  forums,
  normCategories,
  organizations,
  referenceDocuments,
  referenceNormCategories,
  referenceNorms,
  users,
} from "~/db/schema";
import { demoAccounts, seed } from "~/db/seed";
import { regions, stakeholderTypes, userRoles } from "~/server/schemas/vocabulary";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { demo: true });
});
afterAll(() => database.close());

describe("reference data", () => {
  it("matches the files: 33 norms, 35 placements, 5 documents, 5 categories, 28 forums", async () => {
    const { db } = database;
    expect(await db.$count(referenceNorms)).toBe(33);
    expect(await db.$count(referenceNormCategories)).toBe(35);
    expect(await db.$count(referenceDocuments)).toBe(5);
    expect(await db.$count(normCategories)).toBe(5);
    expect(await db.$count(forums)).toBe(28);
    expect(referenceData.norms).toHaveLength(33);
    expect(forumsData).toHaveLength(28);
    const ggeF = await db.query.referenceNorms.findFirst({ where: eq(referenceNorms.id, "ungge-f") });
    expect(ggeF).toMatchObject({ documentKey: "UNGGE", display: "UN GGE 13(f)" });
  });

  it("only inserts what is missing, so it never overwrites a correction", async () => {
    const { db } = database;
    await db.update(referenceNorms).set({ text: "Corrected text" }).where(eq(referenceNorms.id, "ungge-f"));
    await seed(db, { demo: true });
    expect(await db.$count(referenceNorms)).toBe(33);
    expect((await db.query.referenceNorms.findFirst({ where: eq(referenceNorms.id, "ungge-f") }))?.text).toBe("Corrected text");
  });
});

describe("demo data", () => {
  it("has organisations of every stakeholder type and region, and a user of every role, loaded once", async () => {
    const { db } = database;
    const orgs = await db.select().from(organizations);
    expect(new Set(orgs.map((o) => o.stakeholderType))).toEqual(new Set(stakeholderTypes));
    expect(new Set(orgs.map((o) => o.region))).toEqual(new Set(regions));
    const people = await db.select().from(users);
    expect(new Set(people.map((u) => u.role))).toEqual(new Set(userRoles));
    expect(people.map((u) => u.email)).toEqual(expect.arrayContaining(Object.values(demoAccounts)));
    expect(people).toHaveLength(Object.values(demoAccounts).length);
  });
});
