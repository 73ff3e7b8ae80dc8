// Observers (issue 17): an organisation may take part as an observer. It follows the forum,
// comments and files statements, but takes no positions; its representatives can ask the
// secretariat to make it a full participant.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { auditLog, normPositionHistory, normPositions, norms, organizations } from "~/db/schema";
import { observerRefusal } from "~/server/domain/positions";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, zodMessageAt } from "./support/errors";
import { responseTeamNormFields } from "./support/moves";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database.close();
});

let titles = 0;
/** A norm in consultation, proposed by someone else. */
async function openNorm() {
  const proposer = await callerAs(db, await createUser(db));
  const { slug } = await proposer.norms.create({ ...responseTeamNormFields, title: `Observers and response teams ${titles++}` });
  const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await proposer.norms.submit({ normId: norm.id });
  return norm;
}

async function observer() {
  const repUser = await createUser(db);
  const organization = await createOrganization(db, { createdById: repUser.id, status: "verified", participation: "observer", name: `Observing Body ${titles++}` });
  return { rep: await callerAs(db, repUser), repUser, organization };
}

describe("registering", () => {
  it("takes part fully unless the registration says observer", async () => {
    const person = await callerAs(db, await createUser(db));
    const full = await person.organizations.create({ name: "Full Participants Union", stakeholderType: "civil_society", region: "global", description: "" });
    const watching = await person.organizations.create({ name: "Watchful Observers Network", stakeholderType: "academia", region: "global", description: "", participation: "observer" });
    const row = async (slug: string) => (await db.query.organizations.findFirst({ where: eq(organizations.slug, slug) }))!.participation;
    expect(await row(full.slug)).toBe("participant");
    expect(await row(watching.slug)).toBe("observer");
    const bad = await failure(person.organizations.create({ name: "Odd Participation Body", stakeholderType: "academia", region: "global", description: "", participation: "spectator" as "observer" }));
    expect(zodMessageAt(bad, "participation")).toBe("Choose whether the organisation takes part fully or as an observer.");
  });
});

describe("an observer", () => {
  it("takes no positions: refused with what it can do instead, and nothing is written", async () => {
    const { rep, organization } = await observer();
    const norm = await openNorm();
    const error = await failure(rep.positions.record({ normId: norm.id, organizationId: organization.id, stance: "endorse", statement: "" }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toBe(observerRefusal(organization.name));
    expect(await db.query.normPositions.findFirst({ where: eq(normPositions.organizationId, organization.id) })).toBeUndefined();
    expect(await db.query.normPositionHistory.findFirst({ where: eq(normPositionHistory.organizationId, organization.id) })).toBeUndefined();
    const after = (await db.query.norms.findFirst({ where: eq(norms.id, norm.id) }))!;
    expect(after.positionCount).toBe(0);
  });

  it("comments on behalf of its organisation", async () => {
    const { rep, organization } = await observer();
    const norm = await openNorm();
    const comment = await rep.comments.create({ normId: norm.id, body: "We follow this closely and offer our research.", organizationId: organization.id });
    expect(comment).toMatchObject({ id: expect.any(String) });
  });

  it("is listed and served as an observer", async () => {
    const { organization } = await observer();
    const visitor = await callerAs(db, null);
    const page = await visitor.organizations.get({ slug: organization.slug });
    expect(page.participation).toBe("observer");
    expect(page.participationRequestedAt).toBeNull();
    const listed = await visitor.organizations.list({ participation: "observer", limit: 100 });
    expect(listed.items.every((o) => o.participation === "observer")).toBe(true);
    expect(listed.items.map((o) => o.slug)).toContain(organization.slug);
    expect((await visitor.organizations.list({ participation: "participant", limit: 100 })).items.map((o) => o.slug)).not.toContain(organization.slug);
  });
});

describe("asking to take part fully", () => {
  it("waits for the secretariat, which approves: then the organisation takes positions", async () => {
    const { rep, repUser, organization } = await observer();
    const { requestedAt } = await rep.organizations.requestParticipation({ organizationId: organization.id });
    expect(requestedAt).toBeInstanceOf(Date);
    // Its members see the request; a visitor does not.
    expect((await rep.organizations.get({ slug: organization.slug })).participationRequestedAt).toEqual(requestedAt);
    expect((await (await callerAs(db, null)).organizations.get({ slug: organization.slug })).participationRequestedAt).toBeNull();
    const twice = await failure(rep.organizations.requestParticipation({ organizationId: organization.id }));
    expect(twice.message).toContain("has already asked to take part fully");

    const clerk = await callerAs(db, await createUser(db, { role: "secretariat" }));
    const queue = await clerk.verification.participationRequests();
    expect(queue.find((r) => r.id === organization.id)).toMatchObject({ name: organization.name, requestedBy: repUser.displayName });
    expect(await clerk.verification.decideParticipation({ organizationId: organization.id, decision: "approve" })).toEqual({ participation: "participant" });
    expect((await clerk.verification.participationRequests()).find((r) => r.id === organization.id)).toBeUndefined();
    expect(await db.query.auditLog.findFirst({ where: and(eq(auditLog.action, "organization.participation_approved"), eq(auditLog.targetId, organization.id)) })).toBeDefined();

    const norm = await openNorm();
    await expect(rep.positions.record({ normId: norm.id, organizationId: organization.id, stance: "endorse", statement: "" })).resolves.toMatchObject({ changed: true });
    // A full participant has nothing to ask.
    expect((await failure(rep.organizations.requestParticipation({ organizationId: organization.id }))).message).toContain("already takes part fully");
  });

  it("may be declined, only with a reason; the organisation stays an observer and may ask again", async () => {
    const { rep, organization } = await observer();
    await rep.organizations.requestParticipation({ organizationId: organization.id });
    const clerk = await callerAs(db, await createUser(db, { role: "secretariat" }));
    const noReason = await failure(clerk.verification.decideParticipation({ organizationId: organization.id, decision: "decline" }));
    expect(zodMessageAt(noReason, "reason")).toBe("Say why the request is declined (at least 10 characters).");
    const reason = "Its charter commits it to observe only; say more when that changes.";
    expect(await clerk.verification.decideParticipation({ organizationId: organization.id, decision: "decline", reason })).toEqual({ participation: "observer" });
    const entry = await db.query.auditLog.findFirst({ where: and(eq(auditLog.action, "organization.participation_declined"), eq(auditLog.targetId, organization.id)) });
    expect(entry?.details).toMatchObject({ reason });
    // Nothing waits now, and asking again is possible.
    expect((await failure(clerk.verification.decideParticipation({ organizationId: organization.id, decision: "approve" }))).message).toContain("has no request to take part fully waiting");
    await expect(rep.organizations.requestParticipation({ organizationId: organization.id })).resolves.toBeDefined();
  });

  it("is for the organisation's representatives only", async () => {
    const { organization } = await observer();
    const outsider = await callerAs(db, await createUser(db));
    expect((await failure(outsider.organizations.requestParticipation({ organizationId: organization.id }))).code).toBe("FORBIDDEN");
    expect((await db.query.organizations.findFirst({ where: eq(organizations.id, organization.id) }))!.participationRequestedAt).toBeNull();
  });
});
