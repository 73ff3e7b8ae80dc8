import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { type DbOrTx, statementBuiltOnce } from "~/db/connect";
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

interface ActorRow {
  id: string;
  email: string;
  display_name: string;
  role: Actor["role"];
  session_version: number;
  deleted: boolean;
  suspension_id: string | null;
  suspension_reason: string | null;
  suspension_ends_at: string | Date | null;
}

// One statement: the person and their active suspension, if any (the latest, as activeSuspension).
// Its text is built once (statementBuiltOnce): it runs on every signed-in request.
const actorStatement = statementBuiltOnce<ActorRow, { userId: string; now: string }>(
  (value) => sql`
  select ${users.id} as id, ${users.email} as email, ${users.displayName} as display_name, ${users.role} as role,
    ${users.sessionVersion} as session_version, ${users.deletedAt} is not null as deleted,
    ${suspensions.id} as suspension_id, ${suspensions.reason} as suspension_reason, ${suspensions.endsAt} as suspension_ends_at
  from ${users}
  left join ${suspensions} on ${suspensions.userId} = ${users.id} and ${suspensions.liftedAt} is null
    and (${suspensions.endsAt} is null or ${suspensions.endsAt} > ${value.now}::timestamptz)
  where ${users.id} = ${value.userId}::uuid
  order by ${suspensions.createdAt} desc
  limit 1`,
);

/**
 * Reads role and session version from the database on every request, so a role change,
 * suspension or sign-out-everywhere takes effect at once (a JWT alone cannot be revoked).
 */
export async function loadActor(
  db: DbOrTx,
  session: { userId: string; sessionVersion: number } | null,
): Promise<Actor | null> {
  if (!session) return null;
  const [row] = await actorStatement(db, { userId: session.userId, now: clock.now().toISOString() });
  // Deleting an account bumps the session version too; the deleted check holds even if it did not.
  if (!row || row.deleted || row.session_version !== session.sessionVersion) return null;
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    suspension:
      row.suspension_id === null
        ? null
        : {
            id: row.suspension_id,
            reason: row.suspension_reason!,
            // As Drizzle reads a timestamp column (the drivers answer a string or a Date).
            endsAt: row.suspension_ends_at === null ? null : new Date(row.suspension_ends_at),
          },
  };
}
