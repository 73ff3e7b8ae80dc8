import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { sponsorStates } from "~/server/schemas/sponsors";
import { norms } from "./norms";
import { organizations } from "./organizations";
import { users } from "./users";

export { sponsorStates, type SponsorState } from "~/server/schemas/sponsors";

export const sponsorState = pgEnum("sponsor_state", sponsorStates);

// An organisation co-sponsoring a norm (server/domain/sponsors.ts): a representative asks, the
// norm's authors accept or decline, and the organisation may withdraw its request or its
// sponsorship. Rows are never deleted: a withdrawn sponsorship stays on the norm's record.
export const normSponsors = pgTable(
  "norm_sponsors",
  {
    id: uuid().primaryKey().defaultRandom(),
    normId: uuid()
      .notNull()
      .references((): AnyPgColumn => norms.id),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    state: sponsorState().notNull().default("requested"),
    // The representative who asked, and their short message to the authors (empty for none).
    requestedById: uuid()
      .notNull()
      .references(() => users.id),
    message: text().notNull().default(""),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // The author who accepted or declined it, and when: the sponsorship runs from an acceptance.
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    // The representative who withdrew the request or the sponsorship, and when.
    withdrawnById: uuid().references(() => users.id),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // At most one open request or sponsorship per organisation and norm; asking again after a
    // decline or a withdrawal adds a row, so the record of the earlier one is kept.
    uniqueIndex("norm_sponsors_open_key").on(t.normId, t.organizationId).where(sql`${t.state} in ('requested', 'accepted')`),
    // A norm's sponsors and its requests (the norm page), by state, in the order they joined.
    index("norm_sponsors_norm_id_state_idx").on(t.normId, t.state, t.decidedAt),
    // An organisation's requests and sponsorships (the viewer's choices on the norm page).
    index("norm_sponsors_organization_id_idx").on(t.organizationId, t.state),
    index("norm_sponsors_requested_by_id_idx").on(t.requestedById),
    index("norm_sponsors_decided_by_id_idx").on(t.decidedById),
    index("norm_sponsors_withdrawn_by_id_idx").on(t.withdrawnById),
    check("norm_sponsors_decided_chk", sql`(${t.decidedAt} is null) = (${t.decidedById} is null) and (${t.state} not in ('accepted', 'declined') or ${t.decidedAt} is not null)`),
    check("norm_sponsors_withdrawn_chk", sql`(${t.state} = 'withdrawn') = (${t.withdrawnAt} is not null) and (${t.withdrawnAt} is null) = (${t.withdrawnById} is null)`),
    check("norm_sponsors_message_chk", sql`char_length(${t.message}) <= 500`),
  ],
);
