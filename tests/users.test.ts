import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { auditLog, comments, norms, suspensions, users } from "~/db/schema";
import { loadActor } from "~/server/actor";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure } from "./support/errors";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const actorOf = async (id: string) => {
  const u = await database.db.query.users.findFirst({ where: eq(users.id, id) });
  return loadActor(database.db, { userId: id, sessionVersion: u!.sessionVersion });
};

describe("roles", () => {
  it("an admin changes a role, which takes effect on the next request and is audited", async () => {
    const admin = await createUser(database.db, { role: "admin" });
    const user = await createUser(database.db);
    const api = await callerAs(database.db, admin);
    await api.users.setRole({ userId: user.id, role: "secretariat" });
    expect((await actorOf(user.id))?.role).toBe("secretariat");
    await expect((await callerAs(database.db, user)).verification.queue()).resolves.toBeInstanceOf(Array);
    const entry = await database.db.query.auditLog.findFirst({ where: eq(auditLog.targetId, user.id) });
    expect(entry).toMatchObject({ action: "user.role_changed", details: { from: "member", to: "secretariat" } });
  });

  it("refuses changing one's own role and an unknown role", async () => {
    const admin = await createUser(database.db, { role: "admin" });
    const api = await callerAs(database.db, admin);
    expect((await failure(api.users.setRole({ userId: admin.id, role: "member" }))).message).toMatch(/own role/);
    expect((await failure(api.users.setRole({ userId: admin.id, role: "king" as never }))).code).toBe("BAD_REQUEST");
  });
});

