// The published criteria of the secretariat's moves: evaluated on the norm's live figures, shown on
// the norm page and in open data, and a move whose criteria are not met is made only as an
// override with its reason; every secretariat move carries a public outcome statement.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { normEvents, norms, type Region, type StakeholderType } from "~/db/schema";
import { setClock } from "~/server/clock";
import { evaluate, factsOf, unmetWords } from "~/server/domain/criteria";
import { countedByGroup } from "~/server/domain/measures";
import { serialiseNorm } from "~/server/open-data/serialise";
import { normDetail } from "~/server/open-data/schemas";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { responseTeamNormFields } from "./support/moves";
import { failure, zodMessageAt } from "./support/errors";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());
afterEach(() => setClock(null));

const fields = responseTeamNormFields;
const STATEMENT = "Endorsement closed with broad support across groups; the criteria are met.";

describe("the facts and their evaluation", () => {
  it("counts stakeholder types and the five UN regional groups (not 'global') that took a position", () => {
    const position = (stakeholderType: StakeholderType, region: Region, stance: "endorse" | "abstain" | "object" = "endorse") => ({
      stakeholderType,
      region,
      stance,
      verified: true,
      current: true,
    });
    const positions = [position("state", "african"), position("state", "weog", "abstain"), position("academia", "global"), position("civil_society", "asia_pacific", "object")];
    const facts = factsOf({ countedByGroup: countedByGroup(positions), positionCount: 4, bridging: 0.42 }, true);
    expect(facts).toEqual({ stageClosed: true, organizations: 4, stakeholderTypes: 3, regions: 3, bridging: 0.42 });
    const results = evaluate(
      [
        { criterion: "stageClosed", threshold: 1 },
        { criterion: "minOrganizations", threshold: 10 },
        { criterion: "minRegions", threshold: 3 },
        { criterion: "minBridging", threshold: 0.42 },
      ],
      facts,
    );
    expect(results.map((r) => r.met)).toEqual([true, false, true, true]);
    expect(unmetWords(results)).toBe("4 verified organisations took a position, of the 10 required");
  });
});

async function people() {
  const proposerUser = await createUser(db);
  const secretariatUser = await createUser(db, { role: "secretariat" });
  return { proposer: await callerAs(db, proposerUser), secretariat: await callerAs(db, secretariatUser), visitor: await callerAs(db, null) };
}

async function inEndorsement(title: string, who: Awaited<ReturnType<typeof people>>) {
  const { slug } = await who.proposer.norms.create({ ...fields, title });
  const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await who.proposer.norms.submit({ normId: norm.id });
  return { id: norm.id, slug };
}

