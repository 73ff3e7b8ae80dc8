// Who speaks for a state, over time (issue 17): a state's or intergovernmental organisation's new
// representative is nominated and approved by the secretariat; its representations lapse after
// twelve months unless reconfirmed, with reminders 30 and 7 days before from the daily sweep on the
// forum's clock; and every representation is a term in the public history of who represented the
// organisation when.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { auditLog, organizationDomains, organizationMembers, representationTerms, representativeNominations, userEmails } from "~/db/schema";
import { setClock } from "~/server/clock";
import { addMonths, undoLapsesAfter } from "~/server/domain/nominations";
import { isRepresentative } from "~/server/policy";
import type { StakeholderType } from "~/server/schemas/vocabulary";
import { runTick } from "~/server/tick";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, zodMessageAt } from "./support/errors";
import { type MailSink, startMailSink } from "./support/mail-sink";

let database: Database;
let mail: MailSink;
beforeAll(async () => {
  database = await createTestDatabase();
  mail = await startMailSink();
});
afterAll(async () => {
  await mail.close();
  await database.close();
});
afterEach(() => setClock(null));

const DAY = 24 * 60 * 60 * 1000;
let counter = 0;

/**
 * A verified organisation with a confirmed domain, its representative (resting on an address
 * there) and a member holding a confirmed address there too; and a member of the secretariat.
 */
async function setting(type: StakeholderType = "state") {
  const n = ++counter;
  const domain = `mfa-nom${n}.example`;
  const rep = await createUser(database.db, { displayName: `Rep ${n}`, email: `rep${n}@${domain}` });
  const org = await createOrganization(database.db, { createdById: rep.id, status: "verified", stakeholderType: type, country: type === "state" ? `X${String.fromCharCode(64 + n)}` : null, name: `Organisation ${n}` });
  await database.db.update(organizationMembers).set({ address: rep.email }).where(eq(organizationMembers.userId, rep.id));
  const staff = await createUser(database.db, { role: "secretariat", displayName: `Staff ${n}` });
  await database.db.insert(organizationDomains).values({ organizationId: org.id, domain, confirmedAt: new Date(), confirmedById: staff.id });
  const member = await createUser(database.db, { displayName: `Member ${n}` });
  await addMember(database.db, org.id, member.id);
  await database.db.insert(userEmails).values({ userId: member.id, email: `member${n}@${domain}`, confirmedAt: new Date(), createdAt: new Date() });
  return { rep, org, member, staff, domain, address: `member${n}@${domain}` };
}

const membership = (organizationId: string, userId: string) =>
  database.db.query.organizationMembers.findFirst({ where: and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)) });

