// The secretariat is neutral (issue 17): staff accounts belong to no organisation and enter nothing
// for one. Refused by the policy (a clear FORBIDDEN), by the domain (a role change while memberships
// remain) and by the database itself (migration 0029), whatever path a write takes.
import { TRPCError } from "@trpc/server";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { auditLog, joinRequests, normPositionHistory, normPositions, norms, organizationMembers, users } from "~/db/schema";
import { staffTakeNoPart } from "~/server/policy";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure } from "./support/errors";
import { actorsFor, coded, sourcesFor } from "./support/observations";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database.close();
});

const normFields = {
  title: "A norm on neutral clerks",
  summary: "A summary long enough to pass the validation rules.",
  clauses: ["States should do the first thing."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: ["ungge-f"],
};

/** The database's refusal of a write, by constraint name (Drizzle wraps the driver's error). */
async function refusedBy(write: Promise<unknown>): Promise<string | undefined> {
  try {
    await write;
  } catch (error) {
    const cause = (error as { cause?: { constraint_name?: string; constraint?: string } }).cause;
    return cause?.constraint_name ?? cause?.constraint;
  }
  return undefined;
}

describe("staff take no part as participants", () => {
  it("refuses a secretariat or admin account registering, joining, recording, filing or logging, with the reason", async () => {
    const representative = await createUser(db);
    const organization = await createOrganization(db, { createdById: representative.id, status: "verified" });
    for (const role of ["secretariat", "admin"] as const) {
      const staff = await callerAs(db, await createUser(db, { role }));
      const attempts: [string, Promise<unknown>][] = [
        ["create", staff.organizations.create({ name: "Clerks for Neutrality", stakeholderType: "civil_society", region: "global", description: "" })],
        ["requestJoin", staff.organizations.requestJoin({ organizationId: organization.id })],
        ["record", staff.positions.record({ normId: crypto.randomUUID(), organizationId: organization.id, stance: "endorse", statement: "" })],
        ["statementForm", staff.stocktakes.statementForm({ year: 2031 })],
        ["logObservation", staff.stocktakes.logObservation({ year: 2031, title: "An observation", description: "What happened, in enough words to pass.", occurredOn: "2031-02-01", actors: actorsFor([organization.id], []), ...coded, sources: sourcesFor("https://example.test/a"), assessments: [] })],
      ];
      for (const [what, attempt] of attempts) {
        const error = await failure(attempt);
        expect(error.code, `${role} ${what}`).toBe("FORBIDDEN");
        expect(error.message, `${role} ${what}`).toBe(staffTakeNoPart);
      }
    }
    // Nothing was written on their behalf.
    const staffMemberships = await db
      .select({ userId: organizationMembers.userId })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(inArray(users.role, ["secretariat", "admin"]));
    expect(staffMemberships).toEqual([]);
  });

  it("lets a member take part as before", async () => {
    const person = await callerAs(db, await createUser(db));
    await expect(person.organizations.create({ name: "Plain Members Association", stakeholderType: "civil_society", region: "global", description: "" })).resolves.toMatchObject({ slug: "plain-members-association" });
  });
});

describe("the database refuses what the policy refuses", () => {
  it("refuses a staff membership, even written directly", async () => {
    const representative = await createUser(db);
    const organization = await createOrganization(db, { createdById: representative.id, status: "verified" });
    const clerk = await createUser(db, { role: "secretariat" });
    expect(await refusedBy(addMember(db, organization.id, clerk.id))).toBe("organization_members_no_staff");
    expect(await db.query.organizationMembers.findFirst({ where: eq(organizationMembers.userId, clerk.id) })).toBeUndefined();
  });

  it("refuses a position entered by a staff account, even written directly", async () => {
    const representative = await createUser(db);
    const organization = await createOrganization(db, { createdById: representative.id, status: "verified" });
    const created = await (await callerAs(db, representative)).norms.create(normFields);
    const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, created.slug) }))!;
    const clerk = await createUser(db, { role: "admin" });
    const entry = { normId: norm.id, organizationId: organization.id, sequence: 1, kind: "recorded" as const, stance: "endorse" as const, version: 1 };
    expect(await refusedBy(db.insert(normPositionHistory).values({ ...entry, recordedById: clerk.id }))).toBe("norm_position_history_no_staff");
    // The same row entered by the organisation's representative is accepted.
    await db.insert(normPositionHistory).values({ ...entry, recordedById: representative.id });
    // The current position too, inserted or changed to name a staff account (migration 0045 reads the column itself).
    const position = { normId: norm.id, organizationId: organization.id, stance: "endorse" as const, version: 1, sequence: 1 };
    expect(await refusedBy(db.insert(normPositions).values({ ...position, recordedById: clerk.id }))).toBe("norm_positions_no_staff");
    await db.insert(normPositions).values({ ...position, recordedById: representative.id });
    const own = and(eq(normPositions.normId, norm.id), eq(normPositions.organizationId, organization.id));
    expect(await refusedBy(db.update(normPositions).set({ recordedById: clerk.id }).where(own))).toBe("norm_positions_no_staff");
    expect((await db.query.normPositions.findFirst({ where: own }))!.recordedById).toBe(representative.id);
  });
});

describe("a role change while memberships remain", () => {
  it("is refused with the organisations named, and allowed once the person has left them", async () => {
    const admin = await callerAs(db, await createUser(db, { role: "admin" }));
    const person = await createUser(db, { displayName: "Petra Person" });
    const owner = await createUser(db);
    const organization = await createOrganization(db, { name: "Ministry of Clerks", createdById: owner.id, status: "verified" });
    await addMember(db, organization.id, person.id, "member");

    const refused = await failure(admin.users.setRole({ userId: person.id, role: "secretariat" }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain("Petra Person belongs to Ministry of Clerks");
    expect(refused.message).toContain("leave it before taking the secretariat role");
    expect((await db.query.users.findFirst({ where: eq(users.id, person.id) }))!.role).toBe("member");

    // The database refuses the same change made directly.
    expect(await refusedBy(db.update(users).set({ role: "admin" }).where(eq(users.id, person.id)))).toBe("users_staff_without_memberships");

    await (await callerAs(db, person)).organizations.leave({ organizationId: organization.id });
    await expect(admin.users.setRole({ userId: person.id, role: "secretariat" })).resolves.toEqual({ role: "secretariat" });
    // And back: leaving the staff needs no check.
    await expect(admin.users.setRole({ userId: person.id, role: "member" })).resolves.toEqual({ role: "member" });
  });

  it("turns an approval of someone who has since joined the staff into a clear refusal", async () => {
    const representative = await createUser(db);
    const organization = await createOrganization(db, { createdById: representative.id, status: "verified" });
    const applicant = await createUser(db);
    const request = await (await callerAs(db, applicant)).organizations.requestJoin({ organizationId: organization.id });
    await db.update(users).set({ role: "secretariat" }).where(eq(users.id, applicant.id));
    const error = await failure((await callerAs(db, representative)).organizations.decideJoinRequest({ organizationId: organization.id, requestId: request.id, decision: "approve" }));
    expect(error).toBeInstanceOf(TRPCError);
    expect(error.message).toContain("works for the secretariat");
    // The request is still pending: the refusal wrote nothing.
    expect((await db.query.joinRequests.findFirst({ where: eq(joinRequests.id, request.id) }))?.status).toBe("pending");
    expect(await db.query.auditLog.findFirst({ where: eq(auditLog.targetId, organization.id) })).toBeUndefined();
  });
});
