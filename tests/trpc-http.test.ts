import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrpcHandler } from "~/app/api/trpc/[trpc]/handler";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { loadActor } from "~/server/actor";
import { createInnerContext } from "~/server/trpc";
import { nullMailer } from "./support/context";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The real /api/trpc handler, with the session of `user` (or none). */
async function handlerAs(user: { id: string; sessionVersion: number } | null) {
  const actor = user ? await loadActor(database.db, { userId: user.id, sessionVersion: user.sessionVersion }) : null;
  return createTrpcHandler(async () => createInnerContext({ db: database.db, actor, mailer: nullMailer }));
}

const get = (path: string) => new Request(`http://localhost/api/trpc/${path}`, { headers: { host: "localhost" } });

describe("/api/trpc responses are never stored by a browser or a shared cache", () => {
  it("marks a signed-in person's account.me private, no-store", async () => {
    const user = await createUser(database.db);
    const response = await (await handlerAs(user))(get("account.me"));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(user.email);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("marks errors and a visitor's answers the same, since they too depend on the session", async () => {
    const visitor = await handlerAs(null);
    const refused = await visitor(get("account.me"));
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-control")).toBe("private, no-store");
    const batch = await visitor(get("account.me,account.me?batch=1&input={}"));
    expect(batch.headers.get("cache-control")).toBe("private, no-store");
  });

  it("marks a mutation's answer too", async () => {
    const user = await createUser(database.db);
    const response = await (await handlerAs(user))(
      new Request("http://localhost/api/trpc/account.signOutEverywhere", {
        method: "POST",
        headers: { host: "localhost", origin: "http://localhost", "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});
