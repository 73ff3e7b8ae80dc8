// What one stock-take covers on a forum with more norms in endorsement or concluded than the bound:
// the default is the most-positioned, an explicit choice over the bound is refused, and the
// secretariat's form is offered the same list (docs/performance.md, "The stock-take and the exports
// at scale").
import { and, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { norms } from "~/db/schema";
import { STOCKTAKE_MAX_NORMS } from "~/server/schemas/stocktakes";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, zodPaths } from "./support/errors";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const EXTRA = 12;

/** STOCKTAKE_MAX_NORMS + EXTRA public norms, the i-th with i positions counted, plus a draft and a withdrawn norm with more. */
async function fillForum(proposerId: string) {
  const total = STOCKTAKE_MAX_NORMS + EXTRA;
  await database.db.execute(sql`
    insert into norms (slug, status, kind, bindingness, proposer_id, title, summary, submitted_at, position_count, created_at)
    select 'coverage-' || i, (case when i % 2 = 0 then 'endorsement' else 'concluded' end)::norm_status, 'mutual_restraint', 'political',
           ${proposerId}, 'Coverage norm ' || i, 'A norm for the coverage test.', now(), i, now() - make_interval(secs => i)
    from generate_series(1, ${total}) as i`);
  // Never coverable, whatever their counts: a draft and a withdrawn norm.
  await database.db.execute(sql`
    insert into norms (slug, status, kind, bindingness, proposer_id, title, summary, submitted_at, position_count)
    values ('coverage-draft', 'draft', 'mutual_restraint', 'political', ${proposerId}, 'A draft', 'Draft.', null, 100000),
           ('coverage-withdrawn', 'withdrawn', 'mutual_restraint', 'political', ${proposerId}, 'Withdrawn', 'Withdrawn.', now(), 100000)`);
  return total;
}

describe("what a stock-take covers on a large forum", () => {
  it("covers by default the norms with the most positions, up to the bound, and refuses a longer choice", async () => {
    const staffUser = await createUser(database.db, { role: "secretariat" });
    const staff = await callerAs(database.db, staffUser);
    const total = await fillForum(staffUser.id);

    const coverable = await staff.stocktakes.coverable();
    expect(coverable.eligible).toBe(total);
    expect(coverable.limit).toBe(STOCKTAKE_MAX_NORMS);
    expect(coverable.norms).toHaveLength(STOCKTAKE_MAX_NORMS);
    // Most positions first: total, total - 1, … down to EXTRA + 1.
    expect(coverable.norms.map((n) => n.positionCount)).toEqual(Array.from({ length: STOCKTAKE_MAX_NORMS }, (_, i) => total - i));
    expect(coverable.norms.every((n) => n.status === "endorsement" || n.status === "concluded")).toBe(true);

    const opened = await staff.stocktakes.open({ year: 2041, opensOn: "2041-01-01", closesOn: "2041-02-01" });
    expect(opened.items).toBe(STOCKTAKE_MAX_NORMS + 33);
    const st = await staff.stocktakes.get({ year: 2041 });
    const covered = new Set(st.items.filter((i) => i.kind === "forum").map((i) => i.slug));
    expect(covered.size).toBe(STOCKTAKE_MAX_NORMS);
    expect(covered.has(`coverage-${total}`)).toBe(true);
    expect(covered.has(`coverage-${EXTRA + 1}`)).toBe(true);
    expect(covered.has(`coverage-${EXTRA}`)).toBe(false);
    expect(covered.has("coverage-draft") || covered.has("coverage-withdrawn")).toBe(false);

    const ids = (
      await database.db
        .select({ id: norms.id })
        .from(norms)
        .where(and(like(norms.slug, "coverage-%"), inArray(norms.status, ["endorsement", "concluded"])))
        .orderBy(norms.id)
        .limit(STOCKTAKE_MAX_NORMS + 1)
    ).map((r) => r.id);
    const refused = await failure(staff.stocktakes.open({ year: 2042, opensOn: "2042-01-01", closesOn: "2042-02-01", normIds: ids }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(zodPaths(refused)).toEqual(["normIds"]);
    expect(refused.message).toMatch(/at most 500 forum norms/);
    // Exactly the bound is accepted.
    await staff.stocktakes.open({ year: 2042, opensOn: "2042-01-01", closesOn: "2042-02-01", normIds: ids.slice(0, STOCKTAKE_MAX_NORMS), referenceNormIds: [] });
    expect((await staff.stocktakes.get({ year: 2042 })).items).toHaveLength(STOCKTAKE_MAX_NORMS);
  });

  it("offers the list to the secretariat only", async () => {
    const member = await callerAs(database.db, await createUser(database.db));
    expect((await failure(member.stocktakes.coverable())).code).toBe("FORBIDDEN");
    const visitor = await callerAs(database.db, null);
    expect((await failure(visitor.stocktakes.coverable())).code).toBe("UNAUTHORIZED");
  });
});
