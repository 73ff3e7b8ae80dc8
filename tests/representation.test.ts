// Verified representation (issue 17): a person's further addresses confirmed by mail, an
// organisation's email domains confirmed by the secretariat, and representation resting on a
// confirmed address at a confirmed domain (or a secretariat exception). The migration keeps every
// earlier representative, on an exception, with 12 months to reconfirm.
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPglite } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { auditLog, organizationDomains, organizationMembers, organizations, rateLimits, userEmails } from "~/db/schema";
import { isPlainDomain } from "~/server/schemas/representation";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, fieldErrorsOf, zodMessageAt } from "./support/errors";
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

const confirmPath = "/account/addresses/confirm";

/** Adds an address for `user` and confirms it through the mailed link. */
async function confirmedAddress(user: { id: string }, email: string) {
  const api = await callerAs(database.db, user, mail.mailer);
  await api.account.addAddress({ email });
  const token = mail.tokenFor(email, confirmPath);
  expect(token, `a link mailed to ${email}`).toBeDefined();
  await api.account.confirmAddress({ token: token! });
}

/** A verified state organisation with a confirmed domain, its representative and a plain member. */
async function stateWithDomain(domain: string, country: string) {
  const rep = await createUser(database.db, { displayName: `Rep ${country}` });
  const org = await createOrganization(database.db, { createdById: rep.id, status: "verified", stakeholderType: "state", country, name: `Ministry ${country}` });
  const staff = await createUser(database.db, { role: "secretariat" });
  await database.db.insert(organizationDomains).values({ organizationId: org.id, domain, confirmedAt: new Date(), confirmedById: staff.id });
  const member = await createUser(database.db, { displayName: `Member ${country}` });
  await addMember(database.db, org.id, member.id);
  return { rep, org, member, staff };
}

/**
 * Makes `member` a representative as a representative of a state must: a nomination the
 * secretariat approves (issue 17).
 */
async function promote(rep: { id: string }, staff: { id: string }, org: { id: string }, member: { id: string }) {
  const done = await (await callerAs(database.db, rep)).organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" });
  expect(done).toMatchObject({ nominated: true });
  if (!done.nominated) return;
  await (await callerAs(database.db, staff)).verification.decideNomination({ nominationId: done.nominationId, decision: "approve", reason: "" });
}