describe("secretariat moves against the published criteria", () => {
  it("refuses a move whose criteria are not met unless it is an override with a reason, and records and publishes the override", async () => {
    setClock(new Date("2031-06-01T10:00:00Z"));
    const who = await people();
    const norm = await inEndorsement("A norm moved before consultation closes", who);
    // No statement: a field error.
    expect(zodMessageAt(await failure(who.secretariat.norms.transition({ normId: norm.id, transition: "openEndorsement", statement: "" })), "statement")).toMatch(
      /outcome statement/,
    );
    // Consultation still open: refused, saying which criterion is unmet.
    const refused = await failure(who.secretariat.norms.transition({ normId: norm.id, transition: "openEndorsement", statement: STATEMENT }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toBe(
      "The published criteria for moving to endorsement are not met: the stage has not reached its closing date. The move can only be made as an override, with its reason.",
    );
    // An override needs its reason.
    expect(
      zodMessageAt(
        await failure(who.secretariat.norms.transition({ normId: norm.id, transition: "openEndorsement", statement: STATEMENT, override: true, overrideReason: "" })),
        "overrideReason",
      ),
    ).toMatch(/Say why/);
    const moved = await who.secretariat.norms.transition({
      normId: norm.id,
      transition: "openEndorsement",
      statement: "The text has settled and the proposer asked for positions early.",
      override: true,
      overrideReason: "All comments were answered and no change was asked for in the last month.",
    });
    expect(moved.override).toBe(true);
    const [event] = await db.select().from(normEvents).where(eq(normEvents.normId, norm.id)).orderBy(normEvents.createdAt).then((rows) => rows.filter((r) => r.type === "openEndorsement"));
    expect(event).toMatchObject({ override: true, overrideReason: "All comments were answered and no change was asked for in the last month.", note: "The text has settled and the proposer asked for positions early." });
    expect(event!.criteria).toEqual([{ criterion: "stageClosed", threshold: 1, value: 0, met: false }]);

    const detail = normDetail.parse(serialiseNorm(await who.visitor.norms.get({ slug: norm.slug })));
    expect(detail.decisions.at(-1)).toMatchObject({ move: "openEndorsement", override: true, statement: "The text has settled and the proposer asked for positions early." });
    expect(detail.nextStep?.move).toBe("conclude");
    expect(detail.nextStep?.criteria.map((c) => c.criterion)).toEqual(["stageClosed", "minOrganizations", "minStakeholderTypes", "minRegions", "minBridging"]);
  });

  it("concludes without an override once every criterion is met, and records the criteria as they stood", async () => {
    setClock(new Date("2031-07-01T10:00:00Z"));
    const who = await people();
    const norm = await inEndorsement("A norm endorsed across every group", who);
    const row = (await db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!;
    // Consultation runs its course; endorsement opens without an override.
    setClock(row.stageClosesAt!);
    await who.secretariat.norms.transition({ normId: norm.id, transition: "openEndorsement", statement: "Consultation closed on its date; the text is ready for positions." });
    // Twelve verified organisations across all types and regions endorse.
    const types: StakeholderType[] = ["state", "intergovernmental", "private_sector", "civil_society", "academia", "technical_community"];
    const regionList: Region[] = ["african", "asia_pacific", "eastern_european", "latin_american_caribbean", "weog", "global"];
    for (let i = 0; i < 12; i++) {
      const rep = await createUser(db);
      const org = await createOrganization(db, { createdById: rep.id, status: "verified", stakeholderType: types[i % 6], region: regionList[i % 6] });
      await (await callerAs(db, rep)).positions.record({ normId: norm.id, organizationId: org.id, stance: "endorse" });
    }
    const open = await who.visitor.norms.get({ slug: norm.slug });
    expect(open.nextStep?.criteria.filter((c) => !c.met).map((c) => c.criterion)).toEqual(["stageClosed"]);
    setClock((await db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!.stageClosesAt!);
    const done = await who.secretariat.norms.transition({ normId: norm.id, transition: "conclude", statement: STATEMENT });
    expect(done.override).toBe(false);
    const page = await who.visitor.norms.get({ slug: norm.slug });
    const conclusion = page.timeline.find((e) => e.type === "conclude")!;
    expect(conclusion).toMatchObject({ override: false, note: STATEMENT });
    expect(conclusion.criteria?.every((c) => c.met)).toBe(true);
    expect(conclusion.criteria?.find((c) => c.criterion === "minOrganizations")?.value).toBe(12);
    expect(page.nextStep).toBeNull();
  });

  it("asks an outcome statement of a merge too", async () => {
    const who = await people();
    const a = await inEndorsement("A norm that survives a merge", who);
    const b = await inEndorsement("A duplicate that is merged", who);
    expect(zodMessageAt(await failure(who.secretariat.norms.merge({ normId: b.id, intoSlug: a.slug, statement: "dup" })), "statement")).toMatch(/outcome statement/);
    await who.secretariat.norms.merge({ normId: b.id, intoSlug: a.slug, statement: "Both proposals protect response teams in the same words." });
    const detail = normDetail.parse(serialiseNorm(await who.visitor.norms.get({ slug: b.slug })));
    expect(detail.decisions.at(-1)).toMatchObject({ move: "merge", statement: "Both proposals protect response teams in the same words.", override: false, criteria: null });
  });
});
