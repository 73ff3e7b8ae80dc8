import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import forumsData from "~/db/reference-data/forums.json";
import referenceData from "~/db/reference-data/reference-norms.json";
import {
  forums,
  normCategories,
  normEvents,
  normFrozenFigures,
  norms,
  organizationMembers,
  organizations,
  referenceDocuments,
  referenceNormCategories,
  referenceNorms,
  users,
} from "~/db/schema";
import { demoDelegates, demoSecondDelegates } from "~/db/demo-delegates";
import { DEMO_FORMER_REPRESENTATIVE, DEMO_NOMINEE } from "~/db/demo-representation";
import { demoAccounts, seed } from "~/db/seed";
import { demoFrenchNorm } from "~/db/demo-translations";
import { slugify } from "~/server/domain/slug";
import { callerAs } from "./support/context";
import { regions, stakeholderTypes, userRoles } from "~/server/schemas/vocabulary";
import { createTestDatabase } from "./support/db";
import { clock } from "~/server/clock";
import { closesAtAfter } from "~/server/domain/stage-clock";

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
  it("has a norm whose authoritative text is French, with English and Arabic translations, found by a word in each of the three", async () => {
    const { db } = database;
    const visitor = await callerAs(db, null);
    const slug = slugify(demoFrenchNorm.title);
    const norm = await visitor.norms.get({ slug });
    expect(norm).toMatchObject({ language: "fr", title: demoFrenchNorm.title });
    expect(norm.translations.map((t) => [t.language, t.version]).sort()).toEqual([["ar", 1], ["en", 1]]);
    // French (the authoritative text), English and Arabic words; the list says which translation matched.
    for (const [q, matched] of [["divulgation", []], ["disclosure", ["en"]], ["الإبلاغ", ["ar"]]] as const) {
      const found = (await visitor.norms.list({ q })).items.find((n) => n.slug === slug);
      expect(found, q).toBeDefined();
      expect(found!.matchedLanguages).toEqual(matched);
    }
    // The site search too.
    expect((await visitor.search.all({ q: "vulnerability disclosure" })).proposals.items.map((p) => p.slug)).toContain(slug);
  });

  it("has a concluded norm with later adherence and a withdrawal, and frozen figures for every concluded norm", async () => {
    const { db } = database;
    const visitor = await callerAs(db, null);
    const slug = "national-points-of-contact-and-cooperation-on-incident-respo";
    const adherence = await visitor.positions.adherence({ slug });
    expect(adherence.frozen!.measures.counts).toMatchObject({ endorse: 6, abstain: 1, total: 7 });
    expect(adherence.series.map((p) => p.total)).toEqual([6, 7, 8, 9, 10, 9]);
    expect(adherence.live!.counts).toMatchObject({ endorse: 8, endorse_with_reservations: 1, abstain: 0 });
    const history = await visitor.positions.history({ slug });
    expect(history.entries.filter((e) => e.kind === "withdrawn").map((e) => e.organization.slug)).toEqual(["regional-cyber-cooperation-organisation"]);
    const concluded = await db.select({ id: norms.id }).from(norms).where(eq(norms.status, "concluded"));
    expect(await db.$count(normFrozenFigures)).toBe(concluded.length);
  });

  it("has organisations of every stakeholder type and region, and a user of every role, loaded once", async () => {
    const { db } = database;
    const orgs = await db.select().from(organizations);
    expect(new Set(orgs.map((o) => o.stakeholderType))).toEqual(new Set(stakeholderTypes));
    expect(new Set(orgs.map((o) => o.region))).toEqual(new Set(regions));
    const people = await db.select().from(users);
    expect(new Set(people.map((u) => u.role))).toEqual(new Set(userRoles));
    // Poland's second representative countersigns (db/demo-countersign.ts).
    const delegates = [...Object.values(demoDelegates), ...Object.values(demoSecondDelegates)].map((d) => d.email);
    // And the two people of the demo's representation history: Japan's nominee and Germany's former representative.
    expect(people.map((u) => u.email).sort()).toEqual([...Object.values(demoAccounts), ...delegates, DEMO_NOMINEE, DEMO_FORMER_REPRESENTATIVE].sort());
  });

  it("has staff who represent nobody, and a representative for every organisation", async () => {
    const { db } = database;
    const members = await db.select({ organizationId: organizationMembers.organizationId, role: organizationMembers.role, userRole: users.role }).from(organizationMembers).innerJoin(users, eq(users.id, organizationMembers.userId));
    expect(members.filter((m) => m.userRole !== "member")).toEqual([]);
    const orgs = await db.select({ id: organizations.id }).from(organizations);
    const represented = new Set(members.filter((m) => m.role === "representative").map((m) => m.organizationId));
    expect(orgs.filter((o) => !represented.has(o.id))).toEqual([]);
  });

  it("has positions whose stored measures match a fresh computation, and a discussion in every moderation state", async () => {
    const visitor = await callerAs(database.db, null);
    const core = await visitor.positions.forNorm({ slug: "protecting-the-public-core-of-the-internet" });
    expect(core.measures.counts.total).toBeGreaterThan(5);
    expect(core.uncounted.map((p) => p.organization.slug)).toEqual(["coalition-for-secure-networks"]);
    expect(core.positions.some((p) => !p.current)).toBe(true);
    const row = await database.db.query.norms.findFirst({ where: eq(norms.slug, "protecting-the-public-core-of-the-internet") });
    expect(row!.support).toBeCloseTo(core.measures.support!, 10);
    expect(row!.bridging).toBeCloseTo(core.measures.bridging, 10);
    const elections = await visitor.positions.forNorm({ slug: "protecting-electoral-infrastructure" });
    expect(elections.positions.find((p) => p.organization.slug === "ministry-of-foreign-affairs-of-kenya")).toMatchObject({ current: false, version: 1 });

    const discussion = await visitor.comments.list({ slug: "protecting-the-public-core-of-the-internet" });
    expect(new Set(discussion.threads.map((t) => t.status))).toEqual(new Set(["visible", "hidden"]));
    expect(discussion.threads.some((t) => t.replyCount >= 2)).toBe(true);
    const secretariat = await database.db.query.users.findFirst({ where: eq(users.email, demoAccounts.secretariat) });
    const queue = await (await callerAs(database.db, secretariat!)).moderation.queue();
    expect(queue.reported).toHaveLength(1);
    expect(queue.appeals).toHaveLength(1);
    expect((await visitor.moderation.log({})).items.map((i) => i.action)).toEqual(["hide"]);
  });

  it("gives every norm in consultation or endorsement a closing date, set on the move into its stage: one closing in two days, one past its date awaiting a decision, the rest the default ahead", async () => {
    const { db } = database;
    const rows = await db
      .select({ id: norms.id, title: norms.title, status: norms.status, stageClosesAt: norms.stageClosesAt, stageClosedAt: norms.stageClosedAt })
      .from(norms);
    const timed = rows.filter((r) => r.status === "consultation" || r.status === "endorsement");
    expect(timed.length).toBeGreaterThan(2);
    const soon = "Integrity of ICT supply chains and software updates";
    const past = "Preserving the integrity of financial system data";
    for (const norm of timed) {
      const days = norm.title === soon ? 2 : norm.title === past ? -3 : norm.status === "consultation" ? 60 : 45;
      expect(norm.stageClosesAt, norm.title).toEqual(closesAtAfter(clock.now(), days));
      const events = await db.select().from(normEvents).where(eq(normEvents.normId, norm.id));
      const start = events.filter((e) => e.type === (norm.status === "consultation" ? "submit" : "openEndorsement"));
      expect(start.map((e) => e.closesAt)).toEqual([norm.stageClosesAt]);
      // Past its date: the close is recorded as the tick would have, and the desk lists it.
      expect(norm.stageClosedAt).toEqual(norm.title === past ? norm.stageClosesAt : null);
      expect(events.filter((e) => e.type === "stageClosed").map((e) => e.createdAt)).toEqual(norm.title === past ? [norm.stageClosesAt] : []);
    }
    expect(timed.map((n) => n.title)).toEqual(expect.arrayContaining([soon, past]));
    expect(rows.filter((r) => r.status !== "consultation" && r.status !== "endorsement").every((r) => r.stageClosesAt === null)).toBe(true);
  });
});

