-- Substring search of organisation names and public proposal titles (ilike '%…%') through trigrams.
-- pg_trgm ships with PostgreSQL (contrib); the embedded database loads it (db/connect.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "organizations_name_trgm_idx" ON "organizations" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "norms_public_title_trgm_idx" ON "norms" USING gin ("title" gin_trgm_ops) WHERE "norms"."submitted_at" is not null;--> statement-breakpoint
-- The same suggestions in title order: a common term stops after the first page of matches, read
-- from the index alone (drizzle-kit cannot write INCLUDE, so this index is only here; see
-- db/schema/norms.ts).
CREATE INDEX "norms_public_title_idx" ON "norms" USING btree ("title", "id") INCLUDE ("slug", "status", "current_version") WHERE "norms"."submitted_at" is not null;