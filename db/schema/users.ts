import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { userRoles } from "~/server/schemas/vocabulary";

export { userRoles, type UserRole } from "~/server/schemas/vocabulary";
export const userRole = pgEnum("user_role", userRoles);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Stored lower-cased; the unique index makes "taken email" a database rule.
    email: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    role: userRole().notNull().default("member"),
    // Bumped to revoke every session at once (sign out everywhere, password change).
    sessionVersion: integer().notNull().default(1),
    locale: text().notNull().default("en"),
    // Set when the person deleted their account: the row stays (append-only tables refer to it),
    // anonymised, so nothing names them (server/domain/privacy.ts).
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    check("users_email_lower_chk", sql`${t.email} = lower(${t.email})`),
  ],
);

// confirm_address: a further address a person added (user_emails), confirmed by a mailed link.
export const emailTokenPurposes = ["verify_email", "reset_password", "confirm_address"] as const;
export type EmailTokenPurpose = (typeof emailTokenPurposes)[number];
export const emailTokenPurpose = pgEnum("email_token_purpose", emailTokenPurposes);

export const emailTokens = pgTable(
  "email_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: emailTokenPurpose().notNull(),
    // For confirm_address: the address the link confirms.
    userEmailId: uuid().references(() => userEmails.id, { onDelete: "cascade" }),
    // SHA-256 of the token sent by mail; the token itself is never stored.
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_tokens_token_hash_key").on(t.tokenHash),
    index("email_tokens_user_id_idx").on(t.userId),
    index("email_tokens_user_email_id_idx").on(t.userEmailId),
  ],
);

/**
 * A person's further email addresses (verified representation, issue 17): a representation rests on
 * a confirmed address at one of its organisation's confirmed domains. The sign-in address
 * (users.email, confirmed through emailVerifiedAt) counts as one of the person's confirmed addresses
 * and is not repeated here. A confirmed address belongs to one account across the forum, sign-in
 * addresses included (a trigger checks both tables); an unconfirmed one may wait on several
 * accounts, so adding someone's address without being able to confirm it blocks nobody.
 */
export const userEmails = pgTable(
  "user_emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text().notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("user_emails_user_id_email_key").on(t.userId, t.email),
    uniqueIndex("user_emails_confirmed_email_key").on(t.email).where(sql`${t.confirmedAt} is not null`),
    // Who is confirming or holds an address (the trigger's and the add form's lookups).
    index("user_emails_email_idx").on(t.email),
    check("user_emails_email_lower_chk", sql`${t.email} = lower(${t.email})`),
  ],
);

export const suspensions = pgTable(
  "suspensions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text().notNull(),
    // Null means indefinite.
    endsAt: timestamp({ withTimezone: true }),
    createdById: uuid()
      .notNull()
      .references(() => users.id),
    // The role of whoever imposed it, at that moment: only an admin lifts what an admin imposed,
    // even if that admin's role changes later. A row written without it counts as the strictest case.
    imposedByRole: userRole().notNull().default("admin"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    liftedAt: timestamp({ withTimezone: true }),
    liftedById: uuid().references(() => users.id),
    liftReason: text(),
  },
  (t) => [
    index("suspensions_user_id_idx").on(t.userId),
    index("suspensions_created_by_id_idx").on(t.createdById),
    index("suspensions_lifted_by_id_idx").on(t.liftedById),
  ],
);

export const appealStatuses = ["pending", "upheld", "lifted"] as const;
export const appealStatus = pgEnum("appeal_status", appealStatuses);

export const suspensionAppeals = pgTable(
  "suspension_appeals",
  {
    id: uuid().primaryKey().defaultRandom(),
    suspensionId: uuid()
      .notNull()
      .references(() => suspensions.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text().notNull(),
    status: appealStatus().notNull().default("pending"),
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One appeal per suspension.
    uniqueIndex("suspension_appeals_suspension_id_key").on(t.suspensionId),
    index("suspension_appeals_user_id_idx").on(t.userId),
    index("suspension_appeals_decided_by_id_idx").on(t.decidedById),
  ],
);