describe("demo representation (issue 17)", () => {
  it("rests every representative of a verified organisation on a confirmed address at its confirmed domain, or on an exception", async () => {
    const { db } = database;
    const { confirmedAddresses } = await import("~/server/domain/addresses");
    const { confirmedDomains } = await import("~/server/domain/representation");
    const { domainOf } = await import("~/server/schemas/representation");
    const reps = await db.query.organizationMembers.findMany({ where: (m, { eq: is }) => is(m.role, "representative") });
    expect(reps.length).toBeGreaterThan(10);
    const modes = new Set<string>();
    for (const r of reps) {
      const organization = (await db.query.organizations.findFirst({ where: eq(organizations.id, r.organizationId) }))!;
      if (organization.verificationStatus === "pending") {
        modes.add("provisional");
        continue;
      }
      if (r.address) {
        expect(await confirmedAddresses(db, r.userId), organization.name).toContain(r.address);
        expect(await confirmedDomains(db, r.organizationId), organization.name).toContain(domainOf(r.address));
        modes.add("address");
      } else {
        expect(r.exceptionReason, organization.name).toBeTruthy();
        modes.add(r.exceptionReason === "Representative before verified domains (migration)" ? "migration" : "exception");
      }
    }
    expect([...modes].sort()).toEqual(["address", "exception", "migration", "provisional"]);
  });

  it("refuses to make member@ a representative of the Kenyan ministry, naming its domain", async () => {
    const { db } = database;
    const rep = (await db.query.users.findFirst({ where: eq(users.email, demoAccounts.representative) }))!;
    const member = (await db.query.users.findFirst({ where: eq(users.email, demoAccounts.member) }))!;
    const kenya = (await db.query.organizations.findFirst({ where: eq(organizations.name, "Ministry of Foreign Affairs of Kenya") }))!;
    const refused = await (await callerAs(db, rep)).organizations.setMemberRole({ organizationId: kenya.id, userId: member.id, role: "representative" }).catch((e: Error) => e);
    expect((refused as Error).message).toBe(
      "Mia Member needs a confirmed address at mfa-kenya.example to represent Ministry of Foreign Affairs of Kenya; they can add one on their account page.",
    );
  });
});