describe("suspension", () => {
  it("lets a suspended person read and appeal, and nothing else, until it is lifted", async () => {
    const staff = await createUser(database.db, { role: "secretariat" });
    const user = await createUser(database.db);
    const api = await callerAs(database.db, staff);
    const { id } = await api.users.suspend({ userId: user.id, reason: "Repeated personal attacks." });

    const suspended = await callerAs(database.db, user);
    await expect(suspended.organizations.list({})).resolves.toBeTruthy();
    await expect(suspended.account.me()).resolves.toMatchObject({ suspension: { reason: "Repeated personal attacks." } });
    const refused = await failure(
      suspended.organizations.create({ name: "Anything", stakeholderType: "academia", region: "global", country: "", website: "", description: "" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/suspended/);

    expect((await failure(api.users.suspend({ userId: user.id, reason: "A second suspension." }))).code).toBe("CONFLICT");
    await api.users.liftSuspension({ suspensionId: id, reason: "Served." });
    expect((await actorOf(user.id))?.suspension).toBeNull();
  });

  it("ends by itself on its end date, and refuses an end date in the past", async () => {
    const staff = await createUser(database.db, { role: "secretariat" });
    const user = await createUser(database.db);
    const api = await callerAs(database.db, staff);
    const past = await failure(api.users.suspend({ userId: user.id, reason: "Spam in comments.", endsAt: new Date(Date.now() - 60_000) }));
    expect(past.code).toBe("BAD_REQUEST");
    const endsAt = new Date(Date.now() + 3_600_000);
    await api.users.suspend({ userId: user.id, reason: "Spam in comments.", endsAt });
    // As the request reads it (loadActor): its end a date, to the millisecond, on either driver.
    expect((await actorOf(user.id))?.suspension).toEqual({ id: expect.any(String), reason: "Spam in comments.", endsAt });
    await database.db.update(suspensions).set({ endsAt: new Date(Date.now() - 1000) }).where(eq(suspensions.userId, user.id));
    expect((await actorOf(user.id))?.suspension).toBeNull();
  });

  it("lets only an admin suspend staff", async () => {
    const staff = await createUser(database.db, { role: "secretariat" });
    const colleague = await createUser(database.db, { role: "secretariat" });
    const error = await failure((await callerAs(database.db, staff)).users.suspend({ userId: colleague.id, reason: "Internal disagreement." }));
    expect(error.code).toBe("FORBIDDEN");
    expect((await failure((await callerAs(database.db, staff)).users.suspend({ userId: staff.id, reason: "Suspend myself please." }))).message).toMatch(/yourself/);
  });

  it("decides an appeal: lifting it ends the suspension", async () => {
    const staff = await createUser(database.db, { role: "secretariat" });
    const user = await createUser(database.db);
    await (await callerAs(database.db, staff)).users.suspend({ userId: user.id, reason: "Off-topic posting." });
    await (await callerAs(database.db, user)).account.appeal({ text: "The posts were on topic; please look again." });
    const api = await callerAs(database.db, staff);
    const [appeal] = await api.users.appeals();
    await api.users.decideAppeal({ appealId: appeal!.id, decision: "lift", note: "On reflection the posts were on topic." });
    expect((await actorOf(user.id))?.suspension).toBeNull();
    expect((await failure(api.users.decideAppeal({ appealId: appeal!.id, decision: "uphold", note: "Changing my mind now." }))).code).toBe("PRECONDITION_FAILED");
  });
});

describe("who may lift a suspension or decide its appeal", () => {
  async function people() {
    const admin = await createUser(database.db, { role: "admin" });
    const otherAdmin = await createUser(database.db, { role: "admin" });
    const staff = await createUser(database.db, { role: "secretariat" });
    const colleague = await createUser(database.db, { role: "secretariat" });
    const member = await createUser(database.db);
    return { admin, otherAdmin, staff, colleague, member };
  }

  it("refuses the secretariat lifting what an admin imposed, on a member, a secretariat member or an admin", async () => {
    const p = await people();
    const asAdmin = await callerAs(database.db, p.admin);
    const asStaff = await callerAs(database.db, p.staff);
    for (const target of [p.member, p.colleague, p.otherAdmin]) {
      const { id } = await asAdmin.users.suspend({ userId: target.id, reason: "Imposed by an administrator." });
      expect((await database.db.query.suspensions.findFirst({ where: eq(suspensions.id, id) }))!.imposedByRole).toBe("admin");
      const refused = await failure(asStaff.users.liftSuspension({ suspensionId: id, reason: "" }));
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.message).toMatch(/administrator/);
      expect((await actorOf(target.id))?.suspension).not.toBeNull();
      // Another admin may.
      await (await callerAs(database.db, target.id === p.otherAdmin.id ? p.admin : p.otherAdmin)).users.liftSuspension({ suspensionId: id, reason: "Reviewed." });
      expect((await actorOf(target.id))?.suspension).toBeNull();
    }
  });

  it("keeps what an admin imposed for admins even after that admin's role changes", async () => {
    const p = await people();
    const { id } = await (await callerAs(database.db, p.otherAdmin)).users.suspend({ userId: p.member.id, reason: "Imposed by an administrator." });
    await (await callerAs(database.db, p.admin)).users.setRole({ userId: p.otherAdmin.id, role: "secretariat" });
    expect((await failure((await callerAs(database.db, p.staff)).users.liftSuspension({ suspensionId: id, reason: "" }))).code).toBe("FORBIDDEN");
    expect((await failure((await callerAs(database.db, p.otherAdmin)).users.liftSuspension({ suspensionId: id, reason: "" }))).code).toBe("FORBIDDEN");
  });

  it("refuses the secretariat acting on a colleague's suspension, whoever imposed it", async () => {
    const p = await people();
    // A member suspended by the secretariat, then made secretariat: a colleague of equal rank now.
    const { id } = await (await callerAs(database.db, p.staff)).users.suspend({ userId: p.member.id, reason: "Imposed by the secretariat." });
    await (await callerAs(database.db, p.admin)).users.setRole({ userId: p.member.id, role: "secretariat" });
    const refused = await failure((await callerAs(database.db, p.colleague)).users.liftSuspension({ suspensionId: id, reason: "" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/colleague|administrator/);
    await (await callerAs(database.db, p.admin)).users.liftSuspension({ suspensionId: id, reason: "Reviewed." });
  });

  it("refuses anyone lifting their own suspension", async () => {
    const p = await people();
    // An expired suspension not yet lifted: the person is active again and could otherwise clear it.
    const [own] = await database.db
      .insert(suspensions)
      .values({ userId: p.admin.id, reason: "Imposed by another administrator.", createdById: p.otherAdmin.id, imposedByRole: "admin", endsAt: new Date(Date.now() - 1000) })
      .returning();
    const refused = await failure((await callerAs(database.db, p.admin)).users.liftSuspension({ suspensionId: own!.id, reason: "" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/your own/);
  });

  it("lets only an admin decide the appeal against what an admin imposed, and never one's own", async () => {
    const p = await people();
    await (await callerAs(database.db, p.admin)).users.suspend({ userId: p.member.id, reason: "Imposed by an administrator." });
    await (await callerAs(database.db, p.member)).account.appeal({ text: "Please review the suspension an administrator imposed." });
    const asStaff = await callerAs(database.db, p.staff);
    const appeal = (await asStaff.users.appeals()).find((a) => a.userId === p.member.id)!;
    // The appeals page knows before anyone tries.
    expect(appeal.decideBlock).toBe("imposedByAdmin");
    const refused = await failure(asStaff.users.decideAppeal({ appealId: appeal.id, decision: "lift", note: "Lifting what an admin imposed." }));
    expect(refused.code).toBe("FORBIDDEN");
    expect((await actorOf(p.member.id))?.suspension).not.toBeNull();
    const asOtherAdmin = await callerAs(database.db, p.otherAdmin);
    expect((await asOtherAdmin.users.appeals()).find((a) => a.id === appeal.id)!.decideBlock).toBeNull();
    await asOtherAdmin.users.decideAppeal({ appealId: appeal.id, decision: "uphold", note: "The suspension stands as imposed." });
  });

  it("shows on the people page which suspensions this person may lift", async () => {
    const p = await people();
    await (await callerAs(database.db, p.admin)).users.suspend({ userId: p.colleague.id, reason: "Imposed by an administrator." });
    await (await callerAs(database.db, p.staff)).users.suspend({ userId: p.member.id, reason: "Imposed by the secretariat." });
    const list = async (user: typeof p.admin, q: string) => (await (await callerAs(database.db, user)).users.list({ q })).items[0]!.suspension!;
    expect((await list(p.staff, p.colleague.email)).liftBlock).toBe("imposedByAdmin");
    expect((await list(p.staff, p.member.email)).liftBlock).toBeNull();
    expect((await list(p.admin, p.colleague.email)).liftBlock).toBeNull();
  });
});

describe("moderating one's own comment", () => {
  it("refuses a secretariat member dismissing reports on, restoring, or deciding the appeal on their own comment", async () => {
    const proposer = await callerAs(database.db, await createUser(database.db));
    const { slug } = await proposer.norms.create({
      title: `A norm for self-moderation ${Date.now()}`,
      summary: "States should not harm the work of authorised emergency response teams.",
      clauses: ["States should not harm CSIRTs.", "States should cooperate with CSIRTs."],
      categories: ["II"],
      kind: "mutual_restraint",
      bindingness: "political",
      citations: [],
    });
    const norm = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
    await proposer.norms.submit({ normId: norm.id });
    const authorUser = await createUser(database.db, { role: "secretariat" });
    const author = await callerAs(database.db, authorUser);
    const colleague = await callerAs(database.db, await createUser(database.db, { role: "secretariat" }));
    const reporter = await callerAs(database.db, await createUser(database.db));

    const comment = await author.comments.create({ normId: norm.id, body: "A comment its secretariat author should not moderate." });
    await reporter.comments.report({ commentId: comment.id, reason: "This breaks the house rules, I think." });
    const dismiss = await failure(author.moderation.dismissReports({ commentId: comment.id }));
    expect(dismiss.code).toBe("FORBIDDEN");
    expect(dismiss.message).toMatch(/your own comment/);

    await colleague.moderation.hide({ commentId: comment.id, rule: "HR-1" });
    expect((await failure(author.moderation.restore({ commentId: comment.id }))).message).toMatch(/your own comment/);
    await author.comments.appeal({ commentId: comment.id, text: "Please look at this hidden comment again." });
    const appeal = (await colleague.moderation.queue()).appeals.find((a) => a.comment.id === comment.id)!;
    const decide = await failure(author.moderation.decideAppeal({ appealId: appeal.appeal.id, decision: "restore", note: "Restoring my own." }));
    expect(decide.code).toBe("FORBIDDEN");
    expect((await database.db.query.comments.findFirst({ where: eq(comments.id, comment.id) }))!.status).toBe("hidden");
    await colleague.moderation.decideAppeal({ appealId: appeal.appeal.id, decision: "restore", note: "On reflection it is fine." });
  });
});
