/**
 * Tables no public page shows, written on many requests: no trigger moves the public generation for
 * them (migration 0017). Every other table has the trigger; tests/page-cache-generation.test.ts
 * holds each table of the database to one or the other, so a new table must choose.
 */
export const PRIVATE_TABLES = ["rate_limits", "email_tokens", "audit_log", "public_generation", "user_emails", "organization_entries", "sealed_positions", "representative_nominations", "representation_reminders", "follows", "notification_events", "notifications", "notification_preferences", "outbound_mail"] as const;