describe("demo countersignature and clearance (issue 17)", () => {
  it("has Poland's ministry require countersignature, with an entry waiting for Zofia Kowalska and her draft, seen by its representatives only", async () => {
    const { db } = database;
    const poland = (await db.query.organizations.findFirst({ where: eq(organizations.name, "Ministry of Foreign Affairs of Poland") }))!;
    expect(poland.requiresCountersignature).toBe(true);
    const zofia = (await db.query.users.findFirst({ where: eq(users.email, demoSecondDelegates["Ministry of Foreign Affairs of Poland"]!.email) }))!;
    const entries = await (await callerAs(db, zofia)).clearance.entries({ organizationId: poland.id });
    expect(entries.pending).toEqual([expect.objectContaining({ state: "pending", enteredBy: "Tomasz Nowak", viewer: expect.objectContaining({ canCountersign: true }) })]);
    expect(entries.drafts).toEqual([expect.objectContaining({ state: "draft", enteredBy: "Zofia Kowalska" })]);
    const visitor = await callerAs(db, null);
    const record = await visitor.positions.forOrganization({ slug: poland.slug });
    expect(record.positions.map((p) => p.norm.title)).not.toContain("Preserving the integrity of financial system data");
    expect(JSON.stringify(record)).not.toMatch(/systemically important|Draft for clearance/);
  });
});