describe("a person's further addresses", () => {
  it("adds one, mails a link only the account that added it can use, and lists it", async () => {
    const person = await createUser(database.db, { displayName: "Amina Njoroge" });
    const other = await createUser(database.db);
    const api = await callerAs(database.db, person, mail.mailer);
    await api.account.addAddress({ email: " Amina@MFA-Test.example " });
    const sent = mail.lastTo("amina@mfa-test.example");
    expect(sent?.text).toContain(`${confirmPath}?token=`);
    let list = await api.account.addresses();
    expect(list.signIn.email).toBe(person.email);
    expect(list.further).toMatchObject([{ email: "amina@mfa-test.example", confirmedAt: null }]);
    const token = mail.tokenFor("amina@mfa-test.example", confirmPath)!;
    // Someone else who opens the link confirms nothing.
    const stranger = await failure((await callerAs(database.db, other)).account.confirmAddress({ token }));
    expect(stranger.code).toBe("PRECONDITION_FAILED");
    expect(stranger.message).toContain("another account");
    await api.account.confirmAddress({ token });
    list = await api.account.addresses();
    expect(list.further[0]?.confirmedAt).toBeInstanceOf(Date);
    // A link works once.
    expect((await failure(api.account.confirmAddress({ token }))).message).toContain("already been used");
    // Adding it again, or the sign-in address, is refused on the field.
    expect(fieldErrorsOf(await failure(api.account.addAddress({ email: "amina@mfa-test.example" }))).email).toContain("already confirmed");
    expect(fieldErrorsOf(await failure(api.account.addAddress({ email: person.email }))).email).toContain("sign-in address");
    expect(zodMessageAt(await failure(api.account.addAddress({ email: "not an address" })), "email")).toContain("correct format");
  });

  it("keeps a confirmed address to one account, sign-in addresses included", async () => {
    const first = await createUser(database.db);
    const second = await createUser(database.db);
    await confirmedAddress(first, "shared@ngo-test.example");
    // The second may add it (nobody learns whose it is), but confirming it is refused.
    const api = await callerAs(database.db, second, mail.mailer);
    await api.account.addAddress({ email: "shared@ngo-test.example" });
    const refused = await failure(api.account.confirmAddress({ token: mail.tokenFor("shared@ngo-test.example", confirmPath)! }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("already confirmed on another Norms Forum account");
    // Another account's sign-in address cannot be confirmed either.
    await api.account.addAddress({ email: first.email });
    expect((await failure(api.account.confirmAddress({ token: mail.tokenFor(first.email, confirmPath)! }))).code).toBe("CONFLICT");
    // And the database holds the rule whatever the code does.
    await expect(database.db.update(userEmails).set({ confirmedAt: new Date() }).where(eq(userEmails.userId, second.id))).rejects.toThrow();
  });

  it("removes an address no representation rests on, and keeps one that does", async () => {
    const { org, member, rep, staff } = await stateWithDomain("mfa-remove.example", "GH");
    await confirmedAddress(member, "kofi@mfa-remove.example");
    await promote(rep, staff, org, member);
    const api = await callerAs(database.db, member, mail.mailer);
    const list = await api.account.addresses();
    expect(list.further[0]?.representing).toEqual([{ name: org.name, slug: org.slug }]);
    const kept = await failure(api.account.removeAddress({ addressId: list.further[0]!.id }));
    expect(kept.code).toBe("PRECONDITION_FAILED");
    expect(kept.message).toContain(`Your representation of ${org.name} rests on this address`);
    await api.account.addAddress({ email: "kofi.private@another-test.example" });
    const pending = (await api.account.addresses()).further.find((a) => a.email === "kofi.private@another-test.example")!;
    await api.account.removeAddress({ addressId: pending.id });
    expect((await api.account.addresses()).further.map((a) => a.email)).toEqual(["kofi@mfa-remove.example"]);
    // Someone else's address is not found.
    const stranger = await callerAs(database.db, rep);
    expect((await failure(stranger.account.removeAddress({ addressId: list.further[0]!.id }))).code).toBe("NOT_FOUND");
  });

  it("limits the links a person asks for, and mail to one recipient", async () => {
    const person = await createUser(database.db);
    const api = await callerAs(database.db, person, mail.mailer);
    const before = mail.messages.filter((m) => m.to.includes("again@limit-test.example")).length;
    for (let i = 0; i < 5; i++) await api.account.addAddress({ email: "again@limit-test.example" });
    // Three mails an hour to one recipient; the rest are answered the same and not sent.
    expect(mail.messages.filter((m) => m.to.includes("again@limit-test.example")).length - before).toBe(3);
    for (let i = 0; i < 5; i++) await api.account.addAddress({ email: `other${i}@limit-test.example` });
    const limited = await failure(api.account.addAddress({ email: "eleventh@limit-test.example" }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toContain("Try again in");
  });
});

describe("deleting an account", () => {
  it("removes the person's further addresses and the mail counters keyed by them", async () => {
    const person = await createUser(database.db);
    const api = await callerAs(database.db, person, mail.mailer);
    await api.account.addAddress({ email: "leaving@ngo-delete.example" });
    const counters = () => database.db.$count(rateLimits, sql`strpos(${rateLimits.key}, 'leaving@ngo-delete.example') > 0`);
    expect(await counters()).toBeGreaterThan(0);
    await api.account.delete({ password: "correct horse battery" });
    expect(await database.db.$count(userEmails, eq(userEmails.userId, person.id))).toBe(0);
    expect(await counters()).toBe(0);
  });
});

describe("an organisation's email domains", () => {
  it("accepts a plain domain from its representatives and refuses others with clear messages", async () => {
    const rep = await createUser(database.db);
    const org = await createOrganization(database.db, { createdById: rep.id });
    const api = await callerAs(database.db, rep);
    expect(await api.organizations.addDomain({ organizationId: org.id, domain: " MFA.Domain-Test.example " })).toMatchObject({ domain: "mfa.domain-test.example" });
    const gmail = await failure(api.organizations.addDomain({ organizationId: org.id, domain: "gmail.com" }));
    expect(zodMessageAt(gmail, "domain")).toContain("public mail service");
    for (const bad of ["not a domain", "localhost", "-bad.example", "192.168.0.1", "a..b", `${"a".repeat(64)}.example`]) {
      const refused = await failure(api.organizations.addDomain({ organizationId: org.id, domain: bad }));
      expect(zodMessageAt(refused, "domain"), bad).toContain("plain domain name");
    }
    expect(fieldErrorsOf(await failure(api.organizations.addDomain({ organizationId: org.id, domain: "mfa.domain-test.example" }))).domain).toContain("already registered");
    // A member who does not represent it may not.
    const member = await createUser(database.db);
    await addMember(database.db, org.id, member.id);
    expect((await failure((await callerAs(database.db, member)).organizations.addDomain({ organizationId: org.id, domain: "x-test.example" }))).code).toBe("FORBIDDEN");
    const domains = await api.organizations.domains({ organizationId: org.id });
    expect(domains).toMatchObject([{ domain: "mfa.domain-test.example", confirmedAt: null }]);
    await api.organizations.removeDomain({ organizationId: org.id, domainId: domains[0]!.id });
    expect(await api.organizations.domains({ organizationId: org.id })).toEqual([]);
  });

  it("checks a domain in linear time, whatever is typed", () => {
    const long = `${"a-".repeat(50_000)}a`;
    const started = performance.now();
    expect(isPlainDomain(long)).toBe(false);
    expect(isPlainDomain(`${"a.".repeat(100_000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
    expect(isPlainDomain("mfa.go.ke")).toBe(true);
  });

  it("keeps a domain a representation rests on", async () => {
    const { org, member, rep, staff } = await stateWithDomain("mfa-keep.example", "TG");
    await confirmedAddress(member, "ama@mfa-keep.example");
    const api = await callerAs(database.db, rep);
    await promote(rep, staff, org, member);
    const [domain] = await api.organizations.domains({ organizationId: org.id });
    const kept = await failure(api.organizations.removeDomain({ organizationId: org.id, domainId: domain!.id }));
    expect(kept.code).toBe("PRECONDITION_FAILED");
    expect(kept.message).toContain("rests on an address at mfa-keep.example");
  });

  it("waits for the secretariat when added to a verified organisation, which stays verified", async () => {
    const { org, rep, staff } = await stateWithDomain("mfa-later.example", "SN");
    await (await callerAs(database.db, rep)).organizations.addDomain({ organizationId: org.id, domain: "mission-later.example" });
    expect((await database.db.query.organizations.findFirst({ where: eq(organizations.id, org.id) }))?.verificationStatus).toBe("verified");
    const secretariat = await callerAs(database.db, staff);
    const awaiting = (await secretariat.verification.domainsAwaiting()).find((o) => o.id === org.id);
    expect(awaiting?.domains.map((d) => d.domain)).toEqual(["mission-later.example"]);
    expect((await secretariat.verification.queue()).some((o) => o.id === org.id)).toBe(false);
    await secretariat.verification.confirmDomains({ organizationId: org.id, domainIds: [awaiting!.domains[0]!.id] });
    expect((await secretariat.verification.domainsAwaiting()).some((o) => o.id === org.id)).toBe(false);
    const entry = await database.db.query.auditLog.findFirst({ where: and(eq(auditLog.targetId, org.id), eq(auditLog.action, "organization.domains_confirmed")) });
    expect(entry?.details).toMatchObject({ domains: ["mission-later.example"] });
    // A representative cannot confirm domains.
    expect((await failure((await callerAs(database.db, rep)).verification.confirmDomains({ organizationId: org.id, domainIds: [awaiting!.domains[0]!.id] }))).code).toBe("FORBIDDEN");
  });
});

describe("becoming a representative", () => {
  it("refuses a state's new representative without an address at the registered domains, naming them, then accepts one with it", async () => {
    const { org, member, rep, staff } = await stateWithDomain("mfa-ke-test.example", "KE");
    await database.db.insert(organizationDomains).values({ organizationId: org.id, domain: "mission-ke-test.example", confirmedAt: new Date() });
    // An address elsewhere does not count.
    await confirmedAddress(member, "wanjiru@ngo-elsewhere.example");
    const api = await callerAs(database.db, rep);
    const refused = await failure(api.organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toBe(
      `Member KE needs a confirmed address at mfa-ke-test.example or mission-ke-test.example to represent ${org.name}; they can add one on their account page.`,
    );
    // An address at the domain that is not yet confirmed does not count either.
    await (await callerAs(database.db, member, mail.mailer)).account.addAddress({ email: "wanjiru@mfa-ke-test.example" });
    expect((await failure(api.organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" }))).code).toBe("PRECONDITION_FAILED");
    await (await callerAs(database.db, member, mail.mailer)).account.confirmAddress({ token: mail.tokenFor("wanjiru@mfa-ke-test.example", confirmPath)! });
    await promote(rep, staff, org, member);
    const row = await database.db.query.organizationMembers.findFirst({ where: and(eq(organizationMembers.organizationId, org.id), eq(organizationMembers.userId, member.id)) });
    // A state's representation runs twelve months unless reconfirmed.
    expect(row).toMatchObject({ role: "representative", address: "wanjiru@mfa-ke-test.example", exceptionReason: null, reconfirmBy: expect.any(Date) });
    // Back to member: the basis goes with the role.
    await api.organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "member" });
    expect(await database.db.query.organizationMembers.findFirst({ where: and(eq(organizationMembers.organizationId, org.id), eq(organizationMembers.userId, member.id)) })).toMatchObject({
      role: "member",
      address: null,
    });
  });

  it("counts the sign-in address when it is at a confirmed domain", async () => {
    const { org, rep, staff } = await stateWithDomain("mfa-signin.example", "UG");
    const colleague = await createUser(database.db, { email: "okello@mfa-signin.example" });
    await addMember(database.db, org.id, colleague.id);
    await promote(rep, staff, org, colleague);
    expect((await database.db.query.organizationMembers.findFirst({ where: and(eq(organizationMembers.organizationId, org.id), eq(organizationMembers.userId, colleague.id)) }))?.address).toBe("okello@mfa-signin.example");
  });

  it("says so when the organisation has no confirmed domain yet", async () => {
    const rep = await createUser(database.db);
    const org = await createOrganization(database.db, { createdById: rep.id, status: "verified", name: "Domainless Institute" });
    const member = await createUser(database.db);
    await addMember(database.db, org.id, member.id);
    const refused = await failure((await callerAs(database.db, rep)).organizations.setMemberRole({ organizationId: org.id, userId: member.id, role: "representative" }));
    expect(refused.message).toContain("Domainless Institute has no confirmed email domains yet");
    // The last representative rule still holds.
    expect((await failure((await callerAs(database.db, rep)).organizations.setMemberRole({ organizationId: org.id, userId: rep.id, role: "member" }))).message).toContain("at least one representative");
  });

  it("lets the secretariat record an exception for a named member, with its reason in the audit log", async () => {
    const { org, member, staff, rep } = await stateWithDomain("mfa-exception.example", "ML");
    const reason = "The ministry's mail server is being replaced; confirmed by telephone.";
    expect((await failure((await callerAs(database.db, rep)).verification.recordException({ organizationId: org.id, userId: member.id, reason }))).code).toBe("FORBIDDEN");
    const short = await failure((await callerAs(database.db, staff)).verification.recordException({ organizationId: org.id, userId: member.id, reason: "ok" }));
    expect(zodMessageAt(short, "reason")).toContain("at least 10 characters");
    await (await callerAs(database.db, staff)).verification.recordException({ organizationId: org.id, userId: member.id, reason });
    expect(await database.db.query.organizationMembers.findFirst({ where: and(eq(organizationMembers.organizationId, org.id), eq(organizationMembers.userId, member.id)) })).toMatchObject({
      role: "representative",
      address: null,
      exceptionReason: reason,
      exceptionById: staff.id,
    });
    const entry = await database.db.query.auditLog.findFirst({ where: and(eq(auditLog.targetId, org.id), eq(auditLog.action, "organization.representation_exception")) });
    expect(entry?.details).toMatchObject({ userId: member.id, reason });
  });

  it("shows the secretariat what each member's representation rests on, and nobody else", async () => {
    const { org, member, staff, rep } = await stateWithDomain("mfa-overview.example", "BJ");
    await confirmedAddress(member, "afi@mfa-overview.example");
    await promote(rep, staff, org, member);
    const view = await (await callerAs(database.db, staff)).verification.representation({ slug: org.slug });
    expect(view.domains.map((d) => d.domain)).toEqual(["mfa-overview.example"]);
    expect(view.members.find((m) => m.userId === member.id)).toMatchObject({ role: "representative", address: "afi@mfa-overview.example", confirmedAddresses: [member.email, "afi@mfa-overview.example"] });
    expect(view.members.find((m) => m.userId === rep.id)).toMatchObject({ role: "representative", address: null, exceptionReason: null });
    expect((await failure((await callerAs(database.db, rep)).verification.representation({ slug: org.slug }))).code).toBe("FORBIDDEN");
  });
});

describe("the public page", () => {
  it("lists a verified organisation's representatives by name and since when, and its confirmed domains only", async () => {
    const { org, rep, member } = await stateWithDomain("mfa-public.example", "ZM");
    await database.db.insert(organizationDomains).values({ organizationId: org.id, domain: "unconfirmed-public.example" });
    await database.db.update(organizationMembers).set({ listed: false }).where(eq(organizationMembers.userId, rep.id));
    const page = await (await callerAs(database.db, null)).organizations.get({ slug: org.slug });
    expect(page.confirmedDomains).toEqual(["mfa-public.example"]);
    // Listed or not, a representative is public; a plain member only by choice (the member chose to be listed).
    expect(page.representatives.map((r) => r.displayName)).toEqual([rep.displayName]);
    expect(page.representatives[0]?.since).toBeInstanceOf(Date);
    expect(page.listedMembers.map((m) => m.displayName)).toEqual([member.displayName]);
    const pending = await createOrganization(database.db, { createdById: (await createUser(database.db)).id });
    expect((await (await callerAs(database.db, null)).organizations.get({ slug: pending.slug })).representatives).toEqual([]);
  });
});

describe("a new organisation's registration and verification", () => {
  const registration = {
    name: "Ministry of Foreign Affairs of Testland",
    stakeholderType: "state" as const,
    region: "african" as const,
    country: "NA",
    website: "",
    description: "",
  };

  it("registers domains with the organisation; the creator stays provisional until the secretariat verifies", async () => {
    const creator = await createUser(database.db, { displayName: "Creator Testland" });
    const staff = await createUser(database.db, { role: "secretariat" });
    const api = await callerAs(database.db, creator, mail.mailer);
    const refused = await failure(api.organizations.create({ ...registration, domains: "mfa-testland.example\ngmail.com" }));
    expect(zodMessageAt(refused, "domains.1")).toContain("public mail service");
    const { id, slug } = await api.organizations.create({ ...registration, domains: "MFA-Testland.example, mfa-testland.example\nmission-testland.example" });
    expect((await api.organizations.domains({ organizationId: id })).map((d) => [d.domain, d.confirmedAt])).toEqual([
      ["mfa-testland.example", null],
      ["mission-testland.example", null],
    ]);
    const secretariat = await callerAs(database.db, staff);
    const queued = (await secretariat.verification.queue()).find((o) => o.slug === slug)!;
    expect(queued.representatives).toMatchObject([{ userId: creator.id, address: null, exceptionReason: null }]);
    const mfa = queued.domains.find((d) => d.domain === "mfa-testland.example")!;
    // No address at a confirmed domain and no exception: refused, naming the creator.
    const noBasis = await failure(secretariat.verification.verify({ organizationId: id, confirmName: registration.name, confirmDomainIds: [mfa.id] }));
    expect(noBasis.code).toBe("BAD_REQUEST");
    expect(noBasis.message).toContain("This representative has no confirmed address at mfa-testland.example: Creator Testland");
    // Nothing of the refused decision stays: the domain is still unconfirmed, the organisation pending.
    expect((await api.organizations.domains({ organizationId: id })).every((d) => d.confirmedAt === null)).toBe(true);
    await confirmedAddress(creator, "creator@mfa-testland.example");
    await secretariat.verification.verify({ organizationId: id, confirmName: registration.name, confirmDomainIds: [mfa.id] });
    expect(await database.db.query.organizationMembers.findFirst({ where: and(eq(organizationMembers.organizationId, id), eq(organizationMembers.userId, creator.id)) })).toMatchObject({
      address: "creator@mfa-testland.example",
    });
    const domains = await api.organizations.domains({ organizationId: id });
    expect(domains.find((d) => d.domain === "mfa-testland.example")?.confirmedAt).toBeInstanceOf(Date);
    expect(domains.find((d) => d.domain === "mission-testland.example")?.confirmedAt).toBeNull();
    const entry = await database.db.query.auditLog.findFirst({ where: and(eq(auditLog.targetId, id), eq(auditLog.action, "organization.verified")) });
    expect(entry?.details).toMatchObject({ confirmedDomains: ["mfa-testland.example"], representativesByAddress: [{ userId: creator.id, address: "creator@mfa-testland.example" }] });
  });

  it("verifies with an exception recorded in the same decision", async () => {
    const creator = await createUser(database.db, { displayName: "Creator Otherland" });
    const staff = await createUser(database.db, { role: "secretariat" });
    const { id } = await (await callerAs(database.db, creator)).organizations.create({ ...registration, name: "Otherland Civic Forum", stakeholderType: "civil_society", country: "" });
    const secretariat = await callerAs(database.db, staff);
    const reason = "Registered in person at the forum's office; no organisational mail yet.";
    await secretariat.verification.verify({ organizationId: id, confirmName: "Otherland Civic Forum", exceptions: [{ userId: creator.id, reason }] });
    expect(await database.db.query.organizationMembers.findFirst({ where: and(eq(organizationMembers.organizationId, id), eq(organizationMembers.userId, creator.id)) })).toMatchObject({
      exceptionReason: reason,
      exceptionById: staff.id,
    });
    const entry = await database.db.query.auditLog.findFirst({ where: and(eq(auditLog.targetId, id), eq(auditLog.action, "organization.verified")) });
    expect(entry?.details).toMatchObject({ representationExceptions: [{ userId: creator.id, reason }] });
  });
});

describe("the migration", () => {
  it("keeps every earlier representative on the migration's exception, with 12 months to reconfirm, and leaves members alone", async () => {
    // The migrations up to 0026 in a folder of their own, then 0027 on top, on an in-memory database.
    const source = path.join(process.cwd(), "db", "migrations");
    const folder = await mkdtemp(path.join(tmpdir(), "nf-migration-"));
    await mkdir(path.join(folder, "meta"));
    const journal = JSON.parse(await readFile(path.join(source, "meta", "_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
    const upTo = async (last: number) => {
      const entries = journal.entries.filter((e) => e.idx <= last);
      await writeFile(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
      for (const e of entries) await copyFile(path.join(source, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
    };
    const index = journal.entries.find((e) => e.tag === "0027_verified_representation")!.idx;
    const pglite = await openPglite();
    try {
      const db = pglite.db as unknown as PgliteDatabase<Record<string, unknown>>;
      await upTo(index - 1);
      await migratePglite(db, { migrationsFolder: folder });
      await db.execute(sql`insert into users (id, email, display_name, password_hash, email_verified_at) values
        ('00000000-0000-4000-8000-000000000001', 'old-rep@example.test', 'Old Rep', 'x', now()),
        ('00000000-0000-4000-8000-000000000002', 'old-member@example.test', 'Old Member', 'x', now())`);
      await db.execute(sql`insert into organizations (id, slug, name, stakeholder_type, region, verification_status, created_by_id) values
        ('00000000-0000-4000-8000-0000000000a1', 'old-org', 'Old Org', 'civil_society', 'global', 'verified', '00000000-0000-4000-8000-000000000001')`);
      await db.execute(sql`insert into organization_members (organization_id, user_id, role) values
        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'representative'),
        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000002', 'member')`);
      await upTo(index);
      await migratePglite(db, { migrationsFolder: folder });
      const result = await db.execute(sql`select user_id, role, address, exception_reason, exception_by_id, reconfirm_by, reconfirm_by - now() as left
        from organization_members order by user_id`);
      const rows = ((result as unknown as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[];
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({ role: "representative", address: null, exception_reason: "Representative before verified domains (migration)", exception_by_id: null });
      const reconfirmBy = new Date(rows[0]!.reconfirm_by as string);
      const inDays = (reconfirmBy.getTime() - Date.now()) / 86_400_000;
      expect(inDays).toBeGreaterThan(364);
      expect(inDays).toBeLessThan(367);
      expect(rows[1]).toMatchObject({ role: "member", exception_reason: null, reconfirm_by: null });
      // No domain is inferred: organisations register theirs.
      const domains = await db.execute(sql`select count(*)::int as n from organization_domains`);
      expect((((domains as unknown as { rows?: unknown[] }).rows ?? domains) as { n: number }[])[0]!.n).toBe(0);
    } finally {
      await pglite.close();
      await rm(folder, { recursive: true, force: true });
    }
    expect((await readdir(source)).some((f) => f.startsWith("0027_verified_representation"))).toBe(true);
  });
});
