// How a person is named wherever the forum shows who did something. A person who deleted their
// account keeps their row (append-only tables refer to it) with the name cleared; pages and
// exports then say "a former member", or "a former representative" for what they did on behalf
// of an organisation, which stays on record as the organisation's.
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "~/db/schema";
import { messages } from "../i18n/messages";

const { formerMember, formerRepresentative } = messages.en.common.person;

type PersonColumns = { displayName: AnyPgColumn; deletedAt: AnyPgColumn };

/**
 * The person's display name, or the former-person label once the account is deleted. Pass
 * `onBehalfOf` (an organisation id column, or `true` when the entry always speaks for one) to say
 * "a former representative" where the entry was made for an organisation.
 */
export function personName(person: PersonColumns = users, onBehalfOf?: AnyPgColumn | true): SQL<string> {
  const label =
    onBehalfOf === true
      ? sql`${formerRepresentative}::text`
      : onBehalfOf
        ? sql`case when ${onBehalfOf} is null then ${formerMember}::text else ${formerRepresentative}::text end`
        : sql`${formerMember}::text`;
  return sql<string>`case when ${person.deletedAt} is null then ${person.displayName} else ${label} end`;
}

/** The same rule for a row already read: its name, or the label when it belongs to a deleted account. */
export function formerOr(person: { displayName: string; deletedAt: Date | null }, onBehalfOf = false): string {
  if (!person.deletedAt) return person.displayName;
  return onBehalfOf ? formerRepresentative : formerMember;
}
