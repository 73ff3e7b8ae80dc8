import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { norms } from "~/db/schema";
import { HOME_LIMIT } from "~/server/domain/home";
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
const fields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses: ["States should not harm CSIRTs."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: [],
};

describe("home.now: what is open now", () => {
  it("lists norms in consultation and endorsement newest first, concluded ones, the open stock-take and the latest report; never a draft", async () => {
    const staffUser = await createUser(database.db, { role: "secretariat" });
    const staff = await callerAs(database.db, staffUser);
    const repUser = await createUser(database.db);
    const organization = await createOrganization(database.db, { createdById: repUser.id, status: "verified" });
    await addMember(database.db, organization.id, repUser.id, "representative");
    const rep = await callerAs(database.db, repUser);
    const make = async (title: string) => {
      const { slug } = await rep.norms.create({ ...fields, title });
      return (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
    };
    const draft = await make("A draft nobody else may see");
    const consulted: string[] = [];
    for (let i = 0; i < HOME_LIMIT + 2; i++) {
      const n = await make(`Consultation norm ${i}`);
      await rep.norms.submit({ normId: n.id });
      consulted.push(n.slug);
    }
    const endorsed = await make("A norm in endorsement");
    await rep.norms.submit({ normId: endorsed.id });
    await staff.norms.transition({ normId: endorsed.id, transition: "openEndorsement", ...overriding });
    const concluded = await make("A concluded norm");
    await rep.norms.submit({ normId: concluded.id });
    await staff.norms.transition({ normId: concluded.id, transition: "openEndorsement", ...overriding });
    await staff.norms.transition({ normId: concluded.id, transition: "conclude", ...overriding });

    // A published report for one year, and an open stock-take for the next.
    await staff.stocktakes.open({ year: 2040, opensOn: day(-5), closesOn: day(5), normIds: [endorsed.id], referenceNormIds: [] });
    await staff.stocktakes.close({ year: 2040 });
    const published = await staff.stocktakes.publish({ year: 2040 });
    await staff.stocktakes.open({ year: 2041, opensOn: day(-1), closesOn: day(20), normIds: [endorsed.id], referenceNormIds: [] });

    for (const who of [null, repUser]) {
      const now = await (await callerAs(database.db, who)).home.now();
      const all = [...now.consultation.items, ...now.endorsement.items, ...now.concluded.items].map((n) => n.slug);
      expect(all).not.toContain(draft.slug);
      expect(now.consultation.total).toBe(HOME_LIMIT + 2);
      expect(now.consultation.items.map((n) => n.slug)).toEqual(consulted.toReversed().slice(0, HOME_LIMIT));
      expect(now.endorsement.items.map((n) => n.slug)).toEqual([endorsed.slug]);
      expect(now.endorsement.items[0]!.stageSince).toBeInstanceOf(Date);
      expect(now.concluded.items.map((n) => n.slug)).toEqual([concluded.slug]);
      expect(now.stocktake).toMatchObject({ year: 2041, window: "open", closesOn: day(20) });
      expect(now.latestReport).toMatchObject({ year: 2040, revision: 1, sha256: published.sha256 });
    }
  });
});
