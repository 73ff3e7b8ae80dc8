import type { Db } from "~/db/connect";
import { loadActor } from "~/server/actor";
import type { Mailer } from "~/server/mail";
import { createCaller } from "~/server/root";
import { createInnerContext } from "~/server/trpc";

const nullMailer: Mailer = {
  async send() {
    throw new Error("This test did not expect mail; pass a mail sink's mailer.");
  },
};

/** A caller acting as this user (as the database sees them now), or as a visitor. */
export async function callerAs(db: Db, user: { id: string } | null, mailer: Mailer = nullMailer) {
  const row = user ? await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, user.id) }) : null;
  const actor = row ? await loadActor(db, { userId: row.id, sessionVersion: row.sessionVersion }) : null;
  return createCaller(createInnerContext({ db, actor, mailer }));
}

export { nullMailer };
