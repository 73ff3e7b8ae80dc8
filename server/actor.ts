import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "~/db/connect";
import { suspensions, users } from "~/db/schema";
import type { Actor } from "./policy";
import { clock } from "./clock";

/** The active suspension of a person, if any. */
export async function activeSuspension(db: DbOrTx, userId: string, now = clock.now()) {
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
  // One statement: the person and their active suspension, if any (the latest, as activeSuspension).
  const now = clock.now();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      sessionVersion: users.sessionVersion,
      deletedAt: users.deletedAt,
      suspension: { id: suspensions.id, reason: suspensions.reason, endsAt: suspensions.endsAt },
    })
    .from(users)
    .leftJoin(
      suspensions,
      and(eq(suspensions.userId, users.id), isNull(suspensions.liftedAt), or(isNull(suspensions.endsAt), gt(suspensions.endsAt, now))),
    )
    .where(eq(users.id, session.userId))
    .orderBy(desc(suspensions.createdAt))
    .limit(1);
  // Deleting an account bumps the session version too; the deletedAt check holds even if it did not.
  if (!row || row.deletedAt || row.sessionVersion !== session.sessionVersion) return null;
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    suspension: row.suspension,
  };
}
