import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { auditLog, organizations } from "~/db/schema";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, fieldErrorsOf, zodPaths } from "./support/errors";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

// The creator of an organisation made by the factory is a provisional representative: verifying
// takes an address at a confirmed domain or an exception (tests/representation.test.ts).
const known = (creator: { id: string }) => [{ userId: creator.id, reason: "Known to the secretariat from the registration." }];

const lastAudit = () => database.db.query.auditLog.findFirst({ orderBy: desc(auditLog.id) });

describe("verification", () => {
  it("shows the queue with likely duplicates, verifies once, and audits it", async () => {
    const staff = await createUser(database.db, { role: "secretariat" });
    const creator = await createUser(database.db);
    await createOrganization(database.db, { createdById: creator.id, name: "Open Networks Ltd", website: "https://www.open.example", status: "verified" });
    const dup = await createOrganization(database.db, { createdById: creator.id, name: "Open Networks Limited", website: "https://open.example/about" });
    const api = await callerAs(database.db, staff);

    const queue = await api.verification.queue();
    const item = queue.find((o) => o.id === dup.id);
    expect(item?.duplicates[0]).toMatchObject({ name: "Open Networks Ltd", reasons: ["similar_name", "same_website"] });

    await api.verification.verify({ organizationId: dup.id, confirmName: dup.name, acknowledgedDuplicateIds: [item!.duplicates[0]!.id], exceptions: known(creator) });
    expect(await lastAudit()).toMatchObject({ action: "organization.verified", actorId: staff.id, targetId: dup.id });
    const again = await failure(api.verification.verify({ organizationId: dup.id, confirmName: dup.name, acknowledgedDuplicateIds: [item!.duplicates[0]!.id] }));
    expect(again.code).toBe("PRECONDITION_FAILED");
    expect(again.message).toBe("This organisation is already verified.");
    expect((await api.verification.queue()).some((o) => o.id === dup.id)).toBe(false);
  });

  it("verifies only on an explicit confirmation naming the organisation and acknowledging its likely duplicates", async () => {
    const staff = await createUser(database.db, { role: "secretariat" });
    const creator = await createUser(database.db);
    const original = await createOrganization(database.db, { createdById: creator.id, name: "Harbour Digital Rights", website: "https://harbour.example", status: "verified" });
    const copy = await createOrganization(database.db, { createdById: creator.id, name: "Harbour Digital Rights Foundation", website: "https://www.harbour.example" });
    const api = await callerAs(database.db, staff);
    const status = async () => (await database.db.query.organizations.findFirst({ where: eq(organizations.id, copy.id) }))!.verificationStatus;

    // A stray click or API call without a confirmation is refused with a clear message.
    const bare = await failure(api.verification.verify({ organizationId: copy.id } as never));
    expect(bare.code).toBe("BAD_REQUEST");
    expect(zodPaths(bare)).toContain("confirmName");
    // A confirmation for another name (the organisation was renamed since the page was read) is refused.
    const stale = await failure(api.verification.verify({ organizationId: copy.id, confirmName: "Harbour Rights", acknowledgedDuplicateIds: [original.id] }));
    expect(stale.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(stale).confirmName).toMatch(/Harbour Digital Rights Foundation/);
    // Its likely duplicates must be acknowledged, each of them.
    const unacknowledged = await failure(api.verification.verify({ organizationId: copy.id, confirmName: copy.name, acknowledgedDuplicateIds: [] }));
    expect(unacknowledged.code).toBe("BAD_REQUEST");
    expect(unacknowledged.message).toContain("Harbour Digital Rights");
    expect(fieldErrorsOf(unacknowledged).acknowledgedDuplicateIds).toBeTruthy();
    // The refusal names them, so a page that did not list them (restoring a revoked one) can ask.
    expect((unacknowledged.cause as { details?: unknown }).details).toEqual({
      duplicates: [{ id: original.id, name: original.name, reasons: expect.arrayContaining(["similar_name", "same_website"]) }],
    });
    expect(await status()).toBe("pending");

    await api.verification.verify({ organizationId: copy.id, confirmName: copy.name, acknowledgedDuplicateIds: [original.id], exceptions: known(creator) });
    expect(await status()).toBe("verified");
    expect(await lastAudit()).toMatchObject({ action: "organization.verified", details: { acknowledgedDuplicates: [original.id] } });
  });

  it("refuses a second verified state organisation for one country, leaving nothing changed", async () => {
    const staff = await createUser(database.db, { role: "admin" });
    const creator = await createUser(database.db);
    const first = await createOrganization(database.db, { createdById: creator.id, name: "Foreign Ministry of Chile", stakeholderType: "state", region: "latin_american_caribbean", country: "CL", status: "verified" });
    const second = await createOrganization(database.db, { createdById: creator.id, name: "Chile Mission", stakeholderType: "state", region: "latin_american_caribbean", country: "CL" });
    const auditsBefore = await database.db.$count(auditLog);
    const error = await failure((await callerAs(database.db, staff)).verification.verify({ organizationId: second.id, confirmName: second.name, acknowledgedDuplicateIds: [first.id], exceptions: known(creator) }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/already has a verified state organisation/);
    expect(fieldErrorsOf(error).country).toBeTruthy();
    expect((await database.db.query.organizations.findFirst({ where: eq(organizations.id, second.id) }))?.verificationStatus).toBe("pending");
    expect(await database.db.$count(auditLog)).toBe(auditsBefore);
  });

  it("rejects with a reason the creator sees, and revokes a verification later", async () => {
    const staff = await createUser(database.db, { role: "secretariat" });
    const creator = await createUser(database.db);
    const org = await createOrganization(database.db, { createdById: creator.id, name: "Doubtful Body" });
    const api = await callerAs(database.db, staff);

    const noReason = await failure(api.verification.reject({ organizationId: org.id, reason: "no" }));
    expect(noReason.code).toBe("BAD_REQUEST");
    await api.verification.reject({ organizationId: org.id, reason: "We could not confirm this body exists." });
    const seen = await (await callerAs(database.db, creator)).organizations.get({ slug: org.slug });
    expect(seen).toMatchObject({ verificationStatus: "rejected", statusReason: "We could not confirm this body exists." });
    expect((await failure(api.verification.revoke({ organizationId: org.id, reason: "Revoking a rejected one." }))).code).toBe("PRECONDITION_FAILED");

    const verified = await createOrganization(database.db, { createdById: creator.id, name: "Trusted Body", status: "verified" });
    await api.verification.revoke({ organizationId: verified.id, reason: "It merged into another member organisation." });
    expect(await lastAudit()).toMatchObject({ action: "organization.verification_revoked", details: { reason: "It merged into another member organisation." } });
    const publicView = await (await callerAs(database.db, null)).organizations.get({ slug: verified.slug });
    expect(publicView).toMatchObject({ verificationStatus: "revoked", statusReason: "It merged into another member organisation." });
  });

  it("is never asked of a secretariat member who belongs to the organisation: staff belong to none", async () => {
    // The domain still refuses a decider who belongs to the organisation; since the neutrality
    // rule (migration 0029) the database keeps that from arising: a staff account cannot join,
    // and a member cannot take a staff role while they belong to an organisation.
    const founder = await createUser(database.db);
    const org = await createOrganization(database.db, { createdById: founder.id, name: "Insider Institute" });
    const clerk = await createUser(database.db, { role: "secretariat" });
    await expect(addMember(database.db, org.id, clerk.id)).rejects.toThrow();
    const admin = await callerAs(database.db, await createUser(database.db, { role: "admin" }));
    const refused = await failure(admin.users.setRole({ userId: founder.id, role: "secretariat" }));
    expect(refused.message).toContain("Insider Institute");
    expect((await database.db.query.organizations.findFirst({ where: eq(organizations.id, org.id) }))!.verificationStatus).toBe("pending");
  });
});

describe("the audit log", () => {
  it("is append-only in the database itself", async () => {
    const staff = await createUser(database.db, { role: "admin" });
    const creator = await createUser(database.db);
    const org = await createOrganization(database.db, { createdById: creator.id });
    await (await callerAs(database.db, staff)).verification.verify({ organizationId: org.id, confirmName: org.name, exceptions: known(creator) });
    await expect(database.db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    expect(await database.db.$count(auditLog)).toBeGreaterThan(0);
  });

  it("is readable by admins, newest first", async () => {
    const admin = await createUser(database.db, { role: "admin" });
    const { items } = await (await callerAs(database.db, admin)).audit.list({ limit: 2 });
    expect(items).toHaveLength(2);
    expect(items[0]!.id).toBeGreaterThan(items[1]!.id);
  });
});
