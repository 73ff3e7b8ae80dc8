// Co-sponsors of a norm (issue 17): a representative of a verified organisation asks, the norm's
// authors (or the proposing organisation's representatives) accept or decline, the organisation
// may withdraw its request or its sponsorship; the public sees accepted sponsors only, with their
// type and region, on the norm and in open data, and the timeline records who joined and left.
// Every refusal leaves nothing written.
import type { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { normEvents, norms, normSponsors, organizations } from "~/db/schema";
import { setClock } from "~/server/clock";
import { normResponse } from "~/server/open-data/norms";
import { normDetail } from "~/server/open-data/schemas";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { mergeStatement, responseTeamNormFields } from "./support/moves";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());
afterEach(() => setClock(null));

const refusedWith = (code: TRPCError["code"], message: RegExp) => expect.objectContaining({ code, message: expect.stringMatching(message) });

let counter = 0;

/**
 * A norm in consultation proposed for a verified organisation (the proposer and a colleague
 * represent it), with a co-author; organisations that may sponsor it, one unverified; and people.
 */
async function setting() {
  const n = ++counter;
  const proposerUser = await createUser(db, { displayName: "Pat Proposer" });
  const colleagueUser = await createUser(db, { displayName: "Cole Colleague" });
  const coauthorUser = await createUser(db);
  const sponsorRepUser = await createUser(db, { displayName: "Sasha Sponsor" });
  const otherRepUser = await createUser(db);
  const memberUser = await createUser(db);
  const strangerUser = await createUser(db);
  const staffUser = await createUser(db, { role: "secretariat" });
  // One verified state organisation per country: each setting's are from countries of their own.
  const [proposingCountry, sponsorCountry] = [["DE", "KE"], ["FR", "GH"], ["IT", "NG"], ["ES", "SN"], ["PT", "TZ"], ["NL", "UG"], ["BE", "ZA"], ["AT", "ET"], ["SE", "RW"], ["FI", "ZM"]][n - 1]!;
  const proposing = await createOrganization(db, { name: `Proposing Ministry ${n}`, createdById: proposerUser.id, status: "verified", stakeholderType: "state", region: "weog", country: proposingCountry });
  await addMember(db, proposing.id, colleagueUser.id, "representative");
  const sponsorOrg = await createOrganization(db, { name: `Sponsoring Ministry ${n}`, createdById: sponsorRepUser.id, status: "verified", stakeholderType: "state", region: "african", country: sponsorCountry });
  await addMember(db, sponsorOrg.id, memberUser.id, "member");
  const otherOrg = await createOrganization(db, { name: `Response Team Network ${n}`, createdById: otherRepUser.id, status: "verified", stakeholderType: "technical_community", region: "global" });
  const unverified = await createOrganization(db, { name: `Unverified Group ${n}`, createdById: sponsorRepUser.id, stakeholderType: "civil_society" });
  const observer = await createOrganization(db, { name: `Observing Body ${n}`, createdById: otherRepUser.id, status: "verified", stakeholderType: "intergovernmental" });
  await db.update(organizations).set({ participation: "observer" }).where(eq(organizations.id, observer.id));
  const proposer = await callerAs(db, proposerUser);
  const { slug } = await proposer.norms.create({ ...responseTeamNormFields, title: `Sponsored norm ${n}`, organizationId: proposing.id });
  const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await proposer.norms.submit({ normId: norm.id });
  const invitation = await proposer.norms.inviteCoauthor({ normId: norm.id, email: coauthorUser.email });
  await (await callerAs(db, coauthorUser)).norms.respondToInvitation({ invitationId: invitation.invitationId, accept: true });
  return {
    norm: { id: norm.id, slug },
    proposing,
    sponsorOrg,
    otherOrg,
    unverified,
    observer,
    users: { proposerUser, sponsorRepUser },
    proposer,
    colleague: await callerAs(db, colleagueUser),
    coauthor: await callerAs(db, coauthorUser),
    sponsorRep: await callerAs(db, sponsorRepUser),
    otherRep: await callerAs(db, otherRepUser),
    member: await callerAs(db, memberUser),
    stranger: await callerAs(db, strangerUser),
    staff: await callerAs(db, staffUser),
    visitor: await callerAs(db, null),
  };
}

