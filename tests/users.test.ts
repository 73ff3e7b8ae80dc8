import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { auditLog, suspensions, users } from "~/db/schema";
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
    await api.users.suspend({ userId: user.id, reason: "Spam in comments.", endsAt: new Date(Date.now() + 3_600_000) });
    expect((await actorOf(user.id))?.suspension).not.toBeNull();
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
