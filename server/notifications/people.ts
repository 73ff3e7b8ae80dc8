// Who hears of an event about an organisation (issue 18). An organisation's representatives are its
// current ones: a representation not reconfirmed by its date has lapsed (as isRepresentative() in
// ../policy.ts has it). Each helper is one statement. How a person is named in an event ("… on
// behalf of …") is the describer's (describe.ts), in the reader's language.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { type DbOrTx, resultRows } from "~/db/connect";
import { clock } from "../clock";
import type { FollowReason } from "../schemas/notification-vocabulary";

/** An instant in a statement: a date, or an expression or placeholder for one (statementBuiltOnce). */
const instant = (at: Date | SQLWrapper) => (at instanceof Date ? at.toISOString() : at);

/**
 * The current representatives of the organisation `organizationId` (an id, or an expression such
 * as a column), as a subquery of user ids.
 */
export function representativesSql(organizationId: string | SQL, now: Date | SQLWrapper = clock.now()): SQL {
  const id = typeof organizationId === "string" ? sql`${organizationId}::uuid` : organizationId;
  return sql`select m.user_id from organization_members m
    where m.organization_id = ${id} and m.role = 'representative' and (m.reconfirm_by is null or m.reconfirm_by > ${instant(now)}::timestamptz)`;
}

/** The ids of the organisation's current representatives. */
export async function representativeIds(db: DbOrTx, organizationId: string): Promise<string[]> {
  const rows = resultRows<{ user_id: string }>(await db.execute(representativesSql(organizationId)));
  return rows.map((r) => r.user_id);
}

/**
 * The organisation's current representatives follow `target` (autoFollow() for them all, in one
 * insert…select); one who stopped following it stays so.
 */
export async function followForRepresentatives(db: DbOrTx, organizationId: string, target: string, reason: FollowReason) {
  // Dated by the forum's clock, as the events a follower hears of are (fan-out compares the two).
  await db.execute(followForRepresentativesSql(organizationId, target, reason, clock.now()));
}

/**
 * followForRepresentatives' insert…select, for a statement of which it is one part (a data-modifying
 * CTE): it follows only where `when` holds, a condition over the statement's other parts.
 */
export function followForRepresentativesSql(
  organizationId: string | SQL,
  target: string | SQLWrapper,
  reason: FollowReason,
  now: Date | SQLWrapper,
  when: SQL = sql`true`,
): SQL {
  return sql`insert into follows (user_id, target, reason, created_at, updated_at)
    select r.user_id, ${target}, ${reason}, ${instant(now)}::timestamptz, ${instant(now)}::timestamptz from (${representativesSql(organizationId, now)}) r
    where ${when}
    on conflict do nothing`;
}
