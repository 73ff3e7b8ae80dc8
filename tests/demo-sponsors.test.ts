// The demo shows co-sponsors in every mode: accepted sponsors with their type and region, a
// sponsorship withdrawn (both on the timeline), and a request waiting for the proposer, each asked
// for by the organisation's own representative and never by a staff account.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { normSponsors, users } from "~/db/schema";
import { demoAccounts, seed } from "~/db/seed";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { demo: true });
});
afterAll(() => database.close());

const account = async (email: string) => (await database.db.query.users.findFirst({ where: eq(users.email, email) }))!;

describe("demo co-sponsors", () => {
  it("has accepted, withdrawn and waiting sponsorships, asked for by representatives who are not staff", async () => {
    const visitor = await callerAs(database.db, null);
    const teams = await visitor.norms.get({ slug: "protecting-the-work-of-emergency-response-teams" });
    expect(teams.sponsors.map((s) => s.organization)).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: "ministry-of-foreign-affairs-of-kenya", stakeholderType: "state", region: "african" })]),
    );
    expect(teams.sponsors.map((s) => s.organization.slug)).not.toContain("digital-rights-collective");
    const sponsorEvents = teams.timeline.filter((e) => e.sponsor).map((e) => [e.type, e.sponsor!.organizationSlug]);
    expect(sponsorEvents).toEqual(expect.arrayContaining([["sponsorAccepted", "digital-rights-collective"], ["sponsorWithdrawn", "digital-rights-collective"]]));
    const core = await visitor.norms.get({ slug: "protecting-the-public-core-of-the-internet" });
    expect(core.sponsors.map((s) => s.organization.slug)).toContain("open-networks-ltd");

    // The supply chains norm's request: its proposer (rep2@) decides it; rep@ asked for the Collective.
    const supply = "integrity-of-ict-supply-chains-and-software-updates";
    const proposer = await callerAs(database.db, await account(demoAccounts.otherRepresentative));
    const forProposer = await proposer.sponsors.forNorm({ slug: supply });
    expect(forProposer.viewer.canDecide).toBe(true);
    expect(forProposer.requests.map((r) => [r.organization.slug, r.requestedBy])).toEqual([["digital-rights-collective", "Rafael Representative"]]);
    const asker = await callerAs(database.db, await account(demoAccounts.representative));
    expect((await asker.sponsors.forNorm({ slug: supply })).viewer.organizations).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: "digital-rights-collective", state: "requested" })]),
    );
    expect((await visitor.sponsors.forNorm({ slug: supply })).requests).toEqual([]);

    // Nobody on the staff asked or withdrew for an organisation.
    const speakers = await database.db.select({ role: users.role }).from(normSponsors).innerJoin(users, eq(users.id, normSponsors.requestedById));
    expect(speakers.length).toBeGreaterThanOrEqual(4);
    expect(new Set(speakers.map((s) => s.role))).toEqual(new Set(["member"]));
  });
});