describe("a nomination", () => {
  it("waits for the secretariat, which approves it: the member represents the state for twelve months, and the history says the secretariat approved", async () => {
    const { rep, org, member, staff, address } = await setting("state");
    const now = new Date("2027-03-10T09:00:00Z");
    setClock(now, { stopped: true });
    const api = await callerAs(database.db, rep);
    const done = await api.organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" });
    expect(done).toMatchObject({ nominated: true, role: "member" });
    expect((await membership(org.id, member.id))?.role).toBe("member");
    expect(await isRepresentative(database.db, member.id, org.id)).toBe(false);
    // The organisation sees it waiting; so does the secretariat, and nobody else.
    expect(await api.organizations.nominations({ organizationId: org.id })).toMatchObject([{ userId: member.id, address, nominatedBy: rep.displayName }]);
    const queue = await (await callerAs(database.db, staff)).verification.nominations();
    expect(queue.find((q) => q.organizationId === org.id)).toMatchObject({ name: member.displayName, address, organization: org.name, type: "state" });
    expect((await failure((await callerAs(database.db, member)).organizations.nominations({ organizationId: org.id }))).code).toBe("FORBIDDEN");
    expect((await failure(api.verification.nominations())).code).toBe("FORBIDDEN");
    // Nominating again while it waits is refused.
    expect((await failure(api.organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" }))).message).toContain("already waiting for the secretariat");
    // A representative cannot approve their own organisation's nomination.
    const nominationId = done.nominated ? done.nominationId : "";
    expect((await failure(api.verification.decideNomination({ nominationId, decision: "approve", reason: "" }))).code).toBe("FORBIDDEN");

    setClock(new Date(now.getTime() + DAY), { stopped: true });
    await (await callerAs(database.db, staff)).verification.decideNomination({ nominationId, decision: "approve", reason: "" });
    const row = await membership(org.id, member.id);
    expect(row).toMatchObject({ role: "representative", address, exceptionReason: null });
    expect(row?.reconfirmBy?.toISOString()).toBe("2028-03-11T09:00:00.000Z");
    expect(await isRepresentative(database.db, member.id, org.id)).toBe(true);
    expect((await database.db.query.representativeNominations.findFirst({ where: eq(representativeNominations.id, nominationId) }))).toMatchObject({ status: "approved", decidedById: staff.id });
    const entry = await database.db.query.auditLog.findFirst({ where: and(eq(auditLog.targetId, org.id), eq(auditLog.action, "organization.nomination_approved")) });
    expect(entry?.details).toMatchObject({ userId: member.id });
    // Public: by name, since the approval, approved by the secretariat.
    const page = await (await callerAs(database.db, null)).organizations.get({ slug: org.slug });
    expect(page.representatives.find((r) => r.userId === member.id)).toMatchObject({ displayName: member.displayName, since: new Date(now.getTime() + DAY), approved: true });
    // Decided once.
    expect((await failure((await callerAs(database.db, staff)).verification.decideNomination({ nominationId, decision: "decline", reason: "Too late to decline this." }))).message).toContain("already decided");
  });

  it("is declined with a reason, which the secretariat must give; the member stays a member", async () => {
    const { rep, org, member, staff } = await setting("intergovernmental");
    const done = await (await callerAs(database.db, rep)).organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" });
    const nominationId = done.nominated ? done.nominationId : "";
    const secretariat = await callerAs(database.db, staff);
    expect(zodMessageAt(await failure(secretariat.verification.decideNomination({ nominationId, decision: "decline", reason: "no" })), "reason")).toContain("at least 10 characters");
    await secretariat.verification.decideNomination({ nominationId, decision: "decline", reason: "The ministry's letter names another person." });
    expect((await membership(org.id, member.id))?.role).toBe("member");
    expect(await database.db.query.representativeNominations.findFirst({ where: eq(representativeNominations.id, nominationId) })).toMatchObject({
      status: "declined",
      decisionReason: "The ministry's letter names another person.",
    });
    expect((await secretariat.verification.nominations()).some((q) => q.id === nominationId)).toBe(false);
    // The organisation's representatives read the reason on their page.
    expect(await (await callerAs(database.db, rep)).organizations.nominations({ organizationId: org.id })).toMatchObject([
      { id: nominationId, status: "declined", decisionReason: "The ministry's letter names another person." },
    ]);
  });

  it("can be withdrawn by the organisation's representatives, and by nobody else", async () => {
    const { rep, org, member } = await setting("state");
    const other = await setting("academia");
    const done = await (await callerAs(database.db, rep)).organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" });
    const nominationId = done.nominated ? done.nominationId : "";
    expect((await failure((await callerAs(database.db, other.rep)).organizations.withdrawNomination({ organizationId: org.id, nominationId }))).code).toBe("FORBIDDEN");
    // Naming one's own organisation does not reach another's nomination.
    expect((await failure((await callerAs(database.db, other.rep)).organizations.withdrawNomination({ organizationId: other.org.id, nominationId }))).code).toBe("PRECONDITION_FAILED");
    await (await callerAs(database.db, rep)).organizations.withdrawNomination({ organizationId: org.id, nominationId });
    expect((await database.db.query.representativeNominations.findFirst({ where: eq(representativeNominations.id, nominationId) }))?.status).toBe("withdrawn");
  });

  it("is checked again at approval: an address no longer held is refused, and nothing changes", async () => {
    const { rep, org, member, staff } = await setting("state");
    const done = await (await callerAs(database.db, rep)).organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" });
    await database.db.delete(userEmails).where(eq(userEmails.userId, member.id));
    const refused = await failure((await callerAs(database.db, staff)).verification.decideNomination({ nominationId: done.nominated ? done.nominationId : "", decision: "approve", reason: "" }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain(`${member.displayName} no longer has a confirmed address at`);
    expect((await membership(org.id, member.id))?.role).toBe("member");
    expect((await database.db.query.representativeNominations.findFirst({ where: eq(representativeNominations.userId, member.id) }))?.status).toBe("pending");
  });

  it("is not needed elsewhere: a company's representative makes a member a representative at once, with no date to reconfirm", async () => {
    const { rep, org, member } = await setting("private_sector");
    expect(await (await callerAs(database.db, rep)).organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" })).toMatchObject({
      role: "representative",
      nominated: false,
    });
    expect(await membership(org.id, member.id)).toMatchObject({ role: "representative", reconfirmBy: null });
  });
});

describe("reconfirmation and lapse", () => {
  async function approved() {
    const s = await setting("state");
    const start = new Date("2027-01-15T12:00:00Z");
    setClock(start, { stopped: true });
    const done = await (await callerAs(database.db, s.rep)).organizations.setMemberRole({ organizationId: s.org.id, userId: s.member.id, role: "representative" });
    await (await callerAs(database.db, s.staff)).verification.decideNomination({ nominationId: done.nominated ? done.nominationId : "", decision: "approve", reason: "" });
    return { ...s, start, due: addMonths(start, 12) };
  }

  it("reminds the representative and the organisation's other representatives 30 and 7 days before, once each", async () => {
    const { rep, member, org, due } = await approved();
    // The first representative's representation predates the rule and has no date.
    const before = mail.messages.length;
    setClock(new Date(due.getTime() - 31 * DAY), { stopped: true });
    await runTick(database.db, mail.mailer);
    expect(mail.messages.slice(before).filter((m) => m.text.includes(org.name))).toHaveLength(0);

    setClock(new Date(due.getTime() - 29 * DAY), { stopped: true });
    expect((await runTick(database.db, mail.mailer)).representativesReminded).toBeGreaterThanOrEqual(1);
    const mine = mail.lastTo(member.email);
    expect(mine?.raw).toContain(`Reconfirm your representation of ${org.name}`);
    expect(mine?.text).toContain(`/organizations/${org.slug}/manage#reconfirm`);
    expect(mail.lastTo(rep.email)?.text).toContain(`The representation of ${org.name} by ${member.displayName} lapses on`);
    // Once: the next sweep sends nothing more at this distance.
    const count = mail.messages.length;
    await runTick(database.db, mail.mailer);
    expect(mail.messages.slice(count).filter((m) => m.to.includes(member.email))).toHaveLength(0);

    setClock(new Date(due.getTime() - 6 * DAY), { stopped: true });
    await runTick(database.db, mail.mailer);
    expect(mail.messages.slice(count).filter((m) => m.to.includes(member.email))).toHaveLength(1);
  });

  it("lapses at the date, even before the sweep records it; the sweep makes the person a member, closes the term and says so", async () => {
    const { rep, member, org, due } = await approved();
    setClock(new Date(due.getTime() - 1000), { stopped: true });
    expect(await isRepresentative(database.db, member.id, org.id)).toBe(true);
    setClock(new Date(due.getTime() + 1000), { stopped: true });
    expect(await isRepresentative(database.db, member.id, org.id)).toBe(false);
    expect((await failure((await callerAs(database.db, member)).organizations.members({ organizationId: org.id }))).code).toBe("FORBIDDEN");
    expect((await runTick(database.db, mail.mailer)).representationsLapsed).toBeGreaterThanOrEqual(1);
    expect(await membership(org.id, member.id)).toMatchObject({ role: "member", address: null, reconfirmBy: null });
    const term = await database.db.query.representationTerms.findFirst({ where: and(eq(representationTerms.organizationId, org.id), eq(representationTerms.userId, member.id)) });
    expect(term).toMatchObject({ ending: "lapsed", endedAt: due });
    expect(mail.lastTo(member.email)?.raw).toContain(`Your representation of ${org.name} has lapsed`);
    expect(mail.lastTo(rep.email)?.raw).toContain("has lapsed");
    expect(await database.db.query.auditLog.findFirst({ where: and(eq(auditLog.targetId, org.id), eq(auditLog.action, "organization.representation_lapsed")) })).toMatchObject({ actorId: null });
    // The public history names them as a former representative.
    const page = await (await callerAs(database.db, null)).organizations.get({ slug: org.slug });
    expect(page.representatives.some((r) => r.userId === member.id)).toBe(false);
    expect(page.formerRepresentatives.find((t) => t.userId === member.id)).toMatchObject({ ending: "lapsed", approved: true });
    // Recorded once: another sweep finds nothing.
    expect((await runTick(database.db, mail.mailer)).representationsLapsed).toBe(0);
    // A test that moves the clock back takes the lapse back.
    setClock(new Date(due.getTime() - DAY), { stopped: true });
    await database.db.transaction((tx) => undoLapsesAfter(tx, new Date(due.getTime() - DAY)));
    expect(await membership(org.id, member.id)).toMatchObject({ role: "representative", reconfirmBy: due });
    expect((await database.db.query.representationTerms.findFirst({ where: and(eq(representationTerms.organizationId, org.id), eq(representationTerms.userId, member.id)) }))?.endedAt).toBeNull();
  });

  it("runs twelve more months when the representative reconfirms with an address at the domain; one on an exception goes to the secretariat", async () => {
    const { member, org, staff, due } = await approved();
    const later = new Date(due.getTime() - 10 * DAY);
    setClock(later, { stopped: true });
    const done = await (await callerAs(database.db, member)).organizations.reconfirm({ organizationId: org.id });
    expect(done.reconfirmBy?.toISOString()).toBe(addMonths(later, 12).toISOString());
    // On an exception without an address at the domain: refused, saying who renews it.
    const excepted = await createUser(database.db, { displayName: "Excepted Person" });
    await addMember(database.db, org.id, excepted.id);
    await (await callerAs(database.db, staff)).verification.recordException({ organizationId: org.id, userId: excepted.id, reason: "Writes from the embassy's mail system; letter of 3 May." });
    expect((await membership(org.id, excepted.id))?.reconfirmBy?.toISOString()).toBe(addMonths(later, 12).toISOString());
    const refused = await failure((await callerAs(database.db, excepted)).organizations.reconfirm({ organizationId: org.id }));
    expect(refused.message).toContain("the secretariat can renew your representation as an exception");
    // A plain member has nothing to reconfirm.
    const plain = await createUser(database.db);
    await addMember(database.db, org.id, plain.id);
    expect((await failure((await callerAs(database.db, plain)).organizations.reconfirm({ organizationId: org.id }))).code).toBe("FORBIDDEN");
  });
});

describe("the public history", () => {
  it("opens a term when someone becomes a representative and closes it when they step down or leave", async () => {
    const { rep, org, member } = await setting("civil_society");
    setClock(new Date("2027-05-01T10:00:00Z"), { stopped: true });
    const api = await callerAs(database.db, rep);
    await api.organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" });
    setClock(new Date("2027-06-01T10:00:00Z"), { stopped: true });
    await api.organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "member" });
    setClock(new Date("2027-07-01T10:00:00Z"), { stopped: true });
    await api.organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" });
    setClock(new Date("2027-08-01T10:00:00Z"), { stopped: true });
    await (await callerAs(database.db, member)).organizations.leave({ organizationId: org.id });
    const page = await (await callerAs(database.db, null)).organizations.get({ slug: org.slug });
    expect(page.formerRepresentatives.filter((t) => t.userId === member.id).map((t) => [t.startedAt.toISOString().slice(0, 10), t.endedAt?.toISOString().slice(0, 10), t.ending])).toEqual([
      ["2027-07-01", "2027-08-01", "left"],
      ["2027-05-01", "2027-06-01", "stepped_down"],
    ]);
    expect(page.representatives.map((r) => r.userId)).toEqual([rep.id]);
  });

  it("is shown only for verified organisations", async () => {
    const creator = await createUser(database.db);
    const org = await createOrganization(database.db, { createdById: creator.id, status: "pending" });
    const page = await (await callerAs(database.db, null)).organizations.get({ slug: org.slug });
    expect(page.representatives).toEqual([]);
    expect(page.formerRepresentatives).toEqual([]);
  });
});
