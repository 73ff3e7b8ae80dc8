// Statements per page load (issue 15): the norm page and the norm list send a fixed number of SQL
// statements however many positions, comments or rows they show. A query per row (N+1) would make
// the count grow with the data, and this test fail.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { norms, type Region, type StakeholderType } from "~/db/schema";
import { regions, stakeholderTypes } from "~/server/schemas/vocabulary";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { overriding } from "./support/moves";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** Counts the statements `run` sends through the database's session (drizzle's query logger). */
async function statements(run: () => Promise<unknown>) {
  const session = (database.db as unknown as { session: { logger: { logQuery: (sql: string, params: unknown[]) => void } } }).session;
  const original = session.logger;
  let count = 0;
  session.logger = { logQuery: () => void count++ };
  try {
    await run();
  } finally {
    session.logger = original;
  }
  return count;
}

const fields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses: ["States should not conduct activity to harm CSIRTs.", "States should not use CSIRTs for malicious activity."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: ["ungge-k"],
};

/** A public norm in endorsement with `positions` organisations' positions and `comments` comments. */
async function normWith(positions: number, comments: number, title: string) {
  const proposer = await createUser(database.db);
  const author = await callerAs(database.db, proposer);
  const { slug } = await author.norms.create({ ...fields, title });
  const row = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await author.norms.submit({ normId: row.id });
  for (let i = 0; i < comments; i++) {
    // Each by another member: one person's comments are rate limited.
    const commenter = await callerAs(database.db, await createUser(database.db));
    await commenter.comments.create({ normId: row.id, version: 1, clause: i % 3 === 0 ? null : 1 + (i % 2), body: `Comment number ${i} on the text.` });
  }
  const staff = await callerAs(database.db, await createUser(database.db, { role: "secretariat" }));
  await staff.norms.transition({ normId: row.id, transition: "openEndorsement", ...overriding });
  for (let i = 0; i < positions; i++) {
    const user = await createUser(database.db);
    const organization = await createOrganization(database.db, {
      createdById: user.id,
      status: "verified",
      stakeholderType: stakeholderTypes[i % stakeholderTypes.length] as StakeholderType,
      region: regions[i % regions.length] as Region,
    });
    const api = await callerAs(database.db, user);
    await api.positions.record({
      normId: row.id,
      organizationId: organization.id,
      stance: i % 3 === 0 ? "object" : i % 3 === 1 ? "endorse_with_reservations" : "endorse",
      statement: i % 3 === 2 ? "" : "We have a reason, stated here at sufficient length for the record.",
    });
  }
  return slug;
}

/** What the norm page (app/norms/[slug]/page.tsx and its sections) asks for, as a visitor sees it. */
async function normPage(slug: string) {
  const visitor = await callerAs(database.db, null);
  return statements(async () => {
    const norm = await visitor.norms.get({ slug });
    await visitor.positions.forNorm({ slug });
    await visitor.comments.clauseCounts({ slug, version: norm.currentVersion });
    await visitor.comments.list({ slug });
  });
}

describe("statements per page load", () => {
  it("loads a norm page with the same number of statements for 2 positions and 2 comments as for 24 and 18", async () => {
    const small = await normWith(2, 2, "A norm with a short record");
    const large = await normWith(24, 18, "A norm with a longer record");
    const few = await normPage(small);
    const many = await normPage(large);
    expect(many).toBe(few);
    // The page's four procedures: the norm and its parts (with its translations, issue 20),
    // positions, clause counts, the discussion.
    expect(many).toBeLessThanOrEqual(26);
  }, 120_000);

  it("lists norms in one statement per page, whatever the page size, filter or sort", async () => {
    await normWith(0, 0, "A norm for the list");
    const visitor = await callerAs(database.db, null);
    await visitor.norms.list({ limit: 1, q: "norm" }); // the words' readings, kept (below)
    for (const input of [{ limit: 1 }, { limit: 50 }, { limit: 50, sort: "support" as const }, { limit: 50, q: "norm" }, { limit: 50, category: "II" as const, stakeholderType: "state" as const }]) {
      expect(await statements(() => visitor.norms.list(input)), JSON.stringify(input)).toBe(1);
    }
    // Words searched for the first time are first read in each language's configuration (one
    // statement, whatever the page: server/domain/translations.ts), then kept. A search that finds
    // nothing in its first window counts how many norms the window could read (one more: it read
    // them all here; at scale a third looks further, server/domain/norm-queries.ts).
    expect(await statements(() => visitor.norms.list({ limit: 50, q: "a query read for the first time" }))).toBe(3);
    expect(await statements(() => visitor.norms.list({ limit: 50, q: "a query read for the first time", sort: "newest" }))).toBe(2);
  });
});
