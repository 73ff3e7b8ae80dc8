// The demo shows amendments at every point: one accepted into a version that credits its proposer,
// one declined with a reason, one open with support from two stakeholder types and a comment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { AMENDED_NORM } from "~/db/demo-amendments";
import { seed } from "~/db/seed";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { demo: true });
});
afterAll(() => database.close());

describe("demo amendments", () => {
  it("has open and decided amendments on a norm in consultation, as the rules would have made them", async () => {
    const visitor = await callerAs(database.db, null);
    const listed = await visitor.amendments.forNorm({ slug: AMENDED_NORM });
    expect(listed.open).toBe(true);
    expect(listed.counts).toEqual({ open: 1, accepted: 1, declined: 1, withdrawn: 0, superseded: 0 });
    const [accepted, declined, open] = listed.amendments;
    expect(accepted).toEqual(expect.objectContaining({ state: "accepted", acceptedVersion: 3, organization: expect.objectContaining({ slug: "open-networks-ltd" }) }));
    expect(declined).toEqual(expect.objectContaining({ state: "declined", reason: expect.stringContaining("We keep it") }));
    // The open one still applies to the latest text, and shows under its clause.
    expect(open).toEqual(expect.objectContaining({ state: "open", conflict: false, currentClause: 3, comments: 1 }));
    expect(open!.support.byType).toEqual(expect.objectContaining({ individual: 1, state: 1 }));
    const norm = await visitor.norms.get({ slug: AMENDED_NORM });
    expect(norm.currentVersion).toBe(3);
    expect(norm.clauses[1]).toContain("campaign");
    expect(norm.versions[0]!.amendment).toEqual({ number: 1, authorName: "Rin Representative", organizationName: "Open Networks Ltd" });
    expect(norm.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(["amendmentAccepted", "amendmentDeclined"]));
    expect((await visitor.comments.list({ slug: AMENDED_NORM, amendment: 3 })).count).toBe(1);
  });
});
