import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { joinRequests, organizationMembers, organizations } from "~/db/schema";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, zodPaths } from "./support/errors";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const valid = {
  name: "Cyber Peace Network",
  stakeholderType: "civil_society" as const,
  region: "african" as const,
  country: "ke",
  website: "https://cyberpeace.example",
  description: "A network of NGOs.",
};

describe("registering an organisation", () => {
  it("makes the creator its first representative and leaves it unverified", async () => {
    const user = await createUser(database.db);
    const api = await callerAs(database.db, user);
    const { slug } = await api.organizations.create(valid);
    expect(slug).toBe("cyber-peace-network");
    const org = await api.organizations.get({ slug });
    expect(org).toMatchObject({ verificationStatus: "pending", country: "KE", myMembership: { role: "representative" } });
    // A second one with the same name gets its own slug.
    expect((await api.organizations.create(valid)).slug).toBe("cyber-peace-network-2");
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const api = await callerAs(database.db, await createUser(database.db));
    const before = await database.db.$count(organizations);
    const bad = await failure(
      api.organizations.create({
        ...valid,
        name: "x".repeat(161),
        stakeholderType: "church" as never,
        country: "XX",
        website: "javascript:alert(1)",
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(zodPaths(bad)).toEqual(expect.arrayContaining(["name", "stakeholderType", "country", "website"]));
    const stateless = await failure(api.organizations.create({ ...valid, stakeholderType: "state", country: "" }));
    expect(zodPaths(stateless)).toContain("country");
    expect(await database.db.$count(organizations)).toBe(before);
  });
});

describe("joining an organisation", () => {
  it("runs request → approve, refuses asking twice or joining twice, and declines", async () => {
    const rep = await createUser(database.db);
    const org = await createOrganization(database.db, { createdById: rep.id, status: "verified" });
    const applicant = await createUser(database.db);
    const asApplicant = await callerAs(database.db, applicant);
    const asRep = await callerAs(database.db, rep);

    const request = await asApplicant.organizations.requestJoin({ organizationId: org.id, message: "I work there." });
    const twice = await failure(asApplicant.organizations.requestJoin({ organizationId: org.id }));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toMatch(/already asked/);

    const pending = await asRep.organizations.joinRequests({ organizationId: org.id });
    expect(pending.map((r) => r.id)).toEqual([request.id]);
    await asRep.organizations.decideJoinRequest({ organizationId: org.id, requestId: request.id, decision: "approve" });
    const again = await failure(asRep.organizations.decideJoinRequest({ organizationId: org.id, requestId: request.id, decision: "decline" }));
    expect(again.code).toBe("PRECONDITION_FAILED");

    const member = await failure(asApplicant.organizations.requestJoin({ organizationId: org.id }));
    expect(member.message).toMatch(/already a member/);

    const other = await createUser(database.db);
    const declined = await (await callerAs(database.db, other)).organizations.requestJoin({ organizationId: org.id });
    await asRep.organizations.decideJoinRequest({ organizationId: org.id, requestId: declined.id, decision: "decline" });
    expect(
      await database.db.query.organizationMembers.findFirst({
        where: and(eq(organizationMembers.organizationId, org.id), eq(organizationMembers.userId, other.id)),
      }),
    ).toBeUndefined();
  });

  it("lets a person belong to several organisations and withdraw a request", async () => {
    const user = await createUser(database.db);
    const a = await createOrganization(database.db, { createdById: (await createUser(database.db)).id });
    const b = await createOrganization(database.db, { createdById: (await createUser(database.db)).id });
    await addMember(database.db, a.id, user.id);
    await addMember(database.db, b.id, user.id);
    const api = await callerAs(database.db, user);
    const c = await createOrganization(database.db, { createdById: (await createUser(database.db)).id });
    const request = await api.organizations.requestJoin({ organizationId: c.id });
    await api.organizations.withdrawJoinRequest({ requestId: request.id });
    const mine = await api.organizations.mine();
    expect(mine.memberships.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect(mine.pendingRequests).toEqual([]);
    const row = await database.db.query.joinRequests.findFirst({ where: eq(joinRequests.id, request.id) });
    expect(row?.status).toBe("withdrawn");
  });
});

describe("representatives", () => {
  it("promote and remove members, but never the last representative", async () => {
    const rep = await createUser(database.db);
    const org = await createOrganization(database.db, { createdById: rep.id });
    const member = await createUser(database.db);
    await addMember(database.db, org.id, member.id);
    const api = await callerAs(database.db, rep);

    const demote = await failure(api.organizations.setMemberRole({ organizationId: org.id, userId: rep.id, role: "member" }));
    expect(demote.message).toMatch(/at least one representative/);
    const remove = await failure(api.organizations.removeMember({ organizationId: org.id, userId: rep.id }));
    expect(remove.message).toMatch(/at least one representative/);
    const leave = await failure(api.organizations.leave({ organizationId: org.id }));
    expect(leave.message).toMatch(/at least one representative/);

    await api.organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" });
    await api.organizations.leave({ organizationId: org.id });
    const members = await (await callerAs(database.db, member)).organizations.members({ organizationId: org.id });
    expect(members.map((m) => [m.userId, m.role])).toEqual([[member.id, "representative"]]);
  });

  it("send a verified organisation back to the queue when they change who it is", async () => {
    const rep = await createUser(database.db);
    const org = await createOrganization(database.db, { createdById: rep.id, status: "verified", name: "Alpha Institute", stakeholderType: "academia", region: "weog" });
    const api = await callerAs(database.db, rep);
    const same = { organizationId: org.id, name: "Alpha Institute", stakeholderType: "academia" as const, region: "weog" as const, country: "", website: "", description: "New words" };
    expect((await api.organizations.update(same)).returnedToQueue).toBe(false);
    expect((await api.organizations.update({ ...same, name: "Beta Institute" })).returnedToQueue).toBe(true);
    const row = await database.db.query.organizations.findFirst({ where: eq(organizations.id, org.id) });
    expect(row?.verificationStatus).toBe("pending");
  });
});

describe("the directory and public pages", () => {
  it("filters by type and region, hides rejected organisations, and lists only members who chose to be listed", async () => {
    const creator = await createUser(database.db, { displayName: "Listed Person" });
    const listed = await createOrganization(database.db, { createdById: creator.id, name: "Zeta Ministry", stakeholderType: "state", region: "asia_pacific", country: "JP", status: "verified" });
    const hiddenMember = await createUser(database.db, { displayName: "Hidden Person" });
    await addMember(database.db, listed.id, hiddenMember.id, "member", false);
    await createOrganization(database.db, { createdById: creator.id, name: "Zeta Rejected", stakeholderType: "state", region: "asia_pacific", country: "JP", status: "rejected" });

    const visitor = await callerAs(database.db, null);
    const result = await visitor.organizations.list({ stakeholderType: "state", region: "asia_pacific" });
    expect(result.items.map((o) => o.name)).toEqual(["Zeta Ministry"]);
    const page = await visitor.organizations.get({ slug: listed.slug });
    expect(page.listedMembers.map((m) => m.displayName)).toEqual(["Listed Person"]);
    expect(page).not.toHaveProperty("createdById");

    const rejected = await database.db.query.organizations.findFirst({ where: eq(organizations.name, "Zeta Rejected") });
    expect((await failure(visitor.organizations.get({ slug: rejected!.slug }))).code).toBe("NOT_FOUND");
    // Its own representative still sees it, with the reason.
    expect((await (await callerAs(database.db, creator)).organizations.get({ slug: rejected!.slug })).verificationStatus).toBe("rejected");
  });

  it("pages through results", async () => {
    const creator = await createUser(database.db);
    for (const n of [1, 2, 3]) await createOrganization(database.db, { createdById: creator.id, name: `Paged Org ${n}`, status: "verified" });
    const visitor = await callerAs(database.db, null);
    const first = await visitor.organizations.list({ q: "Paged Org", limit: 2 });
    expect(first.items.map((o) => o.name)).toEqual(["Paged Org 1", "Paged Org 2"]);
    expect(first.total).toBe(3);
    const second = await visitor.organizations.list({ q: "Paged Org", limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((o) => o.name)).toEqual(["Paged Org 3"]);
    expect(second.nextCursor).toBeNull();
  });

  it("escapes wildcards in the name search", async () => {
    expect((await (await callerAs(database.db, null)).organizations.list({ q: "%" })).items).toEqual([]);
  });
});
