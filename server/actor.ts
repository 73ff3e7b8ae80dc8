import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "~/db/connect";
import { suspensions, users } from "~/db/schema";
import type { Actor } from "./policy";

/** The active suspension of a person, if any. */
export async function activeSuspension(db: DbOrTx, userId: string, now = new Date()) {
  const row = await db.query.suspensions.findFirst({
    columns: { id: true, reason: true, endsAt: true },
    where: and(
      eq(suspensions.userId, userId),
      isNull(suspensions.liftedAt),
      or(isNull(suspensions.endsAt), gt(suspensions.endsAt, now)),
    ),
    orderBy: desc(suspensions.createdAt),
  });
  return row ?? null;
}

/**
 * Reads role and session version from the database on every request, so a role change,
 * suspension or sign-out-everywhere takes effect at once (a JWT alone cannot be revoked).
 */
export async function loadActor(
  db: DbOrTx,
  session: { userId: string; sessionVersion: number } | null,
): Promise<Actor | null> {
  if (!session) return null;
  const user = await db.query.users.findFirst({
    columns: { id: true, email: true, displayName: true, role: true, sessionVersion: true, deletedAt: true },
    where: eq(users.id, session.userId),
  });
  // Deleting an account bumps the session version too; the deletedAt check holds even if it did not.
  if (!user || user.deletedAt || user.sessionVersion !== session.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    suspension: await activeSuspension(db, user.id),
  };
}
