// /about/governance: an administrator publishes revisions; every one stays public and unchanged.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { createUser } from "~/db/factories";
import { auditLog, governanceRevisions } from "~/db/schema";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, fieldErrorsOf, zodMessageAt } from "./support/errors";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database.close();
});

const first = {
  secretariat: "A staff of four runs the forum.",
  appointments: "The board appoints staff after an open call.",
  funding: "A pooled fund; no contributor gives more than a fifth.",
  summary: "First publication of the page.",
};

describe("the governance page", () => {
  it("says nothing is published before the first revision, and lists the staff accounts", async () => {
    await createUser(db, { displayName: "Zed Clerk", role: "secretariat" });
    await createUser(db, { displayName: "Ann Admin", role: "admin" });
    await createUser(db, { displayName: "Mo Member" });
    const page = await (await callerAs(db, null)).governance.page();
    expect(page.current).toBeNull();
    expect(page.history).toEqual([]);
    expect(page.staff.map((s) => [s.displayName, s.role])).toEqual([
      ["Ann Admin", "admin"],
      ["Zed Clerk", "secretariat"],
    ]);
  });

  it("publishes numbered revisions, shows the latest, and keeps every earlier one readable", async () => {
    const adminUser = await createUser(db, { displayName: "Ada Publisher", role: "admin" });
    const admin = await callerAs(db, adminUser);
    expect(await admin.governance.publish(first)).toEqual({ number: 1 });
    expect(await admin.governance.publish({ ...first, funding: "A pooled fund, with contributors listed yearly.", summary: "Says where contributors are listed." })).toEqual({ number: 2 });

    const visitor = await callerAs(db, null);
    const page = await visitor.governance.page();
    expect(page.current).toMatchObject({ number: 2, funding: "A pooled fund, with contributors listed yearly.", editedBy: "Ada Publisher" });
    expect(page.history.map((r) => [r.number, r.summary])).toEqual([
      [2, "Says where contributors are listed."],
      [1, "First publication of the page."],
    ]);
    expect(await visitor.governance.revision({ number: 1 })).toMatchObject({ number: 1, funding: first.funding, latest: 2 });

    const audit = await db.query.auditLog.findMany({ where: eq(auditLog.action, "governance.published") });
    expect(audit.map((a) => a.targetId).sort()).toEqual(["1", "2"]);
  });

  it("refuses a revision that changes nothing, and writes nothing", async () => {
    const admin = await callerAs(db, await createUser(db, { role: "admin" }));
    const current = (await admin.governance.page()).current!;
    const error = await failure(admin.governance.publish({ secretariat: current.secretariat, appointments: current.appointments, funding: current.funding, summary: "No real change here." }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toContain("Nothing has changed");
    expect((await admin.governance.page()).current!.number).toBe(current.number);
  });

  it("names the field at fault", async () => {
    const admin = await callerAs(db, await createUser(db, { role: "admin" }));
    const error = await failure(admin.governance.publish({ ...first, secretariat: "   ", summary: "short" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(zodMessageAt(error, "secretariat") ?? fieldErrorsOf(error).secretariat).toBe("Write who runs the secretariat.");
    expect(zodMessageAt(error, "summary") ?? fieldErrorsOf(error).summary).toContain("at least 10 characters");
  });

  it("answers not found for a revision that does not exist", async () => {
    expect((await failure((await callerAs(db, null)).governance.revision({ number: 99 }))).code).toBe("NOT_FOUND");
  });

  it("is refused to the secretariat and to members", async () => {
    for (const role of ["secretariat", "member"] as const) {
      expect((await failure((await callerAs(db, await createUser(db, { role }))).governance.publish({ ...first, summary: "Someone else's change." }))).code).toBe("FORBIDDEN");
    }
  });

  it("keeps published revisions as they are: the database refuses to change or delete one", async () => {
    await expect(db.update(governanceRevisions).set({ funding: "Rewritten history." }).where(eq(governanceRevisions.number, 1))).rejects.toThrow();
    await expect(db.delete(governanceRevisions).where(eq(governanceRevisions.number, 1))).rejects.toThrow();
    await expect(db.execute(sql`truncate governance_revisions`)).rejects.toThrow();
    expect((await db.query.governanceRevisions.findFirst({ where: eq(governanceRevisions.number, 1) }))!.funding).toBe(first.funding);
  });
});