/** The norm's sponsorship rows and timeline entries, to show that a refusal wrote nothing. */
async function written(normId: string) {
  const rows = await db.select().from(normSponsors).where(eq(normSponsors.normId, normId));
  const events = await db.select({ id: normEvents.id }).from(normEvents).where(eq(normEvents.normId, normId));
  return { rows, events: events.length };
}

describe("co-sponsors", () => {
  it("are asked for, accepted by the proposer, listed with type and region, on the timeline and in open data", async () => {
    const s = await setting();
    setClock(new Date("2031-03-02T10:00:00Z"), { stopped: true });
    const asked = await s.sponsorRep.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id, message: "  We want to champion this norm.  " });
    expect(asked).toEqual({ id: expect.any(String), slug: s.norm.slug, state: "requested" });
    const row = (await db.query.normSponsors.findFirst({ where: eq(normSponsors.id, asked.id) }))!;
    expect(row).toMatchObject({ state: "requested", message: "We want to champion this norm.", requestedAt: new Date("2031-03-02T10:00:00Z"), decidedAt: null });

    // Requests are not public: the visitor and an unrelated representative see none.
    expect((await s.visitor.sponsors.forNorm({ slug: s.norm.slug })).requests).toEqual([]);
    expect((await s.otherRep.sponsors.forNorm({ slug: s.norm.slug })).requests).toEqual([]);
    expect((await s.visitor.norms.get({ slug: s.norm.slug })).sponsors).toEqual([]);
    // The requesting organisation's representative sees its own request; the proposer sees it to decide.
    const mine = await s.sponsorRep.sponsors.forNorm({ slug: s.norm.slug });
    expect(mine.requests.map((r) => r.organization.name)).toEqual([s.sponsorOrg.name]);
    expect(mine.viewer.canDecide).toBe(false);
    expect(mine.viewer.organizations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: s.sponsorOrg.id, state: "requested", sponsorId: asked.id, verified: true }),
        expect.objectContaining({ id: s.unverified.id, state: null, verified: false }),
      ]),
    );
    const authors = await s.proposer.sponsors.forNorm({ slug: s.norm.slug });
    expect(authors.viewer).toMatchObject({ canDecide: true, canAccept: true });
    expect(authors.requests).toEqual([expect.objectContaining({ id: asked.id, message: "We want to champion this norm.", requestedBy: "Sasha Sponsor" })]);
    expect((await s.coauthor.sponsors.forNorm({ slug: s.norm.slug })).viewer.canDecide).toBe(true);

    setClock(new Date("2031-03-04T09:00:00Z"), { stopped: true });
    expect(await s.proposer.sponsors.accept({ sponsorId: asked.id })).toEqual({ slug: s.norm.slug, state: "accepted" });
    const listed = await s.visitor.sponsors.forNorm({ slug: s.norm.slug });
    expect(listed.requests).toEqual([]);
    expect(listed.sponsors).toEqual([
      {
        id: asked.id,
        organization: expect.objectContaining({ name: s.sponsorOrg.name, slug: s.sponsorOrg.slug, stakeholderType: "state", region: "african", country: s.sponsorOrg.country }),
        since: new Date("2031-03-04T09:00:00Z"),
      },
    ]);
    const page = await s.visitor.norms.get({ slug: s.norm.slug });
    expect(page.sponsors.map((x) => x.organization.name)).toEqual([s.sponsorOrg.name]);
    // The organisation's page lists the norms it co-sponsors.
    expect(await s.visitor.sponsors.forOrganization({ slug: s.sponsorOrg.slug })).toEqual([
      { slug: s.norm.slug, title: expect.stringContaining("Sponsored norm"), status: "consultation", since: new Date("2031-03-04T09:00:00Z") },
    ]);
    expect(page.timeline.at(-1)).toEqual(
      expect.objectContaining({ type: "sponsorAccepted", actorName: "Pat Proposer", sponsor: { organizationName: s.sponsorOrg.name, organizationSlug: s.sponsorOrg.slug } }),
    );

    // Open data carries the sponsor, with its type, region and the date it joined.
    const body = normDetail.strict().parse(await (await normResponse(db, s.norm.slug)).json());
    expect(body.sponsors).toEqual([
      {
        organization: { slug: s.sponsorOrg.slug, name: s.sponsorOrg.name, stakeholderType: "state", region: "african", country: s.sponsorOrg.country, verified: true, url: expect.stringContaining(`/organizations/${s.sponsorOrg.slug}`) },
        since: "2031-03-04T09:00:00.000Z",
      },
    ]);
    // The message to the authors is not published.
    expect(JSON.stringify(body)).not.toContain("champion this norm");
  });

  it("are decided by a representative of the proposing organisation too, and declined requests stay private", async () => {
    const s = await setting();
    const first = await s.sponsorRep.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id });
    const second = await s.otherRep.sponsors.request({ normId: s.norm.id, organizationId: s.otherOrg.id });
    // The proposing ministry's other representative is not an author, but speaks for the proposer.
    await s.colleague.sponsors.accept({ sponsorId: second.id });
    await s.coauthor.sponsors.decline({ sponsorId: first.id });
    expect((await db.query.normSponsors.findFirst({ where: eq(normSponsors.id, first.id) }))!.state).toBe("declined");
    const listed = await s.visitor.sponsors.forNorm({ slug: s.norm.slug });
    expect(listed.sponsors.map((x) => x.organization.name)).toEqual([s.otherOrg.name]);
    // A decline is not on the public timeline.
    expect((await s.visitor.norms.get({ slug: s.norm.slug })).timeline.filter((e) => e.type.startsWith("sponsor")).map((e) => e.type)).toEqual(["sponsorAccepted"]);
    // A decided request is decided for good; the organisation may ask again, as a new request.
    await expect(s.proposer.sponsors.accept({ sponsorId: first.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /already declined/));
    const again = await s.sponsorRep.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id });
    expect(again.id).not.toBe(first.id);
  });

  it("withdraw a request, and a sponsorship, which the timeline records", async () => {
    const s = await setting();
    const request = await s.sponsorRep.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id });
    expect(await s.sponsorRep.sponsors.withdraw({ sponsorId: request.id })).toEqual({ slug: s.norm.slug, state: "withdrawn", wasSponsor: false });
    expect((await written(s.norm.id)).rows).toEqual([expect.objectContaining({ state: "withdrawn", withdrawnById: s.users.sponsorRepUser.id, decidedAt: null })]);
    expect((await s.proposer.sponsors.forNorm({ slug: s.norm.slug })).requests).toEqual([]);
    // A withdrawn request can no longer be answered.
    await expect(s.proposer.sponsors.accept({ sponsorId: request.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /already withdrawn/));

    const sponsorship = await s.sponsorRep.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id });
    await s.proposer.sponsors.accept({ sponsorId: sponsorship.id });
    // Only the organisation withdraws: not the proposer, not one of its members.
    await expect(s.proposer.sponsors.withdraw({ sponsorId: sponsorship.id })).rejects.toEqual(refusedWith("FORBIDDEN", /Only a representative of/));
    await expect(s.member.sponsors.withdraw({ sponsorId: sponsorship.id })).rejects.toEqual(refusedWith("FORBIDDEN", /Only a representative of/));
    expect(await s.sponsorRep.sponsors.withdraw({ sponsorId: sponsorship.id })).toEqual({ slug: s.norm.slug, state: "withdrawn", wasSponsor: true });
    expect((await s.visitor.sponsors.forNorm({ slug: s.norm.slug })).sponsors).toEqual([]);
    expect(await s.visitor.sponsors.forOrganization({ slug: s.sponsorOrg.slug })).toEqual([]);
    const timeline = (await s.visitor.norms.get({ slug: s.norm.slug })).timeline.filter((e) => e.type.startsWith("sponsor"));
    expect(timeline.map((e) => [e.type, e.actorName, e.sponsor?.organizationName])).toEqual([
      ["sponsorAccepted", "Pat Proposer", s.sponsorOrg.name],
      ["sponsorWithdrawn", "Sasha Sponsor", s.sponsorOrg.name],
    ]);
    await expect(s.sponsorRep.sponsors.withdraw({ sponsorId: sponsorship.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /nothing to withdraw/));
  });

  it("refuse whoever may not ask, and leave nothing written", async () => {
    const s = await setting();
    const before = await written(s.norm.id);
    const refusals: [() => Promise<unknown>, ReturnType<typeof refusedWith>][] = [
      // A member of the organisation, not its representative.
      [() => s.member.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id }), refusedWith("FORBIDDEN", /only for an organisation you represent/)],
      // Someone with no tie to the organisation.
      [() => s.stranger.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id }), refusedWith("FORBIDDEN", /only for an organisation you represent/)],
      [() => s.sponsorRep.sponsors.request({ normId: s.norm.id, organizationId: s.unverified.id }), refusedWith("FORBIDDEN", /is not verified/)],
      // The proposing organisation is the proposer already.
      [() => s.proposer.sponsors.request({ normId: s.norm.id, organizationId: s.proposing.id }), refusedWith("BAD_REQUEST", /proposed this norm, so it is already its proposer/)],
      [() => s.colleague.sponsors.request({ normId: s.norm.id, organizationId: s.proposing.id }), refusedWith("BAD_REQUEST", /already its proposer/)],
      // Staff represent no organisation.
      [() => s.staff.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id }), refusedWith("FORBIDDEN", /take no part as participants/)],
      // An observer takes no positions, and does not co-sponsor.
      [() => s.otherRep.sponsors.request({ normId: s.norm.id, organizationId: s.observer.id }), refusedWith("FORBIDDEN", /takes part as an observer/)],
      [() => s.visitor.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id }), refusedWith("UNAUTHORIZED", /Sign in/)],
    ];
    for (const [call, refusal] of refusals) await expect(call()).rejects.toEqual(refusal);
    // The proposing organisation's refusal comes back on the form's field.
    const onField = await s.proposer.sponsors.request({ normId: s.norm.id, organizationId: s.proposing.id }).catch((e: TRPCError) => e);
    expect((onField as TRPCError & { cause: { fieldErrors?: Record<string, string> } }).cause.fieldErrors).toEqual({ organizationId: expect.stringMatching(/already its proposer/) });
    expect(await written(s.norm.id)).toEqual(before);

    // Asking twice: once waiting, once accepted.
    const asked = await s.sponsorRep.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id });
    const oneRow = await written(s.norm.id);
    await expect(s.sponsorRep.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id })).rejects.toEqual(refusedWith("CONFLICT", /already asked/));
    await s.proposer.sponsors.accept({ sponsorId: asked.id });
    const accepted = await written(s.norm.id);
    await expect(s.sponsorRep.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id })).rejects.toEqual(refusedWith("CONFLICT", /already co-sponsors/));
    expect(await written(s.norm.id)).toEqual(accepted);
    expect(oneRow.rows.length).toBe(1);
    // The partial unique index holds it even past the domain's check.
    await expect(db.insert(normSponsors).values({ normId: s.norm.id, organizationId: s.sponsorOrg.id, requestedById: s.users.sponsorRepUser.id })).rejects.toThrow();
  });

  it("refuse a draft, a withdrawn or merged norm, and anyone but the authors deciding", async () => {
    const s = await setting();
    // A draft is not found for anyone but its authors.
    const draft = await s.proposer.norms.create({ ...responseTeamNormFields, title: `Draft not sponsored ${counter}` });
    const draftRow = (await db.query.norms.findFirst({ where: eq(norms.slug, draft.slug) }))!;
    await expect(s.sponsorRep.sponsors.request({ normId: draftRow.id, organizationId: s.sponsorOrg.id })).rejects.toEqual(refusedWith("NOT_FOUND", /The norm was not found/));
    await expect(s.sponsorRep.sponsors.forNorm({ slug: draft.slug })).rejects.toEqual(refusedWith("NOT_FOUND", /The norm was not found/));
    expect((await written(draftRow.id)).rows).toEqual([]);

    // Only the authors (or the proposing organisation) decide; others who may see the request are
    // refused, and those who may not are told it is not there.
    const asked = await s.sponsorRep.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id });
    const before = await written(s.norm.id);
    await expect(s.sponsorRep.sponsors.accept({ sponsorId: asked.id })).rejects.toEqual(refusedWith("FORBIDDEN", /Only the norm's authors/));
    await expect(s.stranger.sponsors.accept({ sponsorId: asked.id })).rejects.toEqual(refusedWith("NOT_FOUND", /The request was not found/));
    await expect(s.otherRep.sponsors.decline({ sponsorId: asked.id })).rejects.toEqual(refusedWith("NOT_FOUND", /The request was not found/));
    await expect(s.staff.sponsors.accept({ sponsorId: asked.id })).rejects.toEqual(refusedWith("NOT_FOUND", /The request was not found/));
    await expect(s.stranger.sponsors.withdraw({ sponsorId: asked.id })).rejects.toEqual(refusedWith("NOT_FOUND", /The request was not found/));
    expect(await written(s.norm.id)).toEqual(before);

    // An organisation that became an observer after asking: the request cannot be accepted, only declined.
    const observing = await s.otherRep.sponsors.request({ normId: s.norm.id, organizationId: s.otherOrg.id });
    await db.update(organizations).set({ participation: "observer" }).where(eq(organizations.id, s.otherOrg.id));
    await expect(s.proposer.sponsors.accept({ sponsorId: observing.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /takes part as an observer/));
    await s.proposer.sponsors.decline({ sponsorId: observing.id });
    await db.update(organizations).set({ participation: "participant" }).where(eq(organizations.id, s.otherOrg.id));
    expect((await s.otherRep.sponsors.forNorm({ slug: s.norm.slug })).viewer.organizations).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: s.observer.id, observer: true, state: null })]),
    );

    // Verification revoked after asking: the request cannot be accepted, only declined.
    const late = await s.otherRep.sponsors.request({ normId: s.norm.id, organizationId: s.otherOrg.id });
    await db.update(organizations).set({ verificationStatus: "revoked" }).where(eq(organizations.id, s.otherOrg.id));
    await expect(s.proposer.sponsors.accept({ sponsorId: late.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /no longer verified/));
    await s.proposer.sponsors.decline({ sponsorId: late.id });

    // Once the norm is withdrawn, nobody asks and nothing is accepted; a request can still be withdrawn.
    await s.proposer.norms.withdraw({ normId: s.norm.id });
    const closed = await written(s.norm.id);
    await expect(s.otherRep.sponsors.request({ normId: s.norm.id, organizationId: s.otherOrg.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /withdrawn by its proposer/));
    await expect(s.proposer.sponsors.accept({ sponsorId: asked.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /withdrawn by its proposer/));
    expect(await written(s.norm.id)).toEqual(closed);
    expect((await s.proposer.sponsors.forNorm({ slug: s.norm.slug })).viewer).toMatchObject({ canDecide: true, canAccept: false });
    await s.sponsorRep.sponsors.withdraw({ sponsorId: asked.id });
  });

  it("take one request when the same organisation asks twice at once, and one answer when a decision and a withdrawal cross", async () => {
    const s = await setting();
    const asks = await Promise.allSettled([0, 1].map(() => s.sponsorRep.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id })));
    expect(asks.map((a) => a.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((asks.find((a) => a.status === "rejected") as PromiseRejectedResult).reason).toEqual(refusedWith("CONFLICT", /already asked/));
    const { rows } = await written(s.norm.id);
    expect(rows.map((r) => r.state)).toEqual(["requested"]);
    // The norm's lock orders them: either the acceptance lands and the withdrawal ends the
    // sponsorship, or the withdrawal lands first and the acceptance is refused.
    const [accepted, withdrawn] = await Promise.allSettled([s.proposer.sponsors.accept({ sponsorId: rows[0]!.id }), s.sponsorRep.sponsors.withdraw({ sponsorId: rows[0]!.id })]);
    expect(withdrawn.status).toBe("fulfilled");
    const after = await written(s.norm.id);
    expect(after.rows.map((r) => r.state)).toEqual(["withdrawn"]);
    const events = (await s.visitor.norms.get({ slug: s.norm.slug })).timeline.filter((e) => e.type.startsWith("sponsor")).map((e) => e.type);
    expect(events).toEqual(accepted.status === "fulfilled" ? ["sponsorAccepted", "sponsorWithdrawn"] : []);
  });

  it("refuse a merged norm, pointing to the one it was merged into", async () => {
    const s = await setting();
    const survivor = await s.proposer.norms.create({ ...responseTeamNormFields, title: `Survivor ${counter}` });
    const survivorRow = (await db.query.norms.findFirst({ where: eq(norms.slug, survivor.slug) }))!;
    await s.proposer.norms.submit({ normId: survivorRow.id });
    await s.staff.norms.merge({ normId: s.norm.id, intoSlug: survivor.slug, statement: mergeStatement });
    await expect(s.sponsorRep.sponsors.request({ normId: s.norm.id, organizationId: s.sponsorOrg.id })).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /merged into another/));
    expect(await db.$count(normSponsors, eq(normSponsors.normId, s.norm.id))).toBe(0);
  });
});
